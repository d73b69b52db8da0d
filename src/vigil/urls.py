"""URL routes: the web UI, the admin, the JSON API and the calendar feeds."""

from django.contrib import admin
from django.urls import include, path

from vigil.api.main import api
from vigil.followups.views import calendar_feed

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("calendar/<str:secret>.ics", calendar_feed, name="calendar-feed"),
    path("", include("vigil.web.urls")),
]
