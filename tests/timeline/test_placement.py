import pytest

from onetake.timeline.placement import MAX_GAP_GROWTH, MAX_SPEEDUP, TAIL_S, place


def test_natural_length_without_target():
    result = place([3.0, 4.0, 2.0], None)
    assert result.speech_rate == 1.0
    assert result.duration == pytest.approx(9.0 + 0.35 + 0.15 * 2 + 0.35 * 2 + 0.8)


@pytest.mark.parametrize("target", [10.1, 11.0, 12.5, 13.3])
def test_lands_exactly_on_a_target_reachable_by_gaps(target):
    result = place([3.0, 4.0, 2.0], target)
    assert result.duration == pytest.approx(target, abs=1e-6)
    assert result.speech_rate == 1.0


def test_shrinking_gaps_is_not_enough_so_speech_speeds_up_slightly():
    result = place([3.0, 4.0, 2.0], 9.8)
    assert 1.0 < result.speech_rate < 1.05
    assert result.duration == pytest.approx(9.8, abs=1e-6)


def test_scenes_are_contiguous_and_speech_inside_its_scene():
    result = place([3.0, 4.0, 2.0, 5.0], 17.0)
    for before, after in zip(result.scenes, result.scenes[1:]):
        assert after.start == pytest.approx(before.end)
    for scene in result.scenes:
        assert scene.start < scene.speech_start < scene.speech_end < scene.end


def test_pauses_between_scenes_stay_natural_when_padding():
    result = place([3.0, 4.0, 2.0], 13.0)
    for before, after in zip(result.scenes, result.scenes[1:]):
        assert after.speech_start - before.speech_end <= TAIL_S + MAX_GAP_GROWTH + 0.15 + 1e-6


def test_speech_too_long_is_sped_up_but_not_past_the_limit():
    tight = place([5.0, 5.0], 10.0)
    assert 1.0 < tight.speech_rate <= MAX_SPEEDUP
    assert tight.duration == pytest.approx(10.0, abs=0.01)
    hopeless = place([10.0, 10.0], 10.0)
    assert hopeless.speech_rate == MAX_SPEEDUP
    assert hopeless.duration > 10.0


def test_a_script_far_too_short_lands_short_instead_of_padding_with_silence():
    result = place([3.0, 4.0, 2.0], 60.0)
    assert result.duration < 15.0
    assert result.shortfall == pytest.approx(60.0 - result.duration)
    assert not result.natural
    for before, after in zip(result.scenes, result.scenes[1:]):
        assert after.speech_start - before.speech_end < 0.9


def test_holds_give_way_when_speech_runs_long_and_stretch_when_it_ran_short():
    speech = [2.0, 3.0, 2.0]
    # planned holds fit: the video lands on its target and the held scene is the longer one
    fitted = place(speech, 14.0, holds=[0.0, 4.0, 0.0])
    assert fitted.duration == pytest.approx(14.0, abs=0.01) and fitted.shortfall == 0
    held = fitted.scenes[1]
    assert held.end - held.speech_end > 4.0 - 0.01
    # the voice came out quicker than the writer's clock: the hold stretches, within its limit, to the target
    quick = place([1.5, 2.5, 1.5], 14.0, holds=[0.0, 4.0, 0.0])
    assert quick.duration == pytest.approx(14.0, abs=0.01) and quick.shortfall == 0
    assert quick.scenes[1].end - quick.scenes[1].speech_end <= 1.5 * 4.0 + 1.0
    # speech ran long: the hold shrinks before any speed-up
    long = place([3.0, 5.0, 3.0], 14.0, holds=[0.0, 4.0, 0.0])
    assert long.speech_rate == 1.0 and long.duration == pytest.approx(14.0, abs=0.01)
