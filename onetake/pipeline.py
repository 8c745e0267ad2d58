"""The flow of one video: Brief -> Storyboard -> Cast -> Speech -> Timeline -> Render -> Outputs.

Each stage is a function from typed artifacts to a typed artifact; this
module only sequences them and reports progress.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from onetake.agent.casting import Cast, cast
from onetake.agent.reading import Reading, read
from onetake.agent.remembered import apply_memory, memory_note
from onetake.agent.writer import write
from onetake.agent.storyboard import Storyboard
from onetake.brief.models import Brief, MediaKind
from onetake.errors import InvalidInput, RenderFailed
from onetake.export.files import write_timeline_exports
from onetake.narration import plan_recorded
from onetake.render.encode import settings_for
from onetake.render.gif import SECONDS as GIF_SECONDS, make_gif
from onetake.render.mix import choose_music, music_file_index, narration_file_index
from onetake.render.segments import release_compositor, render_video
from onetake.render.subtitles import to_srt, to_vtt
from onetake.timeline.build import build_timeline
from onetake.timeline.models import Timeline
from onetake.timeline.pauses import fit_speech
from onetake.visuals.assets import attach_visuals, check_files, place_user_media
from onetake.visuals.credits import write_credits
from onetake.visuals.direction import design
from onetake.visuals.media import check_image
from onetake.visuals.styles import get_style
from onetake.voice.catalogue import get_voice
from onetake.voice.models import Utterance
from onetake.voice.pace import speech_clock
from onetake.voice.speech_cache import SpeechCache, speech_key
from onetake.voice.speak import synthesize
from onetake.workers import WorkerPool, report_progress

log = logging.getLogger(__name__)


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
    gif: Path | None = None  # the animated preview, when asked for
    work: Work | None = None  # what was made and what was reused from the cache


@dataclass(frozen=True)
class Work:
    """What a render did: a revision with a cache re-speaks and re-draws only what it changed."""

    lines_spoken: int  # distinct narration lines synthesised
    lines_reused: int  # taken from the speech cache
    pieces_drawn: int  # video pieces drawn and encoded
    pieces_reused: int  # taken from the segment cache
    frames_drawn: dict[int, int]  # scene index -> frames drawn (1: a one-frame tail, see render.segment_cache)

    @property
    def scenes_drawn(self) -> tuple[int, ...]:
        return tuple(sorted(self.frames_drawn))


def speak_scene(text: str, voice_id: str) -> Utterance:
    """Runs in a worker; engines load once per process."""
    release_compositor()  # a long-lived worker (the server's) may still hold the last video's drawing state
    utterance = synthesize(text, voice_id)
    report_progress(1)
    return utterance


def make_video(brief: Brief, out_dir: Path, progress: Progress | None = None, workers: int | None = None, pool: WorkerPool | None = None,
               gif: bool = False, storyboard: Storyboard | None = None, cast: Cast | None = None, cache_dir: Path | None = None) -> Outputs:
    """Make one video. Pass a running `pool` to reuse warm workers (the CLI starts one before its imports).
    `gif` adds an animated preview (0.6 s for 720p landscape, 1.1 s portrait: the CLI makes it only when asked).
    A given `storyboard` is not planned again: it is cast, designed, spoken and rendered as written; with its
    `cast` too (a chat session's reviewed plan) it renders exactly as given. With a `cache_dir`, speech and video pieces
    are kept there by a hash of their inputs, and a revision re-speaks and re-draws only what it changed."""
    if pool is None:
        with WorkerPool(workers) as own_pool:
            return make_video(brief, out_dir, progress, pool=own_pool, gif=gif, storyboard=storyboard, cast=cast, cache_dir=cache_dir)
    with tempfile.TemporaryDirectory(prefix=".onetake-", dir=_made(out_dir)) as tmp:
        work_dir = Path(tmp)
        progress = progress or NoProgress()
        ready = prepare_video(brief, out_dir, work_dir, progress, pool, storyboard, cast, cache_dir)
        timeline = ready.timeline
        drawn = render_video(timeline, ready.video_path, ready.settings, pool, work_dir, (thumbnail_time(timeline), ready.thumbnail), progress.advance,
                             ready.music, cache_dir)
        return finish_video(ready, drawn, progress, gif)


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class Prepared:
    """A video planned, spoken and timed, ready to draw: what the render's segments and the outputs after it need.
    Plain data (pickled by the Celery job backend between the task that plans and the one that joins the segments)."""

    storyboard: Storyboard
    chosen: Cast
    reading: Reading
    timeline: Timeline
    music: object  # MusicBed | None
    notes: tuple[str, ...]
    lines: tuple[int, int]  # (spoken, reused)
    video_dir: Path
    stem: str
    video_path: Path
    settings: object  # CodecSettings

    @property
    def thumbnail(self) -> Path:
        return self.video_dir / f"{self.stem}.jpg"


def prepare_video(brief: Brief, out_dir: Path, work_dir: Path, progress: Progress, pool, storyboard: Storyboard | None = None,
                  cast: Cast | None = None, cache_dir: Path | None = None) -> Prepared:
    """Planning, speech and the timeline (its narration in `work_dir`): everything before the frames are drawn.
    Ends with the Rendering stage started, so the caller's progress counts frames next."""
    out_dir.mkdir(parents=True, exist_ok=True)
    check_files(brief)  # fail on a broken or hostile file now, not after minutes of rendering
    if brief.avatar_image is not None:
        check_image(brief.avatar_image.path)
    progress.start("Planning", 1)
    brief, reading = apply_memory(brief, read(brief))
    recorded = None if storyboard is not None else narration_file_index(brief, reading)
    given = storyboard is not None
    if given and cast is not None:
        chosen = cast
    elif given:
        storyboard, chosen = design_for(storyboard, brief, reading), cast_for(brief, reading, storyboard)
    elif recorded is not None:  # the user's recording is the voice: no text-to-speech
        storyboard, chosen, speech = plan_recorded(brief, recorded, lambda b: plan_and_cast(b, reading))
    else:
        storyboard, chosen = plan_and_cast(brief, reading)
    progress.advance()

    spoken: dict[str, Utterance] = {}
    lines = (0, 0)  # (spoken, reused)
    if recorded is None:
        speech, lines = _speak(storyboard, chosen, pool, progress, spoken, SpeechCache(cache_dir) if cache_dir else None)
    notes = [n for n in [memory_note(brief, reading)] if n] + list(chosen.notes) + _voice_notes(chosen, storyboard.language) + _duration_notes(storyboard, speech) + _unused_file_notes(brief, storyboard, reading)
    if recorded is not None:
        notes.append(f"'{brief.files[recorded].path.name}' is the narration, as recorded (no text-to-speech); captions show the words an offline recogniser heard.")

    progress.start("Timeline", 1)
    timeline = build_timeline(storyboard, chosen, speech, brief, work_dir, cache_dir / "placement.json" if cache_dir else None)
    timeline = attach_visuals(timeline, storyboard, brief)
    music = choose_music(storyboard, brief, reading)
    notes += [music.note] if music else []
    progress.advance()

    stem = _slug(storyboard.title)
    video_dir = out_dir / stem
    video_dir.mkdir(exist_ok=True)
    video_path = video_dir / f"{stem}.{brief.output_format.value}"
    _keep_so_far(video_dir, storyboard, timeline)
    progress.start("Rendering", timeline.frame_count)
    settings = settings_for(brief.output_format, brief.quality, brief.fps)
    return Prepared(storyboard, chosen, reading, timeline, music, tuple(notes), lines, video_dir, stem, video_path, settings)


def finish_video(ready: Prepared, drawn, progress: Progress, gif: bool) -> Outputs:
    """After the video file is joined: the GIF preview, captions, storyboard, timeline and its exports beside it."""
    progress.start("Outputs", 1)
    work = Work(*ready.lines, drawn.pieces_drawn, drawn.pieces_reused, drawn.frames_drawn)
    notes = list(ready.notes)
    gif_path = None
    if gif:
        gif_path, note = _gif_preview(ready.video_path, ready.video_dir / f"{ready.stem}.gif", ready.timeline)
        notes += [note] if note else []
    outputs = _write_outputs(ready.video_dir / ready.stem, ready.video_path, ready.storyboard, ready.timeline, ready.chosen, tuple(notes), gif_path, work)
    (ready.video_dir / "reading.json").write_text(ready.reading.model_dump_json(indent=1), encoding="utf-8")
    write_credits(ready.video_dir, ready.timeline)
    write_timeline_exports(outputs.timeline, ready.video_path, ready.music)  # <stem>.otio, <stem>.xml (FCP7) beside the video
    progress.advance()
    return outputs


def write_storyboard(brief: Brief, reading: Reading, chosen: Cast) -> Storyboard:
    """The writer, timed by the cast voice's clock; or an OpenAI-compatible LLM server when
    ONETAKE_LLM_BASE_URL/_MODEL are set (its scenes validated against the Reading, failures
    replaced by the writer's)."""
    from onetake.agent.llm import config_from_env, write_with_llm

    clock = voice_clock(chosen, reading.language)
    config = config_from_env()
    if config is None:
        return write(reading, brief, clock)
    result = write_with_llm(reading, brief, clock, get_voice(chosen.voice_id).words_per_second, config)
    if result.error:
        log.warning("LLM writer not used: %s", result.error)
    for scene_id, why in result.replaced:
        log.info("LLM scene %s kept the writer's words: %s", scene_id, why)
    return result.storyboard


def voice_clock(chosen: Cast, language: str):
    return speech_clock(get_voice(chosen.voice_id).words_per_second, language)


def plan_and_cast(brief: Brief, reading: Reading | None = None) -> tuple[Storyboard, Cast]:
    """Cast first, then write for the cast voice's own pace: the script is fitted once."""
    _, designed, chosen = plan_parts(brief, reading or read(brief))
    return designed, chosen


def plan_parts(brief: Brief, reading: Reading) -> tuple[Storyboard, Storyboard, Cast]:
    """(the writer's storyboard, the same designed, the cast): what a chat session keeps."""
    chosen = cast_for(brief, reading)
    written = write_storyboard(brief, reading, chosen)
    return written, design_for(written, brief, reading), chosen


def design_for(storyboard: Storyboard, brief: Brief, reading: Reading) -> Storyboard:
    """The written storyboard with the user's media placed, then its look and each scene's layout."""
    return design(place_user_media(storyboard, brief), brief, reading)


def cast_for(brief: Brief, reading: Reading, storyboard: Storyboard | None = None) -> Cast:
    """Cast the brief: its --avatar-image, else the attached photo it asks to present, else stock.

    The Reading's presenter description decides gender and age ("a woman in her fifties" is
    female, senior). An attached photo that cannot be an avatar (no face, too small...) falls
    back to a stock presenter with a note saying why; an explicit --avatar-image fails instead.
    A given `storyboard` (written elsewhere) may name its own language and style.
    """
    presenter = reading.directions.presenter
    words = {"female": "woman", "male": "man"}.get(presenter.gender, "")
    age = "older" if presenter.age == "senior" else "young" if presenter.age == "young" else ""
    written = storyboard.avatar_hint if storyboard is not None else ""  # a storyboard written elsewhere names its host
    hint = " ".join(w for w in (words, age, presenter.role, presenter.description, written) if w)
    variety = f"{reading.source[:reading.prompt_length]}/{brief.seed}"
    language = storyboard.language if storyboard is not None else reading.language
    style_id = brief.style_id or (storyboard.style_id if storyboard is not None else None)
    style_tags = tuple(get_style(style_id).tags) if style_id else ()
    if brief.avatar_image is not None:
        return cast(hint, None, brief.voice_id, variety, avatar_image=brief.avatar_image.path, language=language)
    photo = _presenter_photo(brief, presenter.photo_requested)
    if photo is not None:
        try:
            return cast(hint, None, brief.voice_id, variety, avatar_image=photo.path, language=language, image_field="file")
        except InvalidInput as exc:
            fallback = cast(hint, brief.avatar_id, brief.voice_id, variety, language=language, style_tags=style_tags)
            note = f"'{photo.path.name}' could not be the presenter ({exc.message}); a stock presenter speaks instead."
            return fallback.model_copy(update={"notes": [note] + fallback.notes})
    return cast(hint, brief.avatar_id, brief.voice_id, variety, language=language, style_tags=style_tags)


def _presenter_photo(brief: Brief, requested: bool):
    """The attached image the brief asks to present ("use the provided image as the speaking avatar")."""
    if not requested or brief.avatar_id:
        return None
    return next((f for f in brief.files if f.kind is MediaKind.image), None)


def _speak(storyboard: Storyboard, chosen: Cast, pool: WorkerPool, progress: Progress, spoken: dict[str, Utterance],
           cache: SpeechCache | None = None) -> tuple[list[Utterance], tuple[int, int]]:
    """Synthesise every scene's narration in parallel; lines already spoken (in this call, or in the `cache`) are reused.
    Returns the utterances and (lines synthesised, lines taken from the cache)."""
    missing = list(dict.fromkeys(s.narration for s in storyboard.scenes if s.narration not in spoken))
    reused = 0
    if cache is not None:
        keys = {text: speech_key(text, chosen.voice_id) for text in missing}
        for text in missing:
            utterance = cache.load(keys[text])
            if utterance is not None:
                spoken[text], reused = utterance, reused + 1
        missing = [text for text in missing if text not in spoken]
    missing.sort(key=len, reverse=True)  # longest first: the workers then finish together (LPT scheduling)
    progress.start("Speech", len(storyboard.scenes))
    progress.advance(len(storyboard.scenes) - len(missing))
    for text, utterance in zip(missing, pool.run(speak_scene, [(text, chosen.voice_id) for text in missing], progress.advance)):
        spoken[text] = utterance
        if cache is not None:
            cache.save(keys[text], utterance)
    return [spoken[scene.narration] for scene in storyboard.scenes], (len(missing), reused)


def _voice_notes(chosen: Cast, script_language: str = "en") -> list[str]:
    language = get_voice(chosen.voice_id).language
    if language.lower().startswith(script_language.lower()):
        return []
    return [f"The script is written in '{script_language}' (the prompt's language); voice '{chosen.voice_id}' speaks {language}."]


SPEECH_SHARE_NOTE = 0.6  # below this share of the length spoken, the user is told the brief is thin


def _duration_notes(storyboard: Storyboard, speech: list[Utterance]) -> list[str]:
    if not storyboard.duration_requested:
        return []
    shortfall = fit_speech(speech, storyboard.target_duration, [s.hold for s in storyboard.scenes])[1].shortfall
    if shortfall <= 0:
        spoken = sum(u.duration for u in speech)
        if spoken >= SPEECH_SHARE_NOTE * storyboard.target_duration:
            return []
        return [f"The brief gave about {spoken:.0f} s to say; the rest of the {storyboard.target_duration:.0f} s are its "
                "pictures and cards held under music. Add detail (features, audience, proof points) for more narration."]
    return [
        f"The brief gave material for {storyboard.target_duration - shortfall:.0f} s, not the {storyboard.target_duration:.0f} s asked; "
        "the video is shorter rather than padded with silence. Add detail (features, audience, proof points) for a longer script."
    ]


def _unused_file_notes(brief: Brief, storyboard: Storyboard, reading: Reading | None = None) -> list[str]:
    """Say which attachments this version did not use, rather than dropping them silently."""
    reading = reading or read(brief)
    shown = {index for scene in storyboard.scenes for index in scene.media}
    shown |= {i for i in (music_file_index(brief, reading), narration_file_index(brief, reading)) if i is not None}
    notes = []
    if storyboard.presenter_photo_requested and not brief.images():
        notes.append("The brief asks for a provided image as the presenter, but no image was attached; a stock presenter speaks.")
    first_image = next((i for i, f in enumerate(brief.files) if f.kind is MediaKind.image), None)
    for index, file in enumerate(brief.files):
        if index in shown or file.kind is MediaKind.document:  # documents are read as the script's sources
            continue
        if file.kind is MediaKind.image and index == first_image and storyboard.presenter_photo_requested:
            if not brief.avatar_id and brief.avatar_image is None:
                continue  # it presents (or a note from casting says why it could not)
            reason = "the brief asks for it as the presenter, but another avatar was named"
        elif file.kind is MediaKind.image:
            reason = "there were more images than B-roll scenes"
        elif file.kind is MediaKind.video:
            reason = "no scene was free to show it; a longer video has room for more B-roll"
        elif file.kind is MediaKind.audio:
            reason = "one audio file is used as the music; the others were left out"
        else:
            reason = f"{file.kind.value} files are not used as material yet (images are)"
        notes.append(f"'{file.path.name}' was not used: {reason}.")
    return notes


def _slug(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:60].rstrip("-") or "video"


def thumbnail_time(timeline: Timeline) -> float:
    """Mid-sentence in the first scene that shows the presenter large, else the middle of the video."""
    for clip in timeline.scenes:
        if clip.layout.value.startswith("presenter"):
            return min(clip.end - 0.1, clip.speech_start + 1.2)
    return timeline.duration / 2


def gif_start(timeline: Timeline, seconds: float = GIF_SECONDS) -> float:
    """Where the GIF preview starts: the first word of the first scene showing the presenter large
    (else of the first scene before the end card, the least telling seconds), so it shows what the
    video is: someone speaking, lips moving from the first frame, the caption under them, and in a
    presenter video the thumbnail's moment. Moved back when that scene ends sooner."""
    opening = [clip for clip in timeline.scenes if clip.layout.value != "end_card"] or list(timeline.scenes)
    if not opening:
        return 0.0
    clip = next((c for c in opening if c.layout.value.startswith("presenter")), opening[0])
    return max(clip.start, min(clip.speech_start, clip.end - seconds))


def _gif_preview(video: Path, out: Path, timeline: Timeline) -> tuple[Path | None, str | None]:
    """The preview, or a note saying why there is none: the video itself is done and is not lost over it."""
    try:
        return make_gif(video, out, gif_start(timeline)).path, None
    except RenderFailed as exc:
        return None, f"No GIF preview was made ({exc}); the video itself is complete."


def _keep_so_far(video_dir: Path, storyboard: Storyboard, timeline: Timeline) -> None:
    """The storyboard and the spoken narration, in place before the long render: a job stopped while it draws keeps them."""
    (video_dir / "storyboard.json").write_text(storyboard.model_dump_json(indent=2), encoding="utf-8")
    shutil.copyfile(timeline.narration_wav, video_dir / "narration.wav")


def _write_outputs(stem: Path, video: Path, storyboard: Storyboard, timeline: Timeline, chosen: Cast, notes: tuple[str, ...], gif: Path | None,
                   work: Work | None = None) -> Outputs:
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
    return Outputs(video, srt, vtt, thumb, board, timeline_path, timeline.duration, chosen, notes, gif, work)


def make_video_from_storyboard(storyboard: Storyboard, brief: Brief, out_dir: Path, **options) -> Outputs:
    """Every stage after planning, for a storyboard written elsewhere (a test, a reviewed draft).
    `brief` still gives the size, fps, format, files and explicit avatar/voice choices."""
    return make_video(brief, out_dir, storyboard=storyboard, **options)


__all__ = ["Outputs", "Work", "make_video", "make_video_from_storyboard", "Progress"]
