"""A revision keeps the scenes it did not change where they were: their leads, tails and lengths; the changed
scene takes up the difference, or, when it cannot naturally, everything is placed afresh."""

from __future__ import annotations

import pytest

from onetake.timeline.memo import PlacedScene, PlacementMemo, scene_key
from onetake.timeline.placement import place, place_around

SPEECH = [3.0, 2.5, 2.8, 2.2, 1.5]
HOLDS = [2.0, 2.0, 2.0, 2.0, 0.0]
TARGET = 25.0


def _kept(placement, changed: int):
    return [None if k == changed else (s.speech_start - s.start, s.end - s.speech_end) for k, s in enumerate(placement.scenes)]


def _lengths(placement):
    return [s.end - s.start for s in placement.scenes]


@pytest.mark.parametrize("delta", [-0.9, 0.6])
def test_a_reworded_scene_absorbs_the_difference_and_the_others_keep_their_length(delta):
    before = place(SPEECH, TARGET, HOLDS)
    speech = list(SPEECH)
    speech[2] += delta
    after = place_around(speech, TARGET, HOLDS, _kept(before, 2))
    assert after is not None and after.speech_rate == 1.0
    assert after.duration == pytest.approx(TARGET)
    for k in (0, 1, 3):
        assert _lengths(after)[k] == pytest.approx(_lengths(before)[k])
        assert after.scenes[k].speech_start - after.scenes[k].start == pytest.approx(before.scenes[k].speech_start - before.scenes[k].start)
    assert sum(_lengths(after)[2:]) == pytest.approx(sum(_lengths(before)[2:]))  # its hold, then the end card's, took the difference


def test_a_change_too_big_for_the_scene_is_placed_afresh():
    before = place(SPEECH, TARGET, HOLDS)
    speech = list(SPEECH)
    speech[2] += 6.0  # more than its hold can give
    assert place_around(speech, TARGET, HOLDS, _kept(before, 2)) is None


def test_without_holds_a_pause_and_then_the_end_card_take_up_the_difference():
    holds = [0.0] * 5
    before = place(SPEECH, 16.0, holds)
    speech = list(SPEECH)
    speech[1] -= 0.6
    after = place_around(speech, 16.0, holds, _kept(before, 1))
    assert after is not None and after.duration == pytest.approx(16.0)
    assert [round(x, 6) for x in _lengths(after)[2:4]] == [round(x, 6) for x in _lengths(before)[2:4]]  # the middle scenes stay
    assert _lengths(after)[4] > _lengths(before)[4]  # the end card holds a little longer
    speech[1] -= 3.0
    assert place_around(speech, 16.0, holds, _kept(before, 1)) is None  # more than natural pauses give: placed afresh


def test_the_memo_carries_only_the_same_words_said_the_same_way(tmp_path):
    memo = PlacementMemo(target=TARGET, scenes=[PlacedScene(key=scene_key("Hello there.", "joe"), spoken=1.2, lead=0.35, tail=2.0, extra_pause=0.0),
                                                PlacedScene(key=scene_key("Book now.", "joe"), spoken=0.9, lead=0.15, tail=0.8, extra_pause=0.0)])
    memo.save(tmp_path / "placement.json")
    loaded = PlacementMemo.load(tmp_path / "placement.json")
    keys = [scene_key("Hello there.", "joe"), scene_key("Book today.", "joe")]
    kept = loaded.kept(keys, [1.2, 0.8], TARGET)
    assert kept[0] is not None and kept[1] is None
    assert loaded.kept(keys, [1.2, 0.8], 30.0) is None  # another length: placed afresh
    assert loaded.kept([scene_key("Hello there.", "heart"), keys[1]], [1.2, 0.8], TARGET) is None  # another voice
    assert loaded.kept(keys, [1.25, 0.8], TARGET) is None  # spoken differently
    (tmp_path / "placement.json").write_text("{not json", encoding="utf-8")
    assert PlacementMemo.load(tmp_path / "placement.json") is None
