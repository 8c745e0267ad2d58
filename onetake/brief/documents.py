"""Attached documents as sources: PDF text per page, plain text and markdown.

pypdfium2 is the one PDF library of the project (slides are rendered with it
too), so text extraction uses it rather than a second parser.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from onetake.errors import InvalidInput

from .models import InputFile, MediaKind

MAX_PAGES = 300  # pages read from one PDF; the rest are ignored (a brief needs the gist, not a book)
MAX_CHARS = 200_000  # characters kept from one document

_MD_MARKUP = (
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),  # headings
    (re.compile(r"^\s*>\s?", re.M), ""),  # block quotes
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+)\*(?!\w)"), r"\1"),  # italics
    (re.compile(r"`{1,3}([^`]*)`{1,3}"), r"\1"),  # code
    (re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.M), ""),  # rules
    (re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*$", re.M), ""),  # table separators
)


class Document(BaseModel):
    """The text of one attached document, page by page (text files are one page)."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: str  # "pdf" | "text" | "markdown"
    pages: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(p for p in self.pages if p.strip())


def read_pdf(path: Path, field: str = "file") -> list[str]:
    import pypdfium2 as pdfium  # imported here: plans without a PDF do not pay for it

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise InvalidInput(field, f"'{path.name}' is not a readable PDF ({exc})") from None
    try:
        pages = []
        for index in range(min(len(pdf), MAX_PAGES)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def strip_markdown(text: str) -> str:
    for pattern, repl in _MD_MARKUP:
        text = pattern.sub(repl, text)
    return text


def read_document(file: InputFile, field: str = "file") -> Document:
    if file.kind is not MediaKind.document:
        raise InvalidInput(field, f"'{file.path.name}' is a {file.kind.value} file, not a document")
    if file.mime_type == "application/pdf":
        pages = read_pdf(file.path, field)
        kind = "pdf"
    else:
        try:
            raw = file.path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise InvalidInput(field, f"cannot read '{file.path}': {exc.strerror}") from None
        markdown = file.path.suffix.lower() in (".md", ".markdown")
        pages = [strip_markdown(raw) if markdown else raw]
        kind = "markdown" if markdown else "text"
    kept, total = [], 0
    for page in pages:
        page = re.sub(r"[ \t]+", " ", page).strip()
        kept.append(page[: max(0, MAX_CHARS - total)])
        total += len(kept[-1])
    return Document(name=file.path.name, kind=kind, pages=tuple(kept))


def read_documents(files: tuple[InputFile, ...] | list[InputFile]) -> list[Document]:
    """Every document among `files`, in order."""
    return [read_document(f, f"file {f.path.name}") for f in files if f.kind is MediaKind.document]
