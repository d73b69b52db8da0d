"""Optional statistical NER: a spaCy pipeline the user installed adds person names.

Nothing is downloaded: the pipeline is loaded by package name or by path, as configured
(``ExtractConfig.ner_model``, ``vigil extract --ner``). Rules stay in charge: a name the
model finds becomes a candidate person, and the people component still decides who the
defenders are. Measured here, spaCy's small English model labels letterhead addresses as
people, which the boilerplate component keeps away from it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from vigil_extract.document import Document, Span
from vigil_extract.errors import E112, ExtractionError


@cache
def load_pipeline(model: str) -> Any:
    """The spaCy pipeline ``model`` (a package name or a directory), loaded once per process."""
    try:
        import spacy  # type: ignore[import-not-found]
    except ImportError:
        raise ExtractionError(E112, detail="spaCy is not installed (pip install spacy)") from None
    try:
        return spacy.load(model, exclude=["parser", "lemmatizer", "tagger"])
    except OSError:
        raise ExtractionError(E112, detail=f"no spaCy pipeline named or found at {model!r}") from None


def find_named_people(doc: Document, pipeline: Any) -> Document:
    """Add the PERSON entities of every content sentence to ``doc.named_people``."""
    sentences = doc.content_sentences()
    for sentence, parsed in zip(sentences, pipeline.pipe(s.text for s in sentences), strict=True):
        for entity in parsed.ents:
            if entity.label_ in ("PERSON", "PER"):
                start = sentence.span.start + entity.start_char
                doc.named_people.append(Span(start, sentence.span.start + entity.end_char))
    return doc
