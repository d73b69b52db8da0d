"""Follow-ups: deadlines computed from facts (a release date from a start and a duration)."""
