"""Keyed word tokens: how PostgreSQL searches text it never holds.

Each word of an entry is normalised (case folded, accents removed, as FTS5's ``unicode61
remove_diacritics`` does) and replaced by an HMAC-SHA256 under the store's search subkey,
cut to 64 bits and written in the letters ``a``–``p`` so PostgreSQL's ``simple`` parser keeps
it as one word. The database holds only these tokens; a query is tokenised the same way and
matched by token equality. Snippets are built here, from the text of records the reader may
see, after they are decrypted.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

from vigil.crypto.keys import keyring

WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s+")
TOKEN_BYTES = 8
LETTERS = "abcdefghijklmnop"
SNIPPET_WORDS = 20
BEFORE_MATCH = 6


def normalise(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return [normalise(w) for w in WORD.findall(text)]


def token(word: str, key: bytes) -> str:
    digest = hmac.new(key, word.encode("utf-8"), hashlib.sha256).digest()[:TOKEN_BYTES]
    return "".join(LETTERS[b >> 4] + LETTERS[b & 15] for b in digest)


def tokens(text: str, key: bytes | None = None) -> str:
    """The keyed tokens of ``text``'s words, in order, separated by spaces."""
    key = key if key is not None else keyring().search
    return " ".join(token(w, key) for w in words(text))


def snippet(text: str, query: str, start_mark: str, end_mark: str) -> str:
    """About twenty words of ``text`` around the first word of ``query``, matches marked."""
    wanted = set(words(query))
    found = list(WORD.finditer(text))
    first = next((i for i, m in enumerate(found) if normalise(m.group()) in wanted), 0)
    window = found[max(0, first - BEFORE_MATCH) : max(0, first - BEFORE_MATCH) + SNIPPET_WORDS]
    if not window:
        return ""
    pieces, position = [], window[0].start()
    for match in window:
        pieces.append(SPACE.sub(" ", text[position : match.start()]))
        marked = normalise(match.group()) in wanted
        pieces.append(f"{start_mark}{match.group()}{end_mark}" if marked else match.group())
        position = match.end()
    prefix = "…" if window[0].start() > 0 else ""
    suffix = "…" if window[-1].end() < len(text.rstrip()) else ""
    return prefix + "".join(pieces) + suffix
