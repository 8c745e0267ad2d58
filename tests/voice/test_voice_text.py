from onetake.voice.text import english_spoken_form, sentences, split_words, spoken_text


def test_split_words_keeps_text_and_marks_line_breaks():
    words = split_words("Hello, world!\n- Buy “now”  today")
    assert [w.text for w in words] == ["Hello,", "world!", "-", "Buy", "“now”", "today"]
    assert [w.line_end for w in words] == [False, True, False, False, False, False]


def test_sentences_respect_abbreviations_initials_and_line_breaks():
    words = split_words("Dr. Smith met J. Doe. Then he left!\nBuy now")
    groups = [[words[i].text for i in g] for g in sentences(words)]
    assert groups == [["Dr.", "Smith", "met", "J.", "Doe."], ["Then", "he", "left!"], ["Buy", "now"]]


def test_long_sentences_are_cut_at_a_comma():
    words = split_words("word " * 30 + "pause, " + "word " * 40)
    groups = sentences(words, max_words=60)
    assert len(groups) == 2
    assert words[groups[0][-1]].text == "pause,"


def test_spoken_text_spans_point_at_each_spoken_word():
    words = split_words("Only $49\nToday")
    text, spans = spoken_text(words, say=english_spoken_form)
    assert text == "Only 49 dollars.\nToday"  # the bullet line gets a full stop
    assert [text[a:b] for a, b in spans] == ["Only", "49 dollars", "Today"]


def test_english_money_is_read_the_natural_way():
    assert english_spoken_form("$49,") == "49 dollars,"
    assert english_spoken_form("$1") == "1 dollar"
    assert english_spoken_form("$9.99") == "9 dollars 99"
    assert english_spoken_form("(€2.5M)") == "(2.5 million euros)"
    assert english_spoken_form("49$") == "49$"  # only a leading currency sign is rewritten
