"""Photo avatars from the two public-domain portraits that ship in wheels, and photos that cannot be one."""

from __future__ import annotations

import numpy as np
import pytest
import skia

from onetake.avatar.motion import Pose
from onetake.avatar.mouth import SHAPES
from onetake.avatar.photo import prepare_photo
from onetake.avatar.photo.landmarks import check_pose, face_height
from onetake.avatar.photo.rig import PhotoRig
from onetake.avatar.photo.source import MAX_PHOTO_BYTES
from onetake.avatar.visemes import VISEMES, OPENNESS
from onetake.errors import InvalidInput
from tests.avatar import photo_media


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    return tmp_path_factory.mktemp("photos")


@pytest.fixture(scope="module", params=["astronaut", "grace_hopper"])
def avatar(request, media):
    path = photo_media.astronaut(media) if request.param == "astronaut" else photo_media.grace_hopper()
    return prepare_photo(path)


@pytest.fixture(scope="module")
def rig(avatar):
    return PhotoRig(avatar, "full", 640, 360)


def frame(rig: PhotoRig, viseme: str = "sil", pose: Pose | None = None) -> np.ndarray:
    return rig.render(SHAPES[viseme], pose or Pose()).toarray(colorType=skia.kRGBA_8888_ColorType)[:, :, :3].astype(np.int32)


def box(rig: PhotoRig, ids: list[int], pad: float) -> tuple[slice, slice]:
    p = rig.base.points[ids] - rig.base.margin
    x0, y0 = p.min(axis=0) - pad
    x1, y1 = p.max(axis=0) + pad
    return slice(max(0, int(y0)), int(y1) + 1), slice(max(0, int(x0)), int(x1) + 1)


def test_both_portraits_give_one_upright_face(avatar):
    pts = avatar.landmarks()
    assert pts.shape == (478, 2) and avatar.faces_found == 1 and avatar.notes == []
    assert face_height(pts) > 96
    assert pts[61][0] < pts[291][0] and pts[10][1] < pts[1][1] < pts[152][1]  # mouth corners and face run the right way


def test_every_viseme_renders_and_open_ones_open_the_mouth(rig):
    mouth = box(rig, [61, 291, 0, 17], rig.warp.mouth.w * 0.4)
    rest = frame(rig, "sil")[mouth]
    for v in VISEMES:
        img = frame(rig, v)
        assert img.shape == (360, 640, 3)
        change = np.abs(img[mouth] - rest).mean()
        if OPENNESS[v] >= 0.5:
            assert change > 6, v  # the jaw drops and the drawn interior shows
        dark = (img[mouth].sum(axis=2) < 150).mean()
        if v == "aa":
            assert dark > 0.04  # a mouth cavity, not a stretched lip
    assert np.abs(frame(rig, "aa")[mouth] - frame(rig, "sil")[mouth]).mean() > np.abs(frame(rig, "I")[mouth] - rest).mean() * 0.5


def test_silence_is_the_photo_itself_away_from_the_mouth(rig):
    base = rig.base.bgra[rig.base.margin:-rig.base.margin, rig.base.margin:-rig.base.margin, 2::-1].astype(np.int32)
    img = frame(rig, "sil")
    assert np.abs(img[:60] - base[:60]).mean() < 1.0  # no pose: the top of the frame is untouched


def test_blink_closes_the_eyes_and_spares_what_is_above_them(rig):
    eye = box(rig, [33, 133, 159, 145], 2)
    open_, shut = frame(rig), frame(rig, pose=Pose(blink=1.0))
    assert np.abs(shut[eye] - open_[eye]).mean() > 4
    e = rig.warp.eyes[0]
    above_y = int(e.upper[:, 1].min() - e.reach - 3 - rig.base.margin)
    rows = slice(max(0, above_y - 12), above_y)
    cols = slice(int(e.x0 - rig.base.margin), int(e.x1 - rig.base.margin))
    assert np.abs(shut[rows, cols] - open_[rows, cols]).max() <= 2  # glasses rims and brows stay put


def test_head_sway_moves_the_head_not_the_frame_bottom(rig):
    still, moved = frame(rig), frame(rig, pose=Pose(head_tilt=4.0, head_turn=1.0, head_nod=1.0))
    face = box(rig, [10, 152, 234, 454], 0)
    assert np.abs(moved[face] - still[face]).mean() > 3
    assert np.abs(moved[-8:] - still[-8:]).mean() < 1.0  # shoulders at the bottom edge stay


@pytest.mark.parametrize("kind,size", [("card", (300, 400)), ("pip", (200, 200)), ("full", (360, 640))])
def test_framings_crop_to_their_size_and_keep_the_face_in(avatar, kind, size):
    r = PhotoRig(avatar, kind, *size)
    img = r.render(SHAPES["E"], Pose(blink=0.5))
    assert (img.width(), img.height()) == size
    p = r.base.points - r.base.margin
    assert p[:, 0].min() > 0 and p[:, 0].max() < size[0] and p[:, 1].min() > 0 and p[:, 1].max() < size[1]


def test_several_faces_take_the_largest_and_say_so(media):
    two = prepare_photo(photo_media.two_faces(media))
    assert two.faces_found == 2
    assert "largest" in two.notes[0]
    assert two.landmarks()[:, 0].max() < 512  # the larger copy on the left


def test_photos_without_a_usable_face_are_refused_by_field(media):
    with pytest.raises(InvalidInput, match="no face found") as caught:
        prepare_photo(photo_media.landscape_no_face(media), field="avatar_image")
    assert caught.value.field == "avatar_image"
    with pytest.raises(InvalidInput, match="no face found|px tall"):
        prepare_photo(photo_media.tiny_face(media), field="file")
    with pytest.raises(InvalidInput, match=r"tilted \d+ degrees; the limit is 40|no face found"):
        prepare_photo(photo_media.rotated(media, 60), field="file")


def test_a_tilted_photo_is_straightened(media):
    tilted = prepare_photo(photo_media.rotated(media, 12))
    r = PhotoRig(tilted, "full", 640, 360)
    p = r.base.points
    eye_l, eye_r = p[[33, 133]].mean(axis=0), p[[362, 263]].mean(axis=0)
    assert abs(eye_r[1] - eye_l[1]) < 2.0


def test_extreme_angles_are_refused(avatar):
    pts = avatar.landmarks().copy()
    check_pose(pts, "file", "x")  # the real photo passes
    turned = pts.copy()
    turned[1, 0] += 0.6 * (pts[454, 0] - pts[234, 0]) / 2  # nose far off the midline: a profile
    with pytest.raises(InvalidInput, match="turned too far"):
        check_pose(turned, "file", "x")
    down = pts.copy()
    down[1, 1] = pts[152, 1] - 2  # nose almost at the chin: looking down
    with pytest.raises(InvalidInput, match="too far down"):
        check_pose(down, "file", "x")


def test_huge_and_broken_files_fail_cleanly(tmp_path, media):
    big = tmp_path / "big.jpg"
    with big.open("wb") as f:
        f.write(photo_media.grace_hopper().read_bytes())
        f.truncate(MAX_PHOTO_BYTES + 1)
    with pytest.raises(InvalidInput, match="bytes; the limit"):
        prepare_photo(big)
    from tests.visuals.test_media import _huge_png

    bomb = tmp_path / "bomb.png"
    _huge_png(bomb, 20_000, 20_000)
    with pytest.raises(InvalidInput, match="20000x20000 pixels"):
        prepare_photo(bomb)
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(photo_media.grace_hopper().read_bytes()[:300])
    with pytest.raises(InvalidInput, match="not a decodable image"):
        prepare_photo(junk)


def test_silence_closes_a_photo_smiling_with_open_lips(media):
    """The astronaut smiles showing her teeth; at rest (sil) the warp brings the lips together."""
    r = PhotoRig(prepare_photo(photo_media.astronaut(media)), "full", 640, 360)
    mouth = r.warp.mouth
    assert mouth.rest_gap > 0.2 * mouth.w
    p = r.base.points - r.base.margin
    cx, top, bottom = int(p[13][0]), int(p[13][1]), int(p[14][1])
    teeth = (slice(top + 1, bottom), slice(cx - 3, cx + 4))
    photo = r.base.bgra[r.base.margin:-r.base.margin, r.base.margin:-r.base.margin, 2::-1].astype(np.int32)
    closed = frame(r, "sil")
    assert photo[teeth].mean() - closed[teeth].mean() > 15  # bright teeth replaced by lip
    assert photo[teeth].mean() - frame(r, "PP")[teeth].mean() > 15
