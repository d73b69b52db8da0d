"""Routes of the web UI."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.views.generic import RedirectView

from vigil.web import (
    account,
    activity,
    appeals,
    case_people,
    cases,
    dashboard,
    events,
    intake,
    organisations,
    pages,
    people,
    profile,
    records,
    review,
    search,
    signin,
    users,
)

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("favicon.ico", pages.no_icon, name="favicon"),
    path(
        "today/",
        login_required(RedirectView.as_view(pattern_name="dashboard", query_string=True)),
        name="today",
    ),
    path("cases/", cases.case_list, name="case-list"),
    path("search/", search.search_page, name="search"),
    path("cases/new/", cases.case_new, name="case-new"),
    path("cases/<int:case_id>/", cases.case_detail, name="case-detail"),
    path("cases/<int:case_id>/edit/", cases.case_edit, name="case-edit"),
    path("cases/<int:case_id>/close/", cases.case_close, name="case-close"),
    path("cases/<int:case_id>/assign/", cases.case_assign, name="case-assign"),
    path("cases/<int:case_id>/reopen/", cases.case_reopen, name="case-reopen"),
    path("cases/<int:case_id>/defenders/new/", case_people.defender_add, name="defender-add"),
    path(
        "cases/<int:case_id>/defenders/<int:person_id>/remove/",
        case_people.defender_remove,
        name="defender-remove",
    ),
    path("cases/<int:case_id>/events/new/", events.event_new, name="event-new"),
    path("cases/<int:case_id>/followups/new/", events.followup_new, name="followup-new"),
    path("cases/<int:case_id>/appeal.<str:fmt>", appeals.case_appeal_download, name="appeal-download"),
    path("cases/<int:case_id>/appeals/new/", appeals.appeal_compose, name="appeal-compose"),
    path("events/<int:event_id>/edit/", events.event_edit, name="event-edit"),
    path("followups/<int:followup_id>/edit/", events.followup_edit, name="followup-edit"),
    path("followups/<int:followup_id>/done/", events.followup_done, name="followup-done"),
    path("followups/<int:followup_id>/snooze/", events.followup_snooze, name="followup-snooze"),
    path("followups/<int:followup_id>/reopen/", events.followup_reopen, name="followup-reopen"),
    path("defenders/<int:person_id>/", people.defender_detail, name="defender-detail"),
    path("defenders/<int:person_id>/edit/", case_people.person_edit, name="person-edit"),
    path("matches/", people.match_list, name="match-list"),
    path("matches/<str:kind>/<int:match_id>/", people.match_decide, name="match-decide"),
    path("matches/<str:kind>/<int:record_id>/unmerge/", people.unmerge, name="unmerge"),
    path("organisations/", organisations.organisation_list, name="organisation-list"),
    path("organisations/new/", organisations.organisation_new, name="organisation-new"),
    path(
        "organisations/<int:organisation_id>/", organisations.organisation_detail, name="organisation-detail"
    ),
    path(
        "organisations/<int:organisation_id>/edit/", organisations.organisation_edit, name="organisation-edit"
    ),
    path("records/<str:kind>/<int:record_id>/delete/", records.record_delete, name="record-delete"),
    path("records/<str:kind>/<int:record_id>/restore/", records.record_restore, name="record-restore"),
    path("records/<str:kind>/<int:record_id>/level/", records.record_level, name="record-level"),
    path("deleted/", records.deleted_list, name="deleted-list"),
    path("intake/", intake.intake, name="intake"),
    path("review/", review.review_list, name="review-list"),
    path("review/<int:source_id>/", review.review_source, name="review-source"),
    path("review/<int:source_id>/reopen/", review.review_reopen, name="review-reopen"),
    path("review/<int:source_id>/details/", records.source_edit, name="source-edit"),
    path("review/<int:source_id>/<int:position>/keep/", review.suggestion_keep, name="suggestion-keep"),
    path("review/<int:source_id>/<int:position>/reject/", review.suggestion_reject, name="suggestion-reject"),
    path(
        "review/<int:source_id>/<int:position>/correct/", review.suggestion_correct, name="suggestion-correct"
    ),
    path("review/<int:source_id>/<int:position>/attach/", review.suggestion_attach, name="suggestion-attach"),
    path(
        "review/<int:source_id>/<int:position>/organisations/",
        review.suggestion_attach_organisations,
        name="suggestion-organisations",
    ),
    path("appeals/<int:appeal_id>/", appeals.appeal_detail, name="appeal-detail"),
    path("appeals/<int:appeal_id>/section/", appeals.appeal_section, name="appeal-section"),
    path("appeals/<int:appeal_id>/demands/", appeals.appeal_demands, name="appeal-demands"),
    path("appeals/<int:appeal_id>/advance/", appeals.appeal_advance, name="appeal-advance"),
    path("appeals/<int:appeal_id>/new-version/", appeals.appeal_new_version, name="appeal-new-version"),
    path("appeals/<int:appeal_id>/translate/", appeals.appeal_translate, name="appeal-translate"),
    path("appeals/<int:appeal_id>/confirm/", appeals.appeal_confirm, name="appeal-confirm"),
    path(
        "appeals/<int:appeal_id>/download.<str:fmt>", appeals.appeal_download, name="appeal-version-download"
    ),
    path("profile/", profile.edit_profile, name="profile"),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="web/login.html", authentication_form=account.SignInForm),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/two-factor/", signin.verify, name="two-factor-verify"),
    path("account/two-factor/setup/", signin.setup, name="two-factor-setup"),
    path("account/", account.account_page, name="account"),
    path("account/password/", account.password_change, name="password-change"),
    path("activity/", activity.activity, name="activity"),
    path("records/<str:kind>/<int:record_id>/", activity.record_open, name="record-open"),
    path("users/", users.user_list, name="user-list"),
    path("users/new/", users.user_new, name="user-new"),
    path("users/<int:user_id>/", users.user_detail, name="user-detail"),
    path("users/<int:user_id>/role/", users.user_role, name="user-role"),
    path("users/<int:user_id>/active/", users.user_active, name="user-active"),
    path("users/<int:user_id>/password/", users.user_password, name="user-password"),
    path("users/<int:user_id>/unlock/", users.user_unlock, name="user-unlock"),
]
