"""The writer on briefs written for these tests (none is in bench/eval): it says what the brief says,
never its directions, shows what it asks to see, and fits the cast voice's time."""

from __future__ import annotations

import re

import pytest

from onetake.agent.reading import read
from onetake.agent.writer import write
from onetake.brief.models import Brief, Orientation
from onetake.voice.pace import speech_clock

CLOCK = speech_clock(2.9, "en")


def board(prompt: str, language: str = "en"):
    brief = Brief(prompt=prompt)
    reading = read(brief)
    return write(reading, brief, speech_clock(2.9, reading.language)), reading


def said(sb) -> str:
    return " ".join(s.narration for s in sb.scenes)


def shown(sb) -> str:
    return " ".join([s.on_screen_text for s in sb.scenes] + [b for s in sb.scenes for b in s.bullets]
                    + [s.visual_query for s in sb.scenes])


def test_tone_length_and_format_are_directions_never_said():
    sb, _ = board("Earnest, hopeful. 20 seconds, vertical. Volunteer with Riverside Food Bank every Saturday at 9am. "
                  "Sign up at riversidefood.org")
    text = said(sb).lower()
    for direction in ("earnest", "hopeful", "20 seconds", "vertical"):
        assert direction not in text
    assert sb.target_duration == 20 and sb.orientation is Orientation.portrait
    assert "saturday" in text and "riversidefood.org" in sb.scenes[-1].narration


def test_a_time_that_measures_something_else_is_not_the_length():
    sb, _ = board("Promo, 25 seconds, for Alder Dental in York. Book a 15-minute check-up at alderdental.co.uk")
    assert sb.target_duration == 25
    assert "15-minute check-up" in said(sb)


def test_an_aspect_ratio_is_no_length_and_the_platform_is_not_said():
    sb, _ = board("9:16 for TikTok. Kestrel Cycles: carbon road bikes from £1,900, free fitting. Visit kestrelcycles.com")
    assert sb.orientation is Orientation.portrait
    assert sb.target_duration < 60  # not 9 min 16 s
    assert "tiktok" not in said(sb).lower() and "9:16" not in said(sb)
    assert "£1,900" in said(sb)


def test_labelled_scenes_keep_their_roles_and_lose_their_labels():
    sb, _ = board("30 seconds. 1) problem: parents queue 25 minutes at pickup. 2) solution: Gatepass sends a "
                  "two-minute heads-up. 3) cta: get Gatepass at gatepass.school")
    text = said(sb).lower()
    assert "problem:" not in text and "solution:" not in text and "cta:" not in text
    roles = [s.role.value for s in sb.scenes]
    assert "problem" in roles and "solution" in roles and roles[-1] == "cta"
    assert "25 minutes" in text and "gatepass.school" in sb.scenes[-1].narration


def test_a_visual_request_is_shown_not_said():
    sb, _ = board("A 20-second spot for Marlow Bakehouse. Show a tray of cinnamon rolls. Open daily from 7am. "
                  "Order at marlowbakehouse.com")
    assert "show a tray" not in said(sb).lower()
    assert "cinnamon" in " ".join(s.visual_query for s in sb.scenes).lower()
    assert "7am" in said(sb)


def test_rules_get_a_card_each_when_the_video_has_time():
    sb, _ = board("A 45-second refresher for Halden Labs staff. Three lab rules: wear goggles at every bench; label "
                  "every sample before it leaves your hands; log each spill in the safety book the same day.")
    titles = [s.on_screen_text.lower() for s in sb.scenes]
    for rule in ("wear goggles", "label every sample", "log each spill"):
        assert sum(rule in t for t in titles) == 1, titles
    assert "Three lab rules." in said(sb)


def test_terms_stay_together_on_one_card():
    sb, _ = board("A 30-second lesson on the water cycle. Key terms: evaporation, condensation, precipitation.")
    cards = [s for s in sb.scenes if s.bullets]
    assert len(cards) == 1 and [b.lower() for b in cards[0].bullets] == ["evaporation", "condensation", "precipitation"]


BRIEFS = [
    "A 30-second video for Tern Coffee in Bristol: single-origin beans roasted on Tuesdays, oat milk at no extra cost, "
    "and a loyalty card with every tenth cup free. Warm and friendly. Visit terncoffee.co.uk",
    "Announce that Pebble Mobile now covers 4 new cities: Leeds, Derby, Hull and York. Plans from £8 a month. "
    "Energetic tone, bright yellow. Join at pebblemobile.com",
    "Make a 40 second explainer about our invoicing app Tally. It sends reminders after 7 days, accepts card payments "
    "and exports to Xero. Calm voice. Start a free trial at tally.app",
]


@pytest.mark.parametrize("prompt", BRIEFS)
def test_no_number_is_invented_and_speech_fits_the_length(prompt):
    sb, reading = board(prompt)
    source_numbers = set(re.findall(r"\d+", reading.source))
    assert set(re.findall(r"\d+", said(sb))) <= source_numbers
    spoken = sum(CLOCK(s.narration) for s in sb.scenes)
    assert spoken <= sb.target_duration
    assert sum(s.duration_budget for s in sb.scenes) <= sb.target_duration + 0.5


def test_every_sentence_carries_the_brief():
    sb, reading = board(BRIEFS[0])
    source = reading.source.lower()
    for sentence in re.split(r"(?<=[.!?])\s+", said(sb)):
        words = [w for w in re.findall(r"[\w'-]+", sentence.lower()) if len(w) > 3]
        assert words and sum(w in source for w in words) >= len(words) * 0.8, sentence


def test_without_a_length_the_video_is_as_long_as_its_content():
    sb, _ = board("Introduce Fennel & Fig, a deli in Bath with local cheeses, fresh focaccia and a small wine list. "
                  "Find us at fennelandfig.co.uk")
    assert 15 <= sb.target_duration <= 40
    assert not sb.duration_requested


def test_italian_brief_names_the_brand_and_place_and_says_its_dishes():
    sb, reading = board("Un video di 20 secondi per la Pasticceria Bruno a Torino: cannoli siciliani, bignè alla "
                        "crema e torta della nonna. Ordina su pasticceriabruno.it")
    text = said(sb)
    assert reading.language == "it" and reading.brand == "Pasticceria Bruno"
    assert "Torino" in text and "cannoli siciliani" in text.lower() and "torta della nonna" in text
    assert "20 secondi" not in text and "video" not in text.lower()


def test_spanish_show_request_is_served_and_not_said():
    sb, _ = board("Vídeo de 20 segundos para Heladería Polo en Cádiz. Muestra helados de pistacho. Abierto hasta "
                  "medianoche. Pide en heladeriapolo.es")
    assert "muestra" not in said(sb).lower()
    assert "pistacho" in " ".join(s.visual_query for s in sb.scenes).lower()


def test_a_long_brief_keeps_its_figures_and_no_scene_runs_on():
    prose = " ".join(f"Our team believes in craft and care, and sentence {w} explains our history at length." for w in
                     ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"))
    sb, _ = board(f"A 30-second video for Corvid Print. {prose} Business cards cost £25 for 500. Posters from £9. "
                  "Order at corvidprint.com")
    text = said(sb)
    assert "£25" in text and "£9" in text
    assert all(CLOCK(s.narration) <= 16.5 for s in sb.scenes)


def test_a_brief_that_describes_scenes_says_what_they_highlight_and_shows_what_they_show():
    sb, reading = board("Create a 40-second launch video with multiple scenes: an opening hook from the host, close-up "
                        "B-roll of copper kettles on a stove, a segment highlighting the kettle's whistle that stops "
                        "at 95 degrees, then a final call-to-action frame. Use the provided image as the speaking "
                        "avatar. Buy at hollowkettle.com")
    text = said(sb).lower()
    for direction in ("opening hook", "b-roll", "segment", "call-to-action frame", "avatar", "close-up"):
        assert direction not in text
    assert "whistle that stops at 95 degrees" in text
    assert "copper kettle" in " ".join(s.visual_query for s in sb.scenes).lower()
    assert reading.directions.presenter.photo_requested


def test_the_presenter_introduces_the_product_and_it_is_said():
    sb, reading = board("A 20-second ad. The presenter introduces a folding e-scooter called 'Pipit', which weighs "
                        "9 kg and folds in three seconds. Warm amber accents.")
    assert reading.brand == "Pipit"
    assert "weighs 9 kg" in said(sb) and "presenter" not in said(sb).lower()


def test_a_title_in_quotes_is_no_quotation():
    _, reading = board("Invite teachers to our workshop 'Teaching With Maps' on Friday at 4pm. Sign up at mapclass.org")
    assert reading.quotes == []


def test_a_named_presenter_says_who_they_are_once():
    sb, _ = board("A 15-second welcome from Priya, our head of support. Our help desk now answers in under an hour.")
    assert said(sb).startswith("Hi, I'm Priya")
    assert said(sb).count("Priya") == 1 and "under an hour" in said(sb)


def test_a_hyphenated_length_opening_a_line_is_no_list_number():
    sb, _ = board("60-second onboarding video for new staff at Brindle Logistics.\nTopics:\n1. Clocking in with your "
                  "badge at the east gate\n2. Where to find the first-aid stations on each floor\nQuestions go to "
                  "hr@brindle.co.uk")
    assert sb.target_duration == 60
    assert "second onboarding" not in said(sb).lower()
    titles = [s.on_screen_text for s in sb.scenes]
    assert "Clocking in with your badge at the east gate" in titles  # whole, not cut after "the"


def test_a_script_of_several_sentences_is_read_whole_and_its_cue_is_not_said():
    sb, _ = board('Read this word for word, friendly voice:\n"Morning, Kestrel Bay. The ferry now leaves at 7:40. '
                  'Tickets are on the app. See you on board."')
    assert said(sb) == "Morning, Kestrel Bay. The ferry now leaves at 7:40. Tickets are on the app. See you on board."


@pytest.mark.parametrize("length", ["", "20 second "])
def test_a_question_to_the_maker_is_not_said_but_its_topic_is(length):
    sb, _ = board(f"could you make a quick {length}video about caring for cast iron pans? dry them straight away, oil them "
                  "thinly after each wash, and never soak them. panhandle.shop")
    text = said(sb).lower()
    assert "could you" not in text and "caring for cast iron pans" in text
    assert "never soak them" in text and "panhandle.shop" in sb.scenes[-1].narration
