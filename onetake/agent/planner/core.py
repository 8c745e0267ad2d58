"""plan(): Brief -> Storyboard, by rules. Deterministic for a seed; no I/O."""

from __future__ import annotations

import math
import re

from onetake.agent.reading import Reading
from onetake.agent.storyboard import Scene, SceneRole, Storyboard
from onetake.brief.documents import Document, read_documents
from onetake.brief.models import SIZE_MAX_PX, SIZE_MIN_PX, Brief, MediaKind, Orientation
from onetake.errors import InvalidInput

from . import budget as B
from .copywriter import Writer
from .cta_lines import cta_text
from .cues import Cues, extract
from .fact_lines import fact_lines
from onetake.agent.reading.language import narration_language
from .line_fit import Line
from .localized import plan_localized
from onetake.agent.reading.palette import accent_colours, build_palette
from .sources import document_facts
from .structure import SceneSpec, cap_specs, default_specs, elaboration_specs, find_items, finish, requested_specs
from .text import count_words, headline
from .wording import Wording

_TALK = (SceneRole.presenter, SceneRole.solution, SceneRole.problem, SceneRole.quote, SceneRole.stat)


def plan(brief: Brief, words_per_second: float, documents: list[Document] | None = None, reading: Reading | None = None) -> Storyboard:
    """Write a storyboard for `brief`, with narration sized for a voice speaking `words_per_second`.

    `documents` are the attached documents' text; when None they are read from `brief.files`
    (the only I/O here, and none when nothing is attached)."""
    if not words_per_second or words_per_second <= 0 or words_per_second > 10:
        raise InvalidInput("words_per_second", "must be between 0 and 10")
    wps = float(words_per_second)
    cues = extract(brief.prompt)
    if reading is not None:
        # the Reading's parse decides length and orientation ("a 30-minute consultation" is no duration)
        cues.duration = reading.directions.duration
        cues.orientation = reading.directions.orientation or cues.orientation
        _drop_directions(cues, reading)
    language = narration_language(brief.prompt)
    if language != "en":
        return plan_localized(brief, wps, cues, language, _frame(brief, cues))
    if target_hint := (brief.duration or cues.duration):
        if target_hint <= B.SHORT_VIDEO_S:
            # a few seconds cannot absorb a slow read (speech speeds up 12 % at most, the end card
            # can hold longer): short videos are written with headroom
            wps *= B.SHORT_VIDEO_HEADROOM
    if documents is None:
        documents = read_documents(brief.files)
    if documents:
        cues.facts += [f for f in document_facts(documents) if f not in cues.facts]
    items, bullet_blocks = find_items(cues)
    images = _image_indexes(brief, cues)

    units = (len(items) + sum(len(b) for b in bullet_blocks) / 3 + len(cues.facts) / 2
             + bool(cues.benefit) + bool(cues.audience) + len(cues.features) / 3 + len(images) / 2)
    target, requested = B.target_duration(brief, cues.duration, units)
    script_words = sum(count_words(q.text) for q in cues.quotes if q.kind == "script")
    if cues.cta.verbatim:
        script_words += count_words(cues.cta.verbatim)
    if script_words and not requested:
        target = B.clamp_duration(max(target, script_words / wps / 0.85 + 2.0))

    specs = _structure(cues, items, bullet_blocks, target, len(images))
    _place_scripts(cues, specs, items)
    specs = cap_specs(specs, B.max_scenes(target))
    specs = _fit_scene_count(cues, brief.seed, specs, target, wps)

    cta_line = cta_text(Wording(cues, brief.seed)) if (cues.cta.requested or any(s.role is SceneRole.cta for s in specs)) else None
    finish(specs, cues, images, cta_line)

    # scenes with more to say get more time (template choices made here are not kept)
    probe = Writer(cues, brief.seed)
    capacity = [probe.capacity(s, a) for s, a in zip(specs, _assign_facts(probe, specs))]
    weights = B.weights([s.role for s in specs], capacity, [len(s.bullets) for s in specs])
    minimums = [count_words(" ".join(s.scripts)) / wps + 0.4 if s.scripts else 0.0 for s in specs]
    budgets = B.allocate(weights, minimums, target)
    targets = [B.word_target(b, wps) for b in budgets]

    narrations = _write(cues, brief.seed, specs, targets, wps, _pad_bonus(target), scarce=target <= 30)
    budgets = B.rebalance([count_words(n) for n in narrations], budgets, target, wps)
    if not requested:
        # nobody asked for this length: a thin brief makes a shorter video rather than a padded one
        spoken = sum(count_words(n) for n in narrations) / wps + B.GAP_S * len(specs)
        if spoken < 0.9 * target:
            target = max(20.0, float(round(spoken + 1.0)))

    scenes = [
        Scene(
            id=f"scene-{i + 1:02d}",
            role=sp.role,
            layout=sp.layout,
            narration=narrations[i],
            on_screen_text=sp.headline,
            bullets=[_bullet_display(b) for b in sp.bullets],
            visual_query=sp.visual_query,
            media=sp.media,
            lower_third=sp.lower_third,
            duration_budget=max(0.5, budgets[i]),
        )
        for i, sp in enumerate(specs)
    ]
    orientation, width, height = _frame(brief, cues)
    return Storyboard(
        title=_title(cues, specs),
        brand=cues.brand,
        target_duration=target,
        duration_requested=requested,
        orientation=orientation,
        width=width,
        height=height,
        palette=build_palette(cues.colours, cues.colour_mode, accent_colours(cues.text)),
        palette_from_brief=bool(cues.colours),
        style_id=brief.style_id or "studio",
        cta=cta_line,
        avatar_hint=cues.presenter.hint,
        presenter_photo_requested=cues.avatar_image,
        scenes=scenes,
    )


def _drop_directions(cues: Cues, reading: Reading) -> None:
    """What the Reading found to be a direction ("Calm, reassuring tone.") is never a feature or fact to say."""
    directed = " ".join(p.text.lower() for p in reading.directions.phrases)
    if not directed:
        return

    def directs(text: str | None) -> bool:
        return bool(text) and text.lower().strip(" .,;:") in directed

    cues.features = [f for f in cues.features if not directs(f)]
    cues.facts = [f for f in cues.facts if not directs(f)]
    if directs(cues.benefit):
        cues.benefit = None
    if directs(cues.description):
        cues.description = None


def _fit_scene_count(cues: Cues, seed: int, specs: list[SceneSpec], target: float, wps: float) -> list[SceneSpec]:
    """Merge scenes while what they must say cannot fit the time (many long list items)."""
    probe = Writer(cues, seed)
    must = {id(s): probe.essential_words(s) for s in specs}
    while len(specs) > 3:
        room = (target - B.GAP_S * len(specs)) * wps
        if sum(must[id(s)] for s in specs) <= 0.97 * room:
            break
        specs = cap_specs(specs, len(specs) - 1)
    return specs


def _pad_bonus(target: float) -> int:
    """Extra fact-free lines a scene may take: none up to 45 s (short videos stay tight)."""
    return 0 if target <= 45 else min(4, int((target - 45) // 45) + 1)


def _write(cues: Cues, seed: int, specs: list[SceneSpec], targets: list[int], wps: float, pad_bonus: int = 0,
           scarce: bool = False) -> list[str]:
    """Narration per scene. Fact-free pads are rationed; if the script comes out short,
    write again allowing a few more (at most two extra a scene)."""
    best: list[str] = []
    best_gap = None
    # fact-free lines are the last resort: first fewer of them, then, if the script would still
    # leave the video short, the generic ones a short video otherwise goes without
    attempts = [(e, scarce, pad_bonus) for e in (0, 1, 2)] + [(2, False, pad_bonus + 1), (3, False, pad_bonus + 2)]
    for extra, scarce_now, bonus in attempts:
        writer = Writer(cues, seed)
        writer.extra_pads = extra
        writer.pad_bonus = bonus
        writer.scarce = scarce_now
        assigned = _assign_facts(writer, specs)
        out: list[str] = []
        carry = 0  # words a scene could not say move on to the next one (overshoot is paid back)
        for i, sp in enumerate(specs):
            floor = max(round(0.85 * targets[i]), math.ceil(B.MIN_SCENE_S * 0.9 * wps))
            want = max(floor, min(targets[i] + carry, round(1.5 * targets[i])))
            written = writer.write(sp, i, want, assigned[i], i == len(specs) - 1)
            out.append(written.text)
            carry = want - written.words
        over = sum(count_words(t) for t in out) - sum(targets)
        gap = 2 * over if over > 0 else -over  # running long costs more than a little short (the clock stretches)
        if best_gap is None or gap < best_gap:
            best, best_gap = out, gap
        if gap <= 0.05 * sum(targets) or over > 0:  # more pads only add words
            break
    return best


def _structure(cues: Cues, items: list, bullet_blocks: list[list[str]], target: float, n_images: int) -> list[SceneSpec]:
    comfortable = B.comfortable_scenes(target)
    specs = requested_specs(items, cues, target) if items else []
    body = [s for s in specs if s.role not in (SceneRole.hook, SceneRole.cta)]
    if not body:
        shape = default_specs(cues, comfortable, n_images, bullet_blocks)
        for req in specs:  # graft a requested opening or closing onto the default shape
            for sp in shape:
                if sp.role is req.role:
                    sp.scripts += req.scripts
                    sp.statement = sp.statement or req.statement
                    sp.family = sp.family or req.family
                    break
        specs = shape
        # a thin prompt and a long target: scenes elaborating on what the brief does say
        if target >= 40 and len(specs) >= 2 and specs[-1].role is SceneRole.cta:
            specs[-1:-1] = elaboration_specs(cues, comfortable - len(specs))
    else:
        # a full scene list ("1) ... 2) ...", "Scenes: ...") is taken as written; otherwise the
        # requested pieces sit between an opening and a close
        partial = not any(it.source in ("numbered", "colon", "lines") for it in items)
        if partial and specs[0].role is not SceneRole.hook:
            specs.insert(0, SceneSpec(SceneRole.hook, requested=False))
        if specs[-1].role is not SceneRole.cta and (cues.cta.requested or partial) and len(specs) + 1 <= B.max_scenes(target):
            specs.append(SceneSpec(SceneRole.cta, requested=False))
    if B.max_scenes(target) == 1:
        # one scene: the call to action, when the brief has one, is what a teaser must keep
        cta = [sp for sp in specs if sp.role is SceneRole.cta]
        keep_cta = bool(cues.cta.url or cues.cta.verbatim)
        specs = [cta[-1] if cta else SceneSpec(SceneRole.cta, requested=False)] if keep_cta else [specs[0]]
    return specs


def _place_scripts(cues: Cues, specs: list[SceneSpec], items: list) -> None:
    """Quoted script lines outside any listed scene: spread over the scenes in order."""
    inside = {s for sp in specs for s in sp.scripts}
    loose = [q.text for q in cues.scripts() if q.text not in inside]
    if not loose:
        return
    talk = [sp for sp in specs if sp.role is not SceneRole.cta] or specs
    for k, line in enumerate(loose):
        talk[min(len(talk) - 1, k * len(talk) // len(loose))].scripts.append(line)


def _assign_facts(writer: Writer, specs: list[SceneSpec]) -> list[list[Line]]:
    """Give each fact to the scene that should say it; unused ones carry forward."""
    facts = fact_lines(writer)
    out: list[list[Line]] = [[] for _ in specs]
    if not specs:
        return out
    talk = [i for i, s in enumerate(specs) if s.role in _TALK]
    visual = [i for i, s in enumerate(specs) if s.role in (SceneRole.broll, SceneRole.montage, SceneRole.bullets)]
    hook = 0
    body = talk or visual or [hook]
    for name in ("benefit", "description"):
        if name in facts:
            out[body[0]].append(facts[name])
    # the brief's features, unless a bullets or spotlight scene already lists them
    listed = any(s.bullets or s.elaborate in ("feature", "recap") for s in specs)
    holder = next((i for i, s in enumerate(specs) if s.role is SceneRole.bullets and not s.elaborate
                   and writer.cues.features and s.bullets == writer.cues.features[:6]), None)
    if holder is not None and "features_more" in facts:
        out[holder].append(facts["features_more"])
    elif not listed:
        feat_at = body[0] if talk else hook
        for name in ("features", "features_more"):
            if name in facts:
                out[feat_at].append(facts[name])
    if "audience" in facts:
        out[hook if specs[hook].role is SceneRole.hook else body[0]].append(facts["audience"])
    prompt_facts = [facts[k] for k in facts if k.startswith("fact") and k[4:].isdigit()]
    targets = talk or visual or [hook]
    if prompt_facts and specs[hook].role is SceneRole.hook and len(prompt_facts) > len(targets) and hook not in targets:
        out[hook].append(prompt_facts.pop(0))
    for j, ln in enumerate(prompt_facts):
        out[targets[j * len(targets) // max(1, len(prompt_facts))]].append(ln)
    return out


def _bullet_display(b: str) -> str:
    words = b.split()
    words = words[:6]
    while len(words) > 1 and words[-1].lower() in ("and", "or", "of", "for", "to", "the", "a", "an", "with", "on", "in"):
        words.pop()
    shown = " ".join(words).strip(" .,;:")
    out = []
    for i, w in enumerate(shown.split()):
        if any(c.isupper() for c in w[1:]) or w[:1].isdigit():
            out.append(w)
        elif i > 0 and w.lower() in ("a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "at", "by"):
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def _image_indexes(brief: Brief, cues: Cues) -> list[int]:
    idx = [i for i, f in enumerate(brief.files) if f.kind is MediaKind.image]
    if cues.avatar_image and idx:
        idx = idx[1:]  # the first image is the presenter's photo
    return idx


def _even(x: float) -> int:
    v = int(round(x / 2.0)) * 2
    return max(SIZE_MIN_PX + (SIZE_MIN_PX % 2), min(SIZE_MAX_PX, v))


def _frame(brief: Brief, cues: Cues) -> tuple[Orientation, int, int]:
    if brief.orientation is not None:
        orientation = brief.orientation
    elif brief.width and brief.height:
        orientation = Orientation.portrait if brief.height > brief.width else Orientation.landscape
    else:
        orientation = cues.orientation or Orientation.landscape
    w, h = brief.width, brief.height
    portrait = orientation is Orientation.portrait
    if w and h:
        return orientation, w, h
    if w:
        return orientation, w, _even(w * 16 / 9 if portrait else w * 9 / 16)
    if h:
        return orientation, _even(h * 9 / 16 if portrait else h * 16 / 9), h
    return orientation, (720 if portrait else 1280), (1280 if portrait else 720)


def _title(cues: Cues, specs: list[SceneSpec]) -> str:
    topic_src = cues.description or cues.subject or cues.company
    topic = headline(topic_src, max_words=6) if topic_src else ""
    if cues.brand and topic and topic.lower() not in cues.brand.lower():
        return f"{cues.brand}: {topic}"
    if cues.brand:
        return cues.brand
    if topic:
        return topic
    for sp in specs:
        for cand in (sp.statement, sp.topic):
            if cand and not re.match(r"^(?:welcome|how|why|what)\b", cand, re.I):
                return headline(cand, max_words=6)
    if cues.facts:
        return headline(cues.facts[0], max_words=6)
    return "Untitled"


__all__ = ["plan"]
