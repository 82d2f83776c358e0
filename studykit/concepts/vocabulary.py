"""The vocabulary of concept files and generated questions, read from ``content/_vocabulary.yaml``.

Categories, attribute names and kinds, readable value labels, the phrases claims are made of
and the stems of every generated question family are data, so adding a category, an attribute
or a question on a text attribute needs no code change. The file is loaded as strictly as a
concept file: every problem is a :class:`StudykitError` with ``file:line:col`` and a fix.
A content folder without its own vocabulary uses the shipped one.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from studykit.fields import Field, did_you_mean
from studykit.yamlfile import load_yaml

VOCABULARY_FILE = "_vocabulary.yaml"
KINDS = ("text", "list", "json", "bool", "enum", "ordinal")
"""``ordinal`` values are ordered least first and compare sibling concepts, never an absolute level."""

_NAME = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")

FAMILY_PLACEHOLDERS: dict[str, frozenset[str]] = {
    name: frozenset(words.split())
    for name, words in {
        "which": "noun plural says",
        "which-all": "noun plural say count",
        "statement": "Subject subject says",
        "record": "Subject subject",
        "more": "First first second more",
        "most": "noun plural most",
        "least": "noun plural least",
        "use-case": "case noun plural",
        "typical-use": "case Title title",
        "match-use-case": "noun plural",
        "match-record": "noun plural",
        "match-data": "noun plural",
    }.items()
}
"""The built-in question families and the placeholders their stems may use."""

_ASK_PLACEHOLDERS = frozenset({"Subject", "subject", "label"})
_SAYS_PLACEHOLDERS = frozenset({"value"})
_CHOOSE_CONCEPT_PLACEHOLDERS = frozenset({"value", "noun", "plural"})
_CHOOSE_VALUE_PLACEHOLDERS = frozenset({"Title", "title", "noun"})
_EXPLAIN_PLACEHOLDERS = frozenset({"Title", "title", "value"})
_COMPARE_WORDS = ("more", "less", "most", "least")

ValueName = str | bool


@dataclass(frozen=True)
class ValueWords:
    """How one value of an enum, ordinal or bool attribute reads."""

    label: str  # as a reader sees it: "labeled or unlabeled data"
    says: str = ""  # the verb phrase of a claim: "can train on labeled or unlabeled data"


@dataclass(frozen=True)
class Comparatives:
    """Verb phrases comparing siblings on an ordinal attribute: "needs more data"."""

    more: str
    less: str
    most: str
    least: str


@dataclass(frozen=True)
class Ask:
    """One way of asking: the family that names its questions, and its stems."""

    family: str
    stems: tuple[str, ...]


@dataclass(frozen=True)
class TextQuestions:
    """Questions on a text attribute among siblings of ``categories``: the value given and the
    concept to choose, or the concept given and the value to choose; ``explain`` says why."""

    categories: tuple[str, ...]
    explain: str
    choose_concept: Ask | None = None
    choose_value: Ask | None = None

    @property
    def asks(self) -> tuple[Ask, ...]:
        return tuple(ask for ask in (self.choose_concept, self.choose_value) if ask is not None)


@dataclass(frozen=True)
class AttributeSpec:
    """One attribute name: how it is shown, which values it takes and how claims about it read."""

    name: str
    label: str
    kind: str
    values: tuple[str, ...] = ()  # enum and ordinal values, in order (ordinal: least first)
    words: dict[ValueName, ValueWords] = field(default_factory=dict)
    says: str = ""  # text attributes: "uses records shaped like {value}"
    overlaps: dict[str, frozenset[str]] = field(default_factory=dict)
    ask: tuple[str, ...] = ()
    compare: Comparatives | None = None
    questions: TextQuestions | None = None

    def label_of(self, value: ValueName) -> str:
        """A value as a reader sees it ("labeled or unlabeled data", "yes")."""
        words = self.words.get(value)
        if words is not None:
            return words.label
        if isinstance(value, bool):
            return "yes" if value else "no"
        return str(value).replace("-", " ")

    def says_of(self, value: ValueName) -> str:
        """The verb phrase claiming ``value`` ("" when the vocabulary has none)."""
        words = self.words.get(value)
        if words is not None and words.says:
            return words.says
        if self.says and self.kind == "text":
            return self.says.format(value=value)
        return ""

    def overlap(self, actual: ValueName, value: ValueName) -> bool:
        """Whether ``value`` may also be true of a concept whose value is ``actual``."""
        return isinstance(actual, str) and str(value) in self.overlaps.get(actual, frozenset())


@dataclass(frozen=True)
class Category:
    """A concept category and the nouns questions use for its members."""

    name: str
    noun: str
    plural: str
    subject: tuple[tuple[str, str], ...] = ()  # (title prefix, what it becomes in a claim)


@dataclass(frozen=True)
class Family:
    """The stems of one generated question family; ``categories`` empty means every category."""

    name: str
    categories: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()
    by_category: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def applies_to(self, category: str) -> bool:
        return not self.categories or category in self.categories

    def stems_for(self, category: str | None = None) -> tuple[str, ...]:
        if category is not None and category in self.by_category:
            return self.by_category[category]
        return self.stems


@dataclass(frozen=True)
class Vocabulary:
    """Everything ``_vocabulary.yaml`` declares."""

    categories: dict[str, Category]
    attributes: dict[str, AttributeSpec]
    families: dict[str, Family]
    proper_names: frozenset[str] = frozenset()
    path: str = ""

    def family(self, name: str) -> Family:
        """The family's stems; a family the file leaves out makes no questions (no stems)."""
        return self.families.get(name, Family(name, stems=()))

    def noun(self, category: str) -> str:
        return self.categories[category].noun

    def plural(self, category: str) -> str:
        return self.categories[category].plural

    @property
    def text_questions(self) -> tuple[tuple[AttributeSpec, TextQuestions], ...]:
        """The text attributes that make questions, with their questions."""
        return tuple((spec, spec.questions) for spec in self.attributes.values() if spec.questions)


def load_vocabulary(path: Path) -> Vocabulary:
    """Read and check a vocabulary file."""
    root = Field(load_yaml(path))
    keys = root.mapping(("categories", "attributes"), ("proper_names", "families"))
    categories = {name: _category(name, item) for name, item in _entries(keys["categories"], "category")}
    attributes = {
        name: _attribute(name, item, tuple(categories))
        for name, item in _entries(keys["attributes"], "attribute")
    }
    _check_text_families(keys["attributes"], attributes)
    families = {}
    if "families" in keys:
        for name, item in _entries(keys["families"], "family"):
            if name not in FAMILY_PLACEHOLDERS:
                guess = did_you_mean(name, FAMILY_PLACEHOLDERS)
                hint = f"did you mean '{guess}'?" if guess else f"families: {', '.join(FAMILY_PLACEHOLDERS)}"
                raise item.error(f"unknown question family '{name}'", hint, of_key=True)
            families[name] = _family(name, item, tuple(categories))
    names = frozenset(keys["proper_names"].text_list()) if "proper_names" in keys else frozenset()
    return Vocabulary(categories, attributes, families, names, str(path))


def vocabulary_for(folder: Path) -> Vocabulary:
    """The vocabulary of a content folder: its own file, or else the shipped one."""
    path = folder / VOCABULARY_FILE
    if path.is_file():
        return load_vocabulary(path)
    return shipped_vocabulary()


@lru_cache(maxsize=1)
def shipped_vocabulary() -> Vocabulary:
    from studykit.resources import content_dir

    return load_vocabulary(content_dir() / VOCABULARY_FILE)


def _entries(field: Field, what: str) -> list[tuple[str, Field]]:
    """The (name, field) pairs of a mapping whose keys are names such as ``training_data``."""
    value = field.value
    if not isinstance(value, dict) or not value:
        raise field.error(f"{field.name} must map {what} names to their words", "see docs/content-format.md")
    entries = []
    for name in value:
        item = field.child(name)
        if not isinstance(name, str) or not _NAME.match(name):
            raise item.error(
                f"{what} name {name!r} is not lower-case words joined by '-' or '_'", of_key=True
            )
        entries.append((name, item))
    return entries


def _category(name: str, field: Field) -> Category:
    keys = field.mapping(("noun", "plural"), ("subject",))
    rules = []
    for item in keys["subject"].items(min_items=1) if "subject" in keys else ():
        rule = item.mapping(("title_starts", "becomes"))
        rules.append((_raw_text(rule["title_starts"]), _raw_text(rule["becomes"])))
    return Category(name, keys["noun"].text(max_length=60), keys["plural"].text(max_length=60), tuple(rules))


def _raw_text(field: Field) -> str:
    """Text kept with its spaces ("Use case: "), since it is joined to other text."""
    field.text()
    return str(field.value)


def _attribute(name: str, field: Field, categories: tuple[str, ...]) -> AttributeSpec:
    keys = field.mapping(("label", "kind"), ("values", "says", "overlaps", "ask", "compare", "questions"))
    kind = keys["kind"].choice(KINDS)
    article = "an" if kind[0] in "aeiou" else "a"
    allowed = {
        "text": ("says", "questions"),
        "enum": ("values", "overlaps", "ask"),
        "ordinal": ("values", "compare"),
        "bool": ("values",),
    }.get(kind, ())
    for key in ("values", "says", "overlaps", "ask", "compare", "questions"):
        if key in keys and key not in allowed:
            raise keys[key].error(
                f"{article} {kind} attribute has no '{key}'", "remove the line, or change the kind"
            )
    if kind in ("enum", "ordinal", "bool") and "values" not in keys:
        raise field.error(f"{article} {kind} attribute needs 'values'", "list the values it takes")
    values: tuple[str, ...] = ()
    words: dict[ValueName, ValueWords] = {}
    if kind == "bool":
        words = _bool_words(keys["values"])
    elif kind in ("enum", "ordinal"):
        values, words = _value_words(keys["values"])
    spec = AttributeSpec(
        name=name,
        label=keys["label"].text(max_length=40),
        kind=kind,
        values=values,
        words=words,
        says=_template(keys["says"], _SAYS_PLACEHOLDERS) if "says" in keys else "",
        overlaps=_overlaps(keys["overlaps"], values) if "overlaps" in keys else {},
        ask=_templates(keys["ask"], _ASK_PLACEHOLDERS) if "ask" in keys else (),
        compare=_comparatives(keys["compare"]) if "compare" in keys else None,
        questions=_text_questions(keys["questions"], categories) if "questions" in keys else None,
    )
    if spec.ask and any(not spec.words.get(value) for value in values):
        raise keys["ask"].error(
            "a value question needs a label for every value", "give each value a 'label' under values"
        )
    return spec


def _value_words(field: Field) -> tuple[tuple[str, ...], dict[ValueName, ValueWords]]:
    """``values`` as a list of names, or a mapping from each name to its label and phrase."""
    if isinstance(field.value, list):
        names = field.text_list(min_items=2)
        words: dict[ValueName, ValueWords] = {}
    else:
        words = {}
        for name, item in _entries(field, "value"):
            words[name] = _words(item)
        names = tuple(str(name) for name in words)
        if len(names) < 2:
            raise field.error(f"{field.name} needs at least 2 values", "add the values the attribute takes")
    if len(set(names)) != len(names):
        raise field.error(f"{field.name} lists a value twice", "list each value once")
    return names, words


def _bool_words(field: Field) -> dict[ValueName, ValueWords]:
    value = field.value
    if not isinstance(value, dict) or set(value) != {True, False}:
        raise field.error(
            f"{field.name} of a bool attribute must have exactly the keys true and false",
            "write 'true: {label: ..., says: ...}' and 'false: {...}'",
        )
    return {flag: _words(field.child(flag)) for flag in (True, False)}


def _words(field: Field) -> ValueWords:
    keys = field.mapping(("label",), ("says",))
    return ValueWords(
        keys["label"].text(max_length=80), keys["says"].text(max_length=120) if "says" in keys else ""
    )


def _overlaps(field: Field, values: tuple[str, ...]) -> dict[str, frozenset[str]]:
    overlaps = {}
    for name, item in _entries(field, "value"):
        if name not in values:
            raise item.error(
                f"'{name}' is not one of the values", f"use one of: {', '.join(values)}", of_key=True
            )
        listed = []
        for entry in item.items(min_items=1):
            listed.append(entry.choice(values))
        overlaps[name] = frozenset(listed)
    return overlaps


def _comparatives(field: Field) -> Comparatives:
    keys = field.mapping(_COMPARE_WORDS)
    return Comparatives(*(keys[word].text(max_length=80) for word in _COMPARE_WORDS))


def _text_questions(field: Field, categories: tuple[str, ...]) -> TextQuestions:
    keys = field.mapping(("categories", "explain"), ("choose_concept", "choose_value"))
    if "choose_concept" not in keys and "choose_value" not in keys:
        raise field.error("questions need 'choose_concept' or 'choose_value'", "add at least one of them")
    return TextQuestions(
        tuple(item.choice(categories) for item in keys["categories"].items(min_items=1)),
        _template(keys["explain"], _EXPLAIN_PLACEHOLDERS),
        _ask(keys["choose_concept"], _CHOOSE_CONCEPT_PLACEHOLDERS) if "choose_concept" in keys else None,
        _ask(keys["choose_value"], _CHOOSE_VALUE_PLACEHOLDERS) if "choose_value" in keys else None,
    )


def _ask(field: Field, placeholders: frozenset[str]) -> Ask:
    keys = field.mapping(("family", "stems"))
    family = keys["family"].text()
    if not _NAME.match(family) or "_" in family:
        raise keys["family"].error(
            f"family {family!r} is not lower-case words joined by '-'", "e.g. service-for"
        )
    if family in FAMILY_PLACEHOLDERS:
        raise keys["family"].error(f"'{family}' is a built-in question family", "choose another name")
    return Ask(family, _templates(keys["stems"], placeholders))


def _check_text_families(field: Field, attributes: dict[str, AttributeSpec]) -> None:
    seen: dict[str, str] = {}
    for name, spec in attributes.items():
        for ask in spec.questions.asks if spec.questions else ():
            if ask.family in seen:
                raise field.child(name).error(
                    f"question family '{ask.family}' is already used by '{seen[ask.family]}'",
                    "give each way of asking its own family",
                )
            seen[ask.family] = name


def _family(name: str, field: Field, categories: tuple[str, ...]) -> Family:
    keys = field.mapping((), ("categories", "stems", "by_category"))
    if "stems" not in keys and "by_category" not in keys:
        raise field.error(f"family '{name}' needs 'stems' or 'by_category'", "add the stems")
    placeholders = FAMILY_PLACEHOLDERS[name]
    chosen = (
        tuple(item.choice(categories) for item in keys["categories"].items(min_items=1))
        if ("categories" in keys)
        else ()
    )
    by_category = {}
    if "by_category" in keys:
        for category, item in _entries(keys["by_category"], "category"):
            if category not in categories:
                raise item.error(
                    f"unknown category '{category}'", f"use one of: {', '.join(categories)}", of_key=True
                )
            by_category[category] = _templates(item, placeholders)
    stems = _templates(keys["stems"], placeholders) if "stems" in keys else ()
    return Family(name, chosen, stems, by_category)


def _templates(field: Field, placeholders: frozenset[str]) -> tuple[str, ...]:
    """One stem or a list of them, each using only the family's placeholders."""
    if isinstance(field.value, str):
        return (_template(field, placeholders),)
    return tuple(_template(item, placeholders) for item in field.items(min_items=1))


def _template(field: Field, placeholders: frozenset[str]) -> str:
    text = field.text(max_length=300)
    try:
        names = [name for _, name, spec, conversion in string.Formatter().parse(text) if name is not None]
    except ValueError:
        raise field.error(
            "a '{' or '}' is not closed", "write placeholders as {name}; double a literal brace"
        ) from None
    for name in names:
        if name not in placeholders:
            guess = did_you_mean(name, placeholders)
            hint = (
                f"did you mean '{{{guess}}}'?"
                if guess
                else f"use {', '.join('{' + p + '}' for p in sorted(placeholders))}"
            )
            raise field.error(f"unknown placeholder {{{name}}}", hint)
    return text
