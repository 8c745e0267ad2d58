import numpy as np
import pytest

from onetake.timeline.pauses import MAX_EXTRA_PER_PAUSE_S, fit_speech, lengthen_pauses, sentence_pauses
from onetake.voice.models import PhonemeTiming, Utterance, WordTiming

RATE = 1000


def _utterance() -> Utterance:
    """'Hello there. Welcome back!' with a 0.3 s pause after 'there.'"""
    words = [WordTiming(text="Hello", start=0.0, end=0.4), WordTiming(text="there.", start=0.45, end=0.9),
             WordTiming(text="Welcome", start=1.2, end=1.6), WordTiming(text="back!", start=1.65, end=2.0)]
    phonemes = [PhonemeTiming(phoneme="h", start=0.0, end=0.1), PhonemeTiming(phoneme="w", start=1.2, end=1.3)]
    samples = np.ones(2000, np.float32)
    samples[900:1200] = 0  # the pause
    return Utterance(samples=samples, sample_rate=RATE, words=words, phonemes=phonemes)


def test_only_pauses_after_a_sentence_end_count():
    assert sentence_pauses(_utterance()) == [pytest.approx(1.05)]


def test_lengthened_pause_shifts_audio_and_timings_together():
    longer = lengthen_pauses(_utterance(), 0.2)
    assert longer.duration == pytest.approx(2.2)
    assert [w.start for w in longer.words] == pytest.approx([0.0, 0.45, 1.4, 1.85])
    assert longer.phonemes[1].start == pytest.approx(1.4)
    # The inserted silence sits inside the old pause: the sound of "Welcome" starts at its new time.
    assert not longer.samples[900:1400].any() and longer.samples[1400] == 1


def test_fit_speech_breathes_between_sentences_before_landing_short():
    speech = [_utterance(), _utterance()]
    natural = fit_speech(speech, None)[1].duration
    target = natural + 0.3
    stretched, placement, _ = fit_speech(speech, target)
    assert placement.duration == pytest.approx(target)
    assert stretched[0].duration > speech[0].duration
    far = fit_speech(speech, natural + 20)[1]
    assert far.shortfall > 0  # capacity is bounded: never minutes of added silence
    assert sum(u.duration for u in fit_speech(speech, natural + 20)[0]) <= sum(u.duration for u in speech) + 2 * MAX_EXTRA_PER_PAUSE_S + 1e-9
