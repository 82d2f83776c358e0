"""How ``studykit review`` says when the next cards are due."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from studykit.store import CardRecord


def relative_time(moment: datetime, now: datetime) -> str:
    """``in 10 minutes``, ``in 3 hours``, ``in 2 days`` (rounded down, at least a minute)."""
    seconds = max(60, int((moment - now).total_seconds()))
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = seconds // size
            return f"in {count} {unit}{'s' if count != 1 else ''}"
    return "in 1 minute"


def interval_text(interval: timedelta) -> str:
    """How long until a card comes back, briefly: ``10 min``, ``5 h``, ``3 days``, ``2 months``."""
    minutes = max(1, round(interval.total_seconds() / 60))
    if minutes < 60:
        return f"{minutes} min"
    hours = round(minutes / 60)
    if hours < 24:
        return f"{hours} h"
    days = round(hours / 24)
    if days < 31:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 365:
        months = round(days / 30.4)
        return f"{months} month{'s' if months != 1 else ''}"
    return f"{days / 365:.1f} years"


def next_due_text(upcoming: Sequence[CardRecord], now: datetime) -> str:
    """One sentence: when the next card is due and how many follow within a day and a week."""
    if not upcoming:
        return "No cards are scheduled yet: answer questions with 'studykit quiz' or 'studykit exam'."
    first = upcoming[0]
    day = sum(1 for card in upcoming if card.due <= now + timedelta(days=1))
    week = sum(1 for card in upcoming if card.due <= now + timedelta(days=7))
    when = first.due.astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        f"Next card due {relative_time(first.due, now)} ({when}); "
        f"{day} due within a day, {week} within a week, {len(upcoming)} scheduled."
    )
