"""The case list as one reader may see it: filters, sorting, and what each row shows (the next
follow-up due, the last activity, who is assigned). The web page, ``vigil case list`` and the
API's ``GET /cases`` all read cases through here.

Every filter and every figure is computed from records the reader may see: a case is counted
under an event type, a year or a gender only through an event or a defender readable on that
case, so a filter never reveals a record (a confidential event, a confidential defender) that
the reader may not see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from django.contrib.auth.models import User as Account
from django.db.models import DateField, DateTimeField, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest

from vigil.cases.access import level_condition, named_on_case, readable_cases
from vigil.cases.models import Case, CaseSituation, Confidentiality, Event, FollowUp, Gender, Source
from vigil.cases.models.followup import FollowUpStatus
from vigil.cases.roles import User
from vigil.cases.vocabulary import event_types, violation_of

STATES = ("open", "closed", "all")
SORTS = ("activity", "opened", "title", "country", "due")
NOBODY = "nobody"
PAGE_SIZE = 50


class CaseQueryError(ValueError):
    """A filter value that is not one of the known ones (named, with the choices)."""


def violations() -> list[str]:
    """The violations events document, in vocabulary order."""
    return list(dict.fromkeys(v for t in event_types() if (v := violation_of(t))))


@dataclass(frozen=True)
class CaseQuery:
    """What the reader asked for: empty fields filter nothing. ``assigned_to`` is ``me``,
    ``nobody`` or a username."""

    state: str = "open"
    country: str = ""
    situation: str = ""
    violation: str = ""
    event_type: str = ""
    year: int | None = None
    gender: str = ""
    confidentiality: str = ""
    assigned_to: str = ""
    sort: str = "activity"

    def __post_init__(self) -> None:
        known = {
            "state": STATES,
            "situation": CaseSituation.values,
            "violation": violations(),
            "event_type": event_types(),
            "gender": Gender.values,
            "confidentiality": Confidentiality.values,
            "sort": SORTS,
        }
        for name, choices in known.items():
            value = getattr(self, name)
            if value and value not in choices:
                raise CaseQueryError(
                    f"unknown {name.replace('_', ' ')} {value!r}: one of {', '.join(choices)}"
                )
        if self.country and not (len(self.country) == 2 and self.country.isalpha()):
            raise CaseQueryError(f"a country is two letters (KZ, KE...), not {self.country!r}")


def readable_on_case(user: User | None, records: QuerySet[Any]) -> QuerySet[Any]:
    """A case's records (events, follow-ups, sources) at a level ``user`` reads on that case."""
    return records.filter(level_condition(user, named_on_case(user, "case__")))


def cases_with_events(user: User | None, events: QuerySet[Event]) -> QuerySet[Any]:
    """Ids of cases having one of ``events`` that ``user`` may see there."""
    return readable_on_case(user, events).values("case_id")


def cases_with_defenders(user: User | None, gender: str) -> QuerySet[Any]:
    """Ids of cases with a defender of ``gender`` that ``user`` may see on that case."""
    ties = Case.defenders.through.objects.filter(
        person__gender=gender, person__deleted_at__isnull=True, person__merged_into__isnull=True
    )
    return ties.filter(level_condition(user, named_on_case(user, "case__"), prefix="person__")).values(
        "case_id"
    )


def assignee_of(user: User | None, name: str) -> Account | None:
    """The account ``assigned_to`` names (``me`` is the reader); None when there is none."""
    if name == "me":
        return user if isinstance(user, Account) else None
    return Account.objects.filter(username=name).first()


def filtered(user: User | None, query: CaseQuery) -> QuerySet[Case]:
    """The cases ``user`` may see that match ``query`` (not yet sorted)."""
    cases = readable_cases(user)
    if query.state == "open":
        cases = cases.filter(closed__isnull=True)
    elif query.state == "closed":
        cases = cases.filter(closed__isnull=False)
    if query.country:
        cases = cases.filter(country=query.country.upper())
    if query.situation:
        cases = cases.filter(situation=query.situation)
    if query.confidentiality:
        cases = cases.filter(confidentiality=query.confidentiality)
    if query.event_type:
        cases = cases.filter(pk__in=cases_with_events(user, Event.objects.filter(type=query.event_type)))
    if query.violation:
        kinds = [t for t in event_types() if violation_of(t) == query.violation]
        cases = cases.filter(pk__in=cases_with_events(user, Event.objects.filter(type__in=kinds)))
    if query.year:
        dated = cases_with_events(user, Event.objects.filter(date__year=query.year))
        cases = cases.filter(Q(pk__in=dated) | Q(opened__year=query.year))
    if query.gender:
        cases = cases.filter(pk__in=cases_with_defenders(user, query.gender))
    if query.assigned_to == NOBODY:
        cases = cases.filter(assignees__isnull=True)
    elif query.assigned_to:
        account = assignee_of(user, query.assigned_to)
        cases = cases.filter(assignees=account) if account else cases.none()
    return cases


def next_due(user: User | None) -> Subquery:
    """The day of the earliest open follow-up of the outer case the reader may see (a snoozed one
    counts from the day it was snoozed to), as a subquery."""
    return Subquery(due_first(user).values("watch")[:1], output_field=DateField())


def due_first(user: User | None) -> QuerySet[Any]:
    """Open follow-ups of the outer case the reader may see, the first to watch first."""
    open_followups = readable_on_case(
        user, FollowUp.objects.filter(case=OuterRef("pk"), status=FollowUpStatus.OPEN)
    )
    watched: QuerySet[Any] = open_followups.annotate(watch=Greatest("due", Coalesce("snoozed_until", "due")))
    return watched.order_by("watch", "id")


def last_activity(user: User | None) -> Greatest:
    """The latest change the reader may see: to the case, its events, follow-ups or sources."""

    def latest(model: type[Event] | type[FollowUp] | type[Source]) -> Coalesce:
        changes = readable_on_case(user, model.objects.filter(case=OuterRef("pk")))
        newest = changes.order_by("-updated_at").values("updated_at")[:1]
        return Coalesce(Subquery(newest, output_field=DateTimeField()), F("updated_at"))

    return Greatest("updated_at", latest(Event), latest(FollowUp), latest(Source))


def with_figures(user: User | None, cases: QuerySet[Case]) -> QuerySet[Case]:
    """``cases`` with ``next_due``, ``next_due_kind`` and ``last_activity``, from records the
    reader may see."""
    return cases.annotate(
        next_due=next_due(user),
        next_due_kind=Subquery(due_first(user).values("kind")[:1]),
        last_activity=last_activity(user),
    )


ORDER: dict[str, tuple[Any, ...]] = {
    "activity": (F("last_activity").desc(), "-id"),
    "opened": (F("opened").desc(nulls_last=True), "-id"),
    "due": (F("next_due").asc(nulls_last=True), "-id"),
}
# Titles are encrypted by the application: these sorts run here, on the decrypted titles.
BY_TEXT: dict[str, Callable[[tuple[int, str, str]], tuple[Any, ...]]] = {
    "title": lambda row: (row[1].casefold(), row[0]),
    "country": lambda row: (row[2], row[1].casefold(), row[0]),
}


class SortedCases(Sequence[Case]):
    """The cases of a list in order, read a slice (a page) at a time; its length is the count of
    matching cases, counted without the figures the sort needs."""

    def __init__(self, matching: QuerySet[Case], ordered: QuerySet[Case]) -> None:
        self.matching, self.sorted_by = matching, ordered
        self.size: int | None = None

    def __len__(self) -> int:
        if self.size is None:
            self.size = self.matching.count()
        return self.size

    @overload
    def __getitem__(self, index: int) -> Case: ...

    @overload
    def __getitem__(self, index: slice) -> list[Case]: ...

    def __getitem__(self, index: int | slice) -> Case | list[Case]:
        if isinstance(index, int):
            found = self[index : index + 1] if index >= 0 else self[len(self) + index : len(self) + index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        return list(self.sorted_by[index])

    def __iter__(self) -> Iterator[Case]:
        yield from self[0 : len(self)]


class SortedByTitle(SortedCases):
    """Cases sorted by title (or country, then title): the matching cases' ids are put in order
    once, from their decrypted titles, and each page is read by its ids."""

    def __init__(
        self, matching: QuerySet[Case], key: Callable[[tuple[int, str, str]], tuple[Any, ...]]
    ) -> None:
        super().__init__(matching, matching)
        self.key = key
        self.ids: list[int] | None = None

    def ordered_ids(self) -> list[int]:
        if self.ids is None:
            rows = sorted(self.matching.values_list("pk", "title", "country"), key=self.key)
            self.ids = [row[0] for row in rows]
            self.size = len(self.ids)
        return self.ids

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, int):
            return super().__getitem__(index)
        ids = self.ordered_ids()[index]
        found = {case.pk: case for case in self.matching.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]


def case_list(user: User | None, query: CaseQuery) -> SortedCases:
    """The cases ``user`` may see matching ``query``, sorted; only the figure the sort needs is
    computed for every matching case (a page's others come from :func:`case_rows`), and the
    count is taken without it."""
    cases = filtered(user, query)
    if query.sort == "activity":
        return SortedCases(
            cases, cases.annotate(last_activity=last_activity(user)).order_by(*ORDER["activity"])
        )
    if query.sort == "due":
        return SortedCases(cases, cases.annotate(next_due=next_due(user)).order_by(*ORDER["due"]))
    if query.sort in BY_TEXT:
        return SortedByTitle(cases, BY_TEXT[query.sort])
    return SortedCases(cases, cases.order_by(*ORDER[query.sort]))


def figures_by_case(user: User | None, cases: list[Case]) -> dict[int, dict[str, Any]]:
    """Next due, its kind and last activity of each case of a page, in one query."""
    page = with_figures(user, Case.objects.filter(pk__in=[case.pk for case in cases]))
    rows = page.values("pk", "next_due", "next_due_kind", "last_activity")  # type: ignore[misc]
    return {row["pk"]: row for row in rows}


def defenders_by_case(user: User | None, cases: list[Case]) -> dict[int, list[tuple[int, str]]]:
    """The defenders ``user`` may see on each case of a page, ``(id, name)``, in one query."""
    found: dict[int, list[tuple[int, str]]] = {case.pk: [] for case in cases}
    ties = Case.defenders.through.objects.filter(case_id__in=found, person__deleted_at__isnull=True)
    ties = ties.filter(level_condition(user, named_on_case(user, "case__"), prefix="person__")).distinct()
    for case_id, person_id, name in ties.order_by("person_id").values_list(
        "case_id", "person_id", "person__name"
    ):
        found[case_id].append((person_id, name))
    return found


def assignees_by_case(cases: list[Case]) -> dict[int, list[str]]:
    """The usernames assigned to each case of a page, in one query."""
    found: dict[int, list[str]] = {case.pk: [] for case in cases}
    ties = Case.assignees.through.objects.filter(case_id__in=found).order_by("user__username")
    for case_id, username in ties.values_list("case_id", "user__username"):
        found[case_id].append(username)
    return found


def case_rows(user: User | None, cases: list[Case], *, today: dt.date) -> list[dict[str, Any]]:
    """A page of cases (from :func:`case_list`) as plain data, for every presenter."""
    defenders = defenders_by_case(user, cases)
    assignees = assignees_by_case(cases)
    figures = figures_by_case(user, cases)
    rows = []
    for case in cases:
        due: dt.date | None = figures[case.pk]["next_due"]
        rows.append(
            {
                "id": case.pk,
                "title": case.title,
                "country": case.country or None,
                "situation": case.situation,
                "confidentiality": case.confidentiality,
                "opened": case.opened.isoformat() if case.opened else None,
                "closed": case.closed.isoformat() if case.closed else None,
                "defenders": [name for _, name in defenders[case.pk]],
                "defender_ids": [pk for pk, _ in defenders[case.pk]],
                "assigned_to": assignees[case.pk],
                "next_due": due.isoformat() if due else None,
                "next_due_kind": figures[case.pk]["next_due_kind"],
                "overdue": bool(due and due < today),
                "last_activity": figures[case.pk]["last_activity"].isoformat(),
            }
        )
    return rows
