"""/v3/brand-kits on the live server: per-key kits with signed font and logo URLs, bad uploads refused with nothing stored,
and `brand_kit_id` honoured by generate sessions and chat follow-ups (colours in the storyboard, the logo in the frames)."""

from __future__ import annotations

import io

import av
import httpx
import numpy as np
import pytest
import skia

from onetake.visuals.brand_kits import MAX_FONT_BYTES, MAX_LOGO_BYTES
from onetake.visuals.typefaces import Face, face_files
from tests.service.conftest import FAST, poll_session, wait_draft
from tests.service.test_contract import assert_error

WOFF = face_files(Face(family="fraunces", weight=800))[0]  # a WOFF from npm @fontsource
LOGO_RGB = (230, 40, 90)
KIT_COLOURS = {"primary": "#F2C14E", "background": "#0B3D2E"}


@pytest.fixture(scope="module")
def logo_png() -> bytes:
    surface = skia.Surface(300, 120)
    surface.getCanvas().clear(skia.ColorSetRGB(*LOGO_RGB))
    return bytes(surface.makeImageSnapshot().encodeToData(skia.kPNG, 100))


@pytest.fixture(scope="module")
def woff2() -> bytes:
    from fontTools.ttLib import TTFont

    font = TTFont(WOFF)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def clients(api):
    return api[1]


def _kits_on_disk(server) -> set[str]:
    root = server.data_dir / "brand_kits"
    return {p.name for p in root.iterdir()} if root.is_dir() else set()


def _make(client, logo_png, woff2=None, **colours) -> dict:
    files = {"logo": ("logo.png", logo_png, "image/png")}
    if woff2:
        files["display_font"] = ("Brand-Display.woff2", woff2, "font/woff2")
    made = client.post("/v3/brand-kits", data={"name": "Evergreen Co", **(colours or KIT_COLOURS)}, files=files)
    assert made.status_code == 200, made.text
    return made.json()["data"]


def test_create_get_list_delete_scoped_to_the_key(api, clients, logo_png, woff2):
    server = api[0]
    alice, bob = clients["alice"], clients["bob"]
    kit = _make(alice, logo_png, woff2, primary="#0047ab", accent="F60")
    kit_id = kit["brand_kit_id"]
    assert kit_id.startswith("bk_") and kit["name"] == "Evergreen Co" and kit["colors"] == {"primary": "#0047AB", "accent": "#FF6600"}
    assert isinstance(kit["created_at"], int) and set(kit["fonts"]) == {"display"}

    got = alice.get(f"/v3/brand-kits/{kit_id}").json()["data"]
    assert got["brand_kit_id"] == kit_id and got["colors"] == kit["colors"]
    font = httpx.get(got["fonts"]["display"]["url"], timeout=30)
    assert font.status_code == 200 and font.content[:4] in (b"\x00\x01\x00\x00", b"OTTO")  # stored converted: skia reads no WOFF2
    assert skia.Typeface.MakeFromData(skia.Data.MakeWithCopy(font.content)).getFamilyName().startswith("Fraunces")
    logo = httpx.get(got["logo_url"], timeout=30)
    assert logo.status_code == 200 and logo.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert skia.Image.MakeFromEncoded(skia.Data.MakeWithCopy(logo.content)).dimensions() == skia.ISize(300, 120)

    second = alice.post("/v3/brand-kits", data={"name": "Colours only", "primary": "#112233"})  # no files: a plain form is enough
    assert second.status_code == 200 and second.json()["data"]["fonts"] == {} and second.json()["data"]["logo_url"] is None
    first_page = alice.get("/v3/brand-kits", params={"limit": 1}).json()
    assert first_page["has_more"] is True and first_page["next_token"]
    rest = alice.get("/v3/brand-kits", params={"limit": 1, "token": first_page["next_token"]}).json()
    assert {first_page["data"][0]["brand_kit_id"], rest["data"][0]["brand_kit_id"]} == {kit_id, second.json()["data"]["brand_kit_id"]}

    # Another key sees none of it, and cannot delete it.
    assert kit_id not in {k["brand_kit_id"] for k in bob.get("/v3/brand-kits", params={"limit": 100}).json()["data"]}
    assert_error(bob.get(f"/v3/brand-kits/{kit_id}"), 404, "not_found")
    assert_error(bob.delete(f"/v3/brand-kits/{kit_id}"), 404, "not_found")
    assert alice.get(f"/v3/brand-kits/{kit_id}").status_code == 200

    deleted = alice.delete(f"/v3/brand-kits/{kit_id}")
    assert deleted.status_code == 200 and deleted.json()["data"] == {"brand_kit_id": kit_id, "deleted": True}
    assert kit_id not in _kits_on_disk(server)  # the files went with it
    assert_error(alice.get(f"/v3/brand-kits/{kit_id}"), 404, "not_found")
    assert httpx.get(got["logo_url"], timeout=30).status_code == 404
    assert_error(alice.get("/v3/brand-kits/bk_000000000000"), 404, "not_found")
    alice.delete(f"/v3/brand-kits/{second.json()['data']['brand_kit_id']}")


def test_idempotent_create_makes_one_kit(api, clients, logo_png):
    alice = clients["alice"]
    before = _kits_on_disk(api[0])
    form = {"data": {"name": "Once", "accent": "#abc"}, "files": {"logo": ("../../.hidden", logo_png, "image/png")}, "headers": {"Idempotency-Key": "kit-once"}}
    first, again = alice.post("/v3/brand-kits", **form), alice.post("/v3/brand-kits", **form)
    assert first.status_code == 200 and again.json() == first.json() and first.json()["data"]["colors"] == {"accent": "#AABBCC"}
    assert len(_kits_on_disk(api[0]) - before) == 1
    alice.delete(f"/v3/brand-kits/{first.json()['data']['brand_kit_id']}")


@pytest.mark.parametrize("case", ["oversized_font", "oversized_logo", "not_a_font", "fake_woff2", "logo_not_an_image", "bad_colour", "unknown_role",
                                  "missing_name", "long_name", "font_as_text", "colour_as_file", "json_body"])
def test_bad_uploads_are_refused_and_store_nothing(api, clients, logo_png, case):
    server = api[0]
    alice = clients["alice"]
    before_disk = _kits_on_disk(server)
    before = alice.get("/v3/brand-kits", params={"limit": 100}).json()["data"]
    name = {"name": "Acme"}
    expected = {  # case -> (form fields, files, status, code, param)
        "oversized_font": (name, {"display_font": ("big.ttf", b"\x00\x01\x00\x00" + b"\x00" * MAX_FONT_BYTES, "font/ttf")}, 413, "payload_too_large", "display_font"),
        "oversized_logo": (name, {"logo": ("big.png", logo_png + b"\x00" * MAX_LOGO_BYTES, "image/png")}, 413, "payload_too_large", "logo"),
        "not_a_font": (name, {"body_font": ("logo.ttf", logo_png, "font/ttf")}, 400, "invalid_parameter", "body_font"),
        "fake_woff2": (name, {"display_font": ("x.woff2", b"wOF2" + b"\x00" * 200, "font/woff2")}, 400, "invalid_parameter", "display_font"),
        "logo_not_an_image": (name, {"logo": ("logo.png", b"just some text, not pixels", "image/png")}, 400, "invalid_parameter", "logo"),
        "bad_colour": ({**name, "primary": "#12345"}, None, 400, "invalid_parameter", "primary"),
        "unknown_role": ({**name, "highlight": "#FFFFFF"}, None, 400, "invalid_parameter", "highlight"),
        "missing_name": ({"primary": "#112233"}, None, 400, "invalid_parameter", "name"),
        "long_name": ({"name": "x" * 81}, None, 400, "invalid_parameter", "name"),
        "font_as_text": ({**name, "display_font": "Helvetica"}, None, 400, "invalid_parameter", "display_font"),
        "colour_as_file": (name, {"accent": ("a.txt", b"#FFFFFF", "text/plain")}, 400, "invalid_parameter", "accent"),
    }
    if case == "json_body":
        response = alice.post("/v3/brand-kits", json={"name": "Acme", "primary": "#112233"})
        assert_error(response, 415, "unsupported_media_type")
    else:
        data, files, status, code, param = expected[case]
        # Every case carries a file part, so the body is multipart even when the case is about a text field.
        response = alice.post("/v3/brand-kits", data=data, files=files or {"logo": ("logo.png", logo_png, "image/png")})
        error = assert_error(response, status, code, param)
        assert param in error["message"]
        if case == "oversized_font":
            assert f"{MAX_FONT_BYTES:,}" in error["message"]  # the limit is named
        if case == "not_a_font":
            assert "not a TTF, OTF, WOFF or WOFF2 font" in error["message"]
    assert alice.get("/v3/brand-kits", params={"limit": 100}).json()["data"] == before
    assert _kits_on_disk(server) == before_disk


def test_unknown_or_foreign_brand_kit_id_is_refused_before_anything_is_queued(clients, logo_png):
    alice, bob = clients["alice"], clients["bob"]
    bobs = _make(bob, logo_png)["brand_kit_id"]
    sessions_before = alice.get("/v3/video-agents", params={"limit": 100}).json()["data"]
    for kit_id in ("bk_000000000000", bobs, "../../etc"):
        error = assert_error(alice.post("/v3/video-agents", json={"prompt": "A hello from Acme", "brand_kit_id": kit_id, **FAST}), 400, "invalid_parameter",
                             "brand_kit_id")
        assert kit_id in error["message"]
    assert alice.get("/v3/video-agents", params={"limit": 100}).json()["data"] == sessions_before


def _storyboard(client, session: dict) -> dict:
    sid = session["session_id"]
    for message in session["messages"]:
        for rid in message["resource_ids"]:
            resource = client.get(f"/v3/video-agents/{sid}/resources/{rid}").json()["data"]
            if resource["resource_type"] == "draft":
                board = httpx.get(resource["url"], timeout=30).json()
                return board.get("storyboard", board)  # chat drafts wrap the storyboard with the cast
    raise AssertionError(f"no draft resource in {sid}")


def _logo_pixels(video_url: str) -> int:
    """The most logo-coloured pixels in the top-left corner of any frame (the kit's logo sits there)."""
    data = httpx.get(video_url, timeout=30).content
    best = 0
    with av.open(io.BytesIO(data)) as container:
        for frame in container.decode(container.streams.video[0]):
            rgb = frame.to_ndarray(format="rgb24")[:45, :110].astype(int)
            near = (abs(rgb[..., 0] - LOGO_RGB[0]) < 35) & (abs(rgb[..., 1] - LOGO_RGB[1]) < 35) & (abs(rgb[..., 2] - LOGO_RGB[2]) < 35)
            best = max(best, int(near.sum()))
    return best


def test_generate_session_renders_with_the_kit_even_if_it_is_deleted_meanwhile(clients, logo_png, finished):
    alice = clients["alice"]
    kit_id = _make(alice, logo_png)["brand_kit_id"]
    created = alice.post("/v3/video-agents", json={"prompt": "A short hello from Evergreen Co, a garden shop. Visit evergreen.shop", "brand_kit_id": kit_id, **FAST})
    assert created.status_code == 200, created.text
    assert alice.delete(f"/v3/brand-kits/{kit_id}").status_code == 200  # the accepted job keeps its own copy
    session = poll_session(alice, created.json()["data"]["session_id"])
    assert session["status"] == "completed", session
    board = _storyboard(alice, session)
    assert board["brand_kit_id"] == kit_id
    assert (board["palette"]["primary"], board["palette"]["background"]) == (KIT_COLOURS["primary"], KIT_COLOURS["background"])
    video = alice.get(f"/v3/videos/{created.json()['data']['video_id']}").json()["data"]
    plain = alice.get(f"/v3/videos/{finished['video_id']}").json()["data"]
    assert _logo_pixels(video["video_url"]) > 300 and _logo_pixels(plain["video_url"]) < 10


def test_chat_draft_and_follow_up_take_the_kit(clients, logo_png):
    alice, bob = clients["alice"], clients["bob"]
    kit_id = _make(alice, logo_png)["brand_kit_id"]
    chat = alice.post("/v3/video-agents", json={"prompt": "A short hello from Evergreen Co, a garden shop", "mode": "chat", "brand_kit_id": kit_id, **FAST})
    assert chat.status_code == 200, chat.text
    sid = chat.json()["data"]["session_id"]
    session = wait_draft(alice, sid)
    assert session["status"] == "reviewing"
    assert _storyboard(alice, session)["palette"]["background"] == KIT_COLOURS["background"]  # planned in a job process, from the session's copy

    other = alice.post("/v3/video-agents", json={"prompt": "A short hello from Fernhill Nursery", "mode": "chat", **FAST})
    other_id = other.json()["data"]["session_id"]
    wait_draft(alice, other_id)
    messages_before = alice.get(f"/v3/video-agents/{other_id}").json()["data"]["messages"]
    bobs = _make(bob, logo_png)["brand_kit_id"]
    assert_error(alice.post(f"/v3/video-agents/{other_id}", json={"message": "Looks good", "brand_kit_id": bobs}), 400, "invalid_parameter", "brand_kit_id")
    assert alice.get(f"/v3/video-agents/{other_id}").json()["data"]["messages"] == messages_before  # nothing recorded

    approved = alice.post(f"/v3/video-agents/{other_id}", json={"message": "Looks good, go ahead", "brand_kit_id": kit_id})
    assert approved.status_code == 200, approved.text
    done = poll_session(alice, other_id)
    assert done["status"] == "completed", done
    video = alice.get(f"/v3/videos/{approved.json()['data']['run_id']}").json()["data"]
    assert _logo_pixels(video["video_url"]) > 300
    storyboard = _storyboard(alice, done)  # the newest draft: what was rendered
    assert storyboard["brand_kit_id"] == kit_id and storyboard["palette"]["background"] == KIT_COLOURS["background"]
    alice.post(f"/v3/video-agents/{sid}/stop")
