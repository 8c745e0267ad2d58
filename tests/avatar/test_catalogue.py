import pytest

from onetake.avatar.catalogue import PresenterInfo, get_presenter, list_presenters


def test_at_least_six_distinct_presenters():
    ps = list_presenters()
    assert len(ps) >= 6
    assert len({p.id for p in ps}) == len(ps)
    assert {p.gender for p in ps} == {"male", "female"}
    assert {p.age_group for p in ps} == {"young", "adult", "senior"}
    assert len({p.skin_tone for p in ps}) >= 4
    assert len({p.look.hair_style for p in ps}) >= 6
    assert len({p.look.outfit for p in ps}) >= 5
    assert any("lab coat" in p.style for p in ps)
    assert any(p.look.glasses != "none" for p in ps)


def test_default_voices_follow_gender():
    for p in list_presenters():
        assert p.default_voice_id == ("joe" if p.gender == "male" else "heart")


def test_get_presenter_and_unknown_id():
    p = get_presenter("ava")
    assert isinstance(p, PresenterInfo) and p.name
    with pytest.raises(KeyError) as err:
        get_presenter("nobody")
    msg = str(err.value)
    for q in list_presenters():
        assert q.id in msg


def test_presenters_serialise_to_json():
    for p in list_presenters():
        assert PresenterInfo.model_validate_json(p.model_dump_json()) == p
