from onetake.agent.casting import cast, match_presenter
from onetake.avatar.catalogue import get_presenter
from onetake.errors import InvalidInput

import pytest


def test_brief_descriptions_pick_matching_presenters():
    assert get_presenter(match_presenter("a friendly older male dentist").id).gender == "male"
    assert get_presenter(match_presenter("our CEO, Sarah").id).gender == "female"
    older = get_presenter(match_presenter("an older woman, retired teacher").id)
    assert (older.gender, older.age_group) == ("female", "senior")


def test_voice_follows_the_presenter_unless_named():
    male = cast("a male narrator", None, None)
    assert male.voice_id == "joe"
    assert cast("a male narrator", None, "heart").voice_id == "heart"


def test_explicit_ids_win_and_unknown_ids_are_refused():
    assert cast("a woman", "george", None).presenter_id == "george"
    with pytest.raises(InvalidInput) as caught:
        cast("", "nobody", None)
    assert caught.value.field == "avatar"


def test_no_cues_spread_across_the_catalogue_but_stay_stable():
    picks = {cast("", None, None, variety=f"prompt {i}").presenter_id for i in range(30)}
    assert len(picks) >= 4
    assert cast("", None, None, variety="same").presenter_id == cast("", None, None, variety="same").presenter_id


@pytest.mark.parametrize("avatar_id,gender", [("Judy_ConfidentSpeaking_Front_public", "female"), ("Anna_public_3_20240108", "female"), ("Josh_lite3_20230714_public", "male")])
def test_reference_public_ids_map_to_the_closest_stock_presenter(avatar_id, gender):
    chosen = cast("", avatar_id, None)
    presenter = get_presenter(chosen.presenter_id)
    assert presenter.gender == gender
    assert chosen.voice_id == presenter.default_voice_id
    assert any(avatar_id in n and presenter.id in n for n in chosen.notes)


def test_unknown_ids_name_the_field():
    with pytest.raises(InvalidInput, match="unknown avatar id 'Nobody_Special'") as caught:
        cast("", "Nobody_Special", None)
    assert caught.value.field == "avatar"
    with pytest.raises(InvalidInput) as caught:
        cast("", None, "robot")
    assert caught.value.field == "voice"


def test_voice_speaks_the_storyboard_language_and_keeps_the_gender():
    assert cast("our CEO, Sarah", None, None, language="es").voice_id == "espeak-es-female"
    assert cast("a friendly older male dentist", None, None, language="fr-FR").voice_id == "espeak-fr-male"
    assert cast("our CEO, Sarah", None, None, language="en").voice_id == "heart"
    assert cast("a man", None, "heart", language="es").voice_id == "heart"  # a named voice wins
    with pytest.raises(InvalidInput) as caught:
        cast("", None, None, language="xx")
    assert caught.value.field == "language"


def test_saved_photo_avatars_cast_by_id(tmp_path, monkeypatch):
    from onetake.avatar.photo.store import delete_saved, list_saved, save_avatar
    from tests.avatar.photo_media import grace_hopper

    monkeypatch.setenv("ONETAKE_HOME", str(tmp_path))
    saved = save_avatar(grace_hopper(), "Grace Hopper", gender="female")
    assert saved.id == "grace-hopper" and [a.id for a in list_saved()] == ["grace-hopper"]
    chosen = cast("a man", "grace-hopper", None)
    assert chosen.photo is not None and chosen.photo.name == "Grace Hopper" and chosen.voice_id == "heart"
    assert chosen.presenter_name == "Grace Hopper"
    with pytest.raises(InvalidInput, match="stock presenter"):
        save_avatar(grace_hopper(), "George", reserved={"george"})
    assert delete_saved("grace-hopper") and list_saved() == []


def test_photo_cast_from_the_brief_and_fallback(tmp_path):
    from onetake.brief.intake import make_brief
    from onetake.pipeline import plan_and_cast
    from tests.avatar.photo_media import grace_hopper, landscape_no_face

    prompt = "A 10-second welcome from Grace, our founder. Use the provided image as the speaking avatar."
    _, chosen = plan_and_cast(make_brief(prompt, files=[grace_hopper()]))
    assert chosen.photo is not None and chosen.photo.name == "Grace" and chosen.voice_id == "heart"
    _, fallback = plan_and_cast(make_brief(prompt, files=[landscape_no_face(tmp_path)]))
    assert fallback.photo is None and "no face found" in fallback.notes[0]
    _, explicit = plan_and_cast(make_brief("A 10-second welcome.", avatar_image=grace_hopper()))
    assert explicit.photo is not None
    with pytest.raises(InvalidInput) as caught:
        plan_and_cast(make_brief("A 10-second welcome.", avatar_image=landscape_no_face(tmp_path)))
    assert caught.value.field == "avatar_image"


def test_video_style_leans_the_pick_but_the_description_wins():
    playful = {cast("", None, None, variety=f"v{i}", style_tags=("playful", "social")).presenter_id for i in range(12)}
    assert all({"casual", "creator", "lifestyle"} & set(get_presenter(p).style) for p in playful)
    corporate = cast("a friendly older male dentist", None, None, style_tags=("playful",))
    assert get_presenter(corporate.presenter_id).gender == "male" and "lab coat" in get_presenter(corporate.presenter_id).style


@pytest.mark.parametrize("avatar_id,gender", [("Daisy-inskirt-20220818", "female"), ("Brandon_expressive_public", "male"), ("Adriana_Business_Front_public", "female")])
def test_more_reference_names(avatar_id, gender):
    if "_public" not in avatar_id:
        with pytest.raises(InvalidInput):  # only _public ids map; others are unknown
            cast("", avatar_id, None)
        return
    assert get_presenter(cast("", avatar_id, None).presenter_id).gender == gender


def test_brand_words_that_are_names_do_not_set_the_gender():
    assert cast("A video for Ruby's Bakery", None, None, variety="x").presenter_id == cast("A video for the bakery", None, None, variety="x").presenter_id
