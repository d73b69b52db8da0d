"""What the public version of a case will contain, and why a public appeal is refused.

Read from the same allow-list the appeals use (``appeals.facts.gather(public=True)``), so
the case page says exactly what a public appeal would be written from, in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from vigil.appeals.facts import gather
from vigil.cases.models import Case, Confidentiality, Event, Person
from vigil.web.labels import label


@dataclass
class PublicVersion:
    """The public facts of a case, what stays out, and the reasons a public appeal cannot be made."""

    case_is_public: bool
    defenders: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    withheld_defenders: int = 0
    withheld_events: int = 0
    refusals: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def appeal_possible(self) -> bool:
        return not self.refusals


def public_version(case: Case) -> PublicVersion:
    facts = gather(case, public=True)
    people = Person.objects.filter(cases=case)
    events = Event.objects.filter(case=case)
    version = PublicVersion(
        case_is_public=case.confidentiality == Confidentiality.PUBLIC,
        defenders=[d.name for d in facts.defenders],
        events=[f"{e.date.isoformat() if e.date else _('undated')} · {label(e.type)}" for e in facts.events],
        withheld_defenders=people.count() - len(facts.defenders),
        withheld_events=events.count() - len(facts.events),
    )
    if not facts.defenders:
        version.refusals.append(
            _(
                "No defender of this case is public, so a public appeal would name nobody: "
                "make a defender public first."
            )
        )
    if not facts.events:
        version.warnings.append(
            _("No event of this case is public, so a public appeal would report nothing that happened.")
        )
    return version
