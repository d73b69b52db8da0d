"""Behind a TLS reverse proxy (``vigil serve --prod`` or ``VIGIL_ENV=production``): secure cookies
and HSTS; hosts from ``VIGIL_ALLOWED_HOSTS``; database connections kept by each worker."""

import os

from vigil.settings.base import *  # noqa: F403

ALLOWED_HOSTS = [h for h in os.environ.get("VIGIL_ALLOWED_HOSTS", "").split(",") if h]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Each worker thread keeps its database connection between requests, checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = 300  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
# nginx answers plain HTTP with a redirect to HTTPS (docs/deploy.md), not Django.
SILENCED_SYSTEM_CHECKS = ["security.W008"]
