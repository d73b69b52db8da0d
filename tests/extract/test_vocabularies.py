"""Vocabularies are versioned data, checked here: every file loads, and they agree with each other."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import yaml

from vigil_extract import vocab

FILES = sorted(
    p.name.removesuffix(".yaml")
    for p in resources.files("vigil_extract.vocab").iterdir()
    if p.name.endswith(".yaml")
)
LANGUAGES = ("en", "fr", "es", "ru")


@pytest.mark.parametrize("name", FILES)
def test_every_vocabulary_loads_with_a_version(name: str) -> None:
    assert isinstance(vocab.load(name)["version"], int)


def test_trigger_types_are_event_types_of_the_contract() -> None:
    event_types = set(vocab.load("event_types")["event_types"])
    for language in LANGUAGES:
        assert set(vocab.load("triggers")[language]) <= event_types, language


def test_every_regular_expression_in_the_vocabularies_compiles() -> None:
    for rule in (r for lang in LANGUAGES for r in vocab.load("dates")["relative"][lang]):
        re.compile(rule["pattern"])
    for pattern in vocab.load("demands")["intro"] + vocab.load("demands")["inline"]:
        re.compile(pattern)
    for language in LANGUAGES:
        for pattern in vocab.load("legal")["patterns"][language]:
            re.compile(pattern)


def test_month_and_weekday_tables_are_complete() -> None:
    data = vocab.load("dates")
    for language in LANGUAGES:
        assert set(data["months"][language].values()) == set(range(1, 13)), language
        assert set(data["weekdays"][language].values()) == set(range(7)), language


def test_yaml_files_have_no_duplicate_keys() -> None:
    class Strict(yaml.SafeLoader):
        pass

    def no_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
        keys = [loader.construct_object(k) for k, _ in node.value]
        assert len(keys) == len(set(map(str, keys))), f"duplicate key in {node.start_mark}"
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, no_duplicates)
    for name in FILES:
        text = resources.files("vigil_extract.vocab").joinpath(f"{name}.yaml").read_text("utf-8")
        yaml.load(text, Loader=Strict)
