"""Behind a TLS reverse proxy: secure cookies and HSTS; hosts from ``VIGIL_ALLOWED_HOSTS``."""

import os

from vigil.settings.base import *  # noqa: F403

ALLOWED_HOSTS = [h for h in os.environ.get("VIGIL_ALLOWED_HOSTS", "").split(",") if h]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
