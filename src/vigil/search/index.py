"""The search index: what goes in (never a confidential record) and how it is queried.

Entries carry the record's confidentiality level, and every hit is checked again through
the ``access_*`` functions before it is shown, so search never widens what a user may see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import connection

from vigil.search.tokens import snippet, tokens

if TYPE_CHECKING:
    from vigil.cases.models import Case, Event, Person, Source
    from vigil.cases.roles import User

TABLE = "search_entry"
KIND_CODES = {"case": 0, "person": 1, "source": 2, "event": 3}
KIND_SLOTS = 8  # rowid = id * KIND_SLOTS + code: room for more kinds without renumbering


MARK_START, MARK_END = "\x02", "\x03"
DOCUMENT = "setweight(to_tsvector('simple', %s), 'A') || to_tsvector('simple', %s)"


@dataclass(frozen=True)
class Hit:
    """One search result: the record's kind, id, title and a snippet around the match, whose
    matched words are between MARK_START and MARK_END (control characters no text contains)."""

    kind: str
    object_id: int
    title: str
    snippet: str

    def pieces(self) -> list[tuple[str, bool]]:
        """The snippet as (text, matched) pieces, for a renderer that escapes each piece."""
        parts: list[tuple[str, bool]] = []
        for index, chunk in enumerate(self.snippet.split(MARK_START)):
            matched, _, rest = chunk.partition(MARK_END) if index else ("", "", chunk)
            parts += [(matched, True)] if matched else []
            parts += [(rest, False)] if rest else []
        return parts

    @property
    def plain_snippet(self) -> str:
        return "".join(text for text, _ in self.pieces())


def put(kind: str, object_id: int, level: str, title: str, body: str) -> None:
    """Replace a record's entry; a confidential (or deleted) record is removed instead.

    SQLite keeps the words in its FTS5 table (inside the SQLCipher file); PostgreSQL keeps only
    keyed tokens of them (``tokens.py``), the title's weighted above the body's."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DELETE FROM {TABLE} WHERE kind = %s AND object_id = %s", [kind, object_id])
            if level != "confidential":
                cursor.execute(
                    f"INSERT INTO {TABLE} (kind, object_id, level, document) VALUES (%s, %s, %s, {DOCUMENT})",
                    [kind, object_id, level, tokens(title), tokens(body)],
                )
            return
        # FTS5 columns have no index: address the row by a rowid derived from kind and id.
        rowid = object_id * KIND_SLOTS + KIND_CODES[kind]
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [rowid])
        if level != "confidential":
            cursor.execute(
                f"INSERT INTO {TABLE} (rowid, kind, object_id, level, title, body)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                [rowid, kind, object_id, level, title, body],
            )


def level_of(record: Case | Person | Source | Event) -> str:
    """The level to index at; a deleted record is removed like a confidential one."""
    return "confidential" if record.deleted_at is not None else record.confidentiality


def unindex(kind: str, object_id: int) -> None:
    """Remove a record's entry (a person merged into another, for example)."""
    put(kind, object_id, "confidential", "", "")


DEFERRED: ContextVar[dict[tuple[str, int], tuple[Callable[[Any], None], Any]] | None] = ContextVar(
    "search_deferred", default=None
)


@contextmanager
def deferred() -> Iterator[None]:
    """Index each record touched inside the block once, at its end (a batch that changes a
    case five times writes its entry once). Nested blocks join the outer one."""
    if DEFERRED.get() is not None:
        yield
        return
    touched: dict[tuple[str, int], tuple[Callable[[Any], None], Any]] = {}
    token = DEFERRED.set(touched)
    try:
        yield
    finally:
        DEFERRED.reset(token)
    for write, record_ in touched.values():
        write(record_)


def later(kind: str, record_: Any, write: Callable[[Any], None]) -> bool:
    """Inside :func:`deferred`, remember ``record_`` for the end of the block and say so."""
    touched = DEFERRED.get()
    if touched is None:
        return False
    touched[(kind, record_.pk)] = (write, record_)
    return True


def index_case(case: Case) -> None:
    if not later("case", case, write_case):
        write_case(case)


def index_person(person: Person) -> None:
    if not later("person", person, write_person):
        write_person(person)


def index_source(source: Source) -> None:
    if not later("source", source, write_source):
        write_source(source)


def index_event(event: Event) -> None:
    if not later("event", event, write_event):
        write_event(event)


def event_entry(event: Event) -> tuple[str, str]:
    """What happened, where, by whom and under which law."""
    title = " ".join(
        filter(None, [event.get_type_display(), event.date_display() if event.date else "", event.place])
    )
    body = " ".join(filter(None, [event.place, event.perpetrator_text, event.legal_basis, event.duration]))
    return title, body


def case_entry(case: Case) -> tuple[str, str]:
    """The case's title, and its defenders' names no more confidential than the case."""
    from vigil.cases.identity import levels_up_to
    from vigil.cases.parts import aliases_at

    levels = levels_up_to(case.confidentiality)
    defenders = [p for p in case.defenders.all() if p.confidentiality in levels]
    names = " ".join(" ".join([p.name, *aliases_at(p, levels)]) for p in defenders)
    return case.title, " ".join([names, case.country, case.get_situation_display(), " ".join(case.issues)])


def person_entry(person: Person) -> tuple[str, str]:
    """The person's spellings and roles no more confidential than the person's own entry."""
    from vigil.cases.identity import levels_up_to
    from vigil.cases.parts import aliases_at, roles_at

    levels = levels_up_to(person.confidentiality)
    return person.name, " ".join([*aliases_at(person, levels), *roles_at(person, levels), person.country])


def source_entry(source: Source) -> tuple[str, str]:
    return source.title, source.text or ""


ENTRIES: dict[str, Callable[[Any], tuple[str, str]]] = {
    "case": case_entry,
    "person": person_entry,
    "source": source_entry,
    "event": event_entry,
}


def write(kind: str, record_: Any) -> None:
    """Index ``record_`` at its own level (a deleted record is removed like a confidential one)."""
    put(kind, record_.pk, level_of(record_), *ENTRIES[kind](record_))


def write_event(event: Event) -> None:
    write("event", event)


def write_case(case: Case) -> None:
    write("case", case)


def write_person(person: Person) -> None:
    write("person", person)


def write_source(source: Source) -> None:
    write("source", source)


def fts5_query(query: str) -> str:
    """The user's words as FTS5 string literals, so no query syntax is interpreted."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


def raw_search(query: str, levels: list[str], limit: int = 50) -> list[Hit]:
    """The best entries for ``query`` at ``levels``, unchecked. On PostgreSQL the hits carry no
    title or snippet (the index holds no text): :func:`search` adds them for allowed records."""
    if not query.strip() or not levels:
        return []
    marks = ", ".join(["%s"] * len(levels))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            wanted = tokens(query)
            if not wanted:
                return []
            cursor.execute(
                f"SELECT kind, object_id FROM {TABLE}"
                f" WHERE document @@ plainto_tsquery('simple', %s) AND level IN ({marks})"
                f" ORDER BY ts_rank(document, plainto_tsquery('simple', %s)) DESC, kind, object_id LIMIT %s",
                [wanted, *levels, wanted, limit],
            )
            return [Hit(kind, int(object_id), "", "") for kind, object_id in cursor.fetchall()]
        cursor.execute(
            f"SELECT kind, object_id, title, snippet({TABLE}, 4, char(2), char(3), '…', 12) FROM {TABLE}"
            f" WHERE {TABLE} MATCH %s AND level IN ({marks}) ORDER BY rank LIMIT %s",
            [fts5_query(query), *levels, limit],
        )
        return [
            Hit(kind, int(object_id), title, snippet or "")
            for kind, object_id, title, snippet in cursor.fetchall()
        ]


def allowed_hits(user: User | None, query: str, limit: int = 50) -> list[Hit]:
    """Hits for ``query`` whose records ``user`` may see, checked through the access layer
    without reading the records themselves (see :func:`with_records`)."""
    from vigil.cases.access import READABLE, visible_levels

    hits = raw_search(query, visible_levels(user), limit)
    allowed = {
        kind: set(
            READABLE[kind](user)
            .filter(pk__in=[h.object_id for h in hits if h.kind == kind])
            .values_list("pk", flat=True)
        )
        for kind in {h.kind for h in hits}
    }
    return [h for h in hits if h.object_id in allowed[h.kind]]


def with_records(user: User | None, hits: list[Hit]) -> list[tuple[Hit, Any]]:
    """Each hit with its record, read through the access layer (a hit ``user`` may no longer
    see is left out); on PostgreSQL still without title or snippet (see :func:`described`)."""
    from vigil.cases.access import READABLE

    records = {
        kind: READABLE[kind](user).in_bulk([h.object_id for h in hits if h.kind == kind])
        for kind in {h.kind for h in hits}
    }
    return [(h, records[h.kind][h.object_id]) for h in hits if h.object_id in records[h.kind]]


def checked_hits(user: User | None, query: str, limit: int = 50) -> list[tuple[Hit, Any]]:
    """Hits for ``query`` that ``user`` may see, each with its record."""
    return with_records(user, allowed_hits(user, query, limit))


def described(hit: Hit, record_: Any, query: str) -> Hit:
    """The hit with its title and snippet: as the index gave them (SQLite), or built from the
    decrypted record (PostgreSQL, whose index holds no text). Callers describe only the hits
    they show: building one costs a few queries."""
    if connection.vendor != "postgresql":
        return hit
    title, body = ENTRIES[hit.kind](record_)
    return Hit(hit.kind, hit.object_id, title, snippet(body, query, MARK_START, MARK_END))


def described_page(found: list[tuple[Hit, Any]], query: str) -> list[Hit]:
    """:func:`described` for a page of hits, the parts its entries are built from (defenders,
    their spellings, roles) read in a few queries for the whole page rather than per hit."""
    if connection.vendor == "postgresql":
        fetch_entry_parts(found)
    return [described(hit, record_, query) for hit, record_ in found]


def fetch_entry_parts(found: list[tuple[Hit, Any]]) -> None:
    from django.db.models import Prefetch, prefetch_related_objects

    from vigil.cases.models import Person, PersonName, PersonRole

    names = Prefetch("names", queryset=PersonName.objects.only("id", "person_id", "name", "confidentiality"))
    roles = Prefetch("roles", queryset=PersonRole.objects.only("id", "person_id", "role", "confidentiality"))
    defenders = Prefetch("defenders", queryset=Person.objects.only("id", "name", "confidentiality"))
    by_kind: dict[str, list[Any]] = {}
    for hit, record_ in found:
        by_kind.setdefault(hit.kind, []).append(record_)
    prefetch_related_objects(by_kind.get("case", []), defenders, Prefetch("defenders__names", names.queryset))
    prefetch_related_objects(by_kind.get("person", []), names, roles)


def search(user: User | None, query: str, limit: int = 50) -> list[Hit]:
    """Hits for ``query`` that ``user`` may see, with their titles and snippets."""
    return described_page(checked_hits(user, query, limit), query)


def rebuild() -> int:
    """Write every record's entry again (after a change of what is indexed); returns how many."""
    from vigil.cases.models import Case, Event, Person, Source

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
    count = 0
    for kind, model in (("case", Case), ("person", Person), ("source", Source), ("event", Event)):
        for record_ in model._default_manager.all().iterator():
            write(kind, record_)
            count += 1
    return count
