"""Lines said over pictures: a B-roll or montage scene's shots, and a bullets scene's list."""

from __future__ import annotations

import re

from . import phrases as P
from .line_fit import Line
from .scene_spec import SceneSpec
from .text import count_words, is_steps, join_list, split_list
from .wording import Wording


def broll_lines(w: Wording, sp: SceneSpec, key: str) -> list[Line]:
    c = w.cues
    out: list[Line] = []
    shots = [s for s in sp.shots if s]
    closers = (P.CLOSERS_VENUE if c.domain == "venue" else []) + P.CLOSERS.get(c.tone, P.CLOSERS["warm"])
    closer = min(w.order(closers, key + ":cl"), key=lambda x: w.template_uses.get("closer:" + x, 0))
    w.template_uses["closer:" + closer] = w.template_uses.get("closer:" + closer, 0) + 1
    items: list[str] = []
    if len(shots) == 1:
        items = split_list(shots[0])
    elif shots and not any("," in s for s in shots):
        items = shots
    first = last = None
    if len(items) >= 2:
        first, last = items[0], items[-1]
    if sp.message and first:
        out.append(Line(w.variants(P.MONTAGE_MESSAGE, key + ":mm", first=first, last=last, how=sp.message), essential=True))
    else:
        if sp.message:
            out.append(Line(w.variants(P.MESSAGE, key + ":m", how=sp.message), essential=not shots))
        if shots and (len(shots) == 1 or not any("," in s for s in shots)):
            pool = P.SHOTS_MANY if first else P.SHOTS_ONE
            listed = shots[0] if len(shots) == 1 else join_list(shots)
            out.append(Line(w.variants(pool, key + ":sh", list=listed, first=first, last=last, closer=closer),
                            essential=True, key=f"shots:{listed.lower()}"))
        elif shots:
            for j, s in enumerate(shots):
                out.append(Line(w.variants(P.SHOTS_ONE, f"{key}:sh{j}", list=s), essential=j == 0, skip_cost=1.0,
                                key=f"shots:{s.lower()}"))
    return out


def steps_text(steps: list[str]) -> str:
    """'First, go to Settings. Next, click Security. Then, choose Reset password.'"""
    marks = ["First,"] + ["Next,"] * max(0, len(steps) - 2) + (["Then,"] if len(steps) < 4 else ["Finally,"])
    said = [re.sub(r"^(?:then|and|next|finally)\s+", "", s.strip(), flags=re.I).rstrip(".") for s in steps]
    return " ".join(f"{m} {s[0].lower() + s[1:] if s.split()[0][1:].islower() else s}." for m, s in zip(marks, said))


def bullets_lines(w: Wording, sp: SceneSpec, key: str) -> list[Line]:
    c = w.cues
    if is_steps(sp.bullets):  # a how-to: the steps in order, not praise for a list of things
        return [Line(w.variants(P.STEPS, key + ":steps", steps=steps_text(sp.bullets)), essential=True)]
    brand_words = (c.brand or "").split()
    spoken = [b[0].lower() + b[1:] if b[:1].isupper() and not b[1:2].isupper() and b.split()[0] not in brand_words else b
              for b in sp.bullets]
    listed = join_list(spoken)
    head = sp.bullet_head
    avg = sum(count_words(b) for b in spoken) / max(1, len(spoken))
    if head and head.lower().endswith("s"):
        pool = P.BULLETS_HEAD
    elif c.domain == "subscription":
        pool = P.BULLETS_MEMBERS
    elif avg > 4:
        pool = P.BULLETS_LONG
    else:
        pool = P.BULLETS_PLAIN
    return [Line(w.variants(pool, key + ":b", list=listed, head=head.lower() if head else None), essential=True)]
