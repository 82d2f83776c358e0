"""JSON laid out for reading: each value on one line when it fits, broken up only when it does not.

``json.dumps(indent=2)`` puts every string of a chat record on its own line and makes
a four-line record forty lines tall; this keeps short parts compact.
"""

from __future__ import annotations

import json
import re

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def pretty_json(value: object, width: int = 76) -> str:
    """``value`` as JSON whose lines stay within ``width`` where possible (long strings still overflow)."""
    return _layout(value, width, 0, 0, 0)


def _layout(value: object, width: int, indent: int, used: int, after: int) -> str:
    """``used`` columns of the first line are taken (by indentation and a key), ``after`` by a comma."""
    compact = json.dumps(value, ensure_ascii=False)
    if used + len(compact) + after <= width or _unbreakable(value):
        return compact
    inner = " " * (indent + 2)
    last = len(value) - 1
    if isinstance(value, dict):
        items = []
        for number, (key, item) in enumerate(value.items()):
            head = f"{inner}{json.dumps(str(key), ensure_ascii=False)}: "
            items.append(head + _layout(item, width, indent + 2, len(head), int(number < last)))
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [
        inner + _layout(item, width, indent + 2, len(inner), int(number < last))
        for number, item in enumerate(value)
    ]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def _unbreakable(value: object) -> bool:
    """A scalar, or containers of one element down to a scalar: breaking them only adds lines."""
    while isinstance(value, (dict, list)) and len(value) == 1:
        value = next(iter(value.values())) if isinstance(value, dict) else value[0]
    return not isinstance(value, (dict, list)) or not value


def wrap_json_line(line: str, width: int) -> list[tuple[int, int, int]]:
    """Where to break a JSON line too long for ``width``: ``(start, end, indent)`` pieces.

    Breaks at spaces; continuation lines hang under the opening quote of the string that
    runs past the width, so a long text value reads as a block of its own.
    """
    if len(line) <= width or width < 8:
        return [(0, len(line), 0)]
    indent = len(line) - len(line.lstrip(" "))
    hang = indent + 4
    for match in _STRING.finditer(line):
        if match.end() > width:
            hang = match.start() + 1
            break
    if hang > width // 2:
        hang = min(indent + 4, width // 2)
    pieces = []
    start, room, pad = 0, width, 0
    while len(line) - start > room:
        cut = line.rfind(" ", start + 1, start + room + 1)
        end, after = (cut, cut + 1) if cut > start else (start + room, start + room)
        pieces.append((start, end, pad))
        start, room, pad = after, width - hang, hang
    pieces.append((start, len(line), pad))
    return pieces
