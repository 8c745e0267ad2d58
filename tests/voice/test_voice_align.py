from onetake.voice.align import label_stream


def _words(stream: str, labels: list[int | None]) -> list[tuple[str, int]]:
    """Group stream symbols by label into (phonemes, word) runs, ignoring separators."""
    runs: list[tuple[str, int]] = []
    for sym, lab in zip(stream, labels, strict=True):
        if lab is None:
            continue
        if runs and runs[-1][1] == lab:
            runs[-1] = (runs[-1][0] + sym, lab)
        else:
            runs.append((sym, lab))
    return runs


def test_merged_group_is_split_back_into_words():
    # eSpeak speaks "for a" as one group "fɚɹə"; alone they are "fɔːɹ" and "ˈeɪ".
    stream = "^fɚɹə hˈoʊm.$"
    labels = label_stream([list("fɔːɹ"), list("ˈeɪ"), list("hˈoʊm.")], list(stream))
    assert _words(stream, labels) == [("fɚɹ", 0), ("ə", 1), ("hˈoʊm", 2)]


def test_expanded_number_belongs_to_one_word_and_silent_words_get_nothing():
    stream = "ɪn tˈuː θˈaʊzənd twˈɛnti; ɑːɹ"
    refs = [list("ɪn"), list("tˈuː θˈaʊzənd twˈɛnti"), [], list("ɑːɹ")]
    labels = label_stream(refs, list(stream))
    assert _words(stream, labels) == [("ɪn", 0), ("tˈuːθˈaʊzəndtwˈɛnti", 1), ("ɑːɹ", 3)]


def test_labels_never_decrease_even_when_the_engine_says_something_unexpected():
    stream = "wˈʌn ɛkstɹə tˈuː θɹˈiː"
    labels = label_stream([list("wˈʌn"), list("tˈuː"), list("θɹˈiː")], list(stream))
    seen = [lab for lab in labels if lab is not None]
    assert seen == sorted(seen)
    assert set(seen) == {0, 1, 2}
