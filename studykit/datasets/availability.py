"""Whether a listed model can still take a customization job, where AWS's and providers' pages disagree.

Some models stay on Bedrock's data-preparation page after leaving its table of models you can
fine-tune, or after their provider deprecated fine-tuning. studykit keeps their formats and
limits (people hold such data, and the exam teaches these formats) and, wherever such a model
is listed or chosen, says that a paid job may no longer be possible. A note, never an error:
the files themselves are no less valid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from studykit.datasets import sources
from studykit.datasets.sources import Source

Status = Literal["not-in-fine-tuning-table", "deprecated-by-provider"]

LABELS: dict[Status, str] = {
    "not-in-fine-tuning-table": "not in Bedrock's current fine-tuning table",
    "deprecated-by-provider": "fine-tuning deprecated by its provider",
}

CHECK_FIRST = "confirm in the Amazon Bedrock console before paying for a job"


@dataclass(frozen=True)
class Availability:
    """A sourced notice that a model may no longer be customizable on Amazon Bedrock."""

    status: Status
    reason: str  # one line: which sources say what
    sources: tuple[Source, ...]
    as_of: str = sources.READ_AVAILABILITY

    @property
    def label(self) -> str:
        return LABELS[self.status]

    def describe(self) -> str:
        """``status (as of date): reason`` on one line."""
        return f"{self.label} (as of {self.as_of}): {self.reason}"

    def to_json(self) -> dict[str, object]:
        return {
            "status": self.status,
            "label": self.label,
            "reason": self.reason,
            "hint": CHECK_FIRST,
            "as_of": self.as_of,
            "sources": [source.to_json() for source in self.sources],
        }


class ListedModel(Protocol):
    """What the functions below read of a :class:`studykit.datasets.limits.ModelSpec` (which imports
    this module, so it cannot be imported here)."""

    @property
    def id(self) -> str: ...

    @property
    def availability(self) -> Availability | None: ...


TITAN_TEXT = Availability(
    "not-in-fine-tuning-table",
    "Bedrock's table of models you can fine-tune lists no Titan Text model; an older version of it "
    "listed Titan Text G1 Express, Lite and Premier, and the data-preparation page still does",
    (sources.FINE_TUNING_TABLE, sources.OLD_CUSTOMIZATION_TABLE, sources.PREPARE_TEXT_MODELS),
)

COHERE_COMMAND = Availability(
    "deprecated-by-provider",
    "Cohere deprecated fine-tuning its models on Amazon Bedrock on 2025-09-15, and Bedrock's table of "
    "models you can fine-tune lists no Cohere model (the data-preparation page still does)",
    (sources.COHERE_BEDROCK_FINE_TUNING, sources.FINE_TUNING_TABLE, sources.PREPARE_TEXT_MODELS),
)


def flagged(models: Sequence[ListedModel]) -> list[tuple[Availability, list[str]]]:
    """Each availability warning among ``models`` with the ids it covers, in table order."""
    groups: dict[Availability, list[str]] = {}
    for model in models:
        if model.availability is not None:
            groups.setdefault(model.availability, []).append(model.id)
    return list(groups.items())


def format_note(models: Sequence[ListedModel]) -> str | None:
    """What to say of a format about the flagged models among those that take it; None if none is.

    A format whose every model is flagged says so first: a job in it may not be possible at all.
    """
    groups = flagged(models)
    if not groups:
        return None
    listed = "; ".join(f"{', '.join(ids)}: {found.label}" for found, ids in groups)
    as_of = max(found.as_of for found, _ in groups)
    if all(model.availability for model in models):
        return (
            f"every model that takes this format may no longer be customizable on Amazon Bedrock "
            f"({listed}; as of {as_of}); studykit still generates and checks its files"
        )
    return f"{listed} (as of {as_of})"


def choice_note(model: ListedModel | None, takers: Sequence[ListedModel]) -> str | None:
    """What to tell someone making data for ``model`` or, with no model, for a format that ``takers`` take."""
    if model is not None:
        found = model.availability
        return f"{model.id}: {found.describe()} — {CHECK_FIRST}" if found else None
    if takers and all(taker.availability for taker in takers):
        return f"{format_note(takers)} — {CHECK_FIRST}"
    return None
