"""Moments as text in the progress file: ISO 8601 in UTC, so text order is time order."""

from __future__ import annotations

from datetime import datetime, timezone


def to_text(moment: datetime) -> str:
    """A moment as sortable ISO text in UTC (naive datetimes are taken to be UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)
