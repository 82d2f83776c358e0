"""The end of a quiz: score, a table by concept, and what to study next."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from studykit.engine.scoring import SessionScore
from studykit.engine.timer import spoken_duration
from studykit.ui.blocks import heading, indented
from studykit.ui.console import table_box
from studykit.ui.text import literal


def _percent(right: int, total: int) -> str:
    return f"{round(100 * right / total)}%" if total else "–"


def summary_view(
    score: SessionScore,
    *,
    total: int,
    ended: str,
    next_ids: list[str],
    titles: Mapping[str, str],
    seed: int,
    plain: bool,
    seconds: float = 0.0,
    skipped: int = 0,
    draw: str = "adaptive",
) -> RenderableType:
    """Score, table by concept, what to study next; ``seconds`` is the time spent answering."""
    parts: list[RenderableType] = []
    line = Text(f"Score: {score.right} of {score.total} ({_percent(score.right, score.total)})")
    if ended == "paused":
        line.append(f" — paused; {score.total} of {total} question{'s' if total != 1 else ''} answered")
    elif ended != "finished":
        line.append(f" — input ended; {score.total} of {total} question{'s' if total != 1 else ''} answered")
    elif skipped:
        line.append(f" — {skipped} skipped")
    parts.append(heading("Summary", plain))
    parts.append(line if plain else Text.assemble((line.plain, "bold")))
    if score.total and seconds >= 1:  # scripted input takes no time worth reporting
        parts.append(
            Text(
                f"Time answering: {spoken_duration(seconds)}"
                + (
                    f", about {spoken_duration(seconds / score.total)} a question."
                    if score.total > 1
                    else "."
                )
            )
        )
    if score.total:
        table = Table(box=table_box(plain), show_edge=False, pad_edge=False)
        table.add_column("Concept", overflow="fold")
        table.add_column("Right", justify="right")
        table.add_column("Of", justify="right")
        table.add_column("%", justify="right")
        for tally in sorted(score.by_concept, key=lambda t: (t.fraction, t.key)):
            table.add_row(
                literal(titles.get(tally.key, tally.key)),
                str(tally.right),
                str(tally.total),
                _percent(tally.right, tally.total),
            )
        parts.append(indented(table))
    if next_ids:
        parts.append(heading("Study next", plain))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for concept_id in next_ids:
            grid.add_row(literal(f"studykit learn {concept_id}"), literal(titles.get(concept_id, "")))
        parts.append(indented(grid))
    if draw == "study":
        pass  # a study session is planned from the learner's progress, not replayed from a seed
    elif draw == "random":
        parts.append(Text(f"\nSeed {seed}: run again with --draw random --seed {seed} for these questions."))
    else:
        parts.append(
            Text(
                f"\nSeed {seed}: the draw follows your progress, so --seed {seed} draws the same questions"
                " from the same progress; add --draw random for the same questions whatever your progress."
            )
        )
    return Group(*parts)
