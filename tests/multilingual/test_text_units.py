from onetake.text_units import count_words, display_width, join_units, units
from onetake.timeline.captions import MAX_COLUMNS, cue_words
from onetake.voice.models import WordTiming

ZH = "认识一下 Aurora，一款能让每个房间都充满声音的智能音箱。今天下单只需 149 元，iPhone 15 Pro 也能用（真的）。"


def test_spaced_text_is_split_on_spaces_exactly():
    text = 'Only $49 — 20% off in 2026! It\'s "state-of-the-art", naïve café-ready.'
    assert units(text) == text.split()
    assert count_words(text) == len(text.split()) - 1  # the lone dash says nothing


def test_chinese_units_are_characters_with_latin_words_and_numbers_whole():
    u = units(ZH)
    assert u[:5] == ["认", "识", "一", "下", "Aurora，"]
    assert "149" in u and "iPhone" in u and "15" in u and "Pro" in u
    assert not any(x[0] in "，。！？、）" for x in u)  # punctuation never starts a unit, so never a line
    assert "（真" in u and "的）。" in u
    assert units(join_units(u)) == u and count_words(ZH) == len(u)


def test_caption_cues_break_chinese_by_characters_within_display_width():
    words = [WordTiming(text=w, start=i * 0.3, end=i * 0.3 + 0.25) for i, w in enumerate(units(ZH))]
    cues = cue_words(words)
    assert len(cues) >= 3
    assert "".join(w.text for c in cues for w in c.words) == "".join(units(ZH))
    for cue in cues:
        assert display_width(cue.text) <= MAX_COLUMNS and " " not in cue.text.replace("iPhone 15 Pro", "")
        assert cue.text[0] not in "，。！？、"
    assert display_width("认识") == 4
