"""Narration: lines a presenter says to viewers, fitted to each scene's word budget.

Each scene offers candidate lines in speaking order: essential ones (the point
of the scene, the user's verbatim script) and optional ones (facts from the
brief, then fact-free pads). Each line has a few wordings; the seed picks the
preferred one. A small dynamic programme (line_fit) picks a wording per line and
which optional lines to keep so the word count hits the budget; leftover words
are made up with a connective ("And", "Best of all,").

The lines come from hook_lines, talk_lines, elaboration_lines, visual_lines and
cta_lines by scene role, plus fact_lines; templates are in phrases, filled by wording.
Nothing here invents numbers, prices, dates or names: templates hold none, and
every fact comes from the prompt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from onetake.agent.storyboard import SceneRole

from . import phrases as P
from .cta_lines import cta_lines
from .cue_models import Cues
from .elaboration_lines import elaboration_lines
from .fact_lines import pad_lines
from .hook_lines import hook_lines
from .lexicon import DEMO_KINDS, PRODUCTION_RE
from .line_fit import Line, dedupe, fit
from .scene_spec import SceneSpec
from .talk_lines import talk_lines, topic_variants
from .text import count_words, is_steps, squash
from .visual_lines import broll_lines, bullets_lines
from .wording import Wording

_CONTENT_KEYS = ("fact:", "said:", "topic:", "restate", "activity")  # lines that carry the brief's own content
# first words of a sentence that reads on after a connective ("And it's ...", "Best of all, every ...")
_STATEMENT_STARTS = {"it", "it's", "there's", "every", "each", "we", "we're", "our", "that's", "members", "you'll",
                     "you", "this", "the", "made", "piece", "getting", "some"}


@dataclass
class Written:
    text: str
    words: int
    keys: list[str] = field(default_factory=list)


class Writer(Wording):
    """Writes one video's scenes in order: what one scene says is not said again by a later one."""

    def __init__(self, cues: Cues, seed: int):
        super().__init__(cues, seed)
        self.said: set[str] = set()  # sentences already spoken: never repeated verbatim
        self.carry: list[Line] = []
        self.extra_pads = 0
        self.pad_bonus = 0  # long targets allow a few more fact-free lines a scene
        self._pad_cap = 2

    # --- candidate lines ---------------------------------------------------------------------
    def lines_for(self, sp: SceneSpec, idx: int, assigned: list[Line], is_last: bool) -> list[Line]:
        role = sp.role
        key = f"s{idx}"
        c = self.cues
        # a quoted line keeps its words; one without an ending gets a full stop so it does not run on
        lines: list[Line] = [Line([s if s.rstrip()[-1:] in ".!?\u2026" else s.rstrip() + "."], essential=True, verbatim=True)
                             for s in sp.scripts]
        if role is SceneRole.hook:
            lines += hook_lines(self, sp, key, any(ln.key == "fact:features" for ln in assigned))
        elif role is SceneRole.cta:
            if idx == 0:  # the whole video is its call to action: say what it is first
                lines += [Line(ln.variants, skip_cost=ln.skip_cost + 1.0, key=ln.key, verbatim=ln.verbatim) for ln in assigned]
            lines += cta_lines(self, sp, key)
            self._pad_cap = 2
            return lines
        elif sp.elaborate:
            lines += elaboration_lines(self, sp, key)
        elif role is SceneRole.bullets:
            lines += bullets_lines(self, sp, key)
        elif role in (SceneRole.broll, SceneRole.montage):
            lines += broll_lines(self, sp, key)
        else:
            lines += talk_lines(self, sp, key)
        lines += assigned + self.carry
        for t in sp.extra_topics:
            v = topic_variants(self, t, f"{key}:x:{t}")
            if v:
                lines.append(Line(v, skip_cost=1.2, key=f"topic:{t.lower()}"))
        pad_kinds = {
            SceneRole.hook: ["hook"], SceneRole.broll: ["broll"], SceneRole.montage: ["montage", "broll"],
            SceneRole.bullets: ["steps"] if is_steps(sp.bullets) else ["bullets"],
        }.get(role, ["presenter"])
        if c.domain == "weather":
            pad_kinds = ["weather"]
        else:
            if c.presenter.company_voice and role in (SceneRole.presenter, SceneRole.solution, SceneRole.problem):
                pad_kinds = ["company"] + pad_kinds
            if c.domain in P.PADS:
                pad_kinds = [c.domain] + pad_kinds
            if c.kind in DEMO_KINDS and role is not SceneRole.hook:
                pad_kinds = ["tour"] + pad_kinds
        cap = min(2, 1 + self.extra_pads) if role is SceneRole.hook else 2 + self.extra_pads
        cap += self.pad_bonus
        lines += pad_lines(self, pad_kinds, key)[:cap + 2]
        self._pad_cap = cap
        return lines

    def essential_words(self, sp: SceneSpec) -> int:
        """Words a scene must say whatever its budget (its point, verbatim lines)."""
        lines = self.lines_for(sp, -1, [], False)
        self.carry = []
        return sum(min(count_words(v) for v in ln.variants) for ln in lines if ln.essential and ln.variants)

    def capacity(self, sp: SceneSpec, assigned: list[Line]) -> int:
        """Words of real content a scene can say (essential lines and its facts), before pads."""
        lines = [ln for ln in self.lines_for(sp, -1, assigned, False) if ln.variants and not _is_pad(ln)]
        self.carry = []
        return sum(min(count_words(v) for v in ln.variants) for ln in lines if ln.essential or ln.skip_cost >= 1.0)

    # --- fitting -----------------------------------------------------------------------------
    def write(self, sp: SceneSpec, idx: int, target: int, assigned: list[Line], is_last: bool) -> Written:
        lines = [ln for ln in self.lines_for(sp, idx, assigned, is_last) if ln.variants]
        lines = [ln for ln in lines if ln.key is None or ln.key not in self.used]
        lines = dedupe(lines)
        for ln in lines:
            if not ln.essential:
                ln.variants = [v for v in ln.variants if v.lower() not in self.said]
        for ln in lines:
            if not ln.verbatim:
                ln.variants = [v for v in ln.variants if not PRODUCTION_RE.search(v)]
        # A pad never opens like the scene's own content ("It's designed with dentists in mind. It's designed around...").
        openings = {_opening(v) for ln in lines if not _is_pad(ln) for v in ln.variants}
        for ln in lines:
            if _is_pad(ln):
                ln.variants = [v for v in ln.variants if _opening(v) not in openings]
        lines = [ln for ln in lines if ln.variants]
        chosen = fit(lines, target, max_pads=self._pad_cap)
        if not chosen:  # nothing left to say here: never leave a scene silent
            spare = pad_lines(self, ["presenter", "hook", "broll"], f"s{idx}:spare")
            spare.append(Line([self.fill("{It_cap} is worth a closer look.") or "Take a closer look."]))
            chosen = fit([ln for ln in spare if ln.key not in self.used][:4] or spare[-1:], target, max_pads=4)[:2] or [(spare[-1], 0)]
        texts: list[str] = []
        keys: list[str] = []
        taken_ids = set()
        for ln, vi in chosen:
            texts.append(ln.variants[vi])
            self.said.add(ln.variants[vi].lower())
            taken_ids.add(id(ln))
            tpl = self.template_of.get(ln.variants[vi])
            if tpl:
                self.template_uses[tpl] = self.template_uses.get(tpl, 0) + 1
            if ln.key:
                keys.append(ln.key)
                self.used.add(ln.key)
        # facts this scene did not use are offered to the next scene
        self.carry = [ln for ln in lines if id(ln) not in taken_ids and ln.key and ln.key.startswith("fact:") and ln.key not in self.used]
        words = sum(count_words(t) for t in texts)
        short = target - words
        if short > 0:
            texts = self._connect(texts, [ln for ln, _ in chosen], short, f"s{idx}")
        text = squash(" ".join(texts))
        return Written(text, count_words(text), keys)

    def _connect(self, texts: list[str], lines: list[Line], short: int, key: str) -> list[str]:
        out = list(texts)
        budget = short
        last = -2
        for j in range(1, len(out)):
            if budget <= 0:
                break
            if j == last + 1:
                continue
            if lines[j].verbatim and not (lines[j].key or "").startswith("fact:"):
                continue
            if not all((ln.key or "").startswith(_CONTENT_KEYS) for ln in (lines[j - 1], lines[j])):
                continue  # "And", "On top of that,": one piece of content adding to another, never to a pad or the intro
            first = out[j].split()[0]
            low = first.lower().strip(",")
            if low not in _STATEMENT_STARTS and not (self.cues.brand and out[j].startswith(self.cues.brand)):
                continue
            size = min(budget, 3)
            options = self.order(P.CONNECTIVES[size], f"{key}:c{j}")
            conn = options[0]
            rest = out[j]
            if first not in ("I", "I'm", "I've") and not (self.cues.brand and rest.startswith(self.cues.brand)):
                rest = rest[0].lower() + rest[1:]
            out[j] = f"{conn} {rest}"
            budget -= size
            last = j
        return out


def _is_pad(line: Line) -> bool:
    return (line.key or "").startswith("pad:")


def _opening(sentence: str) -> str:
    return " ".join(w.strip(",.;:!?").lower() for w in sentence.split()[:2])
