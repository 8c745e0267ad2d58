"""Rule-based script planner: Brief -> Storyboard, offline, in milliseconds.

Modules: cues (facts from the prompt; finders in frame_cues, names, subject, people, claims),
structure (scenes; items, item_parse, finish), palette (colours),
budget (durations and word counts), copywriter + phrases (narration).
"""

from .core import plan

__all__ = ["plan"]
