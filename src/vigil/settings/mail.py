"""E-mail (the daily digest of follow-ups) through the organisation's own SMTP server, and the
address links in e-mails and calendars point to. Read from the environment (docs/settings.md)."""

import os

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("VIGIL_SMTP_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("VIGIL_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("VIGIL_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("VIGIL_SMTP_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("VIGIL_SMTP_SECURITY", "starttls") == "starttls"
EMAIL_USE_SSL = os.environ.get("VIGIL_SMTP_SECURITY", "starttls") == "tls"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("VIGIL_MAIL_FROM", "vigil@localhost")
VIGIL_BASE_URL = os.environ.get("VIGIL_BASE_URL", "http://127.0.0.1:8000")
