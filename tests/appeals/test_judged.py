"""The three judged appeals (docs/appeals/): the rubric's checks a machine can make, on the PDFs.

Set VIGIL_JUDGED_DIR=docs/appeals to also write each appeal's PDF, text and page images
(pdftoppm) there, for a person to look at and score with ../shared/appeal-rubric.md.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.appeals import judged
from vigil.appeals.models import OrganisationProfile
from vigil.appeals.render import render
from vigil.appeals.workflow import appeal_text, do_compose_draft, do_edit_demands, do_translate
from vigil.cases.models import Case
from vigil_extract import extract_text

pytestmark = pytest.mark.django_db
A4 = (595, 842)  # points, rounded


def build_seed(seed: Path) -> tuple[Case, dt.date]:
    return judged.seed_case(seed), dt.date(2025, 3, 3)


def build_journalist(_: Path) -> tuple[Case, dt.date]:
    return judged.journalist_case(), dt.date(2025, 6, 23)


def build_land(_: Path) -> tuple[Case, dt.date]:
    return judged.land_case(), dt.date(2025, 10, 24)


CASES: dict[str, tuple[Callable[[Path], tuple[Case, dt.date]], tuple[str, ...]]] = {
    "seed": (build_seed, ("en", "fr", "es", "ru")),
    "journalist": (build_journalist, ("en", "ru")),
    "land": (build_land, ("en", "es")),
}


def pdf_text_and_pages(data: bytes) -> tuple[str, list[tuple[int, int]], set[str]]:
    """The PDF's text, its page sizes and the fonts it uses that are not embedded."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    missing: set[str] = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            for desc in descendants:
                descriptor = desc.get_object().get("/FontDescriptor")
                if descriptor is not None and not any(
                    k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    missing.add(str(font.get("/BaseFont")))
    return text, sizes, missing


@pytest.mark.parametrize("name", list(CASES))
def test_judged_appeal_meets_the_rubric_checks(name: str, seed_path: Path) -> None:
    build, languages = CASES[name]
    case, today = build(seed_path)
    draft = do_compose_draft(case, acting_user=None)
    if name == "journalist":
        do_edit_demands(draft, judged.JOURNALIST_DEMANDS, acting_user=None, language="en", level="public")
    translations = judged.translations(name)
    for language, table in translations.items():
        for original, translation in table.items():
            do_translate(draft, language, original, translation, acting_user=None)
    profile = OrganisationProfile.current()
    out = os.environ.get("VIGIL_JUDGED_DIR")
    for language in languages:
        appeal = appeal_text(draft, language, public=True, today=today)
        assert appeal.not_translated == [], (language, appeal.not_translated)
        pdf = render(appeal, profile, fmt="pdf", public=True)
        text, sizes, missing = pdf_text_and_pages(pdf)
        assert set(sizes) == {A4} and not missing, (sizes, missing)  # 10: A4, fonts embedded
        plain = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
        for seam in ("None", "{", "}", "Your organisation", "CANARY", " ,", ".."):
            assert seam not in plain, (language, seam)  # 6, 8
        assert profile.name in plain and " ".join(appeal.footer.split())[:30] in plain  # 7
        if language == "en":
            doc = extract_text(render(appeal, profile, fmt="txt", public=True).decode())  # 11
            assert {d.name for d in doc.defenders} == {d.name for d in case.defenders.all()}
            assert doc.country == case.country
            found = {e.date.iso() for e in doc.events if e.date}
            public_days = {
                e.date.isoformat() for e in case.events.filter(confidentiality="public", date_precision="day")
            }
            assert public_days <= found, public_days - found
            assert len(doc.demands) == len(appeal.demands)
        if out:
            write_judged(
                Path(out), f"{name}-{language}", pdf, render(appeal, profile, fmt="txt", public=True)
            )


def write_judged(folder: Path, stem: str, pdf: bytes, text: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.pdf").write_bytes(pdf)
    (folder / f"{stem}.txt").write_bytes(text)
    if shutil.which("pdftoppm"):
        for old in folder.glob(f"{stem}-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(folder / f"{stem}.pdf"), str(folder / stem)], check=True
        )
        for image in folder.glob(f"{stem}-*.png"):
            image.rename(image.with_name(re.sub(r"-0*(\d+)\.png$", r"-p\1.png", image.name)))
