"""Chat follow-ups read into typed edits, and each edit changes what it names and nothing else.

The briefs are this file's own (invented businesses and notices), written for these checks.
"""

from __future__ import annotations

import pytest

from onetake.agent.chat.edits import (AddScene, MoveScene, RemoveScene, Replace, ResizeScene, SetCta, SetDuration, SetMusic, SetOrientation, SetTitle,
                                      SetPalette, SetPresenter, SetVoice)
from onetake.agent.chat.revise import first_plan, revise
from onetake.agent.chat.understand import understand
from onetake.agent.reading import read
from onetake.agent.writer.select import natural_length
from onetake.avatar.catalogue import get_presenter
from onetake.brief.intake import make_brief
from onetake.voice.catalogue import get_voice

PHYSIO = ("A 30-second explainer for Harbourlight Physio in Bristol. Three services: sports massage, back pain clinics and post-surgery rehab. "
          "Our physios have 15 years of experience. Book a free first call at harbourlight.co.uk")
NOTICE = ("A 45-second video for staff at Calder Logistics about the new leave policy. Three changes: leave requests need two weeks' notice, "
          "unused days carry over up to five, and managers approve within 48 hours. The policy starts on 1 March. "
          "Questions go to hr@calderlogistics.com")


@pytest.fixture(scope="module")
def physio():
    brief = make_brief(PHYSIO)
    return brief, first_plan(brief, read(brief))


@pytest.fixture(scope="module")
def notice():
    brief = make_brief(NOTICE)
    return brief, first_plan(brief, read(brief))


def _lines(plan) -> list[str]:
    return [s.narration for s in plan.storyboard.scenes]


def _apply(message: str, brief, plan):
    understood = understand(message, plan.storyboard)
    assert understood.intent == "revise", (message, understood)
    return understood, revise(plan, list(understood.edits), brief)


@pytest.mark.parametrize("message,intent", [
    ("Looks great!", "approve"), ("Perfect, go ahead and render it", "approve"), ("yes", "approve"),
    ("Thanks a lot", "thanks"), ("Cheers, that's all", "thanks"),
    ("OK, but make it vertical", "revise"), ("Looks good, just use a male presenter", "revise"),
    ("Make it better", "unclear"), ("Can you tell me a joke?", "unclear"),
])
def test_approval_and_thanks_are_read_from_the_whole_message(physio, message, intent):
    assert understand(message, physio[1].storyboard).intent == intent


def test_a_vague_message_gets_one_question(physio):
    understood = understand("make it better", physio[1].storyboard)
    assert understood.question and understood.question.count("?") == 1 and not understood.edits


def test_a_length_refits_the_script_and_keeps_the_cast_and_seed(physio):
    brief, plan = physio
    understood, result = _apply("Make it 20 seconds instead", brief, plan)
    assert understood.edits == [SetDuration(seconds=20)]
    assert result.plan.storyboard.target_duration == 20
    assert (result.plan.cast.presenter_id, result.plan.cast.voice_id, result.plan.seed) == (plan.cast.presenter_id, plan.cast.voice_id, plan.seed)
    scenes = result.plan.storyboard.scenes
    assert abs(natural_length(sum(s.duration_budget for s in scenes), len(scenes), 0.0) - 20) < 1.0


def test_orientation_keeps_the_script_word_for_word(physio):
    brief, plan = physio
    understood, result = _apply("Now make a vertical version for Instagram Reels", brief, plan)
    assert understood.edits == [SetOrientation(orientation="portrait")]
    assert result.plan.storyboard.orientation.value == "portrait" and result.brief_updates["height"] > result.brief_updates["width"]
    assert _lines(result.plan) == _lines(plan)


def test_dropping_one_item_keeps_the_rest_of_its_list(physio):
    brief, plan = physio
    understood, result = _apply("drop the part about rehab", brief, plan)
    assert isinstance(understood.edits[0], RemoveScene) and "rehab" in understood.edits[0].item.lower()
    listed = next(s for s in result.plan.storyboard.scenes if s.bullets)
    assert not any("rehab" in b.lower() for b in listed.bullets) and len(listed.bullets) == 2
    assert "rehab" not in " ".join(_lines(result.plan)).lower() and "massage" in listed.narration
    assert listed.on_screen_text.lower().startswith("two")  # the heading counts what is left
    assert len(result.plan.storyboard.scenes) == len(plan.storyboard.scenes)


def test_a_negated_mention_removes_rather_than_adds(physio):
    brief, plan = physio
    understood, result = _apply("Don't mention the years of experience", brief, plan)
    assert isinstance(understood.edits[0], RemoveScene)
    assert not any("experience" in line for line in _lines(result.plan))
    assert len(result.plan.storyboard.scenes) == len(plan.storyboard.scenes) - 1


def test_say_x_instead_of_y_changes_those_words_only(physio):
    brief, plan = physio
    understood, result = _apply("Say physiotherapists instead of physios", brief, plan)
    assert understood.edits == [Replace(old="physios", new="physiotherapists")]
    before, after = _lines(plan), _lines(result.plan)
    changed = [k for k, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(changed) == 1 and after[changed[0]] == before[changed[0]].replace("physios", "physiotherapists")


def test_a_new_ending_replaces_the_call_to_action_only(notice):
    brief, plan = notice
    understood, result = _apply("End with 'Read the full policy on the intranet'", brief, plan)
    assert understood.edits == [SetCta(text="Read the full policy on the intranet.")]
    assert _lines(result.plan)[-1] == "Read the full policy on the intranet."
    assert _lines(result.plan)[:-1] == _lines(plan)[:-1]


def test_scenes_move_by_number(notice):
    brief, plan = notice
    understood, result = _apply("Swap scenes 2 and 3", brief, plan)
    assert isinstance(understood.edits[0], MoveScene)
    before, after = _lines(plan), _lines(result.plan)
    assert (after[1], after[2]) == (before[2], before[1]) and sorted(after) == sorted(before)


def test_a_scene_found_by_what_it_is_about_is_removed(notice):
    brief, plan = notice
    _, result = _apply("Drop the bit about carrying over days", brief, plan)
    assert not any("carry over" in line for line in _lines(result.plan))
    assert [line for line in _lines(plan) if "carry over" not in line] == _lines(result.plan)


def test_adding_a_line_puts_it_before_the_ending(physio):
    brief, plan = physio
    understood, result = _apply("Add a line about free parking on site", brief, plan)
    assert isinstance(understood.edits[0], AddScene)
    lines = _lines(result.plan)
    assert "parking" in lines[-2].lower() and lines[-1] == _lines(plan)[-1]
    assert [line for line in lines if "parking" not in line.lower()] == _lines(plan)


def test_shortening_a_list_scene_keeps_its_first_items(physio):
    brief, plan = physio
    k = next(i for i, s in enumerate(plan.storyboard.scenes) if s.bullets)
    understood, result = _apply(f"Make scene {k + 1} shorter", brief, plan)
    assert isinstance(understood.edits[0], ResizeScene)
    assert len(result.plan.storyboard.scenes[k].narration) < len(plan.storyboard.scenes[k].narration)
    assert [line for i, line in enumerate(_lines(result.plan)) if i != k] == [line for i, line in enumerate(_lines(plan)) if i != k]


def test_look_edits_leave_the_words_and_the_cast(notice):
    brief, plan = notice
    for message, kind in (("Use navy and gold", SetPalette), ("Calmer music", SetMusic)):
        understood, result = _apply(message, brief, plan)
        assert isinstance(understood.edits[0], kind)
        assert _lines(result.plan) == _lines(plan)
        assert result.plan.cast == plan.cast
    _, result = _apply("Use navy and gold", brief, plan)
    assert result.plan.storyboard.palette != plan.storyboard.palette


def test_a_described_presenter_is_cast_by_gender_and_age(notice):
    brief, plan = notice
    understood, result = _apply("Go with a woman in her fifties instead", brief, plan)
    assert isinstance(understood.edits[0], SetPresenter)
    chosen = get_presenter(result.plan.cast.presenter_id)
    assert chosen.gender == "female" and chosen.age_group == "senior"
    assert get_voice(result.plan.cast.voice_id).gender == "female"  # the voice follows a presenter change when none was asked for
    assert _lines(result.plan) == _lines(plan) or result.plan.storyboard.target_duration == plan.storyboard.target_duration


def test_a_voice_description_changes_the_voice_not_the_presenter(physio):
    brief, plan = physio
    wanted = "deeper" if get_voice(plan.cast.voice_id).gender == "female" else "female"
    understood, result = _apply(f"a {wanted} voice please", brief, plan)
    assert isinstance(understood.edits[0], SetVoice)
    assert result.plan.cast.voice_id != plan.cast.voice_id and result.plan.cast.presenter_id == plan.cast.presenter_id


def test_one_message_can_carry_several_edits(physio):
    brief, plan = physio
    understood, result = _apply("Make it 20 seconds, vertical, and end with 'Call us today'", brief, plan)
    kinds = {type(e) for e in understood.edits}
    assert kinds == {SetDuration, SetOrientation, SetCta}
    assert result.plan.storyboard.target_duration == 20 and result.plan.storyboard.orientation.value == "portrait"
    assert _lines(result.plan)[-1] == "Call us today."


def test_the_message_is_never_narration(physio):
    brief, plan = physio
    for message in ("Make it 20 seconds instead", "Now make a vertical version for Instagram Reels", "Change the ending to 'Call us today'"):
        _, result = _apply(message, brief, plan)
        spoken = " ".join(_lines(result.plan)).lower()
        assert "instead" not in spoken and "instagram" not in spoken and "change" not in spoken


def test_a_length_it_already_has_changes_nothing(physio):
    brief, plan = physio
    _, result = _apply("OK, but make it 30 seconds", brief, plan)
    assert result.said == [] and result.skipped == ["the video is already 30 s"]


@pytest.mark.parametrize("message,kind", [
    ("Add some upbeat music", SetMusic), ("Make the background darker", SetPalette), ("Switch to a British voice", SetVoice),
    ("I don't like the presenter", SetPresenter), ("The intro is too long", ResizeScene), ("Can you swap the first and second scenes?", MoveScene),
    ("Change the title to Harbourlight Physiotherapy", SetTitle), ('Say "physiotherapists" instead of "physios"', Replace),
])
def test_phrasings_read_as_the_edit_they_ask_for(physio, message, kind):
    understood = understand(message, physio[1].storyboard)
    assert understood.intent == "revise" and [type(e) for e in understood.edits] == [kind], understood


def test_a_tone_moved_away_from_is_not_the_tone(physio):
    understood = understand("Less corporate, more friendly", physio[1].storyboard)
    assert [e.words for e in understood.edits] == [["friendly"]]


def test_a_disliked_presenter_is_replaced_by_someone_of_the_same_kind(physio):
    brief, plan = physio
    _, result = _apply("I don't like the presenter", brief, plan)
    before, after = get_presenter(plan.cast.presenter_id), get_presenter(result.plan.cast.presenter_id)
    assert after.id != before.id and after.gender == before.gender and _lines(result.plan) == _lines(plan)


def test_an_accent_no_voice_has_is_said_not_faked(physio):
    brief, plan = physio
    _, result = _apply("Switch to a British voice", brief, plan)
    assert result.said == [] and "en-GB" in result.skipped[0] and result.plan.cast.voice_id == plan.cast.voice_id


def test_a_new_title_replaces_the_old_one_on_screen(physio):
    brief, plan = physio
    _, result = _apply("Change the title to Harbourlight Physiotherapy", brief, plan)
    assert result.plan.storyboard.title == "Harbourlight Physiotherapy"
    assert _lines(result.plan) == _lines(plan)


def test_swapping_by_ordinals_exchanges_two_scenes(physio):
    brief, plan = physio
    _, result = _apply("Can you swap the first and third scenes?", brief, plan)
    before, after = _lines(plan), _lines(result.plan)
    assert (after[0], after[2]) == (before[2], before[0]) and after[1] == before[1]


def test_an_aspect_ratio_is_a_shape_not_a_length(physio):
    understood = understand("Make a 9:16 version", physio[1].storyboard)
    assert understood.edits == [SetOrientation(orientation="portrait")]


@pytest.mark.parametrize("message,seconds", [("Half the length please", 15), ("Double the length", 60)])
def test_a_relative_length(physio, message, seconds):
    assert understand(message, physio[1].storyboard).edits == [SetDuration(seconds=seconds)]


def test_dont_say_a_quoted_word_drops_the_word_not_the_scene(physio):
    brief, plan = physio
    _, result = _apply('Don\'t say "sports"', brief, plan)
    assert len(result.plan.storyboard.scenes) == len(plan.storyboard.scenes)
    spoken = " ".join(_lines(result.plan))
    assert "sports" not in spoken.lower() and "massage" in spoken


def test_take_out_names_an_item_to_drop(physio):
    understood = understand("Take out the back pain clinics", physio[1].storyboard)
    assert isinstance(understood.edits[0], RemoveScene) and "back pain" in understood.edits[0].item.lower()


def test_a_line_added_after_a_scene_says_only_its_topic(physio):
    understood = understand("Add a line after scene 2 about free parking on site", physio[1].storyboard)
    added = understood.edits[0]
    assert isinstance(added, AddScene) and added.text == "Free parking on site." and added.after.index == 1
