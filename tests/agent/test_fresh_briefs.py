"""The mechanisms issue 10's fresh briefs needed, on briefs of their own (neither in bench/eval nor in
bench/eval/fresh_briefs.py): labelled sentences in a paragraph, a frame colon after the brand, the length
never spoken, what the brand is, verb-phrase lists, a numbered structure kept scene for scene."""

from __future__ import annotations

import re

from onetake.agent.reading import read
from onetake.agent.storyboard import SceneRole
from onetake.agent.writer import write
from onetake.brief.models import Brief
from onetake.voice.pace import speech_clock


def board(prompt: str):
    brief = Brief(prompt=prompt)
    reading = read(brief)
    return write(reading, brief, speech_clock(2.9, reading.language)), reading


def said(sb) -> str:
    return " ".join(s.narration for s in sb.scenes)


def test_labels_inside_a_paragraph_are_scenes_and_never_spoken():
    sb, reading = board("Pitch video for Tallyhop, 40 seconds. Problem: cafe owners count stock by hand every night. "
                        "Solution: a scanner app that counts a shelf in 30 seconds. Proof: 210 cafes save 5 hours a week. "
                        "Warm, no buzzwords. Try it at tallyhop.com")
    text = said(sb)
    assert [s.role for s in reading.structure] == ["problem", "solution", "stats"]
    for word in ("Problem", "Solution", "Proof", "40 seconds", "buzzwords", "Warm"):
        assert word not in text
    for fact in ("count stock by hand", "30 seconds", "210 cafes", "5 hours"):
        assert fact in text
    assert sb.scenes[-1].role is SceneRole.cta and "tallyhop.com" in sb.scenes[-1].narration
    assert abs(sb.target_duration - 40) <= 2


def test_a_colon_after_the_brand_keeps_what_follows():
    sb, reading = board("A 12-second video for Juniper Bike Hire in Keswick: electric bikes by the hour, helmets free. "
                        "Book at juniperbikes.co.uk")
    text = said(sb)
    assert reading.brand == "Juniper Bike Hire"
    assert "electric bikes by the hour" in text.lower() and "helmets free" in text.lower()
    assert "Keswick" in text
    assert len(sb.scenes) >= 2 and "juniperbikes.co.uk" in sb.scenes[-1].narration


def test_what_the_brand_is_is_said_with_its_name():
    sb, _ = board("Launch promo for Copperleaf Teas, loose-leaf blends from Darjeeling. 20 seconds. Shop at copperleaf.tea")
    assert "Copperleaf Teas, loose-leaf blends from Darjeeling" in said(sb)
    sb, _ = board("Welcome video for Marlow Pottery, a community studio in Leeds. Classes run every weekend. "
                  "Sign up at marlowpottery.org")
    assert "Marlow Pottery is a community studio in Leeds" in said(sb)


def test_a_list_of_verb_phrases_keeps_its_subject_when_said_item_by_item():
    sb, _ = board("45-second intro for Brook Lane Library. We lend 12,000 books a year, host a coding club on Tuesdays, "
                  "and run free English classes every Friday. Visit us on Brook Lane.")
    lines = [s.narration for s in sb.scenes]
    assert not any(re.match(r"(?:Host|Run) ", n) for n in lines), lines
    assert "coding club" in said(sb) and "English classes" in said(sb)


def test_a_numbered_structure_keeps_its_scene_count():
    sb, reading = board("Ad for Fold & Go strollers. 45 seconds. Scenes: 1) hook: a parent juggling bags on a bus "
                        "2) solution: folds with one hand in two seconds 3) features: 6.5 kg, fits a cabin locker, "
                        "five-year warranty 4) cta: find it at foldandgo.com")
    assert len(reading.structure) == 4
    assert len(sb.scenes) == 4
    assert sb.scenes[2].bullets == ["6.5 kg", "Fits a cabin locker", "Five-year warranty"]
    assert "foldandgo.com" in sb.scenes[-1].narration
    assert not re.search(r"\b(?:hook|solution|features|cta)\b", said(sb), re.I)


def test_a_requested_length_is_shared_not_parked_on_one_card():
    sb, _ = board("Explainer for Nestwise, 60 seconds. Nestwise finds childcare near you. 4 in 5 parents found a place "
                  "within a week. Download Nestwise free.")
    assert abs(sum(s.duration_budget for s in sb.scenes) + 0.5 * len(sb.scenes) - 60) <= 6
    holds = [s.hold for s in sb.scenes if s.role is not SceneRole.cta]
    assert len(holds) >= 2 and min(holds) > 0, holds  # every scene before the call to action shares the time


def test_what_the_video_is_told_to_explain_is_said_and_what_it_must_leave_out_is_not():
    sb, reading = board("We're Tern Heat Pumps, installers in Devon.\n\nThis video should explain that a heat pump cuts "
                        "bills by 40% and qualifies for a £7,500 grant. Don't mention competitors. Keep it to 30 seconds. "
                        "Call 01392 555 010.")
    text = said(sb)
    assert reading.brand == "Tern Heat Pumps"
    assert "40%" in text and "£7,500 grant" in text
    assert "competitors" not in text and "30 seconds" not in text


def test_markdown_marks_are_not_words():
    sb, _ = board("## Winter Menu - Larder & Loaf\n**Length:** 20 seconds\n**Dishes:** leek soup, venison pie, apple crumble\n"
                  "Order at larderandloaf.com")
    text = said(sb)
    assert "#" not in text and "*" not in text
    assert "venison pie" in text.lower()


def test_a_length_that_is_a_ceiling_is_not_padded_to():
    sb, reading = board("No more than 45 seconds. Promo for Quillbox, a notebook that scans your pages: pages sync to "
                        "the cloud. Buy at quillbox.com")
    assert reading.directions.duration == 45 and reading.directions.duration_limit
    assert sb.target_duration < 45 and not sb.duration_requested


def test_where_it_is_posted_is_neither_the_brand_nor_said():
    sb, reading = board("We're launching Pebblepay, a pocket money app for kids. Parents set weekly allowances and "
                        "savings goals. We want a 30 second video for TikTok and Instagram, vertical. Get it on iOS.")
    assert reading.brand == "Pebblepay"
    assert "TikTok" not in said(sb) and "Instagram" not in said(sb)


def test_a_quotation_after_says_keeps_its_author():
    sb, _ = board("Appeal for the Kettle Club, 30 seconds. Volunteer Sam Osei says: \"Every Thursday someone tells me "
                  "this is the only chat they've had all week.\" We host 12 lunch clubs in Hull. Give at kettleclub.org")
    quote = next(s for s in sb.scenes if s.role is SceneRole.quote)
    assert "Sam Osei" in quote.narration and quote.lower_third is not None


def test_the_request_and_an_appositive_head_are_not_items_of_the_series():
    sb, reading = board("A 20-second video for Larkspur Pilates, a calm studio with reformer classes, mat sessions and private lessons. "
                        "Book at larkspurpilates.com")
    assert [[i.text for i in lst.items] for lst in reading.lists] == [["reformer classes", "mat sessions", "private lessons"]]
    shown = [b for s in sb.scenes for b in s.bullets]
    assert not any("video" in b.lower() or "studio" in b.lower() for b in shown)


def test_a_greeting_from_a_brand_is_a_frame_not_a_line():
    sb, _ = board("A short hello from Brindle Bookbinders: leather journals and repairs of old bibles. Visit brindlebooks.co.uk")
    text = said(sb)
    assert "hello from" not in text.lower() and "leather journals" in text and "Brindle Bookbinders" in text


def test_a_brief_that_ends_on_the_name_without_a_stop():
    sb, reading = board("A 20-second intro for Orbit Gym")
    assert reading.brand == "Orbit Gym" and "Orbit Gym" in said(sb)
