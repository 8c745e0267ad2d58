"""The Reading: one typed parse of the brief, with spans, directions kept apart from content.

Briefs here were written for these tests, not taken from the evaluation set or examples.
"""

from __future__ import annotations

import json

import pytest

from onetake.agent.reading import Reading, read
from onetake.brief.models import Brief, Orientation


def _read(prompt: str) -> Reading:
    return read(Brief(prompt=prompt), documents=[])


def _said(reading: Reading) -> str:
    return " ".join(s.text for s in reading.statements)


def test_a_time_unit_that_measures_something_else_is_not_the_duration():
    r = _read("Short explainer, 40 seconds, for Fernhill Dental in Bristol. Book a 15-minute check-up at fernhill.dental.")
    assert r.directions.duration == 40
    r = _read("A video for Fernhill Dental. Every visit starts with a 15-minute check-up.")
    assert r.directions.duration is None


@pytest.mark.parametrize("prompt,seconds", [
    ("Make a one-minute reel about our cider farm.", 60),
    ("We need a 25-second teaser for the Harbour Lights festival.", 25),
    ("Keep it under 50 seconds. It's about our new bike lane.", 50),
    ("Riders wait 20 minutes for a tram; Tramly shows when the next one comes.", None),
    ("Crea un vídeo de 30 segundos para nuestra tienda de bicicletas en Valencia.", 30),
    ("为我们的茶馆制作一个20秒的视频。", 20),
])
def test_duration_is_read_from_what_the_number_measures(prompt, seconds):
    assert _read(prompt).directions.duration == seconds


@pytest.mark.parametrize("prompt,orientation", [
    ("A vertical video for our ramen bar, Noodle Yard.", Orientation.portrait),
    ("为我们的咖啡店做一个竖屏视频，30秒。", Orientation.portrait),
    ("Ein Video im Hochformat für unsere Bäckerei.", Orientation.portrait),
    ("A widescreen 16:9 recap of the summit.", Orientation.landscape),
    ("A portrait of our founder, told in a short video.", None),
])
def test_orientation_cues_in_several_languages(prompt, orientation):
    assert _read(prompt).directions.orientation == orientation


def test_directions_are_never_statements():
    r = _read("Create a 30-second video for Juniper Books, an independent bookshop in York. Earnest, hopeful. "
              "Navy and white. Slow zooms and soft lighting. We host a reading club every Thursday at 7pm.")
    said = _said(r)
    for word in ("Earnest", "hopeful", "Navy", "zooms", "lighting"):
        assert word not in said
    assert "reading club every Thursday at 7pm" in said
    assert {"earnest", "hopeful"} <= set(r.directions.tone)
    assert len(r.directions.colours) == 2


def test_the_request_gives_subject_brand_and_description():
    r = _read("Make a 20-second video introducing Copperleaf, a plant nursery with rare ferns, bonsai kits and a cafe.")
    assert r.brand == "Copperleaf"
    assert r.description.startswith("a plant nursery")
    assert [i.text for i in r.lists[0].items] == ["rare ferns", "bonsai kits", "a cafe"]
    assert r.statements[0].text == "Copperleaf is a plant nursery with rare ferns, bonsai kits and a cafe."


def test_labelled_scenes_keep_the_label_apart_from_the_content():
    r = _read("1) hook: Lost your keys again? 2) problem: people lose 15 minutes a day looking for things "
              "3) solution: Tagwise, a tiny tracker for keys and bags 4) cta: get Tagwise at tagwise.io")
    assert [s.role for s in r.structure] == ["hook", "problem", "solution", "cta"]
    said = _said(r)
    assert "problem" not in said.lower() and "solution" not in said.lower()
    assert "Tagwise is a tiny tracker for keys and bags." in said
    assert r.cta is not None and r.cta.url == "tagwise.io"
    assert r.cta.text == "Get Tagwise at tagwise.io."


def test_a_quote_keeps_its_words_and_its_author():
    r = _read("Include a quote from Priya, a nurse in Cardiff: \"I finally get home on time.\"")
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.text == "I finally get home on time."
    assert q.author == "Priya"
    assert "nurse" in q.role
    assert r.source[q.span.start:q.span.end] == q.text


def test_instructions_are_unwrapped_into_what_to_say():
    r = _read("Tell viewers that the pool reopens on 3 March. Remind them to bring their own towels. "
              "Explain how Swimly books lanes in two taps.")
    said = [s.text for s in r.statements]
    assert "The pool reopens on 3 March." in said
    assert "Bring your own towels." in said
    assert "Swimly books lanes in two taps." in said


def test_lists_under_a_heading_and_after_a_label():
    r = _read("Onboarding for new drivers at Rook Logistics.\nThis week:\n- collect your badge\n- meet your mentor\n"
              "- finish the safety module\nRules: no phones in the cab, log every delivery, report any damage.")
    kinds = {lst.head.lower(): [i.text for i in lst.items] for lst in r.lists}
    assert kinds["this week"] == ["collect your badge", "meet your mentor", "finish the safety module"]
    assert kinds["rules"] == ["no phones in the cab", "log every delivery", "report any damage"]


def test_visual_requests_are_recorded_with_their_things():
    r = _read("A reel for Pan de Oro, our bakery in Madrid. Show warm baguettes and cinnamon rolls. Order at pandeoro.es")
    assert r.visual_requests and {"baguette", "cinnamon roll"} <= set(r.visual_requests[0].nouns)
    assert "baguettes" not in _said(r)


def test_presenter_description_is_a_direction_with_gender_and_age():
    r = _read("Explainer for Oakridge Labs. Presenter: a man in his sixties with a grey beard. We test water quality for 40 towns.")
    p = r.directions.presenter
    assert (p.gender, p.age) == ("male", "senior")
    assert "beard" not in _said(r)
    assert any(f.number == "40" for f in r.figures)


def test_spans_point_at_the_source_and_the_reading_round_trips():
    r = _read("Create a 30-second video for Tidewater Kayaks in Poole. Tours start at $35 a person. Book at tidewater.uk")
    for f in r.figures:
        assert r.source[f.span.start:f.span.end] == f.text
    assert any(f.text.startswith("$35") for f in r.figures)
    again = Reading.model_validate(json.loads(r.model_dump_json()))
    assert again == r


def test_the_plan_and_cast_follow_the_reading():
    from onetake.avatar.catalogue import get_presenter
    from onetake.pipeline import plan_and_cast

    brief = Brief(prompt="Explainer, 40 seconds, for Fernhill Dental in Bristol. Book a 15-minute check-up at fernhill.dental. "
                         "Gentle, reassuring tone. Presenter: a woman in her sixties in scrubs.")
    storyboard, cast = plan_and_cast(brief)
    assert storyboard.target_duration == 40  # not 15 minutes
    narration = " ".join(s.narration for s in storyboard.scenes).lower()
    assert "reassuring" not in narration and "gentle" not in narration
    assert get_presenter(cast.presenter_id).gender == "female"
