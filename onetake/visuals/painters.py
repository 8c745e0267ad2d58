"""Every layout's painter, in one table: the base layouts plus the B-roll and icon painters."""

from __future__ import annotations

from onetake.agent.storyboard import Layout
from onetake.visuals.broll import IconGrid, MediaBRoll
from onetake.visuals.layouts import PAINTERS as BASE_PAINTERS
from onetake.visuals.layouts import ScenePainter

PAINTERS: dict[Layout, type[ScenePainter]] = {**BASE_PAINTERS, Layout.broll: MediaBRoll, Layout.icon_grid: IconGrid}
