"""Beats -> scenes: who says what, and what the screen shows while it is said.

One beat that shows something (a list, a figure, a quote, a visual request) is a scene of
its own; plain sentences next to each other share a scene until it runs MERGE_BELOW_S.
A requested structure ("1) hook: ... 2) problem: ...") is kept scene for scene.
The screen shows the brief's own words: a list's items, a figure, the quote and its
author, the call to action's address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from onetake.agent.reading import Reading
from onetake.agent.storyboard import Layout, LowerThird, SceneRole

from .beats import Beat
from .select import Clock

MERGE_BELOW_S = 5.0  # plain sentences shorter than this share the next one's scene
MAX_BULLETS = 6
ITEM_TITLE_WORDS = 12  # a spread list's item is its scene's title, whole up to this many words
MAX_SCENE_S = 16.0  # longer speech on one scene loses the viewer: it goes on in the next scene
_ROLE_OF_REQUEST = {"hook": SceneRole.hook, "problem": SceneRole.problem, "solution": SceneRole.solution,
                    "features": SceneRole.bullets, "quote": SceneRole.quote, "stats": SceneRole.stat,
                    "steps": SceneRole.bullets, "cta": SceneRole.cta}
_LAYOUT_OF_ROLE = {SceneRole.hook: Layout.presenter_full, SceneRole.cta: Layout.end_card, SceneRole.bullets: Layout.bullets,
                   SceneRole.broll: Layout.broll, SceneRole.quote: Layout.quote, SceneRole.stat: Layout.stat}


@dataclass
class Draft:
    beats: list[Beat]
    requested_role: str = ""  # the role the brief gave this scene, if it listed scenes
    media: list[int] = field(default_factory=list)

    def seconds(self, clock: Clock) -> float:
        return sum(clock(b.text) for b in self.beats)

    @property
    def plain(self) -> bool:
        return not self.requested_role and all(b.kind in ("fact", "document") and not b.showable for b in self.beats)


def group(beats: list[Beat], reading: Reading, clock: Clock, max_scenes: int) -> list[Draft]:
    if reading.structure:
        drafts = _by_structure(beats, reading)
    else:
        drafts = []
        for b in beats:
            last = drafts[-1] if drafts else None
            plain = b.kind in ("fact", "document") and not b.showable
            if last is not None and plain and last.plain and last.seconds(clock) < MERGE_BELOW_S:
                last.beats.append(b)
            else:
                drafts.append(Draft([b]))
    drafts = [part for d in drafts for part in _split_long(d, clock)]
    while len(drafts) > max(1, max_scenes):
        drafts = _merge_shortest(drafts, clock)
    return drafts


def _split_long(draft: Draft, clock: Clock) -> list[Draft]:
    """A scene is at most MAX_SCENE_S of speech: a long requested scene goes on in scenes of its own."""
    out = [Draft([], draft.requested_role, list(draft.media))]
    for b in draft.beats:
        if out[-1].beats and out[-1].seconds(clock) + clock(b.text) > MAX_SCENE_S:
            out.append(Draft([]))
        out[-1].beats.append(b)
    return out


def _by_structure(beats: list[Beat], reading: Reading) -> list[Draft]:
    drafts = [Draft([], requested_role=rs.role) for rs in reading.structure]
    loose: list[Beat] = []
    for b in beats:
        if b.scene is not None and b.scene < len(drafts):
            drafts[b.scene].beats.append(b)
        elif b.kind == "cta":
            target = next((d for d in reversed(drafts) if d.requested_role == "cta"), None)
            (target.beats if target is not None else loose).append(b)
        else:
            # a beat outside the listed scenes joins the scene its words sit in or after
            index = max((k for k, rs in enumerate(reading.structure) if rs.span.start <= b.start), default=None)
            if index is None:
                loose.insert(0, b) if not loose else loose.append(b)
            else:
                drafts[index].beats.append(b)
    out = [d for part in (_split_items(d) for d in drafts if d.beats) for d in part]
    opening = [b for b in loose if b.kind != "cta"]
    if out and opening:
        out[0].beats[:0] = opening  # what comes before the listed scenes opens the first: the count is the brief's
        opening = []
    closing = [b for b in loose if b.kind == "cta"]
    if opening:
        out.insert(0, Draft(opening))
    if closing:
        out.append(Draft(closing))
    for d in out:
        d.beats.sort(key=lambda b: (b.kind == "cta", b.start))
    return out


def _split_items(draft: Draft) -> list[Draft]:
    """A requested scene whose list was spread: a scene per item, the first keeping the requested role."""
    if sum(1 for b in draft.beats if b.kind == "item") < 2:
        return [draft]
    out: list[Draft] = []
    for b in draft.beats:
        if b.kind == "item" or not out:
            out.append(Draft([b], draft.requested_role if not out else ""))
        else:
            out[-1].beats.append(b)
    return out


def _merge_shortest(drafts: list[Draft], clock: Clock) -> list[Draft]:
    """Two neighbours become one scene: the pair with the least speech, the call to action kept apart."""
    pairs = [(drafts[k].seconds(clock) + drafts[k + 1].seconds(clock), k) for k in range(len(drafts) - 1)
             if not any(b.kind == "cta" for b in drafts[k + 1].beats) or len(drafts) == 2]
    if not pairs:
        return drafts[:-2] + [Draft(drafts[-2].beats + drafts[-1].beats)]
    _, k = min(pairs)
    merged = Draft(drafts[k].beats + drafts[k + 1].beats, drafts[k].requested_role or drafts[k + 1].requested_role,
                   drafts[k].media + drafts[k + 1].media)
    return drafts[:k] + [merged] + drafts[k + 2:]


def role_of(draft: Draft, index: int, count: int) -> SceneRole:
    kinds = {b.kind for b in draft.beats}
    if "cta" in kinds and index == count - 1:
        return SceneRole.cta
    if kinds == {"item"}:
        if any(b.figure for b in draft.beats) and not any(b.visuals for b in draft.beats):
            return SceneRole.stat  # "revenue up 14% to £82m": an item that is a figure is shown as one
        return SceneRole.broll  # one item of a spread list: its words as the title over a picture of it
    if draft.requested_role in _ROLE_OF_REQUEST:
        role = _ROLE_OF_REQUEST[draft.requested_role]
        if role is SceneRole.bullets and not any(b.bullets for b in draft.beats):
            return SceneRole.presenter
        return role
    if "quote" in kinds:
        return SceneRole.quote
    if any(b.bullets for b in draft.beats):
        return SceneRole.bullets
    if any(b.visuals for b in draft.beats) or draft.media:
        return SceneRole.broll
    if any(b.figure for b in draft.beats):
        return SceneRole.stat
    if index == 0:
        return SceneRole.hook
    return SceneRole.presenter


def layout_of(role: SceneRole) -> Layout:
    return _LAYOUT_OF_ROLE.get(role, Layout.presenter_panel)


def narration(draft: Draft, language: str) -> str:
    joint = "" if language.startswith("zh") else " "
    return joint.join(b.text for b in draft.beats).strip()


def bullets(draft: Draft) -> list[str]:
    if all(b.kind == "item" for b in draft.beats):
        return []  # the item is the scene's title
    items = next((b.bullets for b in draft.beats if b.bullets), [])
    return [bullet_text(i) for i in items[:MAX_BULLETS]]


def bullet_text(item: str, max_words: int = 8) -> str:
    """An item as a bullet: its own words, first letter up; a longer one is cut where a phrase ends
    (before a comma or a small word), never after "the" or "at"."""
    words = item.strip(" .;,").split()
    if len(words) > max_words:
        words = words[:max_words]
        while len(words) > 3 and (words[-1].lower() in _TAIL_WORDS or words[-1].endswith(",")):
            words.pop()
    shown = " ".join(words).rstrip(",;:")
    return shown[:1].upper() + shown[1:]


def headline(draft: Draft, role: SceneRole, reading: Reading, first: bool) -> str:
    """What the scene's title says, from the brief's words."""
    if first and reading.titles:
        return reading.titles[0].text
    for b in draft.beats:
        if b.quote is not None:
            return b.quote.text
    if role is SceneRole.cta and reading.cta is not None:
        c = reading.cta
        label, colon, value = c.text.partition(":")
        # "Price: $129.", "Question for the class: why ...?": the end card shows what follows the label
        return c.url or c.phone or c.email or c.address or short(value if colon and value.strip() else c.text)
    for b in draft.beats:
        if b.kind == "item":  # the item is the card: all of it, when it fits a title
            return bullet_text(b.bullets[0], ITEM_TITLE_WORDS)
    for b in draft.beats:
        if b.head and len(b.head.split()) <= 7:
            return b.head.strip(" :")
    for b in draft.beats:
        if b.figure is not None and role is SceneRole.stat:
            return b.figure.text
    if first and reading.brand:
        return reading.brand
    return short(draft.beats[0].text)


_TAIL_WORDS = {"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "your", "our",
               "their", "its", "is", "are", "y", "et", "und", "e", "de", "la", "le", "el", "der", "die", "das", "que"}


def short(text: str, max_words: int = 6) -> str:
    """The first clause of a sentence, cut to a few words without a dangling small word."""
    clause = re.split(r"(?:[,:.](?!\d)|(?<!\d)[,:.])\s*|[;!?\u3002\uff0c\uff1b\uff1a]\s*|\s[\u2013\u2014-]\s", text.strip(), maxsplit=1)[0]  # not "£325,000", "1:30"
    if re.search(r"[\u4e00-\u9fff]", clause):
        return clause[:14]
    words = clause.split()
    # a clause a little over the limit is kept whole: "Safety briefing for new lab staff", not "... new lab"
    words = words if len(words) <= max_words + 2 else words[:max_words]
    while len(words) > 1 and words[-1].lower() in _TAIL_WORDS:
        words.pop()
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def visual_query(draft: Draft) -> str:
    nouns = [n for b in draft.beats for v in b.visuals for n in (v.nouns or [v.text])]
    nouns += [b.bullets[0] for b in draft.beats if b.kind == "item"]
    return ", ".join(dict.fromkeys(nouns))


def serves(draft: Draft) -> list[str]:
    return [v.text for b in draft.beats for v in b.visuals]


def lower_third(draft: Draft) -> LowerThird | None:
    q = next((b.quote for b in draft.beats if b.quote is not None and b.quote.author), None)
    if q is None:
        return None
    return LowerThird(name=q.author, title=q.role)
