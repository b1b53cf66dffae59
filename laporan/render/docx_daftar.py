"""The DOCX's Daftar Isi, Daftar Tabel and Daftar Grafik as Word fields with their page numbers filled in.

Each caption and each heading of levels 1-3 carries a bookmark; the lists' entries end in a PAGEREF field
to it (the Daftar Isi inside Word's TOC field), so Word shows the right page after any edit. The fields'
results hold the page numbers LibreOffice lays the document out on, so a reader who never updates fields
sees them too; without LibreOffice they stay empty until Word updates the fields (marked dirty)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from ..daftar import Judul

LEVELS = {"Heading 1": 1, "Heading 2": 2, "Heading 3": 3}
TEXT_WIDTH = 16.5  # cm, the portrait page's
PLACEHOLDER = "00"  # a page number's place while LibreOffice lays the document out


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for a caption's anchor (`t-s1` → `_Ref_t_s1`): hidden, at most 40 characters."""
    return ("_Ref_" + re.sub(r"\W", "_", anchor))[:40]


def tandai(para: Paragraph, name: str) -> None:
    """Put a bookmark called `name` around the paragraph's content."""
    number = str(zlib.crc32(name.encode()) & 0x7FFFFFFF)
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), number)
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), number)
    p = para._p
    props = p.pPr
    p.insert(p.index(props) + 1 if props is not None else 0, start)
    p.append(end)


def _run(p, child) -> None:
    run = OxmlElement("w:r")
    run.append(child)
    p.append(run)


def _fld(kind: str):
    node = OxmlElement("w:fldChar")
    node.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        node.set(qn("w:dirty"), "true")
    return node


def _text(value: str):
    node = OxmlElement("w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = value
    return node


def _instr(value: str):
    node = OxmlElement("w:instrText")
    node.set(qn("xml:space"), "preserve")
    node.text = f" {value} "
    return node


def _pageref(p, name: str, page: str) -> None:
    """A PAGEREF field to bookmark `name`, its result `page`."""
    _run(p, _fld("begin"))
    _run(p, _instr(f"PAGEREF {name} \\h"))
    _run(p, _fld("separate"))
    _run(p, _text(page))
    _run(p, _fld("end"))


def _entry(para: Paragraph, text: str, name: str, page: str, indent: float = 0) -> None:
    """A list entry: its text, dots to the right margin, the page number as a PAGEREF field."""
    fmt = para.paragraph_format
    fmt.space_after = Pt(2)
    fmt.left_indent = Cm(indent)
    fmt.tab_stops.add_tab_stop(Cm(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    _run(para._p, _text(text))
    _run(para._p, OxmlElement("w:tab"))
    _pageref(para._p, name, page)


def daftar(doc, entries: dict[str, Judul], page: str = "") -> None:
    """The Daftar Tabel or Daftar Grafik: one entry per caption, its page number a PAGEREF to the caption."""
    for entry in entries.values():
        _entry(doc.add_paragraph(), entry.teks, bookmark_name(entry.id), page)


def _headings(document) -> Iterator[tuple[Paragraph, int]]:
    for para in document.paragraphs:
        level = LEVELS.get(para.style.name if para.style is not None else "")
        if level and para.text.strip():
            yield para, level


def isi_toc(document, page: str = "") -> None:
    """Fill the template's TOC field with an entry per heading of levels 1-3 (bookmarked `_Toc…`), each entry
    in its own paragraph between the field's separator and its end, as Word writes it."""
    begin = next(
        (p for p in document.paragraphs if any("TOC" in (t.text or "") for t in p._p.iter(qn("w:instrText")))), None
    )
    if begin is None:  # a user's template without a Daftar Isi
        return
    separator = next(r for r in begin._p.iter(qn("w:r")) if r.find(qn("w:fldChar")) is not None and "separate" in r.xml)
    for run in list(separator.itersiblings()):
        begin._p.remove(run)
    last = begin
    for number, (heading, level) in enumerate(_headings(document)):
        name = f"_Toc{number:06d}"
        tandai(heading, name)
        para = begin if number == 0 else Paragraph(OxmlElement("w:p"), begin._parent)
        if number:
            last._p.addnext(para._p)
        _entry(para, " ".join(heading.text.split()), name, page, indent=0.5 * (level - 1))
        last = para
    _run(last._p, _fld("end"))


def _fields(document) -> Iterator[tuple[str, object]]:
    """Every PAGEREF field in the body: the bookmark it points to and its result text node."""
    name = None
    for node in document.element.body.iter(qn("w:instrText"), qn("w:t")):
        if node.tag == qn("w:instrText"):
            found = re.match(r"\s*PAGEREF\s+(\S+)", node.text or "")
            name = found.group(1) if found else None
        elif name is not None:
            yield name, node
            name = None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _targets(document) -> list[tuple[str, str]]:
    """Each bookmarked heading and caption in document order: its bookmark and its text."""
    out = []
    for para in document.paragraphs:
        for start in para._p.iter(qn("w:bookmarkStart")):
            name = start.get(qn("w:name"))
            if name.startswith(("_Toc", "_Ref_")):
                out.append((name, _norm(para.text)))
    return out


def _page_lines(pdf: Path) -> list[list[str]]:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pages = []
        for page in document:
            text = page.get_textpage().get_text_range()
            pages.append([_norm(line) for line in text.splitlines() if line.strip()])
        return pages
    finally:
        document.close()


def _find(pages: list[list[str]], targets: list[tuple[str, str]]) -> dict[str, str]:
    """The page of each target: the first page from the previous target's on where whole lines read its text
    (a list's entry has dots and a number after it, so it never reads as the heading or caption itself)."""
    found, cursor = {}, 0
    for name, text in targets:
        for number in range(cursor, len(pages)):
            lines = pages[number]
            if any(
                " ".join(lines[i : i + k]) == text
                for i in range(len(lines))
                for k in range(1, 5)
                if i + k <= len(lines)
            ):
                found[name] = str(number + 1)
                cursor = number
                break
    return found


def halaman(document, save) -> bool:
    """Fill every PAGEREF result with the page LibreOffice lays its target on; False without LibreOffice
    (the results stay empty; Word fills them when the document is opened). `save(path)` writes the DOCX."""
    fields = list(_fields(document))
    pages = _laid_out(save) if fields else None
    found = _find(pages, _targets(document)) if pages else {}
    for name, node in fields:
        node.text = found.get(name, "")
    return bool(found)


def _laid_out(save) -> list[list[str]] | None:
    """The document's pages as LibreOffice prints them, as lines; None without LibreOffice or when it fails."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="kinerja-halaman-") as folder:
        path = Path(folder) / "laporan.docx"
        save(path)
        profile = Path(folder, "profil").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        try:
            subprocess.run([*command, "--outdir", folder, str(path)], check=True, capture_output=True, timeout=600)
            return _page_lines(path.with_suffix(".pdf"))
        except (OSError, subprocess.SubprocessError, pypdfium2.PdfiumError):
            return None
