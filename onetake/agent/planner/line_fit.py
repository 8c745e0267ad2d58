"""Candidate narration lines, and the fit that picks which to say so a scene hits its word budget."""

from __future__ import annotations

from dataclasses import dataclass

from .text import count_words


@dataclass
class Line:
    variants: list[str]
    essential: bool = False
    skip_cost: float = 0.0  # cost of leaving an optional line out
    take_cost: float = 0.0  # cost of putting it in (pads cost a little)
    verbatim: bool = False
    key: str | None = None  # lines with a key are said once per video


def dedupe(lines: list[Line]) -> list[Line]:
    """Lines in order, dropping any that shares a wording or a key with an earlier one."""
    seen: set[str] = set()
    out: list[Line] = []
    for ln in lines:
        sigs = {v.lower() for v in ln.variants} | ({ln.key} if ln.key else set())
        if sigs & seen:
            continue
        seen |= sigs
        out.append(ln)
    return out


def fit(lines: list[Line], target: int, max_pads: int = 3) -> list[tuple[Line, int]]:
    """Pick a wording per line and which optional lines to keep; word count closest to target.

    Dynamic programme over (line index, words so far, pads used); keeps speaking order.
    At most `max_pads` fact-free pad lines are used: a scene with nothing to say
    comes out short rather than stuffed.
    """
    limit = int(target * 1.6) + 12
    states: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (0.0, ())}
    for ln in lines:
        counts = [count_words(v) for v in ln.variants]
        is_pad = (ln.key or "").startswith("pad:")
        new: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {}
        for (w, pads), (cost, picks) in states.items():
            if not ln.essential:
                c = cost + ln.skip_cost
                if (w, pads) not in new or c < new[(w, pads)][0]:
                    new[(w, pads)] = (c, picks + (-1,))
            if is_pad and pads >= max_pads:
                continue
            np_ = pads + 1 if is_pad else pads
            for vi, n in enumerate(counts):
                nw = w + n
                if nw > limit and not ln.essential:
                    continue
                c = cost + ln.take_cost + 0.35 * vi
                if (nw, np_) not in new or c < new[(nw, np_)][0]:
                    new[(nw, np_)] = (c, picks + (vi,))
        states = new

    def score(item: tuple[tuple[int, int], tuple[float, tuple[int, ...]]]) -> float:
        (w, _), (cost, _) = item
        diff = abs(w - target)
        pen = 2.5 * diff
        if w > target:
            pen += 0.5 * diff  # long is worse than short: connectives can fill short
        if diff > 0.1 * target:
            pen += 6
        return cost + pen

    _, (_, picks) = min(states.items(), key=score)
    return [(ln, vi) for ln, vi in zip(lines, picks) if vi >= 0]
