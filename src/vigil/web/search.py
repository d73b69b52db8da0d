"""The search page: full text over cases, defenders, sources and events the reader may see,
with facets (kind, country, year) counted over the hits and snippets escaped safely."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from vigil.search.index import Hit, checked_hits, described_page
from vigil.web.pages import page

MAX_HITS = 200
FACETS = ("kind", "country", "year")


@dataclass(frozen=True)
class Result:
    """A hit with what the page shows and filters on: where it links, its country and year."""

    hit: Hit
    record: Any
    url: str
    country: str
    year: str

    def facet(self, name: str) -> str:
        return {"kind": self.hit.kind, "country": self.country, "year": self.year}[name]


def link_and_facets(kind: str, record: Any) -> tuple[str, str, str]:
    if kind == "case":
        return reverse("case-detail", args=[record.pk]), record.country, year_of(record.opened)
    if kind == "person":
        return reverse("defender-detail", args=[record.pk]), record.country, ""
    if kind == "event":
        url = reverse("case-detail", args=[record.case_id]) + f"#event-{record.pk}"
        return url, record.country, year_of(record.date)
    url = reverse("review-source", args=[record.pk])
    return url, record.case.country if record.case_id else "", year_of(record.published)


def year_of(date: Any) -> str:
    return str(date.year) if date else ""


def results(user: Any, query: str) -> list[Result]:
    return [
        Result(hit, record, *link_and_facets(hit.kind, record))
        for hit, record in checked_hits(user, query, limit=MAX_HITS)
    ]


def facet_counts(found: list[Result], chosen: dict[str, str]) -> dict[str, list[tuple[str, int]]]:
    """For each facet, its values with counts among the results the other chosen facets keep."""
    counts = {}
    for name in FACETS:
        others = {k: v for k, v in chosen.items() if k != name and v}
        kept = [r for r in found if all(r.facet(k) == v for k, v in others.items())]
        counts[name] = sorted(Counter(r.facet(name) for r in kept if r.facet(name)).items())
    return counts


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    chosen = {name: request.GET.get(name, "") for name in FACETS}
    found = results(request.user, query) if query else []
    shown = [r for r in found if all(r.facet(k) == v for k, v in chosen.items() if v)]
    context = {
        "query": query,
        "chosen": chosen,
        "facets": facet_counts(found, chosen),
        "results": [
            replace(r, hit=hit)
            for r, hit in zip(shown, described_page([(r.hit, r.record) for r in shown], query), strict=True)
        ],
        "total": len(found),
    }
    return page(request, "web/search.html", context)
