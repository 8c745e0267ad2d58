"""The storyboard a brief gets, as the pipeline writes it: read once, cast, written for the cast voice."""

from __future__ import annotations

from onetake.agent.reading import read
from onetake.agent.storyboard import Storyboard
from onetake.brief.models import Brief
from onetake.pipeline import cast_for, write_storyboard


def plan(brief: Brief) -> Storyboard:
    reading = read(brief)
    return write_storyboard(brief, reading, cast_for(brief, reading))
