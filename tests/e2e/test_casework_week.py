"""A coordinator's week in a real browser (Debian's Chromium through Playwright): upload a new
appeal, correct two suggested facts and reject one, accept into a new case, add an event and a
follow-up by hand, mark the follow-up done, make the defender and two events public with a
reason, approve and publish the appeal, download the public PDF (which carries the public facts
and none of the others), then file an update about the same defender into the same case.
An editor is refused what only coordinators may do; a viewer sees no write control.

Every page is looked at 1280 and 390 px wide (screenshots; no sideways scrolling at 390) and
no page logs a console error. ``VIGIL_SCREENSHOTS=docs/screenshots`` keeps the screenshots.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

from tests.e2e.conftest import CHROMIUM, FLAGS, Served, enrol_second_factor
from tests.fixtures import STEPPE_APPEAL, STEPPE_UPDATE

WIDTHS = (1280, 390)


class Eyes:
    """Looks at each page at both widths: a screenshot each, and no sideways scrolling."""

    def __init__(self, page: Any, folder: Path) -> None:
        self.page, self.folder, self.seen = page, folder, []
        folder.mkdir(parents=True, exist_ok=True)

    def look(self, name: str) -> None:
        for width in WIDTHS:
            self.page.set_viewport_size({"width": width, "height": 900})
            scroll = self.page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"{name} scrolls sideways at {width} px ({scroll} px wide)"
            path = self.folder / f"{name}-{width}.png"
            self.page.screenshot(path=str(path), full_page=True)
            if os.environ.get("VIGIL_SCREENSHOTS"):
                shrink(path)
        self.page.set_viewport_size({"width": 1280, "height": 900})
        self.seen.append(name)


def shrink(path: Path) -> None:
    """A screenshot kept in the repository, in 256 colours (a third of the size, as legible)."""
    from PIL import Image

    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(path, optimize=True)


def sign_in(page: Any, url: str, name: str, password: str) -> None:
    page.goto(url + "/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    if name == "coordinator":
        enrol_second_factor(page)
    page.wait_for_url(url + "/")


def suggestion(page: Any, text: str) -> Any:
    return page.locator("li.suggestion", has_text=text).first


def correct(page: Any, item: Any, fields: dict[str, str]) -> None:
    item.locator("summary", has_text="Correct").click()
    for name, value in fields.items():
        item.locator(f"[name$='-{name}']").fill(value)
    item.get_by_role("button", name="Save the correction").click()
    page.wait_for_load_state()


def decide_level(page: Any, link: Any, level: str, reason: str) -> None:
    link.click()
    page.select_option("#id_confidentiality", level)
    page.fill("#id_reason", reason)
    page.get_by_role("button", name="Decide").click()
    page.wait_for_load_state()


def arrive(page: Any, pattern: str) -> None:
    """Wait for the page a form leads to; if it is another, say what the page said."""
    try:
        page.wait_for_url(re.compile(pattern), timeout=90_000)
    except Exception:
        said = page.locator(".messages, .errorlist").all_inner_texts()
        raise AssertionError(f"expected {pattern}, at {page.url}: {said}") from None


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def test_a_coordinators_week_in_the_browser(server: Served, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    url = server.url
    folder = Path(os.environ.get("VIGIL_SCREENSHOTS") or tmp_path / "screenshots")
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page = context.new_page()
        page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        eyes = Eyes(page, folder)
        page.goto(url + "/login/")
        eyes.look("sign-in")
        sign_in(page, url, "coordinator", server.passwords["coordinator"])
        page.goto(url + "/cases/")
        eyes.look("case-list")

        # Monday: a new appeal arrives.
        page.click("nav >> text=Add documents")
        page.set_input_files("input[type=file]", str(STEPPE_APPEAL))
        page.select_option("#id_confidentiality", "restricted")
        page.click("button:has-text('Read and store')")
        page.wait_for_selector("#results li.ok a")
        assert "Done" in page.inner_text("#progress-text")
        eyes.look("intake")
        page.click("#results li.ok a")
        page.wait_for_selector("li.suggestion")
        threat = suggestion(page, "unknown men")
        assert threat.locator("blockquote a").count() == 1
        correct(page, suggestion(page, "unknown men"), {"date": "2025-03", "location": "Almaty"})
        correct(
            page,
            page.locator("li.suggestion:has(.field:text-is('defender'))"),
            {"roles": "woman human rights defender, lawyer"},
        )
        wrong = page.locator("li.suggestion").filter(
            has=page.locator(".value", has_text="court sentenced Dana")
        )
        assert wrong.count() == 1
        wrong.get_by_role("button", name="Reject").click()
        page.wait_for_load_state()
        wrong = page.locator("li.suggestion").filter(
            has=page.locator(".value", has_text="court sentenced Dana")
        )
        assert "rejected" in wrong.locator(".what").inner_text()
        sentence = page.locator("li.suggestion").filter(
            has=page.locator(".value strong", has_text="sentence")
        )
        assert "pending" in sentence.locator(".what").inner_text()
        assert page.locator("mark").count() >= 4
        eyes.look("review")
        page.check("input[name=target][value=new]")
        page.get_by_role("button", name="Accept", exact=True).click()
        arrive(page, r".*/cases/\d+/(#.*)?$")
        case_url = page.url.split("#")[0]
        assert "On 5 March 2025, unknown men threatened Dana Example" in page.content()
        assert (
            page.locator("ol.events li", has_text="threat")
            .locator(".date")
            .inner_text()
            .startswith("2025-03")
        )
        eyes.look("case")

        # Tuesday: a hearing is announced by phone.
        page.click("text=Add an event")
        page.select_option("#id_type", "trial")
        page.fill("#id_date", "2025-04-02")
        page.fill("#id_place", "Almaty city court")
        eyes.look("event-form")
        page.click("button:has-text('Add the event')")
        arrive(page, r".*/cases/\d+/#event-\d+$")
        trial = page.locator("ol.events li", has_text="Almaty city court")
        assert "Entered by hand by coordinator" in trial.inner_text()
        page.click("text=Add a follow-up")
        page.select_option("#id_kind", "hearing")
        page.fill("#id_due", "2025-04-02")
        page.fill("#id_note", "attend the appeal hearing")
        eyes.look("followup-form")
        page.click("button:has-text('Add the follow-up')")
        page.wait_for_load_state()
        followup = page.locator("li", has_text="attend the appeal hearing")
        assert "overdue" in followup.inner_text()
        followup.get_by_role("link", name="Mark done").click()
        page.fill("#id_outcome", "hearing held; postponed to May")
        eyes.look("followup-done")
        page.click("button:has-text('Mark done')")
        page.wait_for_load_state()
        assert (
            "hearing held; postponed to May"
            in page.locator("li", has_text="attend the appeal hearing").inner_text()
        )

        # Wednesday: the family agrees to a public campaign.
        page.goto(case_url)
        assert "A public appeal is refused." in page.inner_text(".public-version")
        decide_level(
            page,
            page.locator("#defenders-heading + ul li").get_by_role("link", name="Who may see it"),
            "public",
            "Dana and her family agreed to a public campaign on 13 March",
        )
        eyes.look("defender")
        for date in ("2025-03-10", "2025-03-11"):
            page.goto(case_url)
            event = page.locator("ol.events > li", has=page.locator(".date", has_text=date)).first
            event.get_by_role("link", name="Who may see it").click()
            if date == "2025-03-10":
                eyes.look("level-form")
            page.select_option("#id_confidentiality", "public")
            page.fill("#id_reason", "reported by the court and the press")
            page.get_by_role("button", name="Decide").click()
            page.wait_for_load_state()
        page.goto(case_url)
        public_box = page.inner_text(".public-version")
        assert "A public appeal names: Dana Example." in public_box and "refused" not in public_box
        eyes.look("case-public")

        # Thursday: the appeal goes out.
        page.click("button:has-text('Compose a draft appeal')")
        arrive(page, r".*/appeals/\d+/(#.*)?$")
        eyes.look("appeal-draft")
        page.click("button:has-text('Send for review')")
        page.wait_for_load_state()
        page.click("button:has-text('Approve')")
        page.wait_for_load_state()
        page.click("button:has-text('Publish')")
        page.wait_for_load_state()
        assert "published" in page.inner_text(".steps li.current")
        appeal_url = page.url.split("?")[0].split("#")[0]
        page.goto(appeal_url + "?lang=ru&public=1")
        if page.locator(".appeal-preview").count() == 0:
            assert "not published in ru" in page.inner_text(".refusal")
            page.click("button:has-text('Keep them as written')")
            page.wait_for_load_state()
        assert "Dana" in page.inner_text(".appeal-preview") or "Дана" in page.inner_text(".appeal-preview")
        eyes.look("appeal-published")
        with page.expect_download() as download:
            page.click("a[href$='download.pdf?lang=en&public=1']")
        text = pdf_text(Path(download.value.path()).read_bytes())
        assert "Dana Example" in text and "10 March 2025" in text and "11 March 2025" in text
        assert "Article 488" in text
        for secret in ("unknown men", "threat", "Almaty city court", "2 April 2025", "coordinator of"):
            assert secret not in text, secret
        page.goto(appeal_url + "download.html?lang=en&public=1")
        logo = page.evaluate("document.querySelector('.brand img').getBoundingClientRect().height")
        assert 0 < logo <= 40, f"the letterhead logo is drawn {logo} px high"
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"DejaVu Serif"')
        eyes.look("appeal-html")

        # Friday: an update about the same defender.
        page.goto(url + "/intake/")
        page.set_input_files("input[type=file]", str(STEPPE_UPDATE))
        page.click("button:has-text('Read and store')")
        page.wait_for_selector("#results li.ok a")
        page.click("#results li.ok a")
        page.wait_for_selector("li.suggestion")
        same_case = page.locator("input[name=target]:checked")
        assert same_case.get_attribute("value") == case_url.rstrip("/").rsplit("/", 1)[1]
        assert "the case of the same defender" in page.inner_text("form.accept")
        detention = page.locator("li.suggestion").filter(
            has=page.locator(".value strong", has_text="detention")
        )
        detention.first.get_by_role("button", name="Reject").click()
        page.wait_for_load_state()
        page.get_by_role("button", name="Accept", exact=True).click()
        arrive(page, re.escape(case_url) + "(#.*)?$")
        assert "released" in page.inner_text(".meta")
        assert page.locator("ol.events li", has_text="release").count() >= 1
        for path, name in (
            ("/review/", "review-list"),
            ("/deleted/", "deleted"),
            ("/organisations/", "organisations"),
            ("/profile/", "profile"),
            ("/matches/", "matches"),
            ("/cases/?state=all", "case-list-all"),
        ):
            page.goto(url + path)
            eyes.look(name)
        case_id = case_url.rstrip("/").rsplit("/", 1)[1]
        page.goto(case_url)
        event_link = page.locator("ol.events li a", has_text="Correct").first.get_attribute("href") or ""
        event_id = re.search(r"/events/(\d+)/", event_link)

        # An editor is refused what only coordinators may do; a viewer sees no write control.
        editor = browser.new_context()
        editor_page = editor.new_page()
        sign_in(editor_page, url, "editor", server.passwords["editor"])
        editor_page.goto(case_url)
        assert editor_page.locator("text=Who may see it").count() == 0
        assert editor_page.locator("a:has-text('Add an event')").count() == 1
        assert event_id is not None
        refused = editor.request.get(f"{url}/records/event/{event_id.group(1)}/level/")
        assert refused.status == 403
        assert editor.request.get(f"{url}/records/case/{case_id}/delete/").status == 403
        assert editor.request.get(f"{url}/profile/").status == 403
        editor.close()
        viewer = browser.new_context()
        viewer_page = viewer.new_page()
        sign_in(viewer_page, url, "viewer", server.passwords["viewer"])
        viewer_page.goto(case_url)
        forms = viewer_page.locator("main form")
        assert forms.count() == 0
        for control in (
            "Edit",
            "Delete",
            "Correct",
            "Add an event",
            "Add a follow-up",
            "Mark done",
            "Who may see it",
        ):
            assert viewer_page.get_by_role("link", name=control, exact=True).count() == 0, control
        assert viewer_page.locator("nav >> text=Add documents").count() == 0
        viewer.close()
        browser.close()
    assert problems == []
    assert len(eyes.seen) >= 18
