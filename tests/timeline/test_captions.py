from onetake.render.subtitles import to_srt, to_vtt
from onetake.timeline.captions import MAX_COLUMNS, MAX_WORDS, cue_words
from onetake.voice.models import WordTiming


def words(text: str, start: float = 0.0, step: float = 0.3, pause_after: dict[int, float] | None = None) -> list[WordTiming]:
    out, t = [], start
    for i, w in enumerate(text.split()):
        out.append(WordTiming(text=w, start=t, end=t + step * 0.8))
        t += step + (pause_after or {}).get(i, 0.0)
    return out


def test_every_word_lands_in_one_cue_in_order():
    ws = words("Welcome to the museum where paper becomes planets and every fold teaches engineering to curious minds.")
    cues = cue_words(ws)
    assert [w for c in cues for w in c.words] == ws
    for cue in cues:
        assert len(cue.words) <= MAX_WORDS
        assert len(cue.text) <= MAX_COLUMNS or len(cue.words) == 1


def test_cue_starts_exactly_on_its_first_word_and_never_overlaps():
    cues = cue_words(words("One two three. Four five six seven eight nine ten eleven twelve.", start=1.234))
    assert cues[0].start == 1.234
    for cue in cues:
        assert cue.start == cue.words[0].start
    for a, b in zip(cues, cues[1:]):
        assert a.end <= b.start


def test_a_pause_or_a_sentence_end_starts_a_new_cue():
    cues = cue_words(words("Short pause here then more words", pause_after={1: 0.6}))
    assert cues[0].text == "Short pause"
    cues = cue_words(words("This is done. And this continues"))
    assert cues[0].text == "This is done."


def test_srt_and_vtt_timestamps():
    cues = cue_words(words("Hello there", start=3661.5))
    srt, vtt = to_srt(cues), to_vtt(cues)
    assert srt.startswith("1\n01:01:01,500 --> ")
    assert vtt.startswith("WEBVTT\n\n01:01:01.500 --> ")
    assert "Hello there" in srt and "Hello there" in vtt


def test_long_sentences_split_evenly_without_orphans():
    cues = cue_words(words("Every month you get curated picks from our team of collectors today."))
    assert len(cues) == 2
    assert abs(len(cues[0].words) - len(cues[1].words)) <= 1
