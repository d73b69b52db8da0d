"""The demo publisher: a fictional organisation (never a real one) and fictional addressees."""

from __future__ import annotations

from typing import Any

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
    '<circle cx="32" cy="32" r="30" fill="#8a1c1c"/>'
    '<path d="M32 12 L38 44 L26 44 Z" fill="#fff"/><rect x="22" y="46" width="20" height="5" fill="#fff"/>'
    "</svg>"
)

DEMO_PROFILE: dict[str, Any] = {
    "name": "Beacon for Defenders",
    "short_name": "Beacon",
    "email": "appeals@beacon-defenders.example.org",
    "offices": [
        {
            "label": "Beacon for Defenders – Main Office",
            "city": "Port Example",
            "address": ["12 Harbour Lane, Second Floor", "Port Example, EX1 2AB"],
            "email": "contact@beacon-defenders.example.org",
            "web": "www.beacon-defenders.example.org",
            "phone": "+00 11 555 0100",
            "fax": "+00 11 555 0101",
        },
        {
            "label": "Beacon for Defenders – Field Desk",
            "city": "Lakeside",
            "address": ["4 Mill Street", "Lakeside, LK2 9ZZ"],
            "email": "field@beacon-defenders.example.org",
            "web": "www.beacon-defenders.example.org",
            "phone": "+00 22 555 0200",
            "fax": "",
        },
    ],
    "board": ["Aurora Fictus", "Benedict Imaginary", "Clara Placeholder", "Dmitri Example"],
    "advisory": ["Esther Sample", "Farid Demo", "Greta Mock"],
    "registration": (
        "Beacon for Defenders is a fictional organisation used to demonstrate Vigil. "
        "Registered nowhere; Company No. 000000."
    ),
    "logo_svg": LOGO,
}

DEMO_AUTHORITIES: list[dict[str, str]] = [
    {
        "country": "KG",
        "title": "Prosecutor General",
        "institution": "Office of the Prosecutor General",
        "postal_address": "Example address\nBishkek",
        "email": "prosecutor@authorities-kg.example.org",
        "fax": "",
    },
    {
        "country": "KZ",
        "title": "Prosecutor General",
        "institution": "Office of the Prosecutor General",
        "postal_address": "Example address\nAstana",
        "email": "prosecutor@authorities-kz.example.org",
        "fax": "",
    },
]
