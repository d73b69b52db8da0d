"""``{% who_looked record %}``: the latest readers of a record, for coordinators and admins only."""

from __future__ import annotations

from typing import Any

from django import template

from vigil.audit.reads import readers

register = template.Library()


@register.inclusion_tag("audit/readers.html", takes_context=True)
def who_looked(context: dict[str, Any], instance: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"readings": readers(user, instance) if user is not None else None, "record": instance}
