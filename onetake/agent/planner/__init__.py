"""Rule-based script planner: Brief -> Storyboard, offline, in milliseconds.

Modules: cues (facts from the prompt), structure (scenes), palette (colours),
budget (durations and word counts), copywriter + phrases (narration).
"""

from .core import plan

__all__ = ["plan"]
