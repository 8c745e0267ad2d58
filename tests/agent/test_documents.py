"""Attached documents (PDF per page, text, markdown) are read and their key figures reach the script."""

from __future__ import annotations

import pytest

from tests.planning import plan
from onetake.agent.reading.language import detect_language
from onetake.brief.documents import MAX_PAGES, read_document, read_documents, strip_markdown
from onetake.brief.intake import sniff_file
from onetake.brief.models import Brief
from onetake.errors import InvalidInput

from .pdfs import write_pdf


def test_pdf_text_comes_page_by_page(tmp_path):
    pdf = write_pdf(tmp_path / "r.pdf", [["Page one: 42 new stores."], ["Page two says 7 things."], ["Third (last)."]])
    doc = read_document(sniff_file(pdf))
    assert doc.kind == "pdf"
    assert doc.pages == ("Page one: 42 new stores.", "Page two says 7 things.", "Third (last).")


def test_pdf_page_cap(tmp_path):
    pdf = write_pdf(tmp_path / "many.pdf", [[f"Page {i}."] for i in range(MAX_PAGES + 5)])
    assert len(read_document(sniff_file(pdf)).pages) == MAX_PAGES


def test_broken_pdf_names_the_file(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + b"garbage " * 200)
    with pytest.raises(InvalidInput) as err:
        read_document(sniff_file(bad))
    assert "broken.pdf" in str(err.value) and "not a readable PDF" in str(err.value)


def test_markdown_loses_its_markup(tmp_path):
    md = tmp_path / "n.md"
    md.write_text("# Title\n\n**Bold** and [a link](http://x.y) and `code`.\n\n---\n", encoding="utf-8")
    doc = read_document(sniff_file(md))
    assert doc.kind == "markdown"
    assert doc.text == "Title\n\nBold and a link and code."
    assert strip_markdown("> quoted *word*") == "quoted word"


def test_text_and_images_only_documents_are_read(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text("We roast 40 kilos a day.", encoding="utf-8")
    assert [d.text for d in read_documents([sniff_file(txt)])] == ["We roast 40 kilos a day."]


def test_pdf_figures_reach_the_narration_and_nothing_is_invented(tmp_path):
    pdf = write_pdf(tmp_path / "report.pdf", [["Annual Report 2025", "Revenue grew 42 percent to 3.1 million dollars,",
                                               "and we opened 12 new cafes in Oregon."]])
    brief = Brief(prompt="Summarise the attached report in a 20-second video for Harbor Coffee.", files=(sniff_file(pdf),))
    text = " ".join(s.narration for s in plan(brief).scenes)
    assert "42 percent" in text and "12 new cafes" in text
    assert "Annual Report 2025 Revenue" not in text  # the heading is not glued to the sentence


@pytest.mark.parametrize("prompt,lang", [
    ("Crea un video de 30 segundos para nuestra panadería en Madrid", "es"),
    ("Créez une vidéo de 20 secondes pour notre boulangerie à Paris", "fr"),
    ("Erstelle ein Video für unsere Bäckerei in Berlin mit frischem Brot", "de"),
    ("Crea un video di 30 secondi per la nostra pizzeria", "it"),
    ("Create a video for our bakery in Paris", "en"),
    ('A video that says "Hola a todos, bienvenidos a la fiesta"', "en"),
])
def test_language_detection(prompt, lang):
    assert detect_language(prompt) == lang


def test_spanish_brief_is_narrated_in_spanish_by_a_spanish_voice():
    from onetake.agent.casting import cast
    from onetake.voice.catalogue import get_voice

    sb = plan(Brief(prompt="Crea un video de 20 segundos para Café Luna, una cafetería en Sevilla con terraza. "
                           "Visítanos en cafeluna.es"))
    assert sb.language == "es" and sb.target_duration == 20
    text = " ".join(s.narration for s in sb.scenes)
    assert "Café Luna" in text and "cafeluna.es" in sb.scenes[-1].narration
    assert not any(w in text.lower().split() for w in ("the", "and", "welcome"))
    chosen = cast(sb.avatar_hint, None, None, language=sb.language)
    assert get_voice(chosen.voice_id).language.startswith("es")


def test_brass_accents_take_the_accent_role_not_the_primary():
    from onetake.agent.reading.palette import accent_colours, build_palette
    from onetake.agent.reading.palette import NAMED_COLOURS

    prompt = "A 30-second video for Needle & Note. Keep branding cohesive with cream, burgundy, and brass accents."
    assert accent_colours(prompt) == [NAMED_COLOURS["brass"]]
    sb = plan(Brief(prompt=prompt))
    assert sb.palette.accent == NAMED_COLOURS["brass"]
    assert sb.palette.primary != NAMED_COLOURS["brass"]
    # without the word "accents" the same colours keep the old roles
    plain = build_palette([NAMED_COLOURS["cream"], NAMED_COLOURS["burgundy"], NAMED_COLOURS["brass"]], "dark")
    assert plain.primary == NAMED_COLOURS["brass"]
