"""Scene structure: the scenes the prompt asks for, in order, or a default shape.

Finding requested items lives in items.py, one item -> one spec in item_parse.py,
layouts and headlines in finish.py; this module assembles the scene list.

Reads numbered lists ("1) ...", "1. ...", "Scene 1: ..."), "Scenes: a; b; c",
colon lists after structure words ("... with multiple scenes: A, B, then C"),
"Include scenes showing A; B; C", "Open with ... then ... end with ...",
bullet lines (-, *, •) and "bullet points for X, Y, and Z".
"""

from __future__ import annotations

import re

from onetake.agent.storyboard import SceneRole

from .cues import Cues
from .finish import finish
from .item_parse import clean_shot, parse_item
from .items import find_items
from .lexicon import PRODUCTION_RE
from .scene_spec import MAX_SCENES, Item, SceneSpec


# --- assembling the scene list ----------------------------------------------------------------

def max_scenes(target: float, gap: float, min_scene: float) -> int:
    return max(1, min(MAX_SCENES, int((target + 1e-6) // (min_scene + gap))))


def requested_specs(items: list[Item], cues: Cues, target: float) -> list[SceneSpec]:
    specs: list[SceneSpec] = []
    group = 0
    for it in items:
        spec = parse_item(it, cues)
        if spec is None:
            continue
        prev = specs[-1] if specs else None
        if spec.group == -2 and prev is not None and prev.role in (SceneRole.broll, SceneRole.montage) and not it.numbered:
            shots = spec.shots or ([clean_shot(spec.source)] if not spec.topic else [spec.topic])
            prev.shots += [s for s in shots if s and not PRODUCTION_RE.search(s)]
            prev.scripts += spec.scripts
            continue
        spec.group = group
        group += 1
        specs.append(spec)
    # split long shot lists: at most 2 shots a scene for longer videos, 3 for short ones
    per = 2 if target >= 40 else 3
    out: list[SceneSpec] = []
    for sp in specs:
        if sp.role is SceneRole.broll and len(sp.shots) > per:
            chunks = [sp.shots[i:i + per] for i in range(0, len(sp.shots), per)]
            if len(chunks[-1]) == 1 and len(chunks) > 1 and per == 3:
                chunks[-2:] = [chunks[-2] + chunks[-1]]
            for k, ch in enumerate(chunks):
                out.append(SceneSpec(sp.role, source=sp.source, shots=ch, scripts=sp.scripts if k == 0 else [],
                                     group=sp.group, message=sp.message if k == len(chunks) - 1 else None))
        else:
            out.append(sp)
    if out and out[0].role is SceneRole.presenter and out[0].group >= 0:
        out[0].role = SceneRole.hook
    return out


def _merge(a: SceneSpec, b: SceneSpec) -> SceneSpec:
    a.shots = a.shots + b.shots
    a.bullets = (a.bullets + b.bullets)[:6]
    a.scripts = a.scripts + b.scripts
    a.extra_topics = a.extra_topics + [t for t in (b.topic, b.statement, b.message) if t] + b.extra_topics
    if a.topic is None and a.statement is None:
        a.topic, a.statement = b.topic, b.statement
    a.message = a.message or b.message
    a.source = a.source + "; " + b.source
    return a


def _size(sp: SceneSpec) -> int:
    return 1 + len(sp.extra_topics) + max(0, len(sp.shots) - 1) // 2


def cap_specs(specs: list[SceneSpec], limit: int) -> list[SceneSpec]:
    """Merge neighbours until at most `limit` scenes; first hook and last CTA stay."""
    specs = list(specs)
    while len(specs) > limit and len(specs) > 1:
        lo = 1 if specs[0].role is SceneRole.hook and len(specs) > 2 else 0
        hi = len(specs) - 1 if specs[-1].role is SceneRole.cta and len(specs) - 1 > lo + 1 else len(specs)
        best_i, best_score = None, None
        for i in range(lo, hi - 1):
            a, b = specs[i], specs[i + 1]
            score = 0.0
            if a.group == b.group and a.group >= 0:
                score += 4
            if a.role == b.role:
                score += 2
            if {a.role, b.role} <= {SceneRole.broll, SceneRole.montage}:
                score += 1
            score -= 1.5 * (_size(a) + _size(b))
            if best_score is None or score > best_score:
                best_i, best_score = i, score
        if best_i is None:
            specs[-2:] = [_merge(specs[-2], specs[-1])]
            continue
        specs[best_i:best_i + 2] = [_merge(specs[best_i], specs[best_i + 1])]
    return specs


def default_specs(cues: Cues, n: int, image_count: int, bullet_blocks: list[list[str]]) -> list[SceneSpec]:
    """A shape for prompts that do not list scenes: hook, body from the facts, CTA."""
    hook = SceneSpec(SceneRole.hook, requested=False)
    cta = SceneSpec(SceneRole.cta, requested=False)
    if n <= 1:
        return [hook]
    body: list[SceneSpec] = []
    # a brand's description is said by the hook; with features to list, they get the scene
    said_by_hook = bool(cues.brand and cues.description and not cues.benefit and (cues.features or bullet_blocks))
    if (cues.benefit or cues.description) and not said_by_hook:
        body.append(SceneSpec(SceneRole.solution, requested=False, topic=None))
    for block in bullet_blocks:
        body.append(SceneSpec(SceneRole.bullets, requested=False, bullets=block[:6]))
    if cues.features and not bullet_blocks:
        body.append(SceneSpec(SceneRole.bullets, requested=False, bullets=cues.features[:6], bullet_head=cues.feature_head))
    facts = list(cues.facts)
    slots = n - 2
    images_left = image_count
    # b-roll scenes for the user's images, between the other body scenes
    want_broll = min(images_left, max(1, slots - len(body))) if images_left else 0
    for _ in range(want_broll):
        body.append(SceneSpec(SceneRole.broll, requested=False))
    while len(body) < slots and facts:
        body.append(SceneSpec(SceneRole.presenter, requested=False))
        facts = facts[3:]
    if not body and slots >= 1:
        body.append(SceneSpec(SceneRole.presenter, requested=False))
    # interleave: presenter/solution first, b-roll spread between
    talk = [b for b in body if b.role is not SceneRole.broll]
    broll = [b for b in body if b.role is SceneRole.broll]
    ordered: list[SceneSpec] = []
    while talk or broll:
        if talk:
            ordered.append(talk.pop(0))
        if broll:
            ordered.append(broll.pop(0))
    return [hook] + ordered[:max(0, slots)] + [cta]


# --- elaboration: more to say for long videos from thin prompts --------------------------------

_GENERIC_THEMES = ("why", "closer", "start", "simple", "expect", "moment", "feel")  # tools: apps, devices
_NEUTRAL_THEMES = ("care", "look")  # anything else (a venue, a bakery, a collection)
_TOOL_DOMAINS = ("software", "device", "tour")


def elaboration_specs(cues: Cues, slots: int) -> list[SceneSpec]:
    """Up to `slots` extra scenes built only from what the brief says: one spotlight per
    feature, who it is for, how it fits a day, generic themes, and a recap of the features."""
    if slots <= 0:
        return []
    feats = list(cues.features[:8])
    chosen: list[str] = []
    spot = feats if feats and slots >= len(feats) + 2 else []
    left = slots - len(spot)
    tool = cues.domain in _TOOL_DOMAINS or bool(re.search(r"\b(?:app|software|platform|tool)\b", cues.text, re.I))
    order = ["audience" if cues.audience else ("who" if tool else "")]
    order += ["day"] if tool else []
    if feats:
        order.append("recap")
    order += list(_GENERIC_THEMES if tool else _NEUTRAL_THEMES)
    order = [k for k in order if k]
    chosen = order[:max(0, left)]
    out: list[SceneSpec] = []
    for j, f in enumerate(spot):
        pos = "first" if j == 0 else ("last" if j == len(spot) - 1 and len(spot) > 2 else "next")
        out.append(SceneSpec(SceneRole.presenter, requested=False, elaborate="feature", feature=f, feature_pos=pos))
    for kind in order:
        if kind not in chosen or kind == "recap":
            continue
        out.append(SceneSpec(SceneRole.presenter, requested=False, elaborate=kind))
    if "recap" in chosen:
        out.append(SceneSpec(SceneRole.bullets, requested=False, elaborate="recap", bullets=feats[:6]))
    return out


__all__ = ["MAX_SCENES", "Item", "SceneSpec", "cap_specs", "default_specs", "elaboration_specs", "find_items", "finish", "requested_specs"]
