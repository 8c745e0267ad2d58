"""Editable exports of a rendered video: OpenTimelineIO (.otio) and Final Cut Pro 7 XML (.xml)."""
