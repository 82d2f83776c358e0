"""A countdown that reads an injected clock, so tests move time without sleeping.

The clock is any zero-argument callable returning seconds (``time.monotonic`` in
real use). A resumed exam starts a new countdown from the time that was left when
it stopped: time spent away from the exam does not count, as the issue asks
("continue where the learner stopped, timer included").
"""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]


class Countdown:
    """Seconds left of a time limit, measured on ``clock`` from when it was made."""

    def __init__(self, seconds: float, clock: Clock = time.monotonic) -> None:
        self.clock = clock
        self._deadline = clock() + max(0.0, seconds)

    def remaining(self) -> float:
        return max(0.0, self._deadline - self.clock())

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0


class SavedEvery:
    """The time left on ``countdown``, handed to ``save`` each time ``every`` more seconds have gone.

    A waiting prompt reads it several times a second; saving now and then means a
    process killed while the learner thinks loses at most ``every`` seconds of the
    exam's clock, not all the time since the last answer.
    """

    def __init__(self, countdown: Countdown, save: Callable[[float], None], every: float = 15.0) -> None:
        self.countdown = countdown
        self.save = save
        self.every = every
        self._saved = countdown.remaining()

    def __call__(self) -> float:
        left = self.countdown.remaining()
        if self._saved - left >= self.every:
            self.save(left)
            self._saved = left
        return left


def format_duration(seconds: float) -> str:
    """``1:05:09``, ``12:03`` or ``0:07``: hours only when needed, seconds rounded down."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
