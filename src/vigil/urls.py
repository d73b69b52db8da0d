"""URL routes: the web UI, the admin and the JSON API."""

from django.contrib import admin
from django.urls import include, path

from vigil.api.main import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("vigil.web.urls")),
]
