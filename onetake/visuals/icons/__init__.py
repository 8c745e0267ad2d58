"""Tagged icons and emoji: matched to a scene's words offline, drawn in the palette's colours.

    match_icons("turntable", k=4) -> [IconMatch(icon, score), ...]
    draw_icon(icon, 256, palette) -> skia.Image (premultiplied BGRA)
"""

from onetake.visuals.icons.catalogue import SETS, Icon, IconSet, get_icon, icons
from onetake.visuals.icons.draw import draw_icon
from onetake.visuals.icons.match import IconMatch, match_icons

__all__ = ["SETS", "Icon", "IconMatch", "IconSet", "draw_icon", "get_icon", "icons", "match_icons"]
