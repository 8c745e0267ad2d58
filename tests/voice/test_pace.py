from onetake.voice.pace import MARGIN, REFERENCE_CHARS_PER_WORD, paced_words_per_second


def test_long_words_slow_the_planned_pace_and_short_words_raise_it():
    long_words = ["Our atelier choreographs extraordinary, handcrafted jewellery collections."]
    short_words = ["We make it. You try it. It is fun and it is fast."]
    assert paced_words_per_second(long_words, 3.0, "en") < 3.0 * 0.8
    assert paced_words_per_second(short_words, 3.0, "en") > 3.0 * 1.1


def test_a_script_like_the_calibration_keeps_the_voice_rate_less_the_margin():
    words = 40
    line = " ".join(["x" * (round(REFERENCE_CHARS_PER_WORD) - 1)] * words)  # each word plus its space
    rate = paced_words_per_second([line], 2.97, "en")
    assert abs(rate - 2.97 * MARGIN) < 0.1


def test_uncalibrated_languages_and_empty_scripts_keep_the_measured_rate():
    assert paced_words_per_second(["Nuestro taller artesanal y extraordinario."], 2.77, "es") == 2.77
    assert paced_words_per_second(["", "  "], 2.97, "en") == 2.97
