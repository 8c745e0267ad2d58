"""Classes of misreading found on briefs nobody on the team wrote (2026-12-04), each tested on briefs written
for this file: a quotation split by its own full stops, a participle read as an order, instructions wrapped
around a call to action, a clause whose objects looked like a list, footage named by what it shows, a labelled
tone inside a paragraph, a square frame, a description whose number is part of it, and an opening when the
brief names no business."""

from __future__ import annotations

import pytest

from onetake.agent.reading import read
from onetake.agent.writer import write
from onetake.brief.models import Brief
from onetake.visuals.assets import pick_icons
from onetake.voice.pace import speech_clock


def board(prompt: str):
    brief = Brief(prompt=prompt)
    reading = read(brief)
    return write(reading, brief, speech_clock(2.9, reading.language)), reading


def said(sb) -> str:
    return " ".join(s.narration for s in sb.scenes)


def test_a_quotation_of_several_sentences_is_one_quote_with_its_author():
    sb, reading = board('Testimonial for Larch Physio. A quote from Dev, a runner: "My knee gave out in May. '
                        'By August I ran my first 10k." 30 seconds.')
    assert [q.text for q in reading.quotes] == ["My knee gave out in May. By August I ran my first 10k."]
    assert reading.quotes[0].author == "Dev"
    assert "A quote from" not in said(sb) and '."' not in said(sb)


def test_a_participle_opening_a_sentence_is_no_call_to_action():
    _, reading = board("Staff notice for the Hillside depot. From 3 June, shifts start at 6am; lockers move to bay 4. "
                       "Questions to Sam Reyes.")
    assert reading.cta is None or "shift" not in reading.cta.text.lower()
    _, reading = board("Update for Corbel members. Beginning next week, the pool opens at 7am.")
    assert reading.cta is None


@pytest.mark.parametrize("prompt, expected", [
    ("Appeal for Riverbank Food Bank: 300 families a week. Ask viewers to give at riverbankfood.org/give.",
     "Give at riverbankfood.org/give."),
    ("Promo for Loom & Kettle cafe. Tell people to order ahead at loomkettle.cafe.", "Order ahead at loomkettle.cafe."),
])
def test_an_instruction_around_the_call_to_action_is_unwrapped(prompt, expected):
    sb, reading = board(prompt)
    assert reading.cta.text == expected
    assert "viewers" not in said(sb).lower() and "tell people" not in said(sb).lower()


def test_a_clause_after_a_colon_whose_objects_are_joined_is_one_sentence():
    sb, reading = board("Hiring video for Brightmill Bakery in Derby: we need 3 bakers and 2 drivers. Apply at brightmill.jobs")
    assert not any("drivers" == i.text.split()[-1] and len(lst.items) >= 2 for lst in reading.lists for i in lst.items)
    assert "We need 3 bakers and 2 drivers." in said(sb)


def test_footage_or_a_photo_is_a_visual_request_for_what_it_shows():
    sb, reading = board("Recruitment video for Ostara Farms. We pick 40 tonnes of apples a season. "
                        "Show orchard footage and a crew photo.")
    assert [v.nouns for v in reading.visual_requests] == [["orchard", "crew"]]
    assert "Show" not in said(sb) and "footage" not in said(sb)
    assert any(s.serves for s in sb.scenes)


def test_a_labelled_tone_inside_a_paragraph_is_read_as_tone():
    sb, reading = board("Promo for Fernhill Climbing Wall, 30 seconds. Tone: bold but friendly. Day passes are £12.")
    assert reading.directions.tone == ["bold", "friendly"]
    assert "bold" not in said(sb).lower()


@pytest.mark.parametrize("prompt, square", [
    ("Explainer for Pebble Bank, 30 seconds, square format.", True),
    ("Make it 1:1, 20 seconds: Pebble Bank savings at 4%.", True),
    ("Promo for Pebble Bank: book a 1:1 session with an adviser.", False),
    ("Pebble Bank's new branch on the town square, 2,000 square feet.", False),
    ("Vertical video for Pebble Bank, with a square logo.", False),
])
def test_a_square_frame_only_when_the_brief_asks_for_one(prompt, square):
    sb, reading = board(prompt)
    assert reading.directions.square is square
    assert (sb.width == sb.height) is square


def test_a_description_keeps_the_number_that_belongs_to_it():
    sb, _ = board("Listing video for 9 Rowan Close, a 4-bedroom detached house with a double garage, solar panels and a pond.")
    assert "4-bedroom detached house" in said(sb)
    assert "solar panels" in said(sb)


def test_with_no_business_named_the_video_opens_on_what_it_is_and_for_whom():
    sb, _ = board("Fire drill reminder for night-shift nurses, 30 seconds. Alarms are tested on Tuesdays at 2am. "
                  "Meet at assembly point C.")
    assert sb.scenes[0].narration == "A fire drill reminder for night-shift nurses."


def test_an_authorless_quotation_is_a_line_to_say_not_a_testimonial():
    sb, _ = board('Ad for Quillby pens. Hook: "Still signing with a dead biro?" Refills last 3 times longer.')
    assert not any(s.role.value == "quote" for s in sb.scenes)
    assert "Still signing with a dead biro?" in said(sb)


def test_an_icon_grid_shows_the_things_named_and_never_a_look_alike():
    assert [i.split(":")[1] for i in pick_icons("always wear a helmet")] in (["rescue-worker-helmet"], ["helmet"], ["military-helmet"])
    icons = pick_icons("fresh loaves, croissants")
    assert len(icons) == 2 and any("croissant" in i for i in icons) and any("bread" in i for i in icons)
    heads = [i.split(":")[1].split("-")[0] for i in pick_icons("prenatal, sauna")]
    assert len(heads) == len(set(heads))  # never pregnant-person beside pregnant-woman


def test_a_frame_before_a_colon_is_not_a_description_of_the_video():
    sb, reading = board('Trailer for our audiobook "Salt Winter": a lighthouse keeper finds a letter from 1911. '
                        "Out on 2 March.")
    assert reading.brand == "Salt Winter"
    assert "A lighthouse keeper finds a letter from 1911." in said(sb)


def test_an_addressee_asked_to_act_hears_the_act_itself():
    _, reading = board("Promo for Alder Choir. Encourage everyone to sign up at alderchoir.org before June.")
    assert reading.cta.text.startswith("Sign up at alderchoir.org")


def test_a_request_with_a_date_says_its_subject_and_when():
    sb, reading = board("Invite for our winter market at Fennel Yard, Sunday 8 December, 10am-3pm. 40 stalls and mulled cider.")
    assert "Fennel Yard" in (reading.brand or "")
    assert "Sunday 8 December, 10am-3pm" in said(sb)
    assert not said(sb).startswith("Invite")


def test_questions_and_answers_are_said_together_in_order():
    sb, _ = board("FAQ for Hollin Swim School, 30 seconds.\nQ: What age can children start? A: From 4 months.\n"
                  "Q: Do I need to stay in the pool?\nA: Only for babies under 3.")
    text = said(sb)
    assert "What age can children start? From 4 months." in text
    assert "Do I need to stay in the pool? Only for babies under 3." in text
    assert "Q:" not in text and "A:" not in text


def test_a_listed_item_that_is_a_figure_is_shown_as_a_stat():
    sb, _ = board("Year in review for Tarn Credit Union, 45 seconds.\nHighlights:\n- members up 9% to 12,400\n"
                  "- loans approved in 2 days on average\n- a new branch opened in Kendal")
    assert any(s.role.value == "stat" and "9%" in s.narration for s in sb.scenes)


def test_words_describing_the_video_or_its_length_are_its_tone():
    _, reading = board("Please make a short upbeat video for Pine & Pixel asking people to sign up at pinepixel.io")
    assert "upbeat" in reading.directions.tone and "short" not in reading.directions.tone
    assert reading.cta.text == "Sign up at pinepixel.io."
    _, reading = board("Results update for the trustees of Kestrel Trust. 40 seconds, sombre.")
    assert reading.directions.tone == ["sombre"]


def test_a_capitalised_name_is_never_an_audience():
    _, reading = board("Promo video for Harbour Hire. Boats from £40 an hour.")
    assert reading.brand == "Harbour Hire" and not reading.audience


def test_a_documents_title_lines_name_the_product_and_say_what_it_is(tmp_path):
    from onetake.brief.intake import make_brief
    from onetake.pipeline import plan_and_cast
    from tests.agent.pdfs import write_pdf

    sheet = write_pdf(tmp_path / "sheet.pdf", [["LUMA 3 - Fact sheet", "Solar lantern for campsites and sheds",
                                                "Price: GBP 39, 1-year warranty", "Charges in 6 hours of sun",
                                                "Order at luma-light.co.uk"]])
    sb, _ = plan_and_cast(make_brief(prompt="A 25-second promo from the attached sheet.", files=[sheet]))
    text = " ".join(s.narration for s in sb.scenes)
    assert sb.brand == "LUMA 3"
    assert "solar lantern for campsites and sheds" in text.lower()
    assert "fact sheet" not in text.lower()
    assert text.index("lantern") < text.index("GBP 39") < text.index("6 hours")  # the document's order


def test_a_short_line_led_by_a_direction_word_is_a_direction_in_any_language():
    sb, reading = board("Vidéo de 20 secondes pour la Fromagerie Roux à Lyon : comté, brie et chèvre frais. Ambiance conviviale.")
    assert "conviviale" not in said(sb).lower()
    assert "conviviale" in reading.directions.tone


def test_a_notice_for_an_audience_at_a_place_names_both():
    sb, reading = board("Reminder for residents at Millbrook Court: the lifts are serviced on Tuesday 4 March, 9am to 1pm.")
    assert reading.brand == "Millbrook Court" and reading.audience == "residents"
    assert "Millbrook Court" in said(sb) and "Tuesday 4 March" in said(sb)


def test_steps_are_said_in_turn_and_an_order_keeps_both_its_objects():
    sb, _ = board("Quick how-to from Birch Lane Bikes, 30 seconds. Steps: remove the wheel, find the puncture, "
                  "patch it and refit the tyre, pump to 60 psi.")
    text = said(sb)
    assert text.index("First") < text.index("remove the wheel") < text.index("pump to 60 psi")
    sb, _ = board("How-to from Salt & Ember, 30 seconds. Steps: rub the steak with salt, sear it for 2 minutes, add butter and thyme.")
    assert "add butter and thyme" in said(sb).lower()
    assert not any(s.narration.strip(". ").lower().endswith("thyme") and "butter" not in s.narration.lower() for s in sb.scenes)


def test_a_brief_typed_without_punctuation_is_cut_where_a_subject_or_an_order_begins():
    sb, reading = board("short 20s ad for Pinewood Joinery we build fitted wardrobes and kitchens in oak and walnut call us on 0113 496 0550")
    assert reading.brand == "Pinewood Joinery"
    assert reading.cta is not None and reading.cta.text.startswith("Call us on 0113 496 0550")
    assert "We build fitted wardrobes and kitchens in oak and walnut." in said(sb)


def test_opening_hours_are_not_an_order_to_open_the_video():
    sb, _ = board("Promo for Fig & Fennel deli, 20 seconds. Open Monday to Saturday from 8am. Order at figfennel.co.uk")
    assert "Open Monday to Saturday from 8am." in said(sb)


def test_a_step_that_takes_time_is_a_step_not_a_stat():
    sb, _ = board("How to descale the Brewmate kettle in 3 steps:\n1. Fill it with vinegar for 20 minutes\n"
                  "2. Rinse it twice\n3. Boil fresh water once\n25 seconds.")
    assert not any(s.role.value == "stat" for s in sb.scenes)
    assert "First, fill it with vinegar for 20 minutes." in said(sb)


def test_a_list_of_things_wanted_is_said_without_a_borrowed_subject():
    sb, _ = board("Job ad for Fernwick Labs. We're hiring a data engineer and want 3+ years of Spark, fluency in SQL, "
                  "and calm under pressure. Apply at fernwick.io/jobs")
    assert not any(s.narration.startswith(("We fluency", "We calm", "We We")) for s in sb.scenes)


def test_emoji_and_hashtags_are_never_said():
    sb, reading = board("reel 🌿 for Moss & Mortar garden studio, new terrarium workshop on Sunday!! 12 places 🪴 #terrarium #diy")
    assert reading.brand == "Moss & Mortar"
    assert "#" not in said(sb) and "🪴" not in said(sb) and "🌿" not in said(sb)


def test_what_the_presenter_should_say_is_said_to_the_viewer_clause_by_clause():
    sb, reading = board("Welcome video from our head teacher, Daniel Price, to new parents at Elmwood School. He should say "
                        "that we're delighted they chose us, that the gates open at 8:30am, and that uniform is on sale in "
                        "the office. 40 seconds, he presents.")
    text = said(sb)
    assert text.startswith("Hi, I'm Daniel Price")
    assert "We're delighted you chose us. The gates open at 8:30am. Uniform is on sale in the office." in text
    assert reading.directions.presenter.gender == "male" and "should say" not in text


def test_a_viewers_act_is_kept_whole_and_a_quote_from_a_role_keeps_its_author():
    sb, reading = board('Appeal for Ashgrove Hospice. Quote from nurse Ellen Park: "Nobody here dies alone." Give at ashgrove.org/give')
    assert reading.cta.text == "Give at ashgrove.org/give."
    assert reading.quotes[0].author == "Ellen Park" and reading.quotes[0].role == "nurse"


def test_a_hyphenated_name_and_an_owned_subject_with_detail_are_said():
    sb, _ = board("Product launch for the Vela e-scooter. 40 km range. Pre-order at vela.ride")
    assert sb.scenes[0].narration == "The Vela e-scooter."
    sb, _ = board("Need a video for our surf camp in Cornwall. 5 days, all boards included. Book at surfkernow.uk")
    assert sb.scenes[0].narration == "Our surf camp in Cornwall."


def test_a_described_host_is_a_direction_never_said():
    sb, reading = board("Promo for Juniper Spa, 20 seconds. Massages from £60. Serene and slow, male host in his 50s.")
    assert "host" not in said(sb).lower() and reading.directions.presenter.gender == "male"


def test_an_order_to_explain_something_opens_on_what_it_explains():
    sb, _ = board("Explain our delivery options in under a minute for Pantry Box customers: next-day for £4.99; "
                  "free standard delivery over £40; click and collect in 2 hours. Details: pantrybox.com/delivery")
    assert said(sb).startswith("Our delivery options for Pantry Box customers.")


def test_a_section_for_context_or_directions_is_never_said():
    prompt = ("Launch video for Ferrow Boards, 30 seconds.\n\nWhat it is\nFerrow makes recycled skateboards in Bristol, "
              "each deck from 40 milk bottles.\n\nBackground for the team, not for the video\nWe started in a garage in "
              "2019 and our first batch warped in the rain.\n\nVisuals\nPlease show decks being pressed and a skater at "
              "sunset, in teal and sand colours.\n\nStructure we would like\n1) Hook: a deck made from 40 bottles\n"
              "2) CTA: order at ferrow.co")
    sb, reading = board(prompt)
    text = said(sb).lower()
    assert "40 milk bottles" in text and "garage" not in text and "warped" not in text
    assert "please show" not in text and any("deck" in v.text for v in reading.visual_requests)
    assert reading.cta is not None and "ferrow.co" in reading.cta.text


def test_a_date_is_said_never_counted_up_on_a_stat_card():
    sb, _ = board("A 30-second video for the Penrose Gallery. The new print room opens on 9 March. Entry £6.")
    assert not any(s.role.value == "stat" and "9 March" in s.narration and "£6" not in s.narration for s in sb.scenes)
