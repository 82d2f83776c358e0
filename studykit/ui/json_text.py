"""JSON laid out for reading: each value on one line when it fits, broken up only when it does not.

``json.dumps(indent=2)`` puts every string of a chat record on its own line and makes
a four-line record forty lines tall; this keeps short parts compact.
"""

from __future__ import annotations

import json


def pretty_json(value: object, width: int = 76) -> str:
    """``value`` as JSON whose lines stay within ``width`` where possible (long strings still overflow)."""
    return _layout(value, width, 0, 0, 0)


def _layout(value: object, width: int, indent: int, used: int, after: int) -> str:
    """``used`` columns of the first line are taken (by indentation and a key), ``after`` by a comma."""
    compact = json.dumps(value, ensure_ascii=False)
    if used + len(compact) + after <= width or not isinstance(value, (dict, list)) or not value:
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
