"""Rule-based script planner: Brief -> Storyboard, offline, in milliseconds.

Modules: cues (facts from the prompt; finders in frame_cues, names, subject, people, claims),
structure (scenes; items, item_parse, finish), palette (colours),
budget (durations and word counts), copywriter (narration; lines from hook_lines, talk_lines,
elaboration_lines, visual_lines, cta_lines and fact_lines, worded by wording + phrases, fitted by line_fit).
"""

from .core import plan

__all__ = ["plan"]
