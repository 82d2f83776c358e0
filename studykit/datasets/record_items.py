"""What each format's records are made of: items from the material, and the record each choice builds.

- single-turn, prompt/completion, distillation: one exchange (a concept's, or a question
  asked, or an option checked);
- multi-turn: a concept explained and asked about further; a question answered and a wrong
  option or two asked about; a concept explained, then a practice question on it;
- claude-messages: both of the above;
- preference: a question whose right answer (with why the wrong one is wrong) is preferred
  over a wrong option;
- reinforcement: a question with its answer key and explanation as the reference answer;
- continued pre-training and image-caption: passages and captions, one wording each.

No two forms say exactly the same thing (repeats are dropped where they meet), so every
choice of forms gives a record of its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from studykit.datasets.catalogue import Builder, Catalogue, Form, Item, Quote, Record
from studykit.datasets.formats import SCHEMA_VERSION
from studykit.datasets.limits import ModelSpec
from studykit.datasets.material import Material
from studykit.datasets.phrasing import OPENERS, PRACTICE, SYSTEM_PROMPTS

Turn = tuple[str, tuple[Form, ...]]  # (group, forms of one exchange)


def catalogue_for(
    format_id: str, material: Material, image_prefix: str, model: ModelSpec | None = None
) -> Catalogue:
    """Every record of ``format_id`` the material yields; passages and captions are cut to fit ``model``."""
    if format_id in ("single-turn", "prompt-completion", "distillation"):
        prompt_only = format_id == "distillation"
        key = (lambda form: form[0]) if prompt_only else None
        items = [Item(group, (forms,)) for group, forms in _distinct(_exchanges(material), key)]
        if format_id == "prompt-completion":
            return Catalogue(items, _prompt_completion, openers=OPENERS)
        if prompt_only:
            return Catalogue(
                items,
                _conversation_prompts,
                SYSTEM_PROMPTS,
                OPENERS,
                counted=(True, False),
                line=_conversation_prompts_line,
            )
        return Catalogue(items, _conversation, SYSTEM_PROMPTS, OPENERS, line=_conversation_line)
    if format_id == "multi-turn":
        return Catalogue(
            list(_dialogues(material)), _conversation, SYSTEM_PROMPTS, OPENERS, line=_conversation_line
        )
    if format_id == "claude-messages":
        singles = [Item(group, (forms,)) for group, forms in _distinct(_exchanges(material))]
        return Catalogue(
            [*singles, *_dialogues(material)], _claude, SYSTEM_PROMPTS, OPENERS, line=_claude_line
        )
    if format_id == "preference":
        contrasts = [(quiz.group, forms) for quiz in material.quiz for forms in quiz.contrasts]
        items = [Item(group, (forms,)) for group, forms in _distinct(contrasts)]
        return Catalogue(items, _preference, SYSTEM_PROMPTS, OPENERS, counted=(True, True, True))
    if format_id == "reinforcement":
        graded = [(quiz.group, quiz.graded) for quiz in material.quiz]
        items = [Item(group, (forms,)) for group, forms in _distinct(graded)]
        # The reference answer is an object: its texts go to the grader, not into the length limit.
        return Catalogue(items, _reinforcement, SYSTEM_PROMPTS, OPENERS, counted=(True, False))
    if format_id in ("continued-pretraining", "nova-continued-pretraining"):
        key = "input" if format_id == "continued-pretraining" else "text"
        chunk_chars = int(model.max_chars * 0.8) if model and model.max_chars and key == "input" else 8000
        pieces = [
            (f"passage-{number}", ((chunk,),))
            for number, passage in enumerate(material.passages)
            for chunk in _chunks(passage, chunk_chars)
        ]
        items = [Item(group, (forms,)) for group, forms in _distinct(pieces)]
        return Catalogue(items, lambda forms, system, opener: {key: forms[0][0]}, counted=(True,))
    if format_id == "image-caption":
        limit = model.max_caption_chars if model and model.max_caption_chars else 1024
        captions = [(name, ((name, _clip(caption, limit)),)) for name, caption in material.captions]
        items = [Item(group, (forms,)) for group, forms in _distinct(captions)]
        return Catalogue(items, _captioned(image_prefix), counted=(False, True))
    raise ValueError(f"no generator for {format_id!r}")


def _exchanges(material: Material) -> list[Turn]:
    """Every exchange that stands on its own: the concepts', each question asked, each option checked."""
    turns: list[Turn] = [
        (exchange.group, ((exchange.question, exchange.answer),)) for exchange in material.exchanges
    ]
    for quiz in material.quiz:
        turns.append((quiz.group, quiz.asked))
        turns += [(quiz.group, forms) for forms in quiz.checks]
    return turns


def _distinct(
    turns: Iterable[Turn], key: Callable[[Form], object] | None = None, seen: set[object] | None = None
) -> Iterator[Turn]:
    """The turns with every form said once: a form met before (by ``key``, in ``seen``) is dropped, and
    so is a user text that starts like an opener (an opener put before another text could give it)."""
    seen = set() if seen is None else seen
    openers = tuple(opener for opener in OPENERS if opener)
    for group, forms in turns:
        kept = []
        for form in forms:
            mark = key(form) if key else _mark(form)
            if mark in seen or (isinstance(form[0], str) and form[0].startswith(openers)):
                continue
            seen.add(mark)
            kept.append(form)
        if kept:
            yield group, tuple(kept)


def _mark(form: Form) -> object:
    """What tells a form apart: the form itself when it is all text (a tuple of strings is equal
    exactly when its JSON is), else its JSON (a reference answer is a dict)."""
    return form if all(isinstance(part, str) for part in form) else json.dumps(form)


def _dialogues(material: Material) -> Iterator[Item]:
    """Dialogues of two or three exchanges, each sequence once.

    A concept is explained and asked about further (its next one or two exchanges); a question
    is answered and one or two of its wrong options are asked about; a concept is explained and
    a practice question on it follows (and a wrong option of that question, asked about).
    """
    intros: dict[str, tuple[Form, ...]] = {}
    first_turns: set[object] = set()  # a dialogue's first exchange tells it apart from any other's
    for own in material.by_concept:
        pairs = ((exchange.group, ((exchange.question, exchange.answer),)) for exchange in own)
        turns = list(_distinct(pairs, seen=first_turns))
        if not turns or turns[0][1][0][0] != own[0].question:
            continue
        group, intro = turns[0]
        intros[group] = intro
        rest = [forms for _, forms in turns[1:]]
        for index, forms in enumerate(rest):
            yield Item(group, (intro, forms))
            if index + 1 < len(rest):
                yield Item(group, (intro, forms, rest[index + 1]))
    for quiz in material.quiz:
        asked = next(iter(_distinct([(quiz.group, quiz.asked)], seen=first_turns)), None)
        if asked is None:
            continue
        why_not = [forms for _, forms in _distinct((quiz.group, forms) for forms in quiz.why_not)]
        for first in why_not:
            yield Item(quiz.group, (asked[1], first))
            for second in why_not:
                if second is not first:
                    yield Item(quiz.group, (asked[1], first, second))
        intro = intros.get(quiz.concept)
        if intro is not None:
            practice = tuple((PRACTICE + user, answer) for user, answer in asked[1])
            yield Item(quiz.group, (intro, practice))
            for first in why_not:
                yield Item(quiz.group, (intro, practice, first))


def _messages(forms: tuple[Form, ...], opener: str, blocks: bool, prompt_only: bool = False) -> list[dict]:
    messages: list[dict] = []
    for number, (user, assistant) in enumerate(forms):
        user = opener + user if number == 0 else user
        turns = (("user", user),) if prompt_only else (("user", user), ("assistant", assistant))
        for role, text in turns:
            messages.append({"role": role, "content": [{"text": text}] if blocks else text})
    return messages


def _conversation(forms: tuple[Form, ...], system: str | None, opener: str) -> Record:
    record: Record = {"schemaVersion": SCHEMA_VERSION}
    if system is not None:
        record["system"] = [{"text": system}]
    record["messages"] = _messages(forms, opener, blocks=True)
    return record


def _conversation_prompts(forms: tuple[Form, ...], system: str | None, opener: str) -> Record:
    record: Record = {"schemaVersion": SCHEMA_VERSION}
    if system is not None:
        record["system"] = [{"text": system}]
    record["messages"] = _messages(forms, opener, blocks=True, prompt_only=True)
    return record


def _claude(forms: tuple[Form, ...], system: str | None, opener: str) -> Record:
    messages = _messages(forms, opener, blocks=False)
    return {"system": system, "messages": messages} if system is not None else {"messages": messages}


# The same records as JSON text, written around each text's JSON string with the separators
# json.dumps uses (", " and ": "); a test holds each to json.dumps of the record built above.
# JSON escapes a text character by character, so an opener's string and a text's join into
# the string of the two.
_SCHEMA = f'{{"schemaVersion": {json.dumps(SCHEMA_VERSION)}'
_BLOCK_TURNS = (
    '{"role": "user", "content": [{"text": ',
    '{"role": "assistant", "content": [{"text": ',
    "}]}",
)
_TEXT_TURNS = ('{"role": "user", "content": ', '{"role": "assistant", "content": ', "}")


def _messages_line(
    forms: tuple[Form, ...], opener: str, quote: Quote, blocks: bool, prompt_only: bool = False
) -> str:
    user_at, assistant_at, end = _BLOCK_TURNS if blocks else _TEXT_TURNS
    messages = []
    for number, (user, assistant) in enumerate(forms):
        text = quote(user)
        if number == 0 and opener:
            text = quote(opener)[:-1] + text[1:]
        messages.append(user_at + text + end)
        if not prompt_only:
            messages.append(assistant_at + quote(assistant) + end)
    return "[" + ", ".join(messages) + "]"


def _system_line(system: str | None, quote: Quote) -> str:
    return f', "system": [{{"text": {quote(system)}}}]' if system is not None else ""


def _conversation_line(forms: tuple[Form, ...], system: str | None, opener: str, quote: Quote) -> str:
    messages = _messages_line(forms, opener, quote, blocks=True)
    return f'{_SCHEMA}{_system_line(system, quote)}, "messages": {messages}}}'


def _conversation_prompts_line(forms: tuple[Form, ...], system: str | None, opener: str, quote: Quote) -> str:
    messages = _messages_line(forms, opener, quote, blocks=True, prompt_only=True)
    return f'{_SCHEMA}{_system_line(system, quote)}, "messages": {messages}}}'


def _claude_line(forms: tuple[Form, ...], system: str | None, opener: str, quote: Quote) -> str:
    messages = _messages_line(forms, opener, quote, blocks=False)
    if system is None:
        return f'{{"messages": {messages}}}'
    return f'{{"system": {quote(system)}, "messages": {messages}}}'


def _prompt_completion(forms: tuple[Form, ...], system: str | None, opener: str) -> Record:
    ((prompt, completion),) = forms
    return {"prompt": opener + prompt, "completion": completion}


def _preference(forms: tuple[Form, ...], system: str | None, opener: str) -> Record:
    """The notes' answer preferred over a wrong option stated as the answer."""
    ((prompt, preferred, rejected),) = forms
    record: Record = {"system": [{"text": system}]} if system is not None else {}
    record["messages"] = [
        {"role": "user", "content": [{"text": opener + prompt}]},
        {
            "role": "assistant",
            "candidates": [
                {"content": [{"text": preferred}], "preferenceLabel": "preferred"},
                {"content": [{"text": rejected}], "preferenceLabel": "non-preferred"},
            ],
        },
    ]
    return record


def _reinforcement(forms: tuple[Form, ...], system: str | None, opener: str) -> Record:
    ((prompt, reference),) = forms
    messages = [{"role": "system", "content": system}] if system is not None else []
    messages.append({"role": "user", "content": opener + prompt})
    return {"messages": messages, "reference_answer": reference}


def _captioned(prefix: str) -> Builder:
    def build(forms: tuple[Form, ...], system: str | None, opener: str) -> Record:
        ((name, caption),) = forms
        return {"image-ref": prefix + name, "caption": caption}

    return build


def _chunks(text: str, limit: int) -> Iterator[str]:
    """Split prose at sentence ends into pieces of at most ``limit`` characters."""
    if len(text) <= limit:
        yield text
        return
    piece = ""
    for sentence in text.replace(". ", ".\n").split("\n"):
        if piece and len(piece) + 1 + len(sentence) > limit:
            yield piece
            piece = ""
        piece = f"{piece} {sentence}".strip() if piece else sentence[:limit]
    if piece:
        yield piece


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
