"""Rendering a composed appeal: HTML (with a print stylesheet), PDF, plain text, Markdown, e-mail.

The PDF comes from the same HTML through WeasyPrint, whose URL fetcher is limited to
``data:`` URLs: by default a ``file://`` link in the HTML would embed a local file.
"""

from __future__ import annotations

import base64
import logging
import textwrap
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from vigil.appeals.choices import FORMATS
from vigil.appeals.compose import Appeal
from vigil.appeals.models import OrganisationProfile
from vigil.appeals.typography import list_end


def context(appeal: Appeal, profile: OrganisationProfile, *, public: bool) -> dict[str, Any]:
    logo = (
        "data:image/svg+xml;base64," + base64.b64encode(profile.logo_svg.encode()).decode()
        if profile.logo_svg
        else ""
    )
    total = len(appeal.demands)
    demands = [(text, list_end(n, total, appeal.language)) for n, text in enumerate(appeal.demands, start=1)]
    return {"appeal": appeal, "profile": profile, "public": public, "logo": logo, "demands": demands}


def render_html(appeal: Appeal, profile: OrganisationProfile, *, public: bool) -> str:
    with translation.override(appeal.language):
        return render_to_string("appeals/appeal.html", context(appeal, profile, public=public))


def render_pdf(appeal: Appeal, profile: OrganisationProfile, *, public: bool) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)

    html = render_html(appeal, profile, public=public)
    fetcher = URLFetcher(allowed_protocols={"data"})
    pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf()
    return pdf


def render_text(appeal: Appeal, profile: OrganisationProfile, *, public: bool, markdown: bool = False) -> str:
    """The appeal as plain text (wrapped at 78 columns) or as Markdown."""
    with translation.override(appeal.language):
        out: list[str] = []

        def para(text: str) -> None:
            out.append(text if markdown else textwrap.fill(text, 78, break_on_hyphens=False))
            out.append("")

        if not public:
            para(
                ("**" if markdown else "")
                + _("CONFIDENTIAL — not for publication")
                + ("**" if markdown else "")
            )
            for text in appeal.stale:
                para(text)
        para(profile.name)
        para(appeal.dateline)
        para(("# " if markdown else "") + appeal.headline)
        for text in appeal.summary + appeal.background + appeal.narrative:
            para(text)
        if appeal.context:
            para(("## " if markdown else "") + _("Earlier incidents"))
            for text in appeal.context:
                para(text)
        para(appeal.position)
        para(appeal.demands_intro)
        for number, demand in enumerate(appeal.demands, start=1):
            para(f"{number}. {demand}{list_end(number, len(appeal.demands), appeal.language)}")
        if appeal.act_before:
            para(_("Please act before %(date)s.") % {"date": appeal.act_before})
        if appeal.addressees:
            para(("## " if markdown else "") + _("Addressees"))
            for person in appeal.addressees:
                para(
                    ", ".join(
                        v for v in (person.get("title"), person.get("name"), person.get("institution")) if v
                    )
                )
        if appeal.not_translated:
            para(_("Not translated: %(sections)s") % {"sections": ", ".join(appeal.not_translated)})
        if appeal.footer or profile.registration:
            para(appeal.footer or profile.registration)
        return "\n".join(out).rstrip() + "\n"


def render_email(appeal: Appeal, profile: OrganisationProfile, *, public: bool) -> bytes:
    """An .eml file: the appeal as the body; never sent here. Only the public version is addressed
    to the authorities: the confidential one must not be one click from reaching them."""
    message = EmailMessage()
    message["Subject"] = appeal.headline
    message["From"] = profile.email or "appeals@localhost"
    recipients = [a["email"] for a in appeal.addressees if a.get("email")] if public else []
    if recipients:
        message["To"] = ", ".join(recipients)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="vigil.local")
    message.set_content(render_text(appeal, profile, public=public))
    message.add_alternative(render_html(appeal, profile, public=public), subtype="html")
    message["Content-Language"] = appeal.language  # after set_content, which drops Content-* headers
    return bytes(message)


def render(appeal: Appeal, profile: OrganisationProfile, *, fmt: str, public: bool) -> bytes:
    """The appeal in ``fmt`` (one of :data:`FORMATS`) as bytes ready to write."""
    if fmt == "html":
        return render_html(appeal, profile, public=public).encode()
    if fmt == "pdf":
        return render_pdf(appeal, profile, public=public)
    if fmt in ("txt", "md"):
        return render_text(appeal, profile, public=public, markdown=fmt == "md").encode()
    if fmt == "eml":
        return render_email(appeal, profile, public=public)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
