"""synthesize(text, voice_id): the one entry point the rest of onetake calls."""

from __future__ import annotations

import threading
from functools import cache

from onetake.voice.catalogue import engine_voice, get_voice
from onetake.voice.engines.base import TTSEngine
from onetake.voice.models import Utterance

_LOAD_LOCK = threading.Lock()


@cache
def _engine(engine: str, model: str) -> TTSEngine:
    """Load an engine's model once per process (worker processes each load their own).

    Imports are local so that a worker using one engine never pays for the others.
    """
    if engine == "piper":
        from onetake.voice.engines.piper import PiperEngine

        return PiperEngine(model)
    if engine == "hibari":
        from onetake.voice.engines.hibari import HibariEngine

        return HibariEngine(model)
    if engine == "espeak":
        from onetake.voice.engines.espeak import EspeakEngine

        return EspeakEngine()
    raise ValueError(f"unknown engine {engine!r}")


def engine_for(voice_id: str) -> TTSEngine:
    voice = get_voice(voice_id)
    # eSpeak serves every language from one library instance; neural engines load one model per voice.
    model = "" if voice.engine == "espeak" else engine_voice(voice_id)
    with _LOAD_LOCK:  # two threads must not load the same 60 MB model twice
        return _engine(voice.engine, model)


def synthesize(text: str, voice_id: str) -> Utterance:
    """Speak `text` with a catalogue voice; raises KeyError for an unknown voice id."""
    return engine_for(voice_id).synthesize(text, get_voice(voice_id))


def release_engines() -> None:
    """Drop loaded models (a neural voice holds 150-250 MB), e.g. before a worker turns to rendering."""
    import gc

    with _LOAD_LOCK:
        _engine.cache_clear()
    gc.collect()
