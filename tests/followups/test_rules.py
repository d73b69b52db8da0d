"""Deadline rules: a release date is the start plus the duration written in the source."""

from __future__ import annotations

import datetime as dt

import pytest

from vigil.followups.rules import expected_release


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        (dt.date(2025, 2, 28), "10 days", dt.date(2025, 3, 10)),
        (dt.date(2024, 2, 28), "10 days", dt.date(2024, 3, 9)),
        (dt.date(2025, 5, 28), "five years", dt.date(2030, 5, 28)),
        (dt.date(2024, 11, 10), "18 months", dt.date(2026, 5, 10)),
        (dt.date(2025, 4, 11), "two weeks", dt.date(2025, 4, 25)),
    ],
)
def test_expected_release_adds_the_duration(start: dt.date, duration: str, expected: dt.date) -> None:
    assert expected_release(start, duration) == expected


@pytest.mark.parametrize("duration", ["", "up to eight years", "life", "9, 7 and 8 years"])
def test_durations_that_are_not_one_length_give_no_date(duration: str) -> None:
    assert expected_release(dt.date(2025, 1, 1), duration) is None
