"""The icon sets scripts/setup.sh installs from npm into vendor/npm (git-ignored): names, tags, licences, SVG.

Tabler outline icons (MIT, tagged) draw concepts as line art; Fluent Emoji Flat
(MIT) gives colourful illustrations of things. Brand logos (trademarks),
crossed-out "-off" variants and skin-tone duplicates are left out: they would
win matches they should not.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from onetake.errors import RenderFailed
from onetake.vendor import npm_dir, vendor_dir
_SKIN_TONE = re.compile(r"-(light|medium-light|medium|medium-dark|dark)$")


@dataclass(frozen=True)
class IconSet:
    id: str
    title: str
    licence: str
    notice: str  # what the credits file says when one of its icons appears


@dataclass(frozen=True)
class Icon:
    id: str  # "<set>:<name>", stable across runs: the storyboard and timeline carry it
    set: str
    name: str
    tags: tuple[str, ...]
    category: str
    colour: bool  # multicolour artwork (emoji) rather than single-colour line art

    @property
    def text(self) -> str:
        """What the embedding model reads for this icon."""
        words = self.name.replace("-", " ")
        tags = ", ".join(t for t in self.tags if t.replace("-", " ") not in words)
        return f"{words}. {tags}" if tags else words


SETS = {
    "tabler": IconSet("tabler", "Tabler Icons", "MIT", "Tabler Icons, Copyright (c) 2020-2024 Paweł Kuna, MIT License"),
    "fluent-emoji-flat": IconSet("fluent-emoji-flat", "Fluent Emoji Flat", "MIT", "Fluent Emoji, Copyright (c) Microsoft Corporation, MIT License"),
}


def _package(name: str) -> Path:
    path = npm_dir() / "node_modules" / name
    if not path.is_dir():
        raise RenderFailed(f"icon set '{name}' is not installed under {vendor_dir()}; run scripts/setup.sh")
    return path


@lru_cache(maxsize=1)
def icons() -> tuple[Icon, ...]:
    out: list[Icon] = []
    tabler = json.loads((_package("@tabler/icons") / "icons.json").read_text(encoding="utf-8"))
    for name, meta in sorted(tabler.items()):
        if name.startswith("brand-") or name.endswith("-off") or "outline" not in meta.get("styles", {}):
            continue
        tags = tuple(str(t) for t in meta.get("tags", []) if str(t).strip())
        out.append(Icon(f"tabler:{name}", "tabler", name, tags, str(meta.get("category", "")), False))
    emoji = _package("@iconify-json/fluent-emoji-flat")
    categories = json.loads((emoji / "metadata.json").read_text(encoding="utf-8")).get("categories", {})
    category_of = {n: c for c, names in categories.items() for n in names}
    for name in sorted(_emoji_bodies()):
        if _SKIN_TONE.search(name):
            continue
        out.append(Icon(f"fluent-emoji-flat:{name}", "fluent-emoji-flat", name, (), category_of.get(name, ""), True))
    return tuple(out)


@lru_cache(maxsize=1)
def _emoji_bodies() -> dict[str, str]:
    data = json.loads((_package("@iconify-json/fluent-emoji-flat") / "icons.json").read_text(encoding="utf-8"))
    size = data.get("width", 32), data.get("height", 32)
    bodies = {name: _svg(icon["body"], icon.get("width", size[0]), icon.get("height", size[1])) for name, icon in data["icons"].items()}
    for name, alias in data.get("aliases", {}).items():
        parent = data["icons"].get(alias.get("parent", ""))
        if parent and not alias.get("hFlip") and not alias.get("vFlip") and not alias.get("rotate"):
            bodies[name] = bodies[alias["parent"]]
    return bodies


def _svg(body: str, width: int, height: int) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">{body}</svg>'


@lru_cache(maxsize=1)
def by_id() -> dict[str, Icon]:
    return {icon.id: icon for icon in icons()}


def get_icon(icon_id: str) -> Icon:
    """The icon for an id, without loading the whole catalogue (render workers only draw the few they show)."""
    set_id, _, name = icon_id.partition(":")
    if set_id == "tabler" and name and (_package("@tabler/icons") / "icons" / "outline" / f"{name}.svg").is_file():
        return Icon(icon_id, set_id, name, (), "", False)
    if set_id == "fluent-emoji-flat" and name in _emoji_bodies():
        return Icon(icon_id, set_id, name, (), "", True)
    raise RenderFailed(f"icon '{icon_id}' is not in the installed icon sets")


def svg_text(icon: Icon) -> str:
    if icon.set == "tabler":
        return (_package("@tabler/icons") / "icons" / "outline" / f"{icon.name}.svg").read_text(encoding="utf-8")
    return _emoji_bodies()[icon.name]
