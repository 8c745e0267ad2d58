"""The studio page in a real browser: a first video made, reviewed, revised and watched from the page.

One flow on one server (each step's screenshot in out/studio/NN-step.png), at the service tests' quick
size (8 s, 320x180) so the whole file stays within a couple of minutes on two cores.
"""

from __future__ import annotations

import base64
import io
import os
import re
import signal
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.service.conftest import ROOT, free_port, wait_until
from tests.studio.conftest import UPLOAD_LIMIT

PROMPT = "A quick hello from Bloom Yoga, a neighbourhood studio with morning flow classes. Book at bloomyoga.studio"
EDITED = "Bloom Yoga opens at seven every morning."
REVISED = "Morning flow starts at seven."
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 720}


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), (120, 160, 120)).save(out, "PNG")
    return out.getvalue()


def _shot(page, shots, name: str) -> None:
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


@pytest.fixture()
def page(browser, keyed_server):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors  # no script error on any step


def test_a_first_video_from_the_page(page, keyed_server, shots):
    server, key = keyed_server
    page.goto(server.base + "/")

    # 1. Beyond loopback the page asks for a key; it is kept in this tab's sessionStorage only, never shown again.
    field = page.get_by_label("API key", exact=True)
    expect(field).to_be_visible(timeout=20_000)
    field.fill("ot_not-a-real-key")
    page.get_by_role("button", name="Use this key").click()
    expect(page.locator("#api-key-error")).to_contain_text("invalid or revoked")
    assert page.evaluate("sessionStorage.getItem('onetake.apiKey')") is None  # a refused key is not kept
    _shot(page, shots, "01-api-key")
    field = page.get_by_label("API key", exact=True)
    field.fill(key)
    page.get_by_role("button", name="Use this key").click()
    expect(page.get_by_label("What is the video about?")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("API key kept for this tab only")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('onetake.apiKey')") == key
    assert page.evaluate("localStorage.length") == 0
    assert page.context.cookies() == []
    assert key not in page.content()

    # 2. Every control has a label, and Tab reaches each of them in order.
    for label in ("What is the video about?", "Files", "Orientation", "Duration in seconds", "Size", "Presenter", "Voice", "Style",
                  "Show me the storyboard to review before rendering"):
        expect(page.get_by_label(label, exact=True)).to_be_visible()
    page.get_by_label("What is the video about?").focus()
    reached = []
    for _ in range(14):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()"))
    order = ["files", "orientation", "duration", "size", "avatar_id", "voice_id", "style_id", "review", "Create video"]
    assert [r for r in reached if r in order] == order, reached

    # 3. Pickers show their previews.
    presenter = page.get_by_label("Presenter", exact=True)
    presenter.select_option(index=1)
    name = presenter.evaluate("s => s.options[s.selectedIndex].text")
    preview = page.get_by_role("img", name=f"Preview of {name}")
    expect(preview).to_be_visible()
    wait_until(lambda: preview.evaluate("i => i.complete && i.naturalWidth > 0"), 60, what="the presenter preview to load")
    page.get_by_label("Voice").select_option(index=1)
    expect(page.locator("audio[aria-label^='Sample of']")).to_have_count(1)
    page.get_by_label("Presenter", exact=True).select_option(index=0)  # back to the agent's choice

    # 4. A bad upload: the API's own error, next to the file field; a good one is listed as uploaded.
    page.get_by_label("Files").set_input_files({"name": "notes.txt", "mimeType": "text/plain", "buffer": b"just some notes, not media"})
    error = page.locator("#files-error")
    expect(error).to_contain_text("notes.txt")
    expect(error).to_contain_text("accepted: png, jpeg")
    assert page.get_by_label("Files").get_attribute("aria-describedby").split() == ["files-hint", "files-error"]
    _shot(page, shots, "02-bad-upload")
    big = b"\x89PNG\r\n\x1a\n" + bytes(UPLOAD_LIMIT + 1000)  # over the server's limit: refused before it is stored
    page.get_by_label("Files").set_input_files({"name": "huge.png", "mimeType": "image/png", "buffer": big})
    expect(error).to_contain_text("huge.png")
    expect(error).to_contain_text(f"over the {UPLOAD_LIMIT}-byte limit")
    dropped = page.evaluate_handle("""b64 => { const dt = new DataTransfer();  // a real drop of a file onto the zone
        dt.items.add(new File([Uint8Array.from(atob(b64), c => c.charCodeAt(0))], 'leaf.png', {type: 'image/png'})); return dt; }""",
                                   base64.b64encode(_png()).decode())
    page.locator(".drop").dispatch_event("drop", {"dataTransfer": dropped})
    expect(page.get_by_role("list", name="Attached files")).to_contain_text("leaf.png uploaded")
    expect(error).to_have_count(0)
    page.get_by_role("button", name="Remove leaf.png").click()

    # 5. A bad field from the API (duration over its limit) shows beside that field.
    page.get_by_label("What is the video about?").fill(PROMPT)
    page.get_by_label("Duration in seconds").fill("900")
    page.get_by_label("Size").select_option("draft")
    page.get_by_role("button", name="Create video").click()
    expect(page.locator("#duration-error")).to_contain_text("300")
    page.get_by_label("Duration in seconds").fill("8")
    expect(page.locator("#duration-error")).to_have_count(0)  # cleared once the value changes
    _shot(page, shots, "03-create")

    # 6. Create: the session's stages, then the storyboard to review as cards.
    page.get_by_role("button", name="Create video").click()
    expect(page.get_by_role("list", name="Progress by stage")).to_be_visible(timeout=20_000)
    expect(page.get_by_role("heading", name=re.compile("^Storyboard:"))).to_be_visible(timeout=120_000)
    cards = page.locator(".cards .card")
    assert cards.count() >= 1
    thumb = page.get_by_role("img", name="Scene 1 still")
    expect(thumb).to_be_visible()
    assert "url(" in thumb.evaluate("t => getComputedStyle(t).backgroundImage")
    expect(page.get_by_text(re.compile(r"^Draft 1 ·"))).to_be_visible()
    _shot(page, shots, "04-review")
    page.get_by_label("Scene 1 narration").focus()  # the cards' fields, then the actions, by keyboard
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "onscreen-0"
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Approve and render":
            break
    else:
        raise AssertionError("Tab never reached 'Approve and render'")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, shots, "04-review-phone")
    page.set_viewport_size(DESKTOP)

    # 7. Edit a scene directly on its card: the agent revises the draft.
    page.get_by_label("Scene 1 narration").fill(EDITED)
    page.get_by_role("button", name="Apply my edits").click()
    expect(page.get_by_text(re.compile(r"^Draft 2 ·"))).to_be_visible(timeout=120_000)
    expect(page.get_by_label("Scene 1 narration")).to_have_value(EDITED)
    _shot(page, shots, "05-revised-draft")

    # 8. Approve: progress by stage until done, then the player with captions and downloads.
    page.evaluate("""() => { window.seenProgress = [];  // every value the page's progress bar shows, as it shows it
        new MutationObserver(() => { const bar = document.getElementById('render-progress');
          if (bar && window.seenProgress.at(-1) !== bar.value) window.seenProgress.push(bar.value); })
          .observe(document.body, {subtree: true, childList: true, attributes: true}); }""")
    page.get_by_role("button", name="Approve and render").click()
    expect(page.locator("ol.stages li.done", has_text="Storyboard review")).to_be_visible(timeout=30_000)
    expect(page.locator("#render-progress")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("status").filter(has_text=re.compile(r"Rendering: \d+% \("))).to_be_visible()
    _shot(page, shots, "06-rendering")
    expect(page.locator("ol.stages li.done", has_text="Done")).to_be_visible(timeout=240_000)
    seen = page.evaluate("window.seenProgress")
    assert seen and seen == sorted(seen), seen  # live, and never backwards
    video = page.locator(".player video")
    expect(video).to_be_visible()
    _shot(page, shots, "07-done")
    downloads = page.get_by_role("list", name="Downloads")
    for label in ("Video (MP4)", "Captions (SRT)", "Thumbnail"):
        expect(downloads.get_by_role("link", name=label)).to_be_visible()
    expect(video.locator("track[kind=captions]")).to_have_count(1, timeout=20_000)

    # 9. Play it: time advances and the captions track has cues with the edited words.
    video.evaluate("v => { v.muted = true; v.textTracks[0].mode = 'showing'; return v.play(); }")
    page.wait_for_function("() => document.querySelector('.player video').currentTime > 0.5", timeout=30_000)
    cues = page.wait_for_function("() => { const t = document.querySelector('.player video').textTracks[0]; "
                                  "return t.cues && t.cues.length ? Array.from(t.cues).map(c => c.text).join(' ') : null; }", timeout=20_000).json_value()
    assert "seven" in cues.lower(), cues
    video.evaluate("v => v.pause()")
    _shot(page, shots, "08-playing")

    # 10. A typed follow-up renders a new version; the history says what changed.
    page.get_by_label("Ask for a change (makes a new version)").fill(f'Change scene 1 to say "{REVISED}"')
    page.get_by_role("button", name="Send").click()
    history = page.get_by_role("region", name="Revision history")
    expect(history.get_by_text("Version 2")).to_be_visible(timeout=60_000)
    expect(page.locator("ol.stages li.done", has_text="Done")).to_be_visible(timeout=240_000)
    expect(history.locator("li").nth(0)).to_contain_text(f'in review: scene 1 now says "{EDITED}"', timeout=20_000)
    expect(history.locator("li").nth(1)).to_contain_text(f'scene 1 now says "{REVISED}"')
    expect(history.get_by_role("button", name="Watch version 1")).to_be_visible()
    _shot(page, shots, "09-revision-history")

    # 11. The session list and the catalogues.
    page.get_by_role("link", name="Sessions").click()
    expect(page.get_by_role("link", name=re.compile("Bloom Yoga"))).to_be_visible(timeout=20_000)
    _shot(page, shots, "10-sessions")
    page.get_by_role("link", name="Catalogue").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Presenters \(\d+\)"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"^Voices \(\d+\)"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"^Styles \(\d+\)"))).to_be_visible()
    _shot(page, shots, "11-catalogue")

    # 12. A phone-width window: nothing wider than the screen.
    page.set_viewport_size(PHONE)
    page.get_by_role("link", name="New video").click()
    expect(page.get_by_label("What is the video about?")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, shots, "12-phone-create")
    page.go_back()
    page.go_back()
    page.go_back()
    expect(page.locator(".player video")).to_be_visible(timeout=20_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, shots, "13-phone-session")
    assert key not in page.content()

    # 13. "Forget key" drops it from the tab: the page asks again.
    page.get_by_role("button", name="Forget key").click()
    expect(page.get_by_label("API key", exact=True)).to_be_visible()
    assert page.evaluate("sessionStorage.length") == 0


def test_onetake_studio_opens_without_a_key_on_loopback(browser, tmp_path, shots):
    """`onetake studio` is single-user no-auth mode on 127.0.0.1: the page needs no key."""
    port = free_port()
    log = tmp_path / "studio.log"
    env = dict(os.environ, ONETAKE_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, "-m", "onetake", "studio", "--no-browser", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()

        def up():
            assert proc.poll() is None, log.read_text()
            try:
                return page.goto(f"http://127.0.0.1:{port}/").ok
            except Exception:
                return False

        wait_until(up, 60, 0.3, "the studio to answer")
        expect(page.get_by_text("Local, no key needed")).to_be_visible(timeout=20_000)
        expect(page.get_by_label("What is the video about?")).to_be_visible()
        expect(page.get_by_label("API key", exact=True)).to_have_count(0)
        assert "onetake studio at http://127.0.0.1:" in log.read_text()
        _shot(page, shots, "00-studio-no-auth")
        context.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(20)
