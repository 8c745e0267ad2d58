"""Duration budget: how long the video is, how many scenes fit, how many words each gets.

The speech clock decides the real length: a scene lasts (its words / words per
second) and a short pause follows it. So:

    sum(scene budgets) = target - GAP_S * n_scenes
    words(scene)       = budget(scene) * words_per_second

and the spoken video lands on the target (total words come to ~0.92-0.96 of
target * words_per_second, depending on the number of scenes).
"""

from __future__ import annotations

from onetake.brief.models import DURATION_MAX_S, DURATION_MIN_S, Brief
from onetake.agent.storyboard import SceneRole

GAP_S = 0.35  # breathing room after each scene
MIN_SCENE_S = 3.0
MAX_SCENES = 12
SECONDS_PER_SCENE = 7.5
SHORT_VIDEO_S = 8.0  # at or under this length, scripts are written for a slower read
SHORT_VIDEO_HEADROOM = 0.85  # comfortable pace when the prompt does not list scenes

ROLE_WEIGHTS = {
    SceneRole.hook: 1.0,
    SceneRole.presenter: 1.15,
    SceneRole.solution: 1.15,
    SceneRole.problem: 1.05,
    SceneRole.broll: 0.95,
    SceneRole.montage: 0.9,
    SceneRole.bullets: 1.1,
    SceneRole.quote: 1.0,
    SceneRole.stat: 0.9,
    SceneRole.cta: 0.85,
}


def weights(roles: list[SceneRole], capacity: list[int], bullets: list[int]) -> list[float]:
    """Role weight, nudged by how much real content each scene has to say."""
    mean = sum(capacity) / len(capacity) if capacity else 0.0
    out = []
    for role, cap, nb in zip(roles, capacity, bullets):
        w = ROLE_WEIGHTS[role] * (1 + 0.08 * max(0, nb - 3))
        if mean > 0:
            w *= min(1.6, max(0.65, (cap + 6) / (mean + 6)))
        out.append(w)
    return out


def clamp_duration(seconds: float) -> float:
    return max(DURATION_MIN_S, min(DURATION_MAX_S, float(seconds)))


def target_duration(brief: Brief, prompt_seconds: float | None, content_units: float) -> tuple[float, bool]:
    """(seconds, requested). Brief.duration wins, then the prompt, else 30-45 s by content."""
    if brief.duration is not None:
        return clamp_duration(brief.duration), True
    if prompt_seconds is not None:
        return clamp_duration(prompt_seconds), True
    seconds = 30.0 + 3.0 * max(0.0, content_units - 3.0)
    return float(min(45.0, round(seconds / 5.0) * 5.0)), False


def max_scenes(target: float) -> int:
    return max(1, min(MAX_SCENES, int((target + 1e-6) // (MIN_SCENE_S + GAP_S))))


def comfortable_scenes(target: float) -> int:
    low = 2 if target >= 2 * (MIN_SCENE_S + GAP_S) else 1
    return max(low, min(max_scenes(target), round(target / SECONDS_PER_SCENE)))


def allocate(weights: list[float], minimums: list[float], target: float) -> list[float]:
    """Split (target - pauses) by weight; no scene below its minimum (>= MIN_SCENE_S)."""
    n = len(weights)
    available = max(target - GAP_S * n, 0.5 * n)
    mins = [max(MIN_SCENE_S, m) for m in minimums]
    if sum(mins) >= available:
        scale = available / sum(mins)
        return [m * scale for m in mins]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(n) if i not in fixed]
        rest = available - sum(fixed.values())
        wsum = sum(weights[i] for i in free)
        budgets = {i: rest * weights[i] / wsum for i in free}
        low = [i for i in free if budgets[i] < mins[i]]
        if not low:
            break
        for i in low:
            fixed[i] = mins[i]
    out = [fixed.get(i, budgets.get(i, 0.0)) for i in range(n)]
    return out


def word_target(budget: float, words_per_second: float) -> int:
    return max(1, round(budget * words_per_second))


def rebalance(word_counts: list[int], budgets: list[float], target: float, words_per_second: float) -> list[float]:
    """Budgets that match the words actually written, still summing to target - pauses.

    Each scene gets time in proportion to its words, so every scene is read at the
    same pace. If the narration came out far from the target length (a thin prompt
    asking for minutes), the budgets follow the words instead of pretending.
    """
    total_words = sum(word_counts)
    available = sum(budgets)
    if total_words == 0:
        return budgets
    spoken = total_words / words_per_second
    if abs(spoken - available) > 0.1 * available:
        available = spoken
    return [round(available * w / total_words, 3) for w in word_counts]
