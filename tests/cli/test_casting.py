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
