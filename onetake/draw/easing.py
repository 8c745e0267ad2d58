"""Easing curves for entrances and exits (t in 0..1)."""

from __future__ import annotations


def clamp01(x: float) -> float:
    return 0.0 if x < 0 else 1.0 if x > 1 else x


def ease_out_cubic(x: float) -> float:
    x = clamp01(x)
    return 1 - (1 - x) ** 3


def ease_in_out_sine(x: float) -> float:
    from math import cos, pi

    return 0.5 - 0.5 * cos(pi * clamp01(x))


def ease_out_back(x: float, overshoot: float = 1.4) -> float:
    x = clamp01(x)
    return 1 + (overshoot + 1) * (x - 1) ** 3 + overshoot * (x - 1) ** 2


def window(t: float, start: float, duration: float) -> float:
    """Progress 0..1 of an animation that starts at `start` and lasts `duration`."""
    return clamp01((t - start) / duration) if duration > 0 else float(t >= start)
