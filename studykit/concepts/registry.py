"""A loaded, cross-checked collection of concepts with lookup by id and domain, and its vocabulary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from studykit.concepts.model import Concept
from studykit.errors import StudykitError
from studykit.fields import did_you_mean

if TYPE_CHECKING:
    from studykit.concepts.vocabulary import Vocabulary


class ConceptSet:
    """Concepts in file order, looked up by id; unknown ids get a suggestion.

    ``vocabulary`` is the one the concepts were checked against (the shipped one when not given).
    """

    def __init__(self, concepts: Iterable[Concept], vocabulary: Vocabulary | None = None) -> None:
        self._by_id = {concept.id: concept for concept in concepts}
        self._vocabulary = vocabulary

    @property
    def vocabulary(self) -> Vocabulary:
        if self._vocabulary is None:
            from studykit.concepts.vocabulary import shipped_vocabulary

            return shipped_vocabulary()
        return self._vocabulary

    def __iter__(self) -> Iterator[Concept]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._by_id

    def __getitem__(self, concept_id: str) -> Concept:
        return self._by_id[concept_id]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def suggest(self, concept_id: str) -> str | None:
        """The known id closest to ``concept_id`` (also matching titles and aliases)."""
        guess = did_you_mean(concept_id, self._by_id)
        if guess:
            return guess
        lowered = concept_id.lower()
        for concept in self:
            names = (concept.title.lower(), *(alias.lower() for alias in concept.aka))
            if any(lowered == name or lowered in name.replace(" ", "-") for name in names):
                return concept.id
        return None

    def get(self, concept_id: str) -> Concept:
        """The concept, or a :class:`StudykitError` that suggests the closest id."""
        if concept_id in self._by_id:
            return self._by_id[concept_id]
        guess = self.suggest(concept_id)
        hint = f"did you mean '{guess}'?" if guess else "run 'studykit topics' to list them"
        raise StudykitError(f"unknown concept {concept_id!r}", hint=hint)

    def by_domain(self) -> dict[int, list[Concept]]:
        """Concepts grouped by exam domain, domains in order."""
        groups: dict[int, list[Concept]] = {}
        for concept in sorted(self, key=lambda item: item.domain):
            groups.setdefault(concept.domain, []).append(concept)
        return groups
