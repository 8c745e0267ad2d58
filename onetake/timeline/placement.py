"""Where each scene's narration sits on the clock, so the video lands on its target length.

The voice is the clock: scenes are as long as their speech plus short
breathing gaps. When the user asked for a duration, gaps grow (within what
still sounds natural) or shrink, and only as a last resort is the speech
itself sped up slightly. Dead air is never used as padding beyond
`MAX_GAP_GROWTH` per cut; the end card may hold a little longer, as editors do.
When the script is far too short for the target, the video lands short
(`shortfall`) rather than padded with silence: a clear miss beats dead air.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_LEAD_S = 0.35  # silence before the very first word
LEAD_S = 0.15  # after a cut, before the scene's first word
TAIL_S = 0.35  # after a scene's last word, before the cut
LAST_TAIL_S = 0.8  # the end card stays up after the last word
MIN_LEAD_S = 0.08
MIN_TAIL_S = 0.15
MAX_GAP_GROWTH = 0.12  # extra per gap: with the voice's own ~0.08 s edges a pause at a cut stays under 0.8 s
MAX_END_HOLD_GROWTH = 2.5  # the end card may hang on after the last word
MAX_SPEEDUP = 1.12  # beyond this, faster speech sounds rushed
MIN_SLOWDOWN = 0.92  # a slightly slower read still sounds natural; slower drags
MAX_HOLD_GROWTH = 1.5  # a held picture may stay up this much longer than planned when the voice ran quicker than its clock


@dataclass(frozen=True)
class ScenePlacement:
    start: float
    end: float
    speech_start: float
    speech_end: float


@dataclass(frozen=True)
class Placement:
    scenes: tuple[ScenePlacement, ...]
    speech_rate: float  # 1.0 = as synthesised; >1 means the narration was sped up
    duration: float
    shortfall: float = 0.0  # seconds short of the target: the script was too short to fill it naturally

    @property
    def natural(self) -> bool:
        """Lands on its target with natural pauses and (almost) unaltered speech."""
        return self.speech_rate <= 1.03 and self.shortfall < 0.05


def place(speech_durations: list[float], target: float | None, holds: list[float] | None = None) -> Placement:
    """Lay scenes end to end. `target` None means: as long as the speech needs.

    `holds` are the storyboard's visual beats: seconds a scene stays up after its words (a card
    or picture under music). They give way first when the speech runs long, and stretch (up to
    MAX_HOLD_GROWTH) when the synthesised speech came out shorter than the writer's estimate."""
    n = len(speech_durations)
    leads = [FIRST_LEAD_S] + [LEAD_S] * (n - 1)
    tails = [TAIL_S] * (n - 1) + [LAST_TAIL_S]
    holds = list(holds or [0.0] * n)
    if target is not None and sum(holds):
        room = target - (sum(leads) + sum(tails) + sum(speech_durations))
        scale = max(0.0, min(MAX_HOLD_GROWTH, room / sum(holds)))
        holds = [h * scale for h in holds]
    tails = [t + h for t, h in zip(tails, holds)]
    rate = 1.0
    shortfall = 0.0
    if target is not None:
        slack = target - (sum(leads) + sum(tails) + sum(speech_durations))
        if slack >= 0:
            leads, tails, shortfall = _grow(leads, tails, slack)
            if shortfall > 0:  # pauses are full: a slower read takes what it naturally can
                spoken = sum(speech_durations)
                rate = max(MIN_SLOWDOWN, spoken / (spoken + shortfall)) if spoken else 1.0
                shortfall = max(0.0, shortfall - (spoken / rate - spoken))
        else:
            leads, tails, rate = _shrink(leads, tails, speech_durations, target)
    scenes = []
    clock = 0.0
    for lead, speech, tail in zip(leads, speech_durations, tails):
        spoken = speech / rate
        scenes.append(ScenePlacement(clock, clock + lead + spoken + tail, clock + lead, clock + lead + spoken))
        clock += lead + spoken + tail
    return Placement(tuple(scenes), rate, clock, shortfall)


def place_around(speech_durations: list[float], target: float, holds: list[float], kept: list[tuple[float, float] | None]) -> Placement | None:
    """A revision's placement: each scene in `kept` keeps the (lead, tail) it was rendered with, so its pixels and
    its cached video pieces stay valid; the other scenes share what is left of the target, their holds and the
    pauses at their cuts taking the difference. None when they cannot at natural pauses and unaltered speech: then
    the caller places everything afresh."""
    n = len(speech_durations)
    free = [k for k in range(n) if kept[k] is None]
    if not free or len(free) == n:
        return None
    leads = [FIRST_LEAD_S] + [LEAD_S] * (n - 1)
    tails = [TAIL_S] * (n - 1) + [LAST_TAIL_S]
    for k in range(n):
        if kept[k] is not None:
            leads[k], tails[k] = kept[k]
    free_holds = [holds[k] for k in free]
    slack = target - (sum(leads) + sum(tails) + sum(speech_durations))
    if sum(free_holds):  # the free scenes' held pictures take what is left, within the growth limit of a fresh fit
        scale = max(0.0, min(MAX_HOLD_GROWTH, slack / sum(free_holds)))
        slack -= sum(free_holds) * scale
        for k in free:
            tails[k] += holds[k] * scale
    cuts = [k for k in free if k < n - 1]
    if cuts and abs(slack) > 1e-9:  # then the free scenes' cuts, as far as a fresh fit lets a pause grow or shrink
        step = max(MIN_TAIL_S - TAIL_S, min(MAX_GAP_GROWTH, slack / len(cuts)))
        for k in cuts:
            tails[k] += step
        slack -= step * len(cuts)
    if abs(slack) > 1e-9:  # then the end card's hold, where a fresh fit puts what is left (it re-draws cheaply)
        end = tails[-1] + slack
        if not max(MIN_TAIL_S, LAST_TAIL_S * 0.5) <= end <= LAST_TAIL_S + MAX_END_HOLD_GROWTH + holds[-1] * MAX_HOLD_GROWTH:
            return None
        tails[-1] = end
    scenes, clock = [], 0.0
    for lead, speech, tail in zip(leads, speech_durations, tails):
        scenes.append(ScenePlacement(clock, clock + lead + speech + tail, clock + lead, clock + lead + speech))
        clock += lead + speech + tail
    return Placement(tuple(scenes), 1.0, clock, 0.0)


def _grow(leads: list[float], tails: list[float], slack: float) -> tuple[list[float], list[float], float]:
    gaps = len(tails) - 1
    per_gap = min(MAX_GAP_GROWTH, slack / (gaps + 1)) if gaps else 0.0
    tails = [t + per_gap for t in tails[:-1]] + [tails[-1]]
    slack -= per_gap * gaps
    end_hold = min(MAX_END_HOLD_GROWTH, slack)
    tails[-1] += end_hold
    slack -= end_hold
    return leads, tails, max(0.0, slack)  # what natural pauses could not fill stays unfilled


def _shrink(leads: list[float], tails: list[float], speech: list[float], target: float) -> tuple[list[float], list[float], float]:
    full_gaps = sum(leads) + sum(tails)
    min_leads = [max(MIN_LEAD_S, l * 0.5) for l in leads]
    min_tails = [MIN_TAIL_S] * (len(tails) - 1) + [max(MIN_TAIL_S, LAST_TAIL_S * 0.5)]
    min_gaps = sum(min_leads) + sum(min_tails)
    spoken = sum(speech)
    if spoken + min_gaps <= target:
        keep = (target - spoken - min_gaps) / (full_gaps - min_gaps)  # share of the optional gap kept
        leads = [m + (l - m) * keep for l, m in zip(leads, min_leads)]
        tails = [m + (t - m) * keep for t, m in zip(tails, min_tails)]
        return leads, tails, 1.0
    rate = min(MAX_SPEEDUP, spoken / max(1e-6, target - min_gaps))
    return min_leads, min_tails, rate
