"""Safe YAML loading that remembers where every value came from.

Content and question banks are written by people, so every problem must point at a
file, line and column. Loading is bounded: a size cap, no anchors or aliases (the
root of "billion laughs" bombs), a nesting limit, strict UTF-8, and duplicate keys
are errors rather than silently lost values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studykit.errors import StudykitError
from studykit.yaml_positions import (
    NO_KEY,
    Branch,
    KeyPath,
    Mark,
    Position,
    PositionTable,
    find_position,
    place_of,
)

MAX_YAML_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64

# PyYAML is imported on the first parse, not with this module: modules that only name
# YamlDocument or KeyPath, and runs served from the parse cache, never pay for it.
yaml: Any = None
_CSafeLoader: Any = None
_PySafeLoader: Any = None
_constructor: Any = None
_resolver: Any = None
# The first characters of a plain scalar that may be of another type than text (digits, '.',
# 't' of true, '~' of null, ...): the resolver tries its patterns only on these, so any other
# plain scalar is text without asking it. None if a pattern applies whatever the first character.
_typed_starts: frozenset[str] | None = None


def _import_yaml() -> None:
    global yaml, _CSafeLoader, _PySafeLoader, _constructor, _resolver, _typed_starts
    if yaml is None:
        import yaml as module

        _CSafeLoader = getattr(module, "CSafeLoader", module.SafeLoader)
        _PySafeLoader = module.SafeLoader
        _constructor = module.constructor.SafeConstructor()
        _resolver = module.resolver.Resolver()
        starts = _resolver.yaml_implicit_resolvers
        _typed_starts = None if None in starts else frozenset(starts)
        yaml = module


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


@dataclass
class YamlDocument:
    """Plain Python data (dicts, lists, str, int, float, bool, None) plus positions.

    ``positions`` maps a key path such as ``("facts", 2, "source")`` to where its value
    starts; ``key_positions`` maps the same path to where its key is written. Both are read
    from ``tree`` (see :mod:`studykit.yaml_positions`) when asked.
    """

    path: str
    data: object
    tree: Branch = field(default_factory=lambda: Branch([], 0))

    @property
    def positions(self) -> Mapping[KeyPath, Position]:
        return PositionTable(self.tree, of_keys=False)

    @property
    def key_positions(self) -> Mapping[KeyPath, Position]:
        return PositionTable(self.tree, of_keys=True)

    def position(self, keypath: KeyPath, *, of_key: bool = False) -> Position:
        """Where ``keypath`` is written, or its nearest ancestor if it is absent."""
        return find_position(self.tree, tuple(keypath), of_key=of_key)

    def error(
        self, keypath: KeyPath, message: str, hint: str | None = None, *, of_key: bool = False
    ) -> StudykitError:
        """A located error for the value (or key) at ``keypath``."""
        where = self.position(keypath, of_key=of_key)
        return StudykitError(message, self.path, where.line, where.column, hint)


def read_text(path: Path | str, *, max_bytes: int = MAX_YAML_BYTES, what: str = "file") -> str:
    """Read a whole UTF-8 text file, refusing folders, huge, binary and undecodable files."""
    path = Path(path)
    name = str(path)
    if path.is_dir():
        raise StudykitError(f"is a folder, not a {what}", name, hint="give the path of a file")
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise StudykitError("no such file", name, hint="check the path") from None
    except PermissionError:
        raise StudykitError("permission denied", name, hint="make the file readable") from None
    except OSError as exc:
        raise StudykitError(
            f"cannot read: {exc.strerror}", name, hint="check the path and the disk"
        ) from None
    if len(raw) > max_bytes:
        raise StudykitError(
            f"{what} is larger than {max_bytes // 1024} KiB",
            name,
            hint="split it into smaller files",
        )
    return decode_text(raw, name, what=what)


def decode_text(raw: bytes, name: str, *, what: str = "file") -> str:
    """Decode bytes as UTF-8 text with a located error for binary or non-UTF-8 input."""
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise StudykitError(
            f"looks like a binary file, not a {what} (NUL byte)", name, line, hint="give a text file"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise StudykitError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            name,
            line,
            column,
            hint="save the file as UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


def load_yaml(path: Path | str, *, max_bytes: int = MAX_YAML_BYTES) -> YamlDocument:
    """Load one YAML file safely; every problem is a located :class:`StudykitError`."""
    text = read_text(path, max_bytes=max_bytes, what="YAML file")
    return load_yaml_text(text, str(path))


def load_yaml_text(text: str, name: str = "<string>") -> YamlDocument:
    """Parse YAML text (one document) into plain data with positions."""
    _import_yaml()
    document = YamlDocument(name, None)
    try:
        document.data = _build(text, document)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        hint = "fix the YAML syntax"
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != mark.line:
            problem += f" ({exc.context} that starts at line {exc.context_mark.line + 1})"
        if mark and _tab_near(text, mark.line):
            problem, hint = "a tab character where YAML expects spaces", "indent with spaces, not tabs"
        raise StudykitError(f"invalid YAML: {problem}", name, line, column, hint=hint) from None
    except yaml.reader.ReaderError:
        raise _character_not_allowed(text, name) from None
    except yaml.YAMLError as exc:
        raise StudykitError(f"invalid YAML: {exc}", name, hint="fix the YAML syntax") from None
    return document


def _character_not_allowed(text: str, name: str) -> StudykitError:
    """Where the first character YAML refuses is: a control character (tab and line breaks aside),
    a lone surrogate, or U+FFFE/U+FFFF. Found here, so the message and position are the same whichever
    parser refused it (libyaml counts bytes, the pure-Python parser characters)."""
    import re

    found = re.search("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", text)
    if found is None:
        return StudykitError("invalid YAML: a character it does not allow", name, hint="fix the YAML syntax")
    start = found.start()
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return StudykitError(
        f"character U+{ord(found.group()):04X} is not allowed in YAML",
        name,
        line,
        column,
        hint="delete it, or write it as an escape inside double quotes",
    )


def _tab_near(text: str, line_index: int) -> bool:
    """Whether a tab sits in the indentation of the line a parse error points at."""
    lines = text.splitlines()
    if not 0 <= line_index < len(lines):
        return False
    line = lines[line_index]
    return "\t" in line[: len(line) - len(line.lstrip())]


def _build(text: str, document: YamlDocument) -> object:
    """Build plain data straight from the parser's flat event stream, in one pass.

    Working on events (not a composed node graph) refuses anchors, aliases and deep
    nesting before anything grows: aliases are how "billion laughs" documents multiply a
    few lines into gigabytes, and composing deep nesting recurses in C.
    """
    try:
        return _build_with(_CSafeLoader, text, document)
    except yaml.YAMLError:
        if _CSafeLoader is _PySafeLoader:
            raise
    # libyaml reads ahead of the events it hands out and, from PyYAML 6.0.4, has limits of its
    # own (nesting depth) that can fire before ours. The pure-Python parser reads ahead no
    # further than a line and has no such limits, so a file libyaml refuses is parsed again with
    # it: studykit's own limits (depth, aliases, tags, keys) and their messages are what the user
    # sees, and a syntax error is reported the same way with or without libyaml. Only files that
    # libyaml refuses pay for the second parse.
    return _build_with(_PySafeLoader, text, document)


def _build_with(loader: Any, text: str, document: YamlDocument) -> object:
    parser = loader(text)
    try:
        return _build_from(parser, document)
    finally:
        parser.dispose()


def _build_from(parser: yaml.CSafeLoader, document: YamlDocument) -> object:
    """Fill the document's tree of branches; the open ones are a stack under its top, which
    holds the root as its only value. Only a mapping awaiting a key has ``NO_KEY`` as its key,
    so one test tells that the next event is a key."""
    top = document.tree = Branch([], 0)
    # Event classes as locals: looked up once, not several times for each of thousands of events.
    StreamEndEvent, MappingEndEvent, SequenceEndEvent = (
        yaml.StreamEndEvent,
        yaml.MappingEndEvent,
        yaml.SequenceEndEvent,
    )
    ScalarEvent, MappingStartEvent, SequenceStartEvent = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    AliasEvent, DocumentStartEvent = yaml.AliasEvent, yaml.DocumentStartEvent
    get_event = parser.get_event
    resolved = _RESOLVED.get
    typed_starts = _typed_starts
    stack = [top]
    parent = top
    documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            mark = event.start_mark
            place = mark.line << 32 | mark.column  # place_of(mark), without a call per value
            if event.anchor is not None:
                raise _alias_refused(document, mark)
            value = event.value
            if parent.key is NO_KEY:
                # Most keys are plain words written once: taken here, without a call.
                if (
                    event.tag is None
                    and value not in parent.container
                    and (not event.implicit[0] or resolved(value) == _STR)
                ):
                    parent.keys[value] = place
                    parent.key = value
                else:
                    _read_key(event, parent, mark, document)
                continue
            # Text (quoted, block, or plain and known to be a string) needs no resolving.
            if event.tag is not None or (
                event.implicit[0]
                and (typed_starts is None or value[:1] in typed_starts)
                and resolved(value) != _STR
            ):
                value = _scalar(event, mark, document)
            if parent.is_mapping:
                parent.container[parent.key] = value  # type: ignore[call-overload]
                parent.values[parent.key] = place  # type: ignore[call-overload]
                parent.key = NO_KEY
            else:
                parent.container.append(value)  # type: ignore[union-attr]
                parent.values.append(place)  # type: ignore[union-attr]
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            parent = stack[-1]
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            mark = event.start_mark
            if event.anchor is not None:
                raise _alias_refused(document, mark)
            if parent.key is NO_KEY:
                _read_key(event, parent, mark, document)
                continue
            if len(stack) > MAX_DEPTH:
                raise _located(document, mark, f"nested more than {MAX_DEPTH} levels deep", "flatten it")
            expected = _MAP if kind is MappingStartEvent else _SEQ
            if event.tag not in (None, "!", expected):
                raise _located(document, mark, f"unsupported YAML tag {event.tag}", "remove the tag")
            branch = Branch({} if kind is MappingStartEvent else [], place_of(mark))
            if parent.is_mapping:
                parent.container[parent.key] = branch.container  # type: ignore[call-overload]
                parent.values[parent.key] = branch  # type: ignore[call-overload]
                parent.key = NO_KEY
            else:
                parent.container.append(branch.container)  # type: ignore[union-attr]
                parent.values.append(branch)  # type: ignore[union-attr]
            stack.append(branch)
            parent = branch
        elif kind is StreamEndEvent or event is None:
            break
        elif kind is AliasEvent:
            raise _alias_refused(document, event.start_mark)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _located(
                    document,
                    event.start_mark,
                    "more than one YAML document in the file",
                    "keep one document per file",
                )
    return top.container[0] if top.container else None


def _read_key(event: yaml.Event, parent: Branch, mark: Mark, document: YamlDocument) -> None:
    """Check a mapping's key (plain words, no merge, written once) and await its value."""
    if (
        type(event) is not yaml.ScalarEvent
        or event.tag == "tag:yaml.org,2002:merge"
        or (event.value == "<<" and event.implicit[0])
    ):
        raise _located(document, mark, "keys must be plain words", "use a simple key, no merges or lists")
    key = _scalar(event, mark, document)
    if not isinstance(key, (str, int, bool)) or key is None:
        key = str(key)
    if key in parent.container:
        raise _located(document, mark, f"duplicate key {key!r}", "each key may appear once")
    parent.keys[key] = place_of(mark)
    parent.key = key


def _alias_refused(document: YamlDocument, mark: Mark) -> StudykitError:
    message = "YAML anchors and aliases (&name / *name) are not allowed"
    return _located(document, mark, message, "write the value out in full")


def _located(document: YamlDocument, mark: Mark, message: str, hint: str) -> StudykitError:
    return StudykitError(message, document.path, mark.line + 1, mark.column + 1, hint)


# A plain scalar's tag depends on its text alone (keys, kinds, ids and flags repeat a lot).
_RESOLVED: dict[str, str] = {}


def _scalar(event: yaml.ScalarEvent, mark: Mark, document: YamlDocument) -> object:
    tag = event.tag
    value = event.value
    if tag is None or tag == "!":
        if not event.implicit[0]:
            return value  # quoted or block text is always a string
        tag = _RESOLVED.get(value)
        if tag is None:
            tag = _resolver.resolve(yaml.ScalarNode, value, event.implicit)
            if len(_RESOLVED) < 4096 and len(value) <= 64:
                _RESOLVED[value] = tag
    if tag in (_STR, _TIMESTAMP):
        return value
    if tag == _NULL:
        return None
    node = yaml.ScalarNode(tag, value)
    if tag == _BOOL:
        return _constructor.construct_yaml_bool(node)
    if tag == _INT:
        return _constructor.construct_yaml_int(node)
    if tag == _FLOAT:
        return _constructor.construct_yaml_float(node)
    raise _located(document, mark, f"unsupported YAML tag {tag}", "remove the tag")
