"""The organisation's logo: an SVG, or a PNG or JPEG wrapped in one, checked before it is kept.

Only small files of these three types are taken. An SVG must be plain drawing: no script,
no event handler, no link to anything outside itself (renderings fetch nothing). A bitmap
is embedded in an SVG as a ``data:`` image, with its size, so every rendering scales it alike.
"""

from __future__ import annotations

import base64
import io
from xml.etree import ElementTree

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 256 * 1024
FORBIDDEN_TAGS = {"script", "foreignobject", "iframe", "embed", "object"}


class LogoError(ValueError):
    """The file is not a logo Vigil keeps (wrong type, too large, unsafe SVG)."""


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def checked_svg(data: bytes, name: str) -> str:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise LogoError(_("%(name)s: an SVG with a DOCTYPE or entities is not accepted") % {"name": name})
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 (no DOCTYPE or entity gets this far)
    except ElementTree.ParseError:
        raise LogoError(_("%(name)s: not a readable SVG file") % {"name": name}) from None
    if local_name(root.tag) != "svg":
        raise LogoError(_("%(name)s: not an SVG drawing") % {"name": name})
    for element in root.iter():
        if local_name(element.tag) in FORBIDDEN_TAGS:
            raise LogoError(_("%(name)s: the SVG contains a script or embedded content") % {"name": name})
        for attribute, value in element.attrib.items():
            key = local_name(attribute)
            if key.startswith("on"):
                raise LogoError(_("%(name)s: the SVG contains an event handler") % {"name": name})
            if key == "href" and not value.startswith(("#", "data:image/")):
                raise LogoError(_("%(name)s: the SVG links to something outside itself") % {"name": name})
    return data.decode("utf-8")


def wrapped_bitmap(data: bytes, name: str) -> str:
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, width, height = image.format, image.width, image.height
    except (UnidentifiedImageError, OSError):
        raise LogoError(_("%(name)s: not an SVG, PNG or JPEG image") % {"name": name}) from None
    if kind not in ("PNG", "JPEG"):
        raise LogoError(_("%(name)s: not an SVG, PNG or JPEG image") % {"name": name})
    encoded = base64.b64encode(data).decode()
    size = f'width="{width}" height="{height}"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" {size}>'
        f'<image href="data:image/{kind.lower()};base64,{encoded}" {size}/></svg>'
    )


def logo_svg(data: bytes, name: str) -> str:
    """The logo as SVG text to store, or :class:`LogoError` saying what is wrong with the file."""
    if len(data) > MAX_BYTES:
        raise LogoError(_("%(name)s: larger than %(limit)d KB") % {"name": name, "limit": MAX_BYTES // 1024})
    if data.lstrip().startswith((b"<?xml", b"<svg")):
        return checked_svg(data, name)
    return wrapped_bitmap(data, name)
