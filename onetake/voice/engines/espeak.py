"""eSpeak NG through ctypes: ~100 languages, robotic but light, from the espeakng-loader wheel.

eSpeak reports WORD events (character position in the input) and PHONEME events
(IPA, sample position) while it synthesises, so timings come straight from the
engine: no alignment step. The library keeps global state, hence one lock.
"""

from __future__ import annotations

import bisect
import ctypes
import re
import threading

import espeakng_loader
import numpy as np

from onetake.voice import assemble as asm
from onetake.voice.catalogue import engine_voice
from onetake.voice.models import Utterance, VoiceInfo
from onetake.voice.segments import Piece, Segment
from onetake.voice.text import split_words, spoken_text

# speak_lib.h constants
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INIT_PHONEME_EVENTS = 0x0001
_INIT_PHONEME_IPA = 0x0002
_INIT_DONT_EXIT = 0x8000
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_EVENT_LIST_TERMINATED, _EVENT_WORD, _EVENT_PHONEME = 0, 1, 7
_LANG_SWITCH = re.compile(r"^\(.*\)$")  # "(en)": a language switch marker, not a sound
# Characters eSpeak passes over in silence (it does read "&", "%", "@" and emoji aloud).
_UNSPOKEN = frozenset("-–—―•·*«»‹›\"'“”‘’„()[]{}.,;:!?¡¿…/\\|")


class _EventId(ctypes.Union):
    _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8)]


class _Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", _EventId),
    ]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))
_LOCK = threading.Lock()


class EspeakEngine:
    name = "espeak"

    def __init__(self) -> None:
        self._lib = ctypes.CDLL(espeakng_loader.get_library_path())
        self._lib.espeak_Initialize.restype = ctypes.c_int
        options = _INIT_PHONEME_EVENTS | _INIT_PHONEME_IPA | _INIT_DONT_EXIT
        rate = self._lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, espeakng_loader.get_data_path().encode(), options)
        if rate <= 0:
            raise RuntimeError("eSpeak NG failed to initialise from the espeakng-loader wheel")
        self.sample_rate = rate
        self._audio: list[np.ndarray] = []
        self._events: list[tuple[int, int, str]] = []  # (type, text position or sample, phoneme)
        self._callback = _CALLBACK(self._on_synth)  # kept referenced: eSpeak calls it later
        self._lib.espeak_SetSynthCallback(self._callback)

    def _on_synth(self, wav: ctypes._Pointer, n: int, events: ctypes._Pointer) -> int:
        if n > 0:
            self._audio.append(np.ctypeslib.as_array(wav, (n,)).astype(np.float32) / 32768.0)
        i = 0
        while events[i].type != _EVENT_LIST_TERMINATED:
            e = events[i]
            if e.type == _EVENT_WORD:
                self._events.append((_EVENT_WORD, e.text_position, ""))
            elif e.type == _EVENT_PHONEME:
                self._events.append((_EVENT_PHONEME, e.sample, e.id.string.decode("utf-8", "ignore")))
            i += 1
        return 0

    def synthesize(self, text: str, voice: VoiceInfo) -> Utterance:
        words = split_words(text)
        spoken, spans = spoken_text(words)
        with _LOCK:
            self._audio, self._events = [], []
            if self._lib.espeak_SetVoiceByName(engine_voice(voice.id).encode()) != 0:
                raise RuntimeError(f"eSpeak NG has no voice {engine_voice(voice.id)!r}")
            data = spoken.encode("utf-8")
            if data:
                self._lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
            audio, events = self._audio, self._events
        samples = np.concatenate(audio) if audio else np.zeros(0, np.float32)
        speakable = [not set(w.text) <= _UNSPOKEN for w in words]
        piece = Piece(samples, _segments(events, spans, speakable, len(samples), self.sample_rate))
        return asm.assemble([piece], [w.text for w in words], self.sample_rate)


def _word_at(pos: int, starts: list[int], speakable: list[bool]) -> int:
    """The word a WORD event at character `pos` (0-based) belongs to.

    A number read as several words ("2026") gives several events inside one span.
    eSpeak reports a word after skipped punctuation ("- bullet") at the punctuation's
    position, so an unspeakable word hands the event on to the next one.
    """
    i = max(0, bisect.bisect_right(starts, pos) - 1)
    while i < len(starts) - 1 and not speakable[i]:
        i += 1
    return i


def _segments(events: list[tuple[int, int, str]], spans: list[tuple[int, int]], speakable: list[bool], n: int, rate: int) -> list[Segment]:
    """PHONEME events become segments ending where the next begins; each takes the word
    of the WORD event before it, found by its character position in the spoken text."""
    starts = [s for s, _ in spans]
    word: int | None = None
    out: list[Segment] = []
    for kind, pos, ph in events:
        if kind == _EVENT_WORD:
            if starts:
                word = max(word or 0, _word_at(pos - 1, starts, speakable))
            continue
        if _LANG_SWITCH.match(ph):
            continue
        t = pos / rate
        if out:
            out[-1].end = max(out[-1].start, t)
        out.append(Segment(ph, t, t, word if ph else None))
    if out:
        out[-1].end = max(out[-1].start, n / rate)
    return out
