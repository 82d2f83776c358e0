"""The exam countdown on an injected clock, and saving the time left while the learner thinks."""

from __future__ import annotations

from studykit.engine.timer import Countdown, SavedEvery, format_duration


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_countdown_runs_on_the_injected_clock_and_stops_at_zero() -> None:
    clock = Clock()
    countdown = Countdown(90, clock)
    clock.now += 30
    assert countdown.remaining() == 60 and not countdown.expired
    clock.now += 100
    assert countdown.remaining() == 0 and countdown.expired


def test_time_left_is_saved_each_time_the_interval_has_gone() -> None:
    clock = Clock()
    saved: list[float] = []
    time_left = SavedEvery(Countdown(600, clock), saved.append, every=15)
    for _ in range(40):  # 40 reads a second apart, as a waiting prompt makes them
        clock.now += 1
        time_left()
    assert saved == [585, 570]
    assert time_left() == 560


def test_durations_read_like_a_clock() -> None:
    assert format_duration(5409.9) == "1:30:09"
    assert format_duration(723) == "12:03"
    assert format_duration(7) == "0:07"
    assert format_duration(-3) == "0:00"


def test_spoken_durations_round_to_the_unit_they_show() -> None:
    from studykit.engine.timer import spoken_duration

    assert spoken_duration(4.57) == "4.6 s"
    assert spoken_duration(9.96) == "10 s"
    assert spoken_duration(44.5) == "44 s"
    assert spoken_duration(90) == "1 min 30 s"
    assert spoken_duration(120.2) == "2 min"
    assert spoken_duration(3 * 3600 + 5 * 60 + 20) == "3 h 5 min"
    assert spoken_duration(-1) == "0.0 s"
