"""Presenter avatars: stock presenters drawn as flat-illustration busts that lip-sync to phonemes.

    animator = PresenterAnimator("ava", phonemes, words, duration, seed=1, height_px=650)
    animator.draw(canvas, cx, bottom, t)   # once per frame, on a skia canvas

Lower-level pieces: VisemeTrack (phonemes -> viseme weights), MotionTrack (seeded
idle motion -> Pose) and PresenterRig (draws a bust for given weights and pose).
Names are imported lazily so `onetake.avatar.catalogue` stays cheap to import.
"""

from importlib import import_module

_EXPORTS = {
    "PresenterAnimator": "animator",
    "PresenterInfo": "catalogue", "get_presenter": "catalogue", "list_presenters": "catalogue",
    "MotionTrack": "motion", "Pose": "motion",
    "PresenterRig": "rig",
    "VISEMES": "visemes", "VisemeTrack": "visemes", "phoneme_to_viseme": "visemes",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"onetake.avatar.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'onetake.avatar' has no attribute {name!r}")
