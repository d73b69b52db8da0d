"""Routes of the web UI."""

from django.contrib.auth import views as auth_views
from django.urls import path

from vigil.web import people, profile, review, views

urlpatterns = [
    path("", views.case_list, name="case-list"),
    path("cases/<int:case_id>/", views.case_detail, name="case-detail"),
    path("cases/<int:case_id>/appeal.<str:fmt>", views.appeal_download, name="appeal-download"),
    path("defenders/<int:person_id>/", people.defender_detail, name="defender-detail"),
    path("matches/", people.match_list, name="match-list"),
    path("matches/<str:kind>/<int:match_id>/", people.match_decide, name="match-decide"),
    path("matches/<str:kind>/<int:record_id>/unmerge/", people.unmerge, name="unmerge"),
    path("profile/", profile.edit_profile, name="profile"),
    path("review/", review.review_list, name="review-list"),
    path("review/<int:source_id>/", review.review_source, name="review-source"),
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
