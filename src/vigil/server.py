"""The production web server: gunicorn worker processes running Vigil's WSGI application, with
WhiteNoise serving the static files (the web UI's and the API docs page's) from the packages.

``vigil serve`` starts it without a configuration file. Worker processes, not threads, so a
small server's cores all serve; no access log (request lines name the cases and people looked
at, and a calendar feed's address is its secret); a dead worker is replaced by the master.
"""

from __future__ import annotations

import os
from typing import Any

from gunicorn.app.base import BaseApplication


def static_application(application: Any) -> Any:
    """``application`` behind WhiteNoise, serving every app's ``static/`` folder at STATIC_URL
    (the first app's copy of a file wins, as with Django's finders)."""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders
    from whitenoise import WhiteNoise

    served = WhiteNoise(application, max_age=3600)
    locations: list[str] = []
    for finder in get_finders():
        for _path, storage in finder.list([]):
            location = str(storage.location)
            if location not in locations:
                locations.append(location)
    for location in reversed(locations):
        served.add_files(location, prefix=settings.STATIC_URL)
    return served


def wsgi_application() -> Any:
    from django.core.wsgi import get_wsgi_application

    return static_application(get_wsgi_application())


class VigilServer(BaseApplication):  # type: ignore[misc]
    """gunicorn, configured in code; each worker loads the application after it starts."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return wsgi_application()


def default_workers() -> int:
    """Two per core and one more, as gunicorn's documentation suggests, at most 9."""
    return min(2 * (os.cpu_count() or 1) + 1, 9)


def run(*, host: str, port: int, workers: int, threads: int) -> None:
    """Serve until stopped (SIGTERM or Ctrl-C: requests in flight get 10 seconds to finish)."""
    VigilServer(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "timeout": 120,
            "graceful_timeout": 10,
            "keepalive": 5,
            "max_requests": 2000,
            "max_requests_jitter": 200,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "forwarded_allow_ips": "127.0.0.1,::1",
            "proc_name": "vigil",
        }
    ).run()
