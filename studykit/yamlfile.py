"""Safe YAML loading that remembers where every value came from.

Content and question banks are written by people, so every problem must point at a
file, line and column. Loading is bounded: a size cap, no anchors or aliases (the
root of "billion laughs" bombs), a nesting limit, strict UTF-8, and duplicate keys
are errors rather than silently lost values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from studykit.errors import StudykitError

MAX_YAML_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64

KeyPath = tuple[str | int, ...]

_CSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.constructor.SafeConstructor()

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass
class YamlDocument:
    """Plain Python data (dicts, lists, str, int, float, bool, None) plus positions.

    ``positions`` maps a key path such as ``("facts", 2, "source")`` to where its value
    starts; ``key_positions`` maps the same path to where its key is written.
    """

    path: str
    data: object
    positions: dict[KeyPath, Position] = field(default_factory=dict)
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)

    def position(self, keypath: KeyPath, *, of_key: bool = False) -> Position:
        """Where ``keypath`` is written, or its nearest ancestor if it is absent."""
        table = self.key_positions if of_key else self.positions
        current = tuple(keypath)
        while current:
            if current in table:
                return table[current]
            if current in self.positions:
                return self.positions[current]
            current = current[:-1]
        return self.positions.get((), Position(1, 1))

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
        raise StudykitError(f"cannot read: {exc.strerror}", name) from None
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
    try:
        _check_events(text, name)
        node = yaml.compose(text, Loader=_CSafeLoader)
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
    except yaml.YAMLError as exc:
        raise StudykitError(f"invalid YAML: {exc}", name, hint="fix the YAML syntax") from None
    document = YamlDocument(name, None)
    if node is None:
        return document
    document.data = _convert(node, (), document, set(), 0)
    return document


def _tab_near(text: str, line_index: int) -> bool:
    """Whether a tab sits in the indentation of the line a parse error points at."""
    lines = text.splitlines()
    if not 0 <= line_index < len(lines):
        return False
    line = lines[line_index]
    return "\t" in line[: len(line) - len(line.lstrip())]


def _check_events(text: str, name: str) -> None:
    """Refuse anchors, aliases and deep nesting before building anything.

    Runs on the parser's event stream, which is flat: composing a deeply nested
    document recurses in C and can crash the interpreter, and aliases are how
    "billion laughs" documents multiply a few lines into gigabytes.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_CSafeLoader):
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise StudykitError(
                "YAML anchors and aliases (&name / *name) are not allowed",
                name,
                mark.line + 1,
                mark.column + 1,
                hint="write the value out in full",
            )
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise StudykitError(
                    f"nested more than {MAX_DEPTH} levels deep",
                    name,
                    mark.line + 1,
                    mark.column + 1,
                    "flatten it",
                )
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: yaml.Node, keypath: KeyPath, document: YamlDocument, seen: set[int], depth: int) -> object:
    document.positions[keypath] = _position(node)
    if depth > MAX_DEPTH:
        raise document.error(keypath, f"nested more than {MAX_DEPTH} levels deep", "flatten it")
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, keypath, document)
    if id(node) in seen:
        raise document.error(
            keypath,
            "YAML anchors and aliases (&name / *name) are not allowed",
            "write the value out in full",
        )
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise document.error(keypath, f"unsupported YAML tag {node.tag}", "remove the tag")
        return [
            _convert(item, (*keypath, index), document, seen, depth + 1)
            for index, item in enumerate(node.value)
        ]
    if node.tag != _MAP:
        raise document.error(keypath, f"unsupported YAML tag {node.tag}", "remove the tag")
    mapping: dict[object, object] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            document.positions[(*keypath, "?")] = _position(key_node)
            raise document.error(
                (*keypath, "?"), "keys must be plain words", "use a simple key, no merges or lists"
            )
        key = _scalar(key_node, keypath, document)
        if not isinstance(key, (str, int, bool)) or key is None:
            key = str(key)
        child = (*keypath, key)
        document.key_positions[child] = _position(key_node)
        if key in mapping:
            raise document.error(child, f"duplicate key {key!r}", "each key may appear once", of_key=True)
        mapping[key] = _convert(value_node, child, document, seen, depth + 1)
    return mapping


def _scalar(node: yaml.ScalarNode, keypath: KeyPath, document: YamlDocument) -> object:
    tag = node.tag
    if tag in (_STR, _TIMESTAMP):
        return node.value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _constructor.construct_yaml_bool(node)
    if tag == _INT:
        return _constructor.construct_yaml_int(node)
    if tag == _FLOAT:
        return _constructor.construct_yaml_float(node)
    document.positions[keypath] = _position(node)
    raise document.error(keypath, f"unsupported YAML tag {tag}", "remove the tag")
