"""The end card: the brand (its logo when a kit has one), the call to action, and a button with the URL."""

from __future__ import annotations

import math
import re

import skia

from onetake.draw import text
from onetake.draw.colors import mix, readable_on, skcolor
from onetake.draw.easing import ease_out_back, window
from onetake.text_units import display_width, has_cjk, join_units, units
from onetake.visuals import components
from onetake.visuals.layouts.base import ScenePainter


class EndCard(ScenePainter):
    """Brand (or title), the call to action, and a button: a URL when the CTA has one, else its action."""

    @property
    def presenter_spot(self):
        return "centre" if self.stage.portrait else "right"

    def draw(self, canvas, t):
        self.stage.field.draw(canvas, t)
        if self.stage.portrait:
            self.stage.presenter(canvas, self.w * 0.5, self.h * 1.02, self.stage.bust_height, t)
            left, width, area_top, area_bottom = self.w * 0.08, self.w * 0.84, self.h * 0.06, self.h * 0.4
        else:
            self.stage.presenter(canvas, self.w * 0.76, self.h * 1.02, self.stage.bust_height, t)
            left, width, area_top, area_bottom = self.w * 0.07, self.w * 0.5, self.h * 0.08, self.h * 0.74
        timeline = self.stage.timeline
        label = cta_label(timeline.cta, self.clip.headline)
        headline = self.clip.headline or timeline.cta or ""
        if headline.lower().strip(" .!") == label.lower():
            headline = ""
        # The brand leads when there is one; otherwise the call to action does (never a placeholder title).
        lead = timeline.brand or headline or timeline.title
        if not timeline.brand:
            headline = ""
        logo = self.stage.logo
        logo_h = self.unit * 0.14 if logo is not None else 0.0
        name = self.fit(self.stage.display(lead), self.role("display-black"), self.unit * 0.11, self.unit * 0.055, width, self.h * 0.26)
        sub = self.fit(self.stage.display(headline), self.role("display-bold"), self.unit * 0.06, self.unit * 0.035, width, self.h * 0.2) if headline else None
        button = self.unit * 0.045
        gap = self.unit * 0.045
        total = (logo_h + gap if logo is not None else 0) + name.height + (gap + sub.height if sub else 0) + gap * 1.3 + button * 2
        y = area_top + max(0.0, (area_bottom - area_top - total) / 2)
        ink = self.ink()
        if logo is not None:
            enter = self.enter(t, 0.0, 0.6)
            logo_w = min(width, logo_h * logo.width() / logo.height())
            canvas.drawImageRect(logo, skia.Rect.MakeXYWH(left, y + (1 - enter) * 24, logo_w, logo_w * logo.height() / logo.width()),
                                 skia.SamplingOptions(skia.CubicResampler.Mitchell()), skia.Paint(AntiAlias=True, Color=skcolor("#FFFFFF", enter)))
            y += logo_h + gap
        enter = self.enter(t, 0.1, 0.6)
        name.draw(canvas, left, y + (1 - enter) * 24, skia.Paint(AntiAlias=True, Color=skcolor(ink, enter)))
        y += name.height + gap
        if sub:
            enter = self.enter(t, 0.35, 0.6)
            sub.draw(canvas, left, y + (1 - enter) * 24, skia.Paint(AntiAlias=True, Color=skcolor(mix(ink, self.palette.accent, 0.3), enter)))
            y += sub.height + gap * 1.3
        pop = ease_out_back(window(t, self.clip.start + 0.7, 0.5))
        if pop > 0.01:
            pulse = 1 + 0.02 * math.sin(max(0.0, t - self.clip.start - 1.2) * 4.0)
            canvas.save()
            canvas.translate(left, y)
            canvas.scale(pop * pulse, pop * pulse)
            components.pill(self.stage, canvas, label, 0.0, button, button, self.palette.accent, readable_on(self.palette.accent, "#0B0F19"), width, anchor="left")
            canvas.restore()


_URL = re.compile(r"\b((?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?)", re.I)
_ACTION_END = re.compile(r"\s+(?:to|and|for|with|so|at|by|today|now)\b|[,.;:!]", re.I)


def cta_label(cta: str | None, headline: str = "") -> str:
    """The button's words: a URL in the CTA, else its leading action ("Book a private styling appointment")."""
    source = cta or headline or "Learn more"
    match = _URL.search(source)
    if match:
        return match.group(1).rstrip(".,").removeprefix("https://").removeprefix("http://").removeprefix("www.")
    if has_cjk(source):  # no spaces to count words by: up to the first pause, at most 12 characters
        action = re.split(r"[，。！？；：、,.;:!?]", source.strip())[0].strip() or source.strip()
        return action if display_width(action) <= 24 else join_units(units(action)[:12])
    words = source.strip().split()
    # Cut at the first connective after the verb phrase ("Get in touch | to see..."),
    # but keep at least two words ("Come and see it", not "Come").
    action = " ".join(words[:2]) + " " + _ACTION_END.split(" ".join(words[2:]), maxsplit=1)[0] if len(words) > 2 else " ".join(words)
    action = action.strip(" ,.;:!")
    if len(action.split()) > 5:
        action = " ".join(action.split()[:5])
    return action[:1].upper() + action[1:] if action else "Learn more"
