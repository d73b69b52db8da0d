"""The optional NER component: names from a model join the rules; a missing model is a clear error."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pytest

from vigil_extract import ExtractConfig, ExtractionError, extract_text
from vigil_extract.components.ner import find_named_people, load_pipeline
from vigil_extract.components.people import find_people
from vigil_extract.pipeline import COMPONENTS

TEXT = (
    "5 May 2025\n\nKenya: activist detained\n\n"
    "On 2 May 2025, police detained the activist known to all as Wanjiru wa Kamau in Nairobi. "
    "Wanjiru wa Kamau was held overnight.\n\nWe urge the authorities to:\n\n1. Release Wanjiru wa Kamau;\n"
)


@dataclass
class Entity:
    text: str
    start_char: int
    end_char: int
    label_: str


@dataclass
class Parsed:
    ents: list[Entity]


class NameListPipeline:
    """A stand-in with spaCy's ``pipe`` interface (spaCy itself is not installed here):
    it labels the given names as PERSON wherever they occur."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def pipe(self, texts: Iterable[str]) -> Iterator[Parsed]:
        for text in texts:
            ents = []
            for name in self.names:
                start = text.find(name)
                if start >= 0:
                    ents.append(Entity(name, start, start + len(name), "PERSON"))
            yield Parsed(ents)


def test_model_names_become_candidates_the_rules_still_judge() -> None:
    assert extract_text(TEXT).defenders == []  # "Wanjiru wa Kamau" is beyond the rules alone
    doc = extract_text(TEXT, config=ExtractConfig(components=("segment", "classify")))
    find_named_people(doc, NameListPipeline(["Wanjiru wa Kamau", "Nairobi Central"]))
    for name in ("dates", "places", "demands"):
        doc = COMPONENTS[name](doc)
    doc = find_people(doc)
    assert [d.name for d in doc.defenders] == ["Wanjiru wa Kamau"]


def test_a_missing_model_is_a_coded_error_not_a_download() -> None:
    load_pipeline.cache_clear()
    with pytest.raises(ExtractionError) as caught:
        extract_text(TEXT, config=ExtractConfig(ner_model="/nonexistent/pipeline"))
    assert caught.value.code == "E112"
