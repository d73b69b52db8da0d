"""The case list and a defender's page in Chromium: filters chosen with the keyboard become a
bookmarkable address; the defender's timeline spans two cases with its chart; both pages at
1280 and 390 px (screenshots, no sideways scrolling, nor at 360 px) without a console error.
``VIGIL_SCREENSHOTS=docs/screenshots`` keeps the screenshots."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.e2e.conftest import CHROMIUM, FLAGS, Served
from tests.e2e.test_casework_week import Eyes, sign_in


def test_case_list_filters_and_a_defender_timeline_in_the_browser(server: Served, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    vigil = server.vigil
    demo = json.loads(vigil("case", "list", "--json"))[0]
    person = json.loads(vigil("case", "show", str(demo["id"]), "--json"))["defenders"][0]["id"]
    vigil(
        "case",
        "create",
        "Kyrgyzstan: defender fined for a post",
        "--country",
        "KG",
        "--situation",
        "at_risk",
        "--defender-id",
        str(person),
    )
    second = max(c["id"] for c in json.loads(vigil("case", "list", "--json")))
    vigil(
        "event",
        "add",
        str(second),
        "--type",
        "fine",
        "--date",
        "2025-09-14",
        "--place",
        "Bishkek",
        "--perpetrator",
        "Oktyabrsky District Court",
        "--victim",
        str(person),
    )
    vigil("event", "add", str(second), "--type", "threat", "--date", "2024-11-02", "--victim", str(person))
    vigil("followup", "add", str(second), "--kind", "reply_due", "--due", "2025-10-01")
    for title, country, situation in (
        ("Kazakhstan: lawyer detained after a rally", "KZ", "detained"),
        ("Kazakhstan: journalist sentenced to two years", "KZ", "sentenced"),
        ("Kenya: paralegal threatened in Mombasa", "KE", "at_risk"),
    ):
        vigil("case", "create", title, "--country", country, "--situation", situation)
    vigil("case", "assign", str(second), "coordinator", "editor")

    url = server.url
    folder = Path(os.environ.get("VIGIL_SCREENSHOTS") or tmp_path / "screenshots")
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        eyes = Eyes(page, folder)
        sign_in(page, url, "coordinator", server.passwords["coordinator"])
        assert page.locator("h1").inner_text() != "", "signing in lands on the dashboard"

        page.goto(url + "/cases/")
        page.locator("details.filters summary").focus()
        page.keyboard.press("Enter")
        page.locator("#id_country").focus()
        page.keyboard.press("Tab")  # to the situation
        page.select_option("#id_situation", "detained")
        page.select_option("#id_country", "KZ")
        page.locator(".filter-form button[type=submit]").focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/cases/?*")
        assert "country=KZ" in page.url and "situation=detained" in page.url
        rows = page.locator("table.cases tbody tr")
        assert rows.count() == 1 and "lawyer detained" in rows.first.inner_text()

        page.goto(url + "/cases/?state=all&sort=due")
        page.locator("details.filters summary").click()
        by_due = page.locator("table.cases tbody tr")
        assert "expected release" in by_due.nth(0).inner_text(), "the demo's release date comes first"
        assert "Kyrgyzstan: defender fined" in by_due.nth(1).inner_text()
        eyes.look("cases-filtered")

        page.goto(url + "/cases/?assigned_to=me&state=open")
        assert page.locator("table.cases tbody tr").count() == 1

        page.goto(f"{url}/defenders/{person}/")
        timeline = page.locator("table.timeline tbody tr")
        assert timeline.count() >= 4, "events of both cases, one line each"
        assert "Oktyabrsky District Court" in page.inner_text("table.timeline")
        assert "entered by hand by operator" in page.inner_text("table.timeline")
        assert page.locator("figure.chart svg rect").count() >= 2
        eyes.look("defender-timeline")
        for address in (f"{url}/defenders/{person}/", url + "/cases/?state=all"):
            page.goto(address)
            page.set_viewport_size({"width": 360, "height": 800})
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, f"{address} scrolls sideways at 360 px ({width} px wide)"
        browser.close()
    assert problems == [], problems
