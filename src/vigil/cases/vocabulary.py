"""The event and violation vocabularies, shared with extraction (one YAML file, one truth)."""

from __future__ import annotations

from vigil_extract import vocab


def event_types() -> list[str]:
    return list(vocab.load("event_types")["event_types"])


def event_type_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in event_types()]


def violation_of(event_type: str) -> str | None:
    value = vocab.load("event_types")["event_types"].get(event_type)
    return str(value) if value else None
