import pytest

from onetake.voice.catalogue import default_voice_for, get_voice, list_voices


def test_catalogue_has_the_promised_voices():
    voices = {v.id: v for v in list_voices()}
    assert voices["joe"].engine == "piper" and voices["joe"].gender == "male"
    assert voices["heart"].engine == "hibari" and voices["heart"].gender == "female"
    for lang in ["es", "fr", "de", "it", "pt", "nl", "pl", "hi", "zh"]:
        assert {f"espeak-{lang}-male", f"espeak-{lang}-female"} <= voices.keys()
    # Measured rates of normal narration fall between 1.5 and 4 words per second.
    assert all(1.5 < v.words_per_second < 4.0 for v in voices.values())


def test_unknown_voice_lists_the_valid_ids():
    with pytest.raises(KeyError, match="espeak-fr-female"):
        get_voice("no-such-voice")


@pytest.mark.parametrize(
    ("language", "gender", "expected"),
    [
        ("en", None, "joe"),
        ("en-US", "female", "heart"),
        ("en-GB", "male", "joe"),
        ("pt-BR", "female", "espeak-pt-br-female"),
        ("pt", None, "espeak-pt-male"),
        ("es-MX", "female", "espeak-es-female"),
        ("zh-TW", "male", "espeak-zh-male"),
        ("de", "nonbinary", "espeak-de-male"),  # right language beats right gender
    ],
)
def test_default_voice_for(language, gender, expected):
    assert default_voice_for(language, gender).id == expected


def test_default_voice_for_unknown_language_raises():
    with pytest.raises(KeyError, match="no voice for language"):
        default_voice_for("tlh")
