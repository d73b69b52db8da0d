"""The extraction pipeline: named components run in order over one document.

Configuration is data (:class:`ExtractConfig`); a component is a function that takes the
:class:`~vigil_extract.document.Document` and returns it. ``extract_file`` is a pure
function of a file, so a batch fans out over processes without shared state.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from vigil_extract.components.classify import classify
from vigil_extract.components.demands import find_demands
from vigil_extract.components.events import find_events
from vigil_extract.components.ner import find_named_people, load_pipeline
from vigil_extract.components.people import find_people
from vigil_extract.components.places import mark_country
from vigil_extract.components.segment import segment
from vigil_extract.components.timeline import mark_dates
from vigil_extract.components.violations import violations
from vigil_extract.document import Document
from vigil_extract.errors import E111, ExtractionError
from vigil_extract.read import ReadLimits, read_path

Component = Callable[[Document], Document]

COMPONENTS: dict[str, Component] = {
    "segment": segment,
    "classify": classify,
    "dates": mark_dates,
    "places": mark_country,
    "demands": find_demands,
    "people": find_people,
    "events": find_events,
    "violations": violations,
}
DEFAULT_ORDER = tuple(COMPONENTS)


@dataclass(frozen=True)
class ExtractConfig:
    """What to run and within which limits; every field has a safe default."""

    components: tuple[str, ...] = DEFAULT_ORDER
    limits: ReadLimits = field(default_factory=ReadLimits)
    max_seconds: float = 30.0
    max_memory_mb: float = 512.0
    """What reading one file may add to the memory its process inherited (``isolation``);
    0: no limit. Only a file read in a process of its own (``vigil ingest``, uploads) has one."""
    ner_model: str | None = None


def extract_text(
    text: str,
    *,
    source: str = "",
    config: ExtractConfig | None = None,
    title: str | None = None,
    fmt: str = "text",
) -> Document:
    """Run the pipeline over already-decoded text."""
    config = config or ExtractConfig()
    doc = Document(text=text, source=source, format=fmt, title=title)
    for name in config.components:
        doc = COMPONENTS[name](doc)
        if name == "classify" and config.ner_model:
            doc = find_named_people(doc, load_pipeline(config.ner_model))
    return doc


def extract_file(path: str | os.PathLike[str], *, config: ExtractConfig | None = None) -> Document:
    """Read and extract one file; raise :class:`ExtractionError` naming it when it cannot."""
    config = config or ExtractConfig()
    shown = os.fspath(path)
    with time_limit(config.max_seconds, shown):
        result = read_path(path, config.limits)
        return extract_text(result.text, source=shown, config=config, title=result.title, fmt=result.format)


WARM_UP_TEXT = (
    "3 March 2025\n\nKenya: human rights defender Amina Example detained\n\n"
    "On 3 March 2025, police officers arrested lawyer Amina Example in Nairobi."
    " We urge the authorities to release her.\n"
)


def warm_up(config: ExtractConfig | None = None) -> None:
    """Load what the components and readers load on first use (vocabularies, gazetteers,
    word automata, reader libraries: about 0.3 s of CPU), so that processes forked afterwards
    (one per file, see ``isolation``) inherit it instead of each loading it again."""
    from vigil_extract.read import docx, html, pdf  # noqa: F401 - imported for their side effect

    extract_text(WARM_UP_TEXT, config=config)


@contextmanager
def time_limit(seconds: float, path: str) -> Iterator[None]:
    """Stop a read or an extraction that runs past ``seconds`` (main thread, POSIX only)."""
    usable = seconds > 0 and hasattr(signal, "SIGALRM") and _in_main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ExtractionError(E111, path, limit=seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
