"""HTML pages: the article only, through trafilatura; nothing in the page is ever executed.

Navigation, cookie banners, scripts, comments, related links and footers are dropped by
trafilatura's main-content extraction; if it finds no article, the visible text of the page
body is used instead, still without scripts or styles.
"""

from __future__ import annotations

import re
from typing import cast

import trafilatura
from lxml import html as lxml_html  # type: ignore[import-untyped]

from vigil_extract.errors import E109, ExtractionError

DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg")


def read_html(markup: str) -> tuple[str, str | None]:
    """Return the main text of an HTML page (paragraphs separated by blank lines) and its title."""
    extracted = trafilatura.bare_extraction(
        markup,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_formatting=False,
        with_metadata=True,
        deduplicate=True,
        favor_precision=True,
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    title = getattr(extracted, "title", None) if extracted is not None else None
    published = getattr(extracted, "date", None) if extracted is not None else None
    if not text or len(text) < 200:
        text = visible_text(markup) or text
    if not text or not text.strip():
        raise ExtractionError(E109)
    return with_header(paragraphs(text), title, published), title


def with_header(body: str, title: str | None, published: str | None) -> str:
    """The page's headline and date as the first lines, as a printed appeal has them.

    Main-content extraction keeps the article body; the headline and date usually sit in the
    page's header markup, and later components need them (the dateline anchors relative dates).
    """
    head = body[:600]
    lines = []
    if published and published not in head:
        lines.append(published)
    if title and title.strip() not in head:
        lines.append(title.strip())
    return "\n\n".join([*lines, body]) if lines else body


def visible_text(markup: str) -> str:
    """The text a reader sees in the page body, scripts and styles removed."""
    try:
        tree = cast(lxml_html.HtmlElement, lxml_html.fromstring(markup))
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for node in list(tree.iter(*DROPPED_TAGS)):
        cast(lxml_html.HtmlElement, node).drop_tree()
    return "\n".join(line.strip() for line in tree.text_content().splitlines())


def paragraphs(text: str) -> str:
    """One paragraph per block, separated by a blank line, as in a plain-text appeal."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)
