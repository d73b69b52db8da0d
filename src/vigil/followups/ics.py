"""A person's follow-ups as an iCalendar feed (RFC 5545), one all-day event per open follow-up.

The feed lists the open follow-ups of every case its owner may see, on the day each needs
looking at (a snoozed one on the day it was put off to), from 90 days back on. Events carry the
kind, the case number and a link, never a name (``followups.wording``).
"""

from __future__ import annotations

import datetime as dt

import icalendar

from vigil.cases.access import readable_followups
from vigil.cases.models.followup import FollowUpStatus
from vigil.cases.roles import User
from vigil.followups.state import state_of
from vigil.followups.wording import case_url, followup_label

LOOK_BACK = dt.timedelta(days=90)


def feed_for(user: User, *, today: dt.date, now: dt.datetime, base_url: str, host: str) -> bytes:
    """The calendar of ``user``'s open follow-ups."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Vigil//follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Vigil follow-ups")
    followups = readable_followups(user).filter(status=FollowUpStatus.OPEN).select_related("case")
    for followup in sorted(followups, key=lambda f: (f.watch_from, f.pk)):
        if followup.watch_from < today - LOOK_BACK:
            continue
        event = icalendar.Event()
        event.add("uid", f"followup-{followup.pk}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", followup.watch_from)
        event.add("dtend", followup.watch_from + dt.timedelta(days=1))
        event.add("summary", followup_label(followup))
        link = case_url(base_url, followup)
        event.add("url", link)
        event.add("description", f"{state_of(followup, today)} — {link}")
        calendar.add_component(event)
    result: bytes = calendar.to_ical()
    return result
