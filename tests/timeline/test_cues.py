from onetake.timeline.cues import bullet_entrances
from onetake.voice.models import WordTiming


def _words(text: str, start: float = 10.0, step: float = 0.3) -> list[WordTiming]:
    return [WordTiming(text=w, start=start + i * step, end=start + i * step + 0.25) for i, w in enumerate(text.split())]


def test_bullets_enter_when_they_are_spoken_about():
    words = _words("Every month you get curated picks, member perks, and surprise collector extras.")
    times = bullet_entrances(["Monthly curated picks", "Member perks", "Surprise collector extras"], words, 10.0, 14.0)
    by_text = {w.text.strip(",."): w.start for w in words}
    assert times == [by_text["month"], by_text["member"], by_text["surprise"]]


def test_unmentioned_bullets_spread_evenly_and_stay_in_order():
    words = _words("Here is everything you need to know today.")
    times = bullet_entrances(["Alpha", "Beta", "Gamma"], words, 10.0, 13.0)
    assert times == sorted(times) and times[0] == 10.0
    assert all(b - a >= 0.25 for a, b in zip(times, times[1:]))
