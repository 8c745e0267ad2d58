"""Art direction: the storyboard's look (style, brand kit, palette) and each scene's layout.

The planner writes roles and words; this pass picks the layout that shows them
best (a number becomes a big-number stat, a quotation a quote card, a hook
kinetic type) and never puts one layout on two consecutive scenes.
"""

from __future__ import annotations

import re

from onetake.agent.reading import Reading
from onetake.agent.storyboard import Layout, Scene, SceneRole, Storyboard
from onetake.brief.models import Brief
from onetake.text_units import count_words
from onetake.visuals.brand_kits import get_brand_kit, kit_palette
from onetake.visuals.figures import FIGURE, split_figure
from onetake.visuals.styles import get_style, pick_style

KINETIC_MAX_WORDS = 22  # longer hooks read better spoken over a presenter shot
_QUOTED = re.compile(r"[\"“]([^\"”]{12,140})[\"”]")
_FALLBACKS = (Layout.presenter_full, Layout.presenter_panel, Layout.split_screen, Layout.title_card)


def design(storyboard: Storyboard, brief: Brief, reading: Reading | None = None) -> Storyboard:
    """Style (named, else picked from what the brief's Reading says of its tone and subject), brand kit,
    palette and layouts, in one pass.

    Palette precedence: colours named in the brief, then the brand kit's, then the style's."""
    if brief.style_id:
        style = get_style(brief.style_id)
    else:
        style = pick_style(style_words(storyboard, reading), storyboard.palette.background if storyboard.palette_from_brief else None)
    palette = storyboard.palette if storyboard.palette_from_brief else style.palette
    kit_id = brief.brand_kit_id
    if kit_id:
        kit = get_brand_kit(kit_id, brief.brand_kit_store)
        if not storyboard.palette_from_brief:
            palette = kit_palette(kit, palette)
    scenes = assign_layouts(storyboard.scenes, allow_repeats=storyboard.allow_repeats, few_graphics=storyboard.few_graphics)
    return storyboard.model_copy(update={"style_id": style.id, "palette": palette, "brand_kit_id": kit_id, "scenes": scenes})


def style_words(storyboard: Storyboard, reading: Reading | None) -> str:
    """The words a style is chosen by: tone, kind of video, subject (never the prompt's instructions)."""
    words = list(storyboard.tone)
    if reading is not None:
        words += [reading.kind, reading.subject.text if reading.subject else "", reading.description]
    return " ".join(w for w in words if w) or storyboard.title


_DANGLING = {"the", "a", "an", "in", "on", "of", "to", "for", "with", "and", "or", "at", "by", "from", "our", "your", "their"}


def stat_headline(scene: Scene) -> str:
    """'40% fewer missed deadlines' when the scene's words carry a figure worth a big number, else ''."""
    for source in [scene.on_screen_text, *scene.bullets, scene.narration]:
        for match in FIGURE.finditer(source or ""):
            if _is_year_or_time(match.group(1), source):
                continue
            fragment = source
            if source is scene.narration:  # a short fragment from the figure on, not the whole sentence
                fragment = re.split(r"[.;!?]\s|,\s(?:and|but|so)\b", source[match.start():])[0]
                words = fragment.split()[:7]
                while len(words) > 2 and words[-1].lower().strip(",.;:!?") in _DANGLING:
                    words.pop()  # "48 hours with free delivery in the": no title ends on a small word
                fragment = " ".join(words).rstrip(",.;:!?")
            figure, label = split_figure(fragment)
            if figure and label:
                return f"{figure} {label}"
    return ""


def _is_year_or_time(figure: str, source: str) -> bool:
    digits = re.sub(r"\D", "", figure)
    if re.fullmatch(r"(?:19|20)\d\d", figure.strip()):
        return True
    if len(digits) == 1 and not re.search(r"[%x×+]", figure):  # "1 app", "3 steps": a bullet count, not a stat
        return True
    if re.search(re.escape(figure) + r"\s*(?:am|pm|a\.m\.|p\.m\.)", source, re.I):
        return True
    months = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # "Saturday 14 June", "June 14th": a date
    return bool(re.search(rf"\b{re.escape(figure)}(?:st|nd|rd|th)?\s+{months}\b|\b{months}\s+{re.escape(figure)}\b", source, re.I))


def quote_text(scene: Scene) -> str:
    for source in (scene.on_screen_text, scene.narration):
        match = _QUOTED.search(source or "")
        if match:
            return match.group(1).strip()
    return ""


def _candidates(scene: Scene, index: int, few_graphics: bool = False) -> list[tuple[Layout, str]]:
    """Layouts that fit the scene, best first, each with the on-screen text it should show."""
    text = scene.on_screen_text
    if scene.role is SceneRole.cta or scene.layout is Layout.end_card:
        return [(Layout.end_card, text)]
    options: list[tuple[Layout, str]] = []
    if scene.media:
        options += [(Layout.broll, text), (Layout.split_screen, text)]
    quote = quote_text(scene)
    if scene.role is SceneRole.quote or quote:
        options.append((Layout.quote, quote or text or scene.narration))
    stat = stat_headline(scene) if not scene.media else ""
    if stat and (scene.role in (SceneRole.stat, SceneRole.solution, SceneRole.problem, SceneRole.presenter) or scene.layout is Layout.stat):
        options.append((Layout.stat, stat))
    if few_graphics:  # the brief wants the presenter, not motion graphics: keep the planner's shots
        return [(scene.layout, text)] + [(layout, text) for layout in _FALLBACKS]
    if scene.role is SceneRole.hook and index == 0 and count_words(scene.narration) <= KINETIC_MAX_WORDS:
        options.insert(0, (Layout.kinetic, text))
    options.append((scene.layout, text))
    if scene.bullets:
        options += [(Layout.bullets, text), (Layout.presenter_panel, text), (Layout.split_screen, text)]
    if (scene.layout is Layout.broll or scene.role in (SceneRole.broll, SceneRole.montage)) and not scene.media:
        # Nothing to show yet: a designed card or the presenter beside the headline, not a blank.
        options += [(Layout.split_screen, text), (Layout.title_card, text)]
    options += [(layout, text) for layout in _FALLBACKS]
    return options


def assign_layouts(scenes: list[Scene], allow_repeats: bool = False, few_graphics: bool = False) -> list[Scene]:
    out: list[Scene] = []
    previous: Layout | None = None
    for index, scene in enumerate(scenes):
        options = _candidates(scene, index, few_graphics)
        fitting = options[: len(options) - len(_FALLBACKS)]  # the rest are generic fallbacks
        if index < len(scenes) - 1:  # the end card closes the video, and only there
            options = [o for o in options if o[0] is not Layout.end_card] or options
            fitting = [o for o in fitting if o[0] is not Layout.end_card]
        if not allow_repeats:
            options = [o for o in options if o[0] is not previous] or options
            # Variety: a layout seen in the last two scenes gives way to another that fits the
            # scene (never to a generic fallback: a picture stays a picture).
            recent = {s.layout for s in out[-2:]}
            fresh = [o for o in fitting if o[0] not in recent]
            if fresh:
                options = fresh
        layout, text = options[0]
        out.append(scene.model_copy(update={"layout": layout, "on_screen_text": text}))
        previous = layout
    return out
