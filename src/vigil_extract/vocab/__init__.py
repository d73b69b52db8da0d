"""Vocabularies as versioned YAML data: triggers, roles, dates, places, demand cues."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed vocabulary file ``name`` (without ``.yaml``), read once per process."""
    text = resources.files("vigil_extract.vocab").joinpath(f"{name}.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader, in C where built
    if not isinstance(data, dict) or "version" not in data:
        raise ValueError(f"vocabulary {name}.yaml has no version")
    return data
