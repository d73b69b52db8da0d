"""WSGI entry point for a production server (``vigil.settings.prod`` by default)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.settings.prod")
application = get_wsgi_application()
