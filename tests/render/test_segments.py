"""Segments drawn by one worker share its compositor; speaking the next video drops it."""

from onetake.brief.models import OutputFormat
from onetake.render import segments
from onetake.render.encode import settings_for
from onetake.visuals.previews import sample_timeline


def test_a_worker_reuses_its_compositor_across_segments_and_releases_it(tmp_path):
    timeline = sample_timeline("studio", 320, 180).model_dump_json()
    settings = settings_for(OutputFormat.mp4, 60, 25)
    segments.render_segment(timeline, 0, 5, str(tmp_path / "a.mp4"), settings)
    first = segments._compositor[1]
    segments.render_segment(timeline, 5, 10, str(tmp_path / "b.mp4"), settings)
    assert segments._compositor[1] is first
    other = sample_timeline("daylight", 320, 180).model_dump_json()
    segments.render_segment(other, 0, 5, str(tmp_path / "c.mp4"), settings)
    assert segments._compositor[1] is not first and segments._compositor[1].timeline.style_id == "daylight"
    segments.release_compositor()
    assert segments._compositor is None
    assert all((tmp_path / n).stat().st_size > 0 for n in ("a.mp4", "b.mp4", "c.mp4"))
