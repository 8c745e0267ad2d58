"""The field lists of ../shared/reference/heygen-v3-fields.md as schemas, and a checker for responses against them."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "heygen-v3-fields.md"

_FIELD = re.compile(r"^(?P<indent>\s*)- (?P<name>[A-Za-z0-9_\-]+): (?P<rest>.*)$")
_PY_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "object": (dict,), "array": (list,)}


@dataclass
class Field_:
    name: str
    type: str | None
    required: bool
    nullable: bool
    enum: list | None
    children: dict[str, Field_] = field(default_factory=dict)


def _parse_fields(lines: list[str]) -> dict[str, Field_]:
    root: dict[str, Field_] = {}
    stack: list[tuple[int, dict[str, Field_]]] = [(-1, root)]
    skip_below: int | None = None
    for line in lines:
        if line.strip().startswith("* variant"):  # oneOf variants: not used by the responses we check
            skip_below = len(line) - len(line.lstrip())
            continue
        m = _FIELD.match(line)
        if not m:
            continue
        indent = len(m["indent"])
        if skip_below is not None and indent > skip_below:
            continue
        skip_below = None
        rest = m["rest"]
        kind = rest.split()[0] if rest.split() else None
        enum = None
        em = re.search(r"enum=(\[.*?\])", rest)
        if em:
            enum = ast.literal_eval(em.group(1))
        f = Field_(m["name"], kind if kind in _PY_TYPES else None, "REQUIRED" in rest, "nullable" in rest, enum)
        while stack[-1][0] >= indent:
            stack.pop()
        stack[-1][1][f.name] = f
        stack.append((indent, f.children))
    return root


def load() -> dict[str, dict[str, Field_]]:
    """'GET /v3/videos/{video_id}' -> the response's top-level fields."""
    text = REFERENCE.read_text(encoding="utf-8")
    out = {}
    for block in re.split(r"^## ", text, flags=re.M)[1:]:
        head, *body = block.splitlines()
        route = head.split("  (")[0].strip()
        if "### ResponseSchema" not in block:
            continue
        section = block.split("### ResponseSchema", 1)[1].split("###", 1)[0]
        out[route] = _parse_fields(section.splitlines())
    return out


def check(value, fields: dict[str, Field_], where: str = "") -> list[str]:
    problems: list[str] = []
    if not isinstance(value, dict):
        return [f"{where or 'body'}: expected an object, got {type(value).__name__}"]
    for name, spec in fields.items():
        path = f"{where}.{name}" if where else name
        if name not in value:
            if spec.required:
                problems.append(f"{path}: required field missing")
            continue
        problems += check_value(value[name], spec, path)
    return problems


def check_value(v, spec: Field_, path: str) -> list[str]:
    if v is None:
        return [] if spec.nullable else [f"{path}: null but not nullable"]
    if spec.type:
        ok = isinstance(v, _PY_TYPES[spec.type]) and not (spec.type in ("integer", "number") and isinstance(v, bool))
        if not ok:
            return [f"{path}: expected {spec.type}, got {type(v).__name__} ({v!r:.60})"]
    if spec.enum is not None and v not in spec.enum:
        return [f"{path}: {v!r} not in {spec.enum}"]
    if spec.type == "object" and spec.children:
        return check(v, spec.children, path)
    if spec.type == "array" and spec.children:
        out = []
        for i, item in enumerate(v):
            out += check(item, spec.children, f"{path}[{i}]")
        return out
    return []
