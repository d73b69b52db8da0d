"""The activity page: who did what and when, from the audit chain, paged and filtered by
person, action and dates (see ``audit.activity`` for what each reader sees), and the links its
records open through.

A record is linked as "case #12" through ``/records/<kind>/<id>/``, which redirects to the
record's page only when the access layer finds it for the reader (else 404), so the activity
page itself never names a record.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from vigil.audit.activity import UNKNOWN_NAME, Filters, Reader, Ref, actions, actors, filtered, sees_everyone
from vigil.cases.access import READABLE, readable_appeals
from vigil.cases.roles import role_of
from vigil.web.forms.fields import DateInput
from vigil.web.labels import label
from vigil.web.links import actor, home_of
from vigil.web.pages import page

PER_PAGE = 50

# What someone did, by the part of the action after the dot ("case.edit" -> "edit").
VERBS = {
    "create": pgettext_lazy("activity", "created"),
    "edit": pgettext_lazy("activity", "corrected"),
    "update": pgettext_lazy("activity", "updated"),
    "change": pgettext_lazy("activity", "changed"),
    "delete": pgettext_lazy("activity", "deleted"),
    "restore": pgettext_lazy("activity", "restored"),
    "read": pgettext_lazy("activity", "opened"),
    "set_confidentiality": pgettext_lazy("activity", "decided who may see"),
    "sign_in": pgettext_lazy("activity", "signed in"),
    "sign_out": pgettext_lazy("activity", "signed out"),
    "sign_in_failed": pgettext_lazy("activity", "failed to sign in"),
    "locked_out": pgettext_lazy("activity", "was locked out"),
    "unlock": pgettext_lazy("activity", "lifted a lockout"),
    "set_role": pgettext_lazy("activity", "changed the role of"),
    "enable": pgettext_lazy("activity", "enabled"),
    "disable": pgettext_lazy("activity", "disabled"),
    "password_reset": pgettext_lazy("activity", "reset the password of"),
    "password_change": pgettext_lazy("activity", "changed their password"),
    "close": pgettext_lazy("activity", "closed"),
    "reopen": pgettext_lazy("activity", "reopened"),
    "done": pgettext_lazy("activity", "marked done"),
    "snooze": pgettext_lazy("activity", "snoozed"),
    "add_defender": pgettext_lazy("activity", "added a defender to"),
    "remove_defender": pgettext_lazy("activity", "removed a defender from"),
    "published": pgettext_lazy("activity", "published"),
    "approved": pgettext_lazy("activity", "approved"),
    "revoke": pgettext_lazy("activity", "revoked"),
    "second_factor_enrolled": pgettext_lazy("activity", "set up two-factor sign-in"),
    "second_factor_verified": pgettext_lazy("activity", "gave a two-factor code"),
    "second_factor_failed": pgettext_lazy("activity", "gave a wrong two-factor code"),
    "accept_all": pgettext_lazy("activity", "accepted the suggestions of"),
    "reject": pgettext_lazy("activity", "rejected"),
    "compose": pgettext_lazy("activity", "composed"),
    "merge": pgettext_lazy("activity", "merged"),
}
DETAIL_LABELS = {
    "fields": _("fields"),
    "role": _("role"),
    "situation": _("situation"),
    "language": _("language"),
    "before": _("before"),
    "after": _("after"),
    "address": _("address"),
    "person": _("defender"),
    "case": _("case"),
    "user": _("account"),
    "owner": _("owner"),
}


class ActivityFilterForm(forms.Form):
    """The filters; a value not among the choices is refused, not silently ignored."""

    user = forms.ChoiceField(label=_("Who"), required=False, choices=())
    action = forms.ChoiceField(label=_("Action"), required=False, choices=())
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(
        self, *args: Any, actor_choices: list[str], action_choices: list[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        everyone = [("", str(_("everyone")))]
        self.fields["user"].choices = everyone + [(a, actor(a)) for a in actor_choices]  # type: ignore[attr-defined]
        kinds = sorted({a.partition(".")[0] + "." for a in action_choices})
        any_action = [("", str(_("any action")))]
        grouped = [(k, f"{k}*") for k in kinds] + [(a, a) for a in action_choices]
        self.fields["action"].choices = any_action + grouped  # type: ignore[attr-defined]


def verb(action: str) -> str:
    found = VERBS.get(action.partition(".")[2])
    return str(found) if found is not None else action


def link(request: HttpRequest, ref: Ref) -> dict[str, str]:
    """How a reference is shown: "case #12" linked through the access check, an account by name."""
    if ref.kind == "account":
        url = reverse("user-detail", args=[ref.id]) if role_of(request.user) == "admin" else ""
        return {"text": ref.name, "url": url}
    return {"text": f"{label(ref.kind)} #{ref.id}", "url": reverse("record-open", args=[ref.kind, ref.id])}


def own_account(entry: Any) -> bool:
    """A sign-in, a password or a second factor of the actor's own account: no need to name it twice."""
    record = entry.record
    return record is not None and record.kind == "account" and entry.actor == f"user:{record.name}"


def row(request: HttpRequest, entry: Any) -> dict[str, Any]:
    other = str(_("an account name that does not exist")) if entry.other == UNKNOWN_NAME else entry.other
    return {
        "seq": entry.seq,
        "at": entry.at,
        "actor": actor(entry.actor),
        "verb": verb(entry.action),
        "action": entry.action,
        "record": link(request, entry.record) if entry.record and not own_account(entry) else None,
        "other": other,
        "shown": [(str(DETAIL_LABELS.get(k, k)), v) for k, v in entry.shown],
        "refs": [(str(DETAIL_LABELS.get(k, k)), link(request, ref)) for k, ref in entry.refs],
    }


@login_required
def activity(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ActivityFilterForm(request.GET or None, actor_choices=actors(user), action_choices=actions(user))
    filters = Filters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = Filters(data["user"] or "", data["action"] or "", data["since"], data["until"])
    entries = filtered(user, filters) if not form.errors else filtered(user, Filters()).none()
    paginator = Paginator(entries, PER_PAGE)
    current = paginator.get_page(request.GET.get("page"))
    reader = Reader(user)
    query = {k: v for k, v in request.GET.items() if k != "page" and v}
    context = {
        "form": form,
        "everyone": sees_everyone(user),
        "rows": [row(request, entry) for entry in reader.entries(current.object_list)],
        "page_obj": current,
        "query": urlencode(query),
    }
    return page(request, "web/activity.html", context, status=400 if form.errors else 200)


@login_required
def record_open(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    """A record linked from the activity page: its page if the reader may see it, else 404."""
    if kind == "appeal":
        if not readable_appeals(request.user).filter(pk=record_id).exists():
            raise Http404("No such appeal")
        return redirect("appeal-detail", record_id)
    readable = READABLE.get(kind)
    found = readable(request.user).filter(pk=record_id).first() if readable is not None else None
    if found is None:
        raise Http404(f"No such {kind}")
    return redirect(home_of(found))
