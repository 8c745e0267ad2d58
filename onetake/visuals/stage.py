"""What every layout shares while drawing one video: size, style, palette, type, presenter, backgrounds, brand kit."""

from __future__ import annotations

from functools import cached_property

import skia

from onetake.avatar.animator import PresenterAnimator
from onetake.avatar.photo.animator import PhotoAnimator
from onetake.draw.colors import mix, relative_luminance
from onetake.errors import InvalidInput
from onetake.timeline.models import PresenterTrack, Timeline
from onetake.visuals import typefaces
from onetake.visuals.background import Background
from onetake.visuals.brand_kits import BrandKit, get_brand_kit
from onetake.visuals.styles import DEFAULT_STYLE, Style, get_style


class Stage:
    def __init__(self, timeline: Timeline):
        self.timeline = timeline
        self.width, self.height = timeline.width, timeline.height
        self.palette = timeline.palette
        self.unit = min(self.width, self.height)
        self.portrait = self.height > self.width
        try:
            self.style: Style = get_style(timeline.style_id)
        except InvalidInput:  # a timeline from an older catalogue still renders
            self.style = get_style(DEFAULT_STYLE)
        self.kit: BrandKit | None = get_brand_kit(timeline.brand_kit_id, timeline.brand_kit_store) if timeline.brand_kit_id else None
        self.font_prefix = self._register_fonts()
        # One size for every large shot: each size costs the avatar ~35 MB of cached layers per process.
        self.bust_height = self.height * (0.62 if self.portrait else 0.88)
        self._animators: dict[int, PresenterAnimator] = {}
        self._photo: PhotoAnimator | None = None

    def _register_fonts(self) -> str:
        pair = self.style.fonts
        prefix = self.style.id
        if self.kit and self.kit.fonts:  # the brand's own faces replace the style's, role by role
            update = {}
            for role, attrs in (("display", ("display_bold", "display_black")), ("body", ("body", "body_medium", "body_semibold", "caption"))):
                path = self.kit.font_path(role)
                if path and path.is_file():
                    for attr in attrs:
                        update[attr] = typefaces.Face(family=str(path))
            if update:
                pair = pair.model_copy(update=update | ({"uppercase_display": False} if "display_bold" in update else {}))
                prefix = f"{self.style.id}+{self.kit.id}"
        self.fonts = pair
        typefaces.register(prefix, pair)
        return prefix

    def role(self, name: str) -> str:
        """A text role in this video's type pairing ("display-bold" -> "neon/display-bold")."""
        return f"{self.font_prefix}/{name}"

    def display(self, text: str) -> str:
        """Headline text as the display face wants it (condensed faces read only in capitals)."""
        return text.upper() if self.fonts.uppercase_display else text

    def radius(self, size: float) -> float:
        return size * self.style.corner

    def pace(self, seconds: float) -> float:
        return seconds * self.style.pacing

    @cached_property
    def logo(self) -> skia.Image | None:
        path = self.kit.logo_path() if self.kit else None
        if path is None or not path.is_file():
            return None
        return skia.Image.MakeFromEncoded(skia.Data.MakeFromFileName(str(path)))

    def presenter(self, canvas: skia.Canvas, cx: float, bottom: float, height: float, t: float, framing: str = "panel",
                  track: PresenterTrack | None = None, duration: float | None = None) -> None:
        """Draw the talking presenter; one rig per size, since rigs cache their layers per size.

        `framing` (avatar.framing: full, panel, pip) tells a photo avatar which rectangle to fill;
        stock busts are placed by (cx, bottom, height) alone. `track` and `duration` (a scene's own
        timings, see SceneStage) drive the motion; the rigs, the costly part, are shared by every track.
        """
        track = track or self.timeline.presenter
        duration = self.timeline.duration if duration is None else duration
        if track.photo is not None:
            if self._photo is None:
                self._photo = PhotoAnimator(track.photo, track.phonemes, track.words, duration, track.seed)
            self._photo.with_timings(track, duration).draw(canvas, cx, bottom, height, t, framing, self.width, self.height)
            return
        size = int(round(height / 8) * 8)  # a few sizes only, so layer caches stay small
        animator = self._animators.get(size)
        if animator is None:
            animator = PresenterAnimator(track.presenter_id, track.phonemes, track.words, duration, track.seed, size)
            self._animators[size] = animator
        animator.with_timings(track, duration).draw(canvas, cx, bottom, t)

    def for_scene(self, timeline: Timeline) -> SceneStage:
        return SceneStage(self, timeline)

    @cached_property
    def studio(self) -> Background:
        """Behind the presenter: a lit set in the palette's colours."""
        p = self.palette
        if relative_luminance(p.background) > 0.5:  # light palettes: an airy set, tinted, never muddy grey
            colors = (mix(p.background, "#FFFFFF", 0.2), mix(p.background, p.primary, 0.22), mix(p.background, p.accent, 0.26))
        else:
            colors = (mix(p.background, "#000000", 0.15), mix(p.background, p.primary, 0.5), mix(p.background, p.accent, 0.3))
        spec = self.style.background.model_copy(update={"spot": max(0.25, self.style.background.spot)})
        if spec.texture == "grid":  # the floor grid fights the presenter's silhouette: keep it for cards
            spec = spec.model_copy(update={"texture": "grain"})
        return Background(self.width, self.height, colors, (p.accent, p.text), 3, spec, p.accent)

    @cached_property
    def field(self) -> Background:
        """Behind cards and type: the palette's colours as a mesh, bolder than the studio."""
        p = self.palette
        colors = (p.background, mix(p.background, p.primary, 0.65), mix(p.background, p.accent, 0.4), mix(p.background, p.surface, 0.8))
        return Background(self.width, self.height, colors, (p.accent, p.primary, p.text), 11, self.style.background, p.primary)


class SceneStage:
    """The shared Stage as one scene's painter sees it: that scene's own timeline (render.scenes: on its own
    clock) and a presenter moving on it, over the shared look, fonts, backgrounds and rigs."""

    def __init__(self, stage: Stage, timeline: Timeline):
        self._stage, self.timeline = stage, timeline
        # Each scene opens on its own moment of the backgrounds' slow drift (a ~70 s cycle), from the scene's seed:
        # a cut shows a new camera position rather than every scene starting the drift from the same one.
        self.drift = (timeline.presenter.seed % 7000) / 100

    def __getattr__(self, name: str):
        return getattr(self._stage, name)

    @cached_property
    def studio(self) -> _Drifted:
        return _Drifted(self._stage.studio, self.drift)

    @cached_property
    def field(self) -> _Drifted:
        return _Drifted(self._stage.field, self.drift)

    def presenter(self, canvas: skia.Canvas, cx: float, bottom: float, height: float, t: float, framing: str = "panel") -> None:
        # The motion track spans the scene (MotionTrack adds a second past it: transitions draw a scene past its end).
        self._stage.presenter(canvas, cx, bottom, height, t, framing, self.timeline.presenter, self.timeline.scenes[0].end)


class _Drifted:
    """A shared background drawn `offset` seconds further along its drift."""

    def __init__(self, background: Background, offset: float):
        self.background, self.offset = background, offset

    def draw(self, canvas: skia.Canvas, t: float) -> None:
        self.background.draw(canvas, t + self.offset)
