"""Storyboard + cast + speech -> Timeline (and the narration track it points to)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from onetake.agent.casting import Cast
from onetake.agent.storyboard import Layout, LowerThird, Storyboard
from onetake.brief.models import Brief
from onetake.audio import change_tempo, normalize_loudness, write_wav
from onetake.timeline.captions import cue_words
from onetake.timeline.cues import bullet_entrances
from onetake.timeline.models import CaptionCue, PresenterTrack, SceneClip, Timeline
from onetake.timeline.memo import PlacedScene, PlacementMemo, scene_key
from onetake.timeline.pauses import fit_speech
from onetake.timeline.placement import Placement
from onetake.voice.models import PhonemeTiming, Utterance, WordTiming

CROSSFADE_S = 0.4
# Layouts where the presenter fills much of the frame: between two of them a
# cross-fade would show two ghosted presenters, so editors cut instead.
_PRESENTER_SHOTS = {Layout.presenter_full, Layout.presenter_panel, Layout.end_card}


def _transition(before: Layout, after: Layout) -> float:
    return 0.0 if before in _PRESENTER_SHOTS and after in _PRESENTER_SHOTS else CROSSFADE_S


def build_timeline(storyboard: Storyboard, cast: Cast, speech: list[Utterance], brief: Brief, work_dir: Path,
                   memo_path: Path | None = None) -> Timeline:
    """`memo_path`: where the last render of this plan recorded its placement (a revision keeps the scenes it did
    not change where they were, timeline/memo.py); rewritten with this one's."""
    if len(speech) != len(storyboard.scenes):
        raise ValueError("one utterance per scene is required")
    presenter_name = cast.presenter_name
    target = storyboard.target_duration if storyboard.duration_requested else None
    keys = [scene_key(s.narration, cast.voice_id) for s in storyboard.scenes]
    spoken = [u.duration for u in speech]
    previous = PlacementMemo.load(memo_path)
    kept = previous.kept(keys, spoken, target) if previous is not None else None
    speech, placement, extras = fit_speech(speech, target, [s.hold for s in storyboard.scenes], kept)
    if memo_path is not None and target is not None:
        PlacementMemo(target=target, scenes=[PlacedScene(key=k, spoken=d, lead=p.speech_start - p.start, tail=p.end - p.speech_end, extra_pause=e)
                                             for k, d, p, e in zip(keys, spoken, placement.scenes, extras)]).save(memo_path)
    frame_count = max(1, round(placement.duration * brief.fps))
    duration = frame_count / brief.fps

    clips: list[SceneClip] = []
    cues: list[CaptionCue] = []
    words: list[WordTiming] = []
    phonemes: list[PhonemeTiming] = []
    for index, (scene, spot, utterance) in enumerate(zip(storyboard.scenes, placement.scenes, speech)):
        scene_words = [_shift(w, spot.speech_start, placement.speech_rate, duration) for w in utterance.words]
        cues += cue_words(scene_words)  # per scene: a caption never straddles a cut
        words += scene_words
        phonemes += [_shift(p, spot.speech_start, placement.speech_rate, duration) for p in utterance.phonemes]
        is_last = index == len(storyboard.scenes) - 1
        clips.append(
            SceneClip(
                scene_id=scene.id,
                role=scene.role,
                layout=scene.layout,
                start=spot.start,
                end=duration if is_last else spot.end,
                speech_start=spot.speech_start,
                speech_end=min(spot.speech_end, duration),
                headline=scene.on_screen_text,
                bullets=scene.bullets,
                bullet_times=bullet_entrances(scene.bullets, scene_words, spot.speech_start, spot.speech_end),
                lower_third=_credited(scene.lower_third, presenter_name),
                media=[brief.files[i].path for i in scene.media if i < len(brief.files)],
                transition_in=_transition(storyboard.scenes[index - 1].layout, scene.layout) if index else 0.0,
            )
        )

    # A cue's hold ends where the next scene's first cue starts: .srt players show overlapping cues at once.
    cues = [c.model_copy(update={"end": max(c.start, min(c.end, n.start))}) for c, n in zip(cues, cues[1:])] + cues[-1:]
    narration_path = work_dir / "narration.wav"
    sample_rate = speech[0].sample_rate
    write_wav(narration_path, sample_rate, normalize_loudness(narration_track(speech, placement, duration), sample_rate))
    return Timeline(
        width=storyboard.width,
        height=storyboard.height,
        fps=brief.fps,
        frame_count=frame_count,
        title=storyboard.title,
        brand=storyboard.brand,
        cta=storyboard.cta,
        palette=storyboard.palette,
        style_id=storyboard.style_id,
        brand_kit_id=storyboard.brand_kit_id,
        brand_kit_store=brief.brand_kit_store,
        scenes=clips,
        captions=cues,
        presenter=PresenterTrack(presenter_id=cast.presenter_id, phonemes=phonemes, words=words, seed=brief.seed, photo=cast.photo),
        narration_wav=narration_path,
    )


def narration_track(speech: list[Utterance], placement: Placement, duration: float) -> np.ndarray:
    """Every scene's utterance at its place on the clock, in one buffer exactly `duration` long."""
    sample_rate = speech[0].sample_rate
    if any(u.sample_rate != sample_rate for u in speech):
        raise ValueError("all scenes must be spoken by one voice")
    track = np.zeros(round(duration * sample_rate), dtype=np.float32)
    for spot, utterance in zip(placement.scenes, speech):
        samples = change_tempo(utterance.samples, sample_rate, placement.speech_rate)
        offset = round(spot.speech_start * sample_rate)
        room = max(0, min(len(samples), len(track) - offset))
        track[offset : offset + room] += samples[:room]
    return track


def _credited(tag: LowerThird | None, presenter_name: str) -> LowerThird | None:
    if tag is None or tag.name:
        return tag
    if not presenter_name:  # a photo avatar nobody named: the title alone, or no tag at all
        return LowerThird(name=tag.title) if tag.title else None
    return LowerThird(name=presenter_name, title=tag.title)


def _shift(timing, start: float, rate: float, limit: float):
    return timing.model_copy(update={"start": min(limit, start + timing.start / rate), "end": min(limit, start + timing.end / rate)})
