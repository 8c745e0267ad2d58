"""PresenterAnimator: one object a renderer asks for "the presenter at time t"."""

from __future__ import annotations

import copy
from collections.abc import Sequence

import skia

from onetake.avatar.catalogue import get_presenter
from onetake.avatar.motion import MotionTrack
from onetake.avatar.rig import PresenterRig
from onetake.avatar.visemes import VisemeTrack
from onetake.voice.models import PhonemeTiming, WordTiming


class PresenterAnimator:
    """Built from plain ids and timings, so each worker process makes its own (nothing is pickled)."""

    def __init__(
        self,
        presenter_id: str,
        phonemes: Sequence[PhonemeTiming],
        words: Sequence[WordTiming],
        duration: float,
        seed: int = 0,
        height_px: int = 650,
    ):
        self.presenter = get_presenter(presenter_id)
        self.visemes = VisemeTrack.from_phonemes(phonemes)
        self.motion = MotionTrack(words, duration, seed=seed, phonemes=phonemes)
        self.rig = PresenterRig(self.presenter, height_px)
        self.duration = duration
        self._timed: dict[int, tuple[object, float, PresenterAnimator]] = {}

    def with_timings(self, track, duration: float) -> PresenterAnimator:
        """This presenter on another track's timings (a scene's own, see render.scenes), sharing the rig and
        its cached layers; built once per track."""
        entry = self._timed.get(id(track))
        if entry is None or entry[0] is not track or entry[1] != duration:
            other = copy.copy(self)
            other.visemes = VisemeTrack.from_phonemes(track.phonemes)
            other.motion = MotionTrack(track.words, duration, seed=track.seed, phonemes=track.phonemes)
            entry = self._timed[id(track)] = (track, duration, other)
        return entry[2]

    def draw(self, canvas: skia.Canvas, cx: float, bottom: float, t: float) -> None:
        self.rig.draw(canvas, cx, bottom, self.visemes.weights_at(t), self.motion.pose_at(t))
