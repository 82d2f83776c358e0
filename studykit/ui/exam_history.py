"""``studykit exam --history``: one row per finished exam, and how to reread one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text

from studykit.engine.exam_history import PastExam
from studykit.ui.blocks import indented, title
from studykit.ui.console import table_box


def history_view(exams: Sequence[PastExam], plain: bool) -> Group:
    if not exams:
        return Group(Text("No finished exams yet. Start one with 'studykit exam'."))
    table = Table(box=table_box(plain), show_edge=False, pad_edge=False, header_style="" if plain else "bold")
    for name, justify in (
        ("#", "right"),
        ("Finished", "left"),
        ("Right", "right"),
        ("Score", "right"),
        ("Result", "left"),
        ("Time used", "right"),
        ("Flagged", "right"),
    ):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for past in exams:
        record = past.record
        minutes = past.time_used or "-"
        if past.timed_out:
            minutes += " (time out)"
        table.add_row(
            str(past.number),
            f"{record.finished_at.astimezone():%Y-%m-%d %H:%M}",
            f"{record.correct}/{record.total}",
            str(record.scaled_score),
            Text(
                "PASS" if record.passed else "FAIL",
                style="" if plain else ("green" if record.passed else "red"),
            ),
            minutes,
            str(past.flagged),
        )
    zone = f"{exams[0].record.finished_at.astimezone():%Z}"
    return Group(
        title(f"Past exams ({len(exams)})", plain),
        indented(table),
        Text(f"Times in {zone}. Reread one, walk-through included: studykit exam show N"),
    )
