"""Art direction: layouts chosen from each scene's role and words, never one layout twice in a row."""

import pytest

from tests.planning import plan
from onetake.agent.storyboard import Layout, Scene, SceneRole
from onetake.brief.models import Brief
from onetake.visuals.direction import assign_layouts, design, stat_headline
from onetake.visuals.figures import split_figure
from onetake.visuals.layouts.cards import counting
from tests.examples import example_prompts


def _scene(i, role, layout, narration="We help teams ship.", text="", bullets=(), media=()):
    return Scene(id=f"s{i}", role=role, layout=layout, narration=narration, on_screen_text=text, bullets=list(bullets), media=list(media), duration_budget=4)


@pytest.mark.parametrize("example", example_prompts(), ids=lambda e: e["name"])
def test_no_two_consecutive_scenes_share_a_layout_in_the_example_prompts(example):
    brief = Brief(prompt=example["prompt"], duration=example.get("duration"))
    board = design(plan(brief), brief)
    layouts = [s.layout for s in board.scenes]
    assert all(a is not b for a, b in zip(layouts, layouts[1:])), layouts
    assert Layout.end_card not in layouts[:-1]
    if board.cta:  # a call to action closes on the end card
        assert layouts[-1] is Layout.end_card


def test_repeated_planner_layouts_are_varied_and_rich_content_gets_its_layout():
    scenes = [
        _scene(0, SceneRole.hook, Layout.presenter_full, "Meet the fastest way to plan your week."),
        _scene(1, SceneRole.presenter, Layout.presenter_full, "Teams using it cut missed deadlines by 40% in a month."),
        _scene(2, SceneRole.presenter, Layout.presenter_full, 'As one customer put it, "this is the calmest our launches have ever been."'),
        _scene(3, SceneRole.bullets, Layout.bullets, "Here is what you get.", "What you get", ["Plans", "Reminders"]),
        _scene(4, SceneRole.bullets, Layout.bullets, "And more.", "More", ["Sharing", "Reports"]),
        _scene(5, SceneRole.presenter, Layout.presenter_full),
        _scene(6, SceneRole.presenter, Layout.presenter_full),
        _scene(7, SceneRole.cta, Layout.end_card, "Visit acme.io today."),
    ]
    out = assign_layouts(scenes)
    layouts = [s.layout for s in out]
    assert layouts[0] is Layout.kinetic
    assert layouts[1] is Layout.stat and out[1].on_screen_text.startswith("40%")
    assert layouts[2] is Layout.quote and out[2].on_screen_text == "this is the calmest our launches have ever been."
    assert all(a is not b for a, b in zip(layouts, layouts[1:])), layouts
    assert layouts[-1] is Layout.end_card
    # The brief can ask for the same framing throughout, or for few graphics.
    assert [s.layout for s in assign_layouts(scenes[5:7], allow_repeats=True)] == [Layout.presenter_full] * 2
    assert assign_layouts(scenes[:2], few_graphics=True)[0].layout is Layout.presenter_full


def test_scenes_with_pictures_alternate_b_roll_and_split_screen():
    scenes = [_scene(i, SceneRole.broll, Layout.broll, media=[0]) for i in range(3)]
    assert [s.layout for s in assign_layouts(scenes)] == [Layout.broll, Layout.split_screen, Layout.broll]


def test_figures_are_found_but_years_times_and_counts_are_not_stats():
    assert stat_headline(_scene(0, SceneRole.presenter, Layout.presenter_full, "Founded in 2019, we open at 9 am.")) == ""
    assert stat_headline(_scene(0, SceneRole.presenter, Layout.presenter_full, "Choose from 3 plans.")) == ""
    assert stat_headline(_scene(0, SceneRole.presenter, Layout.presenter_full, "Over 10,000 listeners tune in every week.")).startswith("10,000 listeners")
    assert split_figure("3x faster checkouts") == ("3x", "faster checkouts")
    assert split_figure("No numbers here") == ("", "No numbers here")
    assert counting("10,000+", 0.5) == "5,000+" and counting("87%", 0.0) == "0%" and counting("4.5M", 1.0) == "4.5M"


def test_the_brief_picks_the_style_and_named_colours_override_it():
    brief = Brief(prompt="A premium video for an Art Deco jewelry atelier, elegant and gold")
    board = design(plan(brief), brief)
    assert board.style_id == "gilded" and board.palette.background == "#0C0B0A"
    coloured = Brief(prompt="A premium video for an Art Deco jewelry atelier. Palette: cobalt, cream, brass and coral.")
    board = design(plan(coloured), coloured)
    assert board.palette_from_brief and board.palette.background != "#0C0B0A"
    named = Brief(prompt="A video about our bakery", style_id="terminal")
    assert design(plan(named), named).style_id == "terminal"


def test_a_layout_seen_in_the_last_two_scenes_gives_way_to_another_that_fits():
    scenes = [
        _scene(0, SceneRole.broll, Layout.title_card, text="Rings"),
        _scene(1, SceneRole.presenter, Layout.presenter_panel, text="Craft"),
        _scene(2, SceneRole.broll, Layout.title_card, text="Tools"),
    ]
    assert [s.layout for s in assign_layouts(scenes)] == [Layout.title_card, Layout.presenter_panel, Layout.split_screen]


def test_kinetic_lines_drop_the_pause_punctuation_but_keep_the_voice():
    from onetake.visuals.layouts.cards import kinetic_line

    assert kinetic_line(["PulseKey,"]) == ["PulseKey"]
    assert kinetic_line(["in", "one", "object."]) == ["in", "one", "object"]
    assert kinetic_line(["Ready?"]) == ["Ready?"] and kinetic_line(["Wait..."]) == ["Wait..."] and kinetic_line([]) == []
