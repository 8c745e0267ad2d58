"""One painter per scene layout. A painter draws its scene at any time t (seekable, pure)."""

from __future__ import annotations

from onetake.agent.storyboard import Layout
from onetake.visuals.layouts.base import ScenePainter
from onetake.visuals.figures import split_figure
from onetake.visuals.layouts.cards import Bullets, Kinetic, Quote, Stat, TitleCard
from onetake.visuals.layouts.end import EndCard, cta_label
from onetake.visuals.layouts.broll import IconGrid, MediaBRoll
from onetake.visuals.layouts.presenter import PresenterFull, PresenterPanel, SplitScreen

PAINTERS: dict[Layout, type[ScenePainter]] = {
    Layout.presenter_full: PresenterFull,
    Layout.presenter_panel: PresenterPanel,
    Layout.title_card: TitleCard,
    Layout.bullets: Bullets,
    Layout.broll: MediaBRoll,  # the user's pictures, clips and PDF pages
    Layout.end_card: EndCard,
    Layout.stat: Stat,
    Layout.quote: Quote,
    Layout.split_screen: SplitScreen,
    Layout.kinetic: Kinetic,
    Layout.icon_grid: IconGrid,
}


def painter_for(layout: Layout) -> type[ScenePainter]:
    """The painter of a layout; layouts other areas add later draw as a title card until they get theirs."""
    return PAINTERS.get(layout, TitleCard)


__all__ = ["PAINTERS", "ScenePainter", "cta_label", "painter_for", "split_figure"]
