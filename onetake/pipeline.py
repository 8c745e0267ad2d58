"""The flow of one video: Brief -> Storyboard -> Cast -> Speech -> Timeline -> Render -> Outputs.

Each stage is a function from typed artifacts to a typed artifact; this
module only sequences them and reports progress.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from onetake.agent.casting import Cast, cast
from onetake.agent.planner import plan
from onetake.agent.storyboard import Storyboard
from onetake.brief.models import Brief, MediaKind
from onetake.render.encode import settings_for
from onetake.render.segments import render_video
from onetake.render.subtitles import to_srt, to_vtt
from onetake.timeline.build import build_timeline
from onetake.timeline.models import Timeline
from onetake.timeline.pauses import fit_speech
from onetake.visuals.media import check_image
from onetake.visuals.direction import design
from onetake.voice.catalogue import get_voice
from onetake.voice.models import Utterance
from onetake.voice.speak import synthesize
from onetake.workers import WorkerPool, report_progress

NOMINAL_WPS = 2.5  # only for a first plan; the chosen voice's measured rate replaces it


class Progress(Protocol):
    def start(self, stage: str, total: int) -> None: ...
    def advance(self, amount: int = 1) -> None: ...


class NoProgress:
    def start(self, stage: str, total: int) -> None:
        pass

    def advance(self, amount: int = 1) -> None:
        pass


@dataclass(frozen=True)
class Outputs:
    video: Path
    captions_srt: Path
    captions_vtt: Path
    thumbnail: Path
    storyboard: Path
    timeline: Path
    duration: float
    cast: Cast
    notes: tuple[str, ...] = ()  # what the user should know: casting choices, a missed target and why


def speak_scene(text: str, voice_id: str) -> Utterance:
    """Runs in a worker; engines load once per process."""
    utterance = synthesize(text, voice_id)
    report_progress(1)
    return utterance


def make_video(brief: Brief, out_dir: Path, progress: Progress | None = None, workers: int | None = None, pool: WorkerPool | None = None) -> Outputs:
    """Make one video. Pass a running `pool` to reuse warm workers (the CLI starts one before its imports)."""
    if pool is None:
        with WorkerPool(workers) as own_pool:
            return make_video(brief, out_dir, progress, pool=own_pool)
    progress = progress or NoProgress()
    out_dir.mkdir(parents=True, exist_ok=True)
    for file in brief.files:  # fail on a hostile image now, not after minutes of rendering
        if file.kind is MediaKind.image:
            check_image(file.path)
    with tempfile.TemporaryDirectory(prefix=".onetake-", dir=out_dir) as tmp:
        work_dir = Path(tmp)
        progress.start("Planning", 1)
        storyboard, chosen = plan_and_cast(brief)
        progress.advance()

        spoken: dict[str, Utterance] = {}
        speech = _speak(storyboard, chosen, pool, progress, spoken)
        if not _fits_target(storyboard, speech):
            # Write once more at the rate this voice really spoke this script.
            storyboard = design(plan(brief, _measured_wps(storyboard, speech)), brief)
            speech = _speak(storyboard, chosen, pool, progress, spoken)
        notes = list(chosen.notes) + _voice_notes(chosen) + _duration_notes(storyboard, speech) + _unused_file_notes(brief, storyboard)

        progress.start("Timeline", 1)
        timeline = build_timeline(storyboard, chosen, speech, brief, work_dir)
        progress.advance()

        stem = _slug(storyboard.title)
        video_dir = out_dir / stem
        video_dir.mkdir(exist_ok=True)
        video_path = video_dir / f"{stem}.{brief.output_format.value}"
        progress.start("Rendering", timeline.frame_count)
        settings = settings_for(brief.output_format, brief.quality, brief.fps)
        render_video(timeline, video_path, settings, pool, work_dir, (thumbnail_time(timeline), video_dir / f"{stem}.jpg"), progress.advance)

        progress.start("Outputs", 1)
        outputs = _write_outputs(video_dir / stem, video_path, storyboard, timeline, chosen, tuple(notes))
        progress.advance()
        return outputs


def plan_and_cast(brief: Brief) -> tuple[Storyboard, Cast]:
    """The storyboard written for the cast voice's measured pace, and the cast."""
    storyboard = plan(brief, NOMINAL_WPS)
    chosen = cast(storyboard.avatar_hint or brief.prompt, brief.avatar_id, brief.voice_id, variety=f"{brief.prompt}/{brief.seed}")
    voice_wps = get_voice(chosen.voice_id).words_per_second
    if abs(voice_wps - NOMINAL_WPS) / NOMINAL_WPS > 0.02:
        storyboard = plan(brief, voice_wps)
    return design(storyboard, brief), chosen


def _speak(storyboard: Storyboard, chosen: Cast, pool: WorkerPool, progress: Progress, spoken: dict[str, Utterance]) -> list[Utterance]:
    """Synthesise every scene's narration in parallel; lines already spoken are reused."""
    missing = list(dict.fromkeys(s.narration for s in storyboard.scenes if s.narration not in spoken))
    progress.start("Speech", len(storyboard.scenes))
    progress.advance(len(storyboard.scenes) - len(missing))
    for text, utterance in zip(missing, pool.run(speak_scene, [(text, chosen.voice_id) for text in missing], progress.advance)):
        spoken[text] = utterance
    return [spoken[scene.narration] for scene in storyboard.scenes]


def _fits_target(storyboard: Storyboard, speech: list[Utterance]) -> bool:
    if not storyboard.duration_requested:
        return True
    return fit_speech(speech, storyboard.target_duration)[1].natural


def _voice_notes(chosen: Cast) -> list[str]:
    language = get_voice(chosen.voice_id).language
    if language.lower().startswith("en"):
        return []
    return [f"The script is written in English (other languages come with the planner's next version); voice '{chosen.voice_id}' speaks {language}."]


def _duration_notes(storyboard: Storyboard, speech: list[Utterance]) -> list[str]:
    if not storyboard.duration_requested:
        return []
    shortfall = fit_speech(speech, storyboard.target_duration)[1].shortfall
    if shortfall <= 0:
        return []
    return [
        f"The brief gave material for {storyboard.target_duration - shortfall:.0f} s, not the {storyboard.target_duration:.0f} s asked; "
        "the video is shorter rather than padded with silence. Add detail (features, audience, proof points) for a longer script."
    ]


def _unused_file_notes(brief: Brief, storyboard: Storyboard) -> list[str]:
    """Say which attachments this version did not use, rather than dropping them silently."""
    shown = {index for scene in storyboard.scenes for index in scene.media}
    notes = []
    if storyboard.presenter_photo_requested and not brief.images():
        notes.append("The brief asks for a provided image as the presenter, but no image was attached; a stock presenter speaks.")
    first_image = next((i for i, f in enumerate(brief.files) if f.kind is MediaKind.image), None)
    for index, file in enumerate(brief.files):
        if index in shown:
            continue
        if file.kind is MediaKind.image and index == first_image and storyboard.presenter_photo_requested:
            reason = "the brief asks for it as the presenter, and photo avatars are not available yet"
        elif file.kind is MediaKind.image:
            reason = "there were more images than B-roll scenes"
        else:
            reason = f"{file.kind.value} files are not used as material yet (images are)"
        notes.append(f"'{file.path.name}' was not used: {reason}.")
    return notes


def _measured_wps(storyboard: Storyboard, speech: list[Utterance]) -> float:
    words = sum(len(scene.narration.split()) for scene in storyboard.scenes)
    seconds = sum(u.duration for u in speech)
    return words / seconds if seconds > 0 else NOMINAL_WPS


def _slug(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:60].rstrip("-") or "video"


def thumbnail_time(timeline: Timeline) -> float:
    """Mid-sentence in the first scene that shows the presenter large, else the middle of the video."""
    for clip in timeline.scenes:
        if clip.layout.value.startswith("presenter"):
            return min(clip.end - 0.1, clip.speech_start + 1.2)
    return timeline.duration / 2


def _write_outputs(stem: Path, video: Path, storyboard: Storyboard, timeline: Timeline, chosen: Cast, notes: tuple[str, ...]) -> Outputs:
    srt, vtt = stem.with_suffix(".srt"), stem.with_suffix(".vtt")
    srt.write_text(to_srt(timeline.captions), encoding="utf-8")
    vtt.write_text(to_vtt(timeline.captions), encoding="utf-8")
    thumb = stem.with_suffix(".jpg")  # written by the render worker that drew that frame
    board = stem.parent / "storyboard.json"
    board.write_text(storyboard.model_dump_json(indent=2), encoding="utf-8")
    narration = stem.parent / "narration.wav"  # kept so a revision can re-render without speaking again
    shutil.move(timeline.narration_wav, narration)
    timeline_path = stem.parent / "timeline.json"
    timeline_path.write_text(timeline.model_copy(update={"narration_wav": Path(narration.name)}).model_dump_json(indent=1), encoding="utf-8")
    return Outputs(video, srt, vtt, thumb, board, timeline_path, timeline.duration, chosen, notes)


__all__ = ["Outputs", "make_video", "Progress"]
