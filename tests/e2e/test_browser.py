"""The web UI in a real browser (Debian's Chromium driven by Playwright): sign in, see the demo
case, open it, fetch its appeal — with no Content-Security-Policy violation on the way."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import CHROMIUM, FLAGS, Served, enrol_second_factor


def test_sign_in_open_the_demo_case_and_fetch_its_appeal(server: Served, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    url, password = server.url, server.passwords["admin"]
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(url + "/")
        assert page.url.startswith(url + "/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        enrol_second_factor(page)
        page.wait_for_url(url + "/")
        assert "Aigerim Tokonova" in page.content()
        page.click("text=Kyrgyzstan: Woman human rights defender Aigerim Tokonova")
        page.wait_for_selector("h2:has-text('Appeal')")
        assert "Article 91 of the Code of Offences" in page.content()
        page.screenshot(path=str(tmp_path / "case.png"))
        page.click("text=Download the current appeal")
        with page.expect_download() as download:
            page.click("a[href$='appeal.pdf?lang=ru']")
        saved = tmp_path / "appeal.pdf"
        download.value.save_as(saved)
        assert saved.read_bytes().startswith(b"%PDF-")
        browser.close()
    assert problems == []
