"""Sample timelines that show a style with every layout: for style previews, tests and design checks."""

from __future__ import annotations

from pathlib import Path

from onetake.agent.storyboard import Layout, LowerThird, SceneRole
from onetake.avatar.catalogue import list_presenters
from onetake.timeline.models import CaptionCue, PresenterTrack, SceneClip, Timeline
from onetake.visuals.styles import get_style
from onetake.voice.models import WordTiming

SCENE_S = 2.4
_SAMPLE = {
    Layout.kinetic: ("hook", "Meet the studio that moves with you", []),
    Layout.title_card: ("presenter", "Designed for the way you work", []),
    Layout.presenter_full: ("presenter", "", []),
    Layout.presenter_panel: ("presenter", "Three reasons to switch", ["Plans in minutes", "Shared with your team"]),
    Layout.bullets: ("bullets", "What you get", ["Morning flow classes", "A cedar sauna", "Prenatal care"]),
    Layout.stat: ("stat", "87% of members come back weekly", []),
    Layout.quote: ("quote", "The calmest hour of my whole week", []),
    Layout.split_screen: ("solution", "Everything in one place", ["Book in two taps", "Reminders that help"]),
    Layout.broll: ("broll", "Made by hand, daily", []),
    Layout.end_card: ("cta", "Book your first class", []),
}


def sample_timeline(style_id: str, width: int = 640, height: int = 360, layouts: list[Layout] | None = None,
                    brand_kit_id: str | None = None, media: Path | None = None, fps: int = 25) -> Timeline:
    """A silent timeline of one short scene per layout, in the style's own palette."""
    style = get_style(style_id)
    layouts = layouts or list(_SAMPLE)
    clips, words = [], []
    for index, layout in enumerate(layouts):
        role, headline, bullets = _SAMPLE.get(layout, ("presenter", "A scene", []))
        start, end = index * SCENE_S, (index + 1) * SCENE_S
        spoken = (headline or "Here is how it works").split()
        for i, word in enumerate(spoken):  # a word every 0.22 s: captions and kinetic type have a clock
            words.append(WordTiming(text=word, start=start + 0.2 + i * 0.22, end=start + 0.2 + i * 0.22 + 0.2))
        clips.append(SceneClip(
            scene_id=f"s{index}", role=SceneRole(role), layout=layout, start=start, end=end, speech_start=start + 0.2, speech_end=end - 0.2,
            headline=headline, bullets=bullets, bullet_times=[start + 0.5 + 0.4 * i for i in range(len(bullets))],
            lower_third=LowerThird(name="Maya Chen", title="Head of Studio") if layout is Layout.presenter_full else None,
            media=[media] if media and layout in (Layout.broll, Layout.split_screen) else [],
            transition_in=0.4 if index else 0.0,
        ))
    duration = len(layouts) * SCENE_S
    cues = [CaptionCue(start=w.start, end=w.end + 0.15, words=[w]) for w in words[:: max(1, len(words) // 12)]]
    return Timeline(
        width=width, height=height, fps=fps, frame_count=round(duration * fps), title="Bloom Studio", brand="Bloom", cta="Visit bloom.studio",
        palette=style.palette, style_id=style.id, brand_kit_id=brand_kit_id, scenes=clips, captions=cues,
        presenter=PresenterTrack(presenter_id=list_presenters()[0].id, phonemes=[], words=words), narration_wav=Path("silent.wav"),
    )
