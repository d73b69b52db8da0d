"""Routes of the web UI."""

from django.contrib.auth import views as auth_views
from django.urls import path

from vigil.web import profile, review, views

urlpatterns = [
    path("", views.case_list, name="case-list"),
    path("cases/<int:case_id>/", views.case_detail, name="case-detail"),
    path("cases/<int:case_id>/appeal.<str:fmt>", views.appeal_download, name="appeal-download"),
    path("profile/", profile.edit_profile, name="profile"),
    path("review/", review.review_list, name="review-list"),
    path("review/<int:source_id>/", review.review_source, name="review-source"),
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
