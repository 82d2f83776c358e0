"""What the learner should do next, named by ``study`` at the end of a session and by ``progress``.

One rule list, first match wins: nothing done yet → start a study session; cards due → review;
a concept missed most → read its note; too few answers to estimate readiness → keep studying;
a domain never practised → quiz it; an estimate above the pass mark → test it with an exam;
otherwise → tomorrow's study session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from studykit.engine.progress_report import ProgressReport
from studykit.engine.readiness import MINIMUM_ANSWERS
from studykit.engine.scaled_score import PASS_MARK


@dataclass(frozen=True)
class NextStep:
    """A command to run and why."""

    command: str
    reason: str


def next_step(report: ProgressReport, titles: Mapping[str, str] | None = None) -> NextStep:
    titles = titles or {}
    if not report.answered:
        return NextStep("studykit study", "start with today's session: reviews, then new questions")
    due = report.due.get("now", 0)
    if due:
        return NextStep("studykit review", f"{due} question{'s are' if due != 1 else ' is'} due for review")
    if report.weakest:
        weakest = report.weakest[0]
        name = titles.get(str(weakest.key), str(weakest.key))
        return NextStep(
            f"studykit learn {weakest.key}",
            f"you miss {name} most ({weakest.correct} of {weakest.answered} right);"
            f" then practise it with 'studykit quiz --topic {weakest.key}'",
        )
    readiness = report.readiness
    if readiness is None:
        left = MINIMUM_ANSWERS - report.answered
        return NextStep("studykit study", f"answer {max(left, 1)} more questions for a readiness estimate")
    if readiness.unmeasured:
        domain = readiness.unmeasured[0]
        return NextStep(f"studykit quiz --domain {domain}", f"you have not practised domain {domain} yet")
    if readiness.predicted >= PASS_MARK:
        return NextStep(
            "studykit exam",
            f"your predicted score, {readiness.predicted}, is above the pass mark: test it under exam"
            " conditions",
        )
    return NextStep("studykit study", "come back tomorrow for the reviews that fall due and new questions")
