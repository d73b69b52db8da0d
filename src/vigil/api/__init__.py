"""The JSON API under ``/api/v1/``: django-ninja routers over the same access rules, presenters
and actions as the web UI and the command line, authenticated by bearer tokens."""
