"""The voices onetake can speak with, all of which work offline.

words_per_second is MEASURED, never guessed: `python -m onetake.voice.measure`
synthesises a fixed paragraph of marketing narration per language (see measure.py)
and divides its word count (onetake.text_units.count_words: whitespace words, each
Han character one word) by the utterance duration, pauses included. Planners must
count with the same function. Re-run it and update the
table after changing an engine, a pause length or a pin.
"""

from __future__ import annotations

from dataclasses import dataclass

from onetake.voice.models import VoiceInfo

ESPEAK_RATE = 22050


@dataclass(frozen=True)
class _Entry:
    info: VoiceInfo
    engine_voice: str  # the engine's own name for it (a model id, an eSpeak voice+variant)


# Measured by `python -m onetake.voice.measure` (see module docstring) with piper-tts 1.8.0,
# hibari-tts 0.2.1 and espeakng-loader 0.2.4 (eSpeak NG 1.52), pauses as in assemble.py.
# joe and heart: measured instead on the planner's own narration for the seven example
# prompts (662 words; joe 223.1 s, heart 222.2 s). The measure paragraph, dense with
# numbers and long words, read at 2.75 / 2.71 and made every first plan ~8% too short.
_WPS = {
    "joe": 2.97,
    "heart": 2.98,
    "espeak-es-male": 2.77,
    "espeak-es-female": 2.79,
    "espeak-fr-male": 3.12,
    "espeak-fr-female": 3.15,
    "espeak-de-male": 2.25,
    "espeak-de-female": 2.28,
    "espeak-it-male": 2.72,
    "espeak-it-female": 2.74,
    "espeak-pt-male": 2.77,
    "espeak-pt-female": 2.78,
    "espeak-pt-br-male": 2.7,
    "espeak-pt-br-female": 2.72,
    "espeak-nl-male": 2.61,
    "espeak-nl-female": 2.63,
    "espeak-pl-male": 2.04,
    "espeak-pl-female": 2.05,
    "espeak-hi-male": 3.03,
    "espeak-hi-female": 3.05,
    "espeak-zh-male": 3.16,
    "espeak-zh-female": 3.19,
}

# (id suffix, BCP-47 tag, eSpeak voice, display name). eSpeak's base voices are male;
# the "+f3" variant is its clearest female one.
_ESPEAK_LANGUAGES = [
    ("es", "es-ES", "es", "Spanish"),
    ("fr", "fr-FR", "fr", "French"),
    ("de", "de-DE", "de", "German"),
    ("it", "it-IT", "it", "Italian"),
    ("pt", "pt-PT", "pt", "Portuguese"),
    ("pt-br", "pt-BR", "pt-BR", "Brazilian Portuguese"),
    ("nl", "nl-NL", "nl", "Dutch"),
    ("pl", "pl-PL", "pl", "Polish"),
    ("hi", "hi-IN", "hi", "Hindi"),
    ("zh", "zh-CN", "cmn", "Mandarin Chinese"),  # eSpeak reads Han characters; its ja reads kana only
]
_ESPEAK_VARIANTS = [("male", ""), ("female", "+f3")]


def _entries() -> list[_Entry]:
    out = [
        _Entry(
            VoiceInfo(
                id="joe",
                name="Joe (US English, neural)",
                language="en-US",
                gender="male",
                engine="piper",
                sample_rate=22050,
                words_per_second=_WPS["joe"],
            ),
            "joe",
        ),
        _Entry(
            VoiceInfo(
                id="heart",
                name="Heart (US English, neural)",
                language="en-US",
                gender="female",
                engine="hibari",
                sample_rate=24000,
                words_per_second=_WPS["heart"],
            ),
            "heart",
        ),
    ]
    for suffix, tag, espeak_name, label in _ESPEAK_LANGUAGES:
        for gender, variant in _ESPEAK_VARIANTS:
            vid = f"espeak-{suffix}-{gender}"
            out.append(
                _Entry(
                    VoiceInfo(
                        id=vid,
                        name=f"{label} {gender} (eSpeak NG)",
                        language=tag,
                        gender=gender,
                        engine="espeak",
                        sample_rate=ESPEAK_RATE,
                        words_per_second=_WPS[vid],
                    ),
                    espeak_name + variant,
                )
            )
    return out


_CATALOGUE = {e.info.id: e for e in _entries()}


def list_voices() -> list[VoiceInfo]:
    """Every voice, neural English first, then eSpeak by language."""
    return [e.info.model_copy() for e in _CATALOGUE.values()]


def get_voice(voice_id: str) -> VoiceInfo:
    try:
        return _CATALOGUE[voice_id].info.model_copy()
    except KeyError:
        raise KeyError(f"unknown voice {voice_id!r}; valid ids: {', '.join(_CATALOGUE)}") from None


def engine_voice(voice_id: str) -> str:
    """The engine's own name for a voice (eSpeak "es+f3", piper "joe")."""
    get_voice(voice_id)  # same error as get_voice for unknown ids
    return _CATALOGUE[voice_id].engine_voice


def default_voice_for(language: str, gender: str | None = None) -> VoiceInfo:
    """Best voice for a BCP-47 tag ("en", "pt-BR", "es-MX"); neural voices win.

    An exact tag beats a primary-language match; the requested gender is preferred
    but a voice in the right language beats the right gender in the wrong language.
    """
    tag = language.strip().replace("_", "-").lower()
    primary = tag.split("-")[0]
    voices = [e.info for e in _CATALOGUE.values()]

    def rank(v: VoiceInfo) -> tuple[int, int]:
        lang = v.language.lower()
        lang_rank = 0 if lang == tag else 1 if lang.split("-")[0] == primary else 9
        gender_rank = 0 if gender is None or v.gender == gender.lower() else 1
        return lang_rank, gender_rank

    best = min(voices, key=rank)  # min is stable: catalogue order breaks ties
    if rank(best)[0] == 9:
        languages = sorted({v.language for v in voices})
        raise KeyError(f"no voice for language {language!r}; available: {', '.join(languages)}")
    return best.model_copy()
