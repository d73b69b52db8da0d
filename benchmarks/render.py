"""Rendering speed: the seed's appeal as PDF (goal: under a second), against the same appeal as
HTML measured in the same run (the PDF's own baseline: the HTML it is laid out from).

    python benchmarks/render.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_7523c57377818e25.txt"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="vigil-bench-")
    os.environ["VIGIL_HOME"] = home
    os.environ["DJANGO_SETTINGS_MODULE"] = "vigil.settings.dev"
    sys.path.insert(0, str(ROOT / "src"))
    from vigil.crypto.keys import create_key_file

    create_key_file()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from vigil.appeals.demo import DEMO_PROFILE
    from vigil.appeals.models import OrganisationProfile
    from vigil.appeals.registry import do_set_profile
    from vigil.appeals.render import render_html, render_pdf
    from vigil.appeals.workflow import appeal_text, do_compose_draft
    from vigil.intake.extracted import ExtractedFile, read_for_intake
    from vigil.intake.store import do_ingest

    do_set_profile(acting_user=None, **DEMO_PROFILE)
    extracted = read_for_intake(SEED)
    assert isinstance(extracted, ExtractedFile)
    from vigil.cases.models import Case

    case = Case.objects.get(
        pk=do_ingest(extracted, acting_user=None, confidentiality="restricted", accept=True).case_id
    )
    appeal = appeal_text(do_compose_draft(case, acting_user=None), "en", public=False)
    profile = OrganisationProfile.current()
    render_pdf(appeal, profile, public=False)  # warm-up: fonts and imports
    timings = {"html": [], "pdf": []}
    for _ in range(args.runs):
        start = time.perf_counter()
        render_html(appeal, profile, public=False)
        timings["html"].append(time.perf_counter() - start)
        start = time.perf_counter()
        render_pdf(appeal, profile, public=False)
        timings["pdf"].append(time.perf_counter() - start)
    html, pdf = statistics.median(timings["html"]), statistics.median(timings["pdf"])
    print(
        f"seed appeal, median of {args.runs}: HTML {html * 1000:.1f} ms, PDF {pdf * 1000:.0f} ms "
        f"(PDF/HTML ratio {pdf / html:.0f}x); goal PDF < 1 s: {'met' if pdf < 1 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
