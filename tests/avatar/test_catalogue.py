import numpy as np
import pytest

from onetake.avatar.catalogue import PresenterInfo, get_presenter, list_presenters


def test_at_least_ten_distinct_presenters():
    ps = list_presenters()
    assert len(ps) >= 10
    assert len({p.id for p in ps}) == len(ps)
    assert {p.gender for p in ps} == {"male", "female"}
    assert {p.age_group for p in ps} == {"young", "adult", "senior"}
    assert len({p.skin_tone for p in ps}) >= 5
    assert sum(p.gender == "female" for p in ps) >= 5 and sum(p.gender == "male" for p in ps) >= 5
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


def test_tags_and_preferred_framings():
    from onetake.avatar.framing import FRAMINGS

    for p in list_presenters():
        assert p.tags[:2] == [p.gender, p.age_group] and set(p.style) <= set(p.tags)
        assert p.preferred_framings and set(p.preferred_framings) <= set(FRAMINGS)


def test_preview_video_is_rendered_by_onetake(tmp_path):
    import av

    from onetake.avatar.preview_video import write_preview_video

    path = write_preview_video(get_presenter("luis"), tmp_path / "luis.mp4", size=256)
    with av.open(str(path)) as container:
        kinds = sorted(s.type for s in container.streams)
        seconds = float(container.duration / av.time_base)
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    assert kinds == ["audio", "video"] and 2.0 < seconds < 8.0
    assert frames[0].shape == (256, 256, 3)
    assert max(np.abs(f.astype(int) - frames[0].astype(int)).mean() for f in frames) > 0.3  # it moves: it talks
