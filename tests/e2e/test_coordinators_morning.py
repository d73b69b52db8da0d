"""A coordinator's morning in a real browser (Debian's Chromium through Playwright): the
dashboard, an overdue follow-up opened and marked done, a faceted search, a defender's timeline
across two cases, the activity page; then an admin creates an account and changes its role, and
the newcomer must choose their own password before anything else.

Each page is looked at 1280 and 390 px wide (screenshots, no sideways scrolling) and no page
logs a console error. ``VIGIL_SCREENSHOTS=docs/screenshots`` keeps the screenshots.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from tests.e2e.conftest import CHROMIUM, FLAGS, Served, enrol_second_factor
from tests.e2e.test_casework_week import Eyes

NEW_PASSWORD = "a passphrase nadia chose herself"


def sign_in(page: Any, url: str, name: str, password: str, *, second_factor: bool = False) -> None:
    page.goto(url + "/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    if second_factor:
        enrol_second_factor(page)
    page.wait_for_load_state()


def add_a_second_case(server: Served) -> None:
    """The demo's defender (person 1) in a second case, with an event of her own."""
    created = server.vigil(
        "case", "create", "Kyrgyzstan: travel ban at the border", "--country", "KG", "--defender-id", "1"
    )
    case_id = re.search(r"case (\d+) created", created)
    assert case_id is not None, created
    server.vigil(
        "event",
        "add",
        case_id.group(1),
        "--type",
        "travel_ban",
        "--date",
        "2025-09-03",
        "--place",
        "Manas airport",
        "--victim",
        "1",
    )


def test_a_coordinators_morning_in_the_browser(server: Served, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    add_a_second_case(server)
    url = server.url
    folder = Path(os.environ.get("VIGIL_SCREENSHOTS") or tmp_path / "screenshots")
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        eyes = Eyes(page, folder)
        sign_in(page, url, "coordinator", server.passwords["coordinator"], second_factor=True)

        # The dashboard: the demo's expected release is long past.
        page.click("nav >> text=Today")
        overdue = page.locator("li.overdue", has_text="15 days from 2025-04-11")
        assert overdue.count() == 1
        eyes.look("morning-dashboard")

        # The overdue follow-up, opened and marked done.
        overdue.get_by_role("link").first.click()
        page.wait_for_load_state()
        followup = page.locator("li", has_text="15 days from 2025-04-11").last
        assert "overdue" in followup.inner_text()
        followup.get_by_role("link", name="Mark done").click()
        page.fill("#id_outcome", "released on time; called the family")
        page.click("button:has-text('Mark done')")
        page.wait_for_load_state()
        assert "released on time" in page.locator("li", has_text="15 days from 2025-04-11").last.inner_text()
        page.click("nav >> text=Today")
        assert page.locator("li.overdue", has_text="15 days from 2025-04-11").count() == 0

        # A faceted search: her name, narrowed to cases.
        page.click("nav >> text=Search")
        page.fill("#q", "Tokonova")
        page.click("form.search button[type=submit]")
        page.wait_for_load_state()
        hits = page.locator("ol.hits > li")
        assert hits.count() >= 3, page.inner_text("main")
        page.locator("aside.facets a", has_text=re.compile(r"^case$")).first.click()
        page.wait_for_load_state()
        kinds = {k.strip() for k in page.locator("ol.hits > li .kind").all_inner_texts()}
        assert kinds == {"case"}, kinds
        assert page.locator("ol.hits > li").count() == 2
        eyes.look("morning-search")

        # Her timeline across the two cases.
        page.goto(url + "/defenders/1/")
        body = page.inner_text("main")
        assert "Kyrgyzstan: travel ban at the border" in body and "sentenced to 15 days" in body
        timeline = page.locator("table.timeline").first.inner_text()
        assert "2025-09-03" in timeline and "2025-04-11" in timeline, timeline
        eyes.look("morning-defender")

        # What the team did: the follow-up just marked done is on the activity page.
        page.click("nav >> text=Activity")
        assert page.locator("tbody tr", has_text="followup.done").count() == 1
        assert page.locator("tbody tr", has_text="followup.done").get_by_role("link").count() == 1
        page.select_option("#id_user", "user:coordinator")
        page.click("form.filters button[type=submit]")
        page.wait_for_load_state()
        assert set(page.locator("tbody td[data-label=Who]").all_inner_texts()) == {"coordinator"}
        eyes.look("morning-activity")
        context.close()

        # An admin adds a colleague, then changes her role.
        admin = browser.new_context(viewport={"width": 1280, "height": 900})
        admin_page = admin.new_page()
        admin_page.on(
            "console", lambda m: problems.append(f"{admin_page.url}: {m.text}") if m.type == "error" else None
        )
        eyes = Eyes(admin_page, folder)
        sign_in(admin_page, url, "admin", server.passwords["admin"], second_factor=True)
        admin_page.click("nav >> text=Accounts")
        eyes.look("accounts")
        admin_page.fill("#id_name", "nadia")
        admin_page.select_option("#id_role", "editor")
        admin_page.click("button:has-text('Create the account')")
        admin_page.wait_for_load_state()
        temporary = admin_page.inner_text("code.password")
        assert len(temporary) >= 16
        eyes.look("account-created")
        admin_page.click("text=Back to the accounts")
        assert temporary not in admin_page.content()
        admin_page.click("table >> text=nadia")
        admin_page.select_option("#id_role", "viewer")
        admin_page.click("button:has-text('Change the role')")
        admin_page.wait_for_load_state()
        assert "nadia is now viewer" in admin_page.inner_text(".messages")
        eyes.look("account-page")
        admin.close()

        # The newcomer signs in and must choose her own password first.
        newcomer = browser.new_context(viewport={"width": 1280, "height": 900})
        new_page = newcomer.new_page()
        eyes = Eyes(new_page, folder)
        sign_in(new_page, url, "nadia", temporary)
        assert "/account/password/" in new_page.url
        new_page.goto(url + "/search/")
        assert "/account/password/" in new_page.url
        eyes.look("password-change")
        new_page.fill("#id_old_password", temporary)
        new_page.fill("#id_new_password1", NEW_PASSWORD)
        new_page.fill("#id_new_password2", NEW_PASSWORD)
        new_page.click("button:has-text('Change the password')")
        new_page.wait_for_load_state()
        assert "/account/password/" not in new_page.url
        new_page.click("header a.who")
        assert "viewer" in new_page.inner_text("main")
        eyes.look("account")
        newcomer.close()
        browser.close()
    assert problems == []
