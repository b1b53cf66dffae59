"""Render transcriptions (FORMAT.md) to DOCX/PDF/XLSX: .venv/bin/python tests/real/render.py [SLUG ...] [--help]."""

from __future__ import annotations

import argparse
import html
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.table import Table, _Cell
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from weasyprint import HTML

HERE = Path(__file__).resolve().parent
FIXED_DATE = datetime(2024, 1, 1)  # core properties of every DOCX and XLSX, so re-runs give the same bytes
ZIP_DATE = (2024, 1, 1, 0, 0, 0)
PAGE_CM = {"potret": (21.0, 29.7), "lanskap": (29.7, 21.0)}
MARGIN_CM = 2.0
FONT = "Arial"
HEAD_KINDS = ("header", "nomor")
XLSX_CHARS = {"potret": 100, "lanskap": 150}  # the table's total column width in the XLSX, in characters

Cell = str | list[str]


class TranskripsiError(ValueError):
    """A transcription that breaks FORMAT.md; the message says where."""


@dataclass
class Tabel:
    """One table as drawn: a grid of cells with the "<" / "^" markers kept, and what each row is."""

    rows: list[list[Cell]]
    kinds: list[str]  # per row: "header", "nomor", "kelompok" or "isi"
    labels: list[str]  # per row, where it comes from in the JSON (for error messages)
    lebar: list[float]

    @property
    def repeat(self) -> int:
        """How many leading rows (header and column numbers) repeat on each page."""
        return sum(1 for kind in self.kinds if kind in HEAD_KINDS)


@dataclass
class Span:
    """A drawn cell: its top-left grid position, how many rows and columns it covers, its text."""

    row: int
    col: int
    rows: int
    cols: int
    value: Cell
    kind: str


@dataclass
class Dokumen:
    """A transcription ready to draw: the table split in parts at each judul_tabel."""

    slug: str
    judul: list[str]
    orientasi: str
    bagian: list[tuple[list[str], Tabel]]  # (paragraphs printed before the part, the part)
    anggaran: Tabel | None
    setelah: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- reading a transcription


def _cell(value: object, where: str) -> Cell:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return value
    raise TranskripsiError(f"{where}: a cell must be a string or a list of strings, not {value!r}")


def _row(values: object, ncols: int, where: str) -> list[Cell]:
    if not isinstance(values, list) or len(values) != ncols:
        count = len(values) if isinstance(values, list) else "no"
        raise TranskripsiError(f"{where}: {count} cells, the table has {ncols} columns")
    return [_cell(value, f"{where} column {index + 1}") for index, value in enumerate(values)]


def _lines(value: object, where: str) -> list[str]:
    """A judul / setelah / judul_tabel entry: a string or a list of strings, as a list of lines."""
    if value is None:
        return []
    cell = _cell(value, where)
    return cell if isinstance(cell, list) else [cell]


def _head(data: dict, ncols: int) -> tuple[list[list[Cell]], list[str], list[str]]:
    header = data.get("header") or []
    rows = [_row(row, ncols, f"header row {index + 1}") for index, row in enumerate(header)]
    kinds, labels = ["header"] * len(rows), [f"header row {index + 1}" for index in range(len(rows))]
    if data.get("nomor_kolom"):
        rows.append(_row(data["nomor_kolom"], ncols, "nomor_kolom"))
        kinds.append("nomor")
        labels.append("nomor_kolom")
    return rows, kinds, labels


def _parts(data: dict, ncols: int, lebar: list[float]) -> list[tuple[list[str], Tabel]]:
    """The body rows cut at each judul_tabel; each part gets the header again."""
    head, head_kinds, head_labels = _head(data, ncols)
    parts: list[tuple[list[str], Tabel]] = []
    before: list[str] = []
    tabel = Tabel([*head], [*head_kinds], [*head_labels], lebar)
    for index, entry in enumerate(data["baris"]):
        where = f"baris {index + 1}"
        if isinstance(entry, dict) and set(entry) == {"judul_tabel"}:
            if len(tabel.rows) > len(head):
                parts.append((before, tabel))
                before, tabel = [], Tabel([*head], [*head_kinds], [*head_labels], lebar)
            before += _lines(entry["judul_tabel"], where)
        elif isinstance(entry, dict) and set(entry) == {"kelompok"}:
            text = entry["kelompok"]
            tabel.rows.append([_cell(text, where), *["<"] * (ncols - 1)])
            tabel.kinds.append("kelompok")
            tabel.labels.append(where)
        elif isinstance(entry, dict):
            raise TranskripsiError(f"{where}: unknown row keys {sorted(entry)}")
        else:
            tabel.rows.append(_row(entry, ncols, where))
            tabel.kinds.append("isi")
            tabel.labels.append(where)
    if parts and len(tabel.rows) == len(head):
        raise TranskripsiError("a judul_tabel after the last row: lines after the table belong in setelah")
    parts.append((before, tabel))
    return parts


def _anggaran(data: dict) -> Tabel | None:
    body = data.get("anggaran") or []
    header = data.get("anggaran_header") or []
    if header and not isinstance(header[0], list):
        header = [header]
    if not body and not header:
        return None
    ncols = len((header or body)[0])
    rows = [_row(row, ncols, f"anggaran_header row {i + 1}") for i, row in enumerate(header)]
    rows += [_row(row, ncols, f"anggaran row {i + 1}") for i, row in enumerate(body)]
    kinds = ["header"] * len(header) + ["isi"] * len(body)
    labels = [f"anggaran_header row {i + 1}" for i in range(len(header))]
    labels += [f"anggaran row {i + 1}" for i in range(len(body))]
    lebar = [1.0] * ncols
    for row in rows:  # no widths in the transcription: as wide as the longest line, within reason
        for col, value in enumerate(row):
            longest = max((len(line) for line in (value if isinstance(value, list) else [value])), default=0)
            lebar[col] = max(lebar[col], min(50.0, max(4.0, float(longest))))
    return Tabel(rows, kinds, labels, lebar)


def load(path: Path) -> Dokumen:
    """Read and check one transcription."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("baris"), list):
        raise TranskripsiError("no 'baris' list")
    lebar = data.get("lebar")
    if not isinstance(lebar, list) or not lebar or not all(isinstance(w, int | float) for w in lebar):
        raise TranskripsiError(f"lebar must be a list of positive numbers, one per column: {lebar!r}")
    lebar = [float(width) for width in lebar]
    if any(width <= 0 for width in lebar):
        raise TranskripsiError(f"lebar must be positive numbers: {lebar}")
    orientasi = data.get("orientasi") or "potret"
    if orientasi not in PAGE_CM:
        raise TranskripsiError(f"orientasi must be potret or lanskap, not {orientasi!r}")
    doc = Dokumen(
        slug=path.name.removesuffix(".json"),
        judul=_lines(data.get("judul"), "judul"),
        orientasi=orientasi,
        bagian=_parts(data, len(lebar), lebar),
        anggaran=_anggaran(data),
        setelah=_lines(data.get("setelah"), "setelah"),
    )
    for _, tabel in doc.bagian:
        spans(tabel)  # raises on a merge that is not a rectangle
    if doc.anggaran:
        spans(doc.anggaran)
    return doc


def spans(tabel: Tabel) -> list[Span]:
    """The drawn cells: "<" joins a cell to its left neighbour's, "^" to the one above (never across
    the line between the header and the body); every drawn cell must come out a rectangle."""
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(tabel.rows):
        for c, value in enumerate(row):
            above_ok = r > 0 and (tabel.kinds[r - 1] in HEAD_KINDS) == (tabel.kinds[r] in HEAD_KINDS)
            if value == "<" and c > 0:
                owner[r, c] = owner[r, c - 1]
            elif value == "^" and above_ok:
                owner[r, c] = owner[r - 1, c]
            elif value in ("<", "^"):
                raise TranskripsiError(f"{tabel.labels[r]} column {c + 1}: {value!r} has no cell to merge with")
            else:
                owner[r, c] = (r, c)
    covered: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for position, anchor in owner.items():
        covered.setdefault(anchor, []).append(position)
    result = []
    for (r, c), cells in covered.items():
        rows = max(cell[0] for cell in cells) - r + 1
        cols = max(cell[1] for cell in cells) - c + 1
        if len(cells) != rows * cols:
            where = f"{tabel.labels[r]} column {c + 1}"
            raise TranskripsiError(f"{where}: the cells merged into it with '<' and '^' do not make a rectangle")
        result.append(Span(r, c, rows, cols, tabel.rows[r][c], tabel.kinds[r]))
    return sorted(result, key=lambda span: (span.row, span.col))


def _text_lines(value: Cell) -> list[str]:
    return value if isinstance(value, list) else [value]


# ---------------------------------------------------------------- DOCX


def _new_document(doc: Dokumen) -> tuple[WordDocument, int]:
    """An A4 Word document in the transcription's orientation, 10 pt; and its text width in EMU."""
    word = Document()
    section = word.sections[0]
    width, height = PAGE_CM[doc.orientasi]
    section.orientation = WD_ORIENT.LANDSCAPE if doc.orientasi == "lanskap" else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(width), Cm(height)
    section.left_margin = section.right_margin = Cm(MARGIN_CM)
    section.top_margin = section.bottom_margin = Cm(MARGIN_CM)
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(0)
    props = word.core_properties
    props.title = doc.judul[0] if doc.judul else doc.slug
    props.author = props.last_modified_by = "tests/real/render.py"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    return word, Cm(width - 2 * MARGIN_CM)


def _fill(cell: _Cell, value: Cell, kind: str) -> None:
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER if kind in HEAD_KINDS else WD_ALIGN_VERTICAL.TOP
    for index, line in enumerate(_text_lines(value) or [""]):
        para = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if kind in HEAD_KINDS:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line:
            para.add_run(line).bold = kind in ("header", "kelompok")


def _repeat_header(table: Table, count: int) -> None:
    for row in table.rows[:count]:
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)


def _set_widths(table: Table, widths: list[int]) -> None:
    """Grid columns, every cell (a merged cell gets the sum of its columns) and the table itself."""
    tbl = table._tbl
    for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths):
        grid_col.w = Emu(width)
    for tr in tbl.tr_lst:
        offset = 0
        for tc in tr.tc_lst:
            tc.width = Emu(sum(widths[offset : offset + tc.grid_span]))
            offset += tc.grid_span
    tbl_w = tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl.tblPr.append(tbl_w)
    tbl_w.set(qn("w:w"), str(sum(widths) // 635))  # EMU to twentieths of a point
    tbl_w.set(qn("w:type"), "dxa")


def add_table(word: WordDocument, tabel: Tabel, text_width: int) -> Table:
    """The table with real merged cells, all borders, repeating header rows and fixed column widths."""
    table = word.add_table(rows=len(tabel.rows), cols=len(tabel.lebar))
    table.style = "Table Grid"
    table.autofit = False
    grid = [list(row.cells) for row in table.rows]
    for span in spans(tabel):
        cell = grid[span.row][span.col]
        if span.rows > 1 or span.cols > 1:
            cell = cell.merge(grid[span.row + span.rows - 1][span.col + span.cols - 1])
        _fill(cell, span.value, span.kind)
    _repeat_header(table, tabel.repeat)
    total = sum(tabel.lebar)
    _set_widths(table, [round(text_width * width / total) for width in tabel.lebar])
    return table


def write_docx(doc: Dokumen, path: Path) -> None:
    word, text_width = _new_document(doc)
    for line in doc.judul:
        para = word.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(line)
        run.bold = True
        run.font.size = Pt(12)
    if doc.judul:
        word.add_paragraph()
    for before, tabel in doc.bagian:
        for line in before:
            para = word.add_paragraph(line)
            para.paragraph_format.space_before = para.paragraph_format.space_after = Pt(6)
        add_table(word, tabel, text_width)
    if doc.anggaran:
        word.add_paragraph()
        add_table(word, doc.anggaran, text_width)
    if doc.setelah:
        word.add_paragraph()
    for line in doc.setelah:
        word.add_paragraph(line).paragraph_format.left_indent = Emu(round(text_width * 0.55))
    word.save(str(path))
    _fix_zip(path)


def _fix_zip(path: Path) -> None:
    """Rewrite a DOCX/XLSX with fixed member dates, so the same content gives the same bytes."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


# ---------------------------------------------------------------- PDF and layout text


def to_pdf(docx: Path, profile: Path) -> Path:
    """The DOCX saved as PDF by LibreOffice, with a private profile (no clash with other runs)."""
    with tempfile.TemporaryDirectory(prefix="render-pdf-") as tmp:
        done = subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation={profile.as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(docx),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        made = Path(tmp) / (docx.stem + ".pdf")
        if not made.exists():
            raise RuntimeError(f"LibreOffice made no PDF of {docx.name}: {done.stdout} {done.stderr}")
        pdf = docx.with_suffix(".pdf")
        shutil.move(made, pdf)
    return pdf


def write_layout(pdf: Path, path: Path) -> None:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    path.write_bytes(done.stdout)


# ---------------------------------------------------------------- borderless HTML to PDF

CSS = """
@page { size: A4 %(orientation)s; margin: %(margin)scm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10pt; }
p { margin: 0; min-height: 1.2em; }
td div, th div { min-height: 1.2em; }
p.judul { text-align: center; font-weight: bold; font-size: 12pt; }
p.judul-tabel { margin: 6pt 0; }
table { border-collapse: collapse; border: none; width: 100%%; table-layout: fixed; margin: 10pt 0; }
th, td { border: none; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { font-weight: bold; text-align: center; }
th.nomor { font-weight: normal; }
td.kelompok { font-weight: bold; }
div.setelah { margin-left: 55%%; margin-top: 12pt; }
"""


def _html_cell(span: Span) -> str:
    tag = "th" if span.kind in HEAD_KINDS else "td"
    attributes = f' class="{span.kind}"'
    if span.rows > 1:
        attributes += f' rowspan="{span.rows}"'
    if span.cols > 1:
        attributes += f' colspan="{span.cols}"'
    lines = [html.escape(line) for line in _text_lines(span.value)]
    inner = lines[0] if len(lines) == 1 else "".join(f"<div>{line}</div>" for line in lines)
    return f"<{tag}{attributes}>{inner}</{tag}>"


def html_table(tabel: Tabel) -> str:
    """The table with rowspan/colspan merges and no borders; header rows in <thead> (repeated on each page)."""
    total = sum(tabel.lebar)
    columns = "".join(f'<col style="width:{100 * width / total:.3f}%">' for width in tabel.lebar)
    by_row: dict[int, list[str]] = {index: [] for index in range(len(tabel.rows))}
    for span in spans(tabel):
        by_row[span.row].append(_html_cell(span))
    rows = [f"<tr>{''.join(cells)}</tr>" for _, cells in sorted(by_row.items())]
    head, body = rows[: tabel.repeat], rows[tabel.repeat :]
    thead = f"<thead>{''.join(head)}</thead>" if head else ""
    return f"<table><colgroup>{columns}</colgroup>{thead}<tbody>{''.join(body)}</tbody></table>"


def html_page(doc: Dokumen) -> str:
    css = CSS % {"orientation": "landscape" if doc.orientasi == "lanskap" else "portrait", "margin": MARGIN_CM}
    parts = [f'<p class="judul">{html.escape(line)}</p>' for line in doc.judul]
    for before, tabel in doc.bagian:
        parts += [f'<p class="judul-tabel">{html.escape(line)}</p>' for line in before]
        parts.append(html_table(tabel))
    if doc.anggaran:
        parts.append(html_table(doc.anggaran))
    if doc.setelah:
        lines = "".join(f"<p>{html.escape(line)}</p>" for line in doc.setelah)
        parts.append(f'<div class="setelah">{lines}</div>')
    title = html.escape(doc.judul[0] if doc.judul else doc.slug)
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{css}</style></head><body>{''.join(parts)}</body></html>"
    )


def write_borderless_pdf(doc: Dokumen, path: Path) -> None:
    HTML(string=html_page(doc)).write_pdf(str(path))


# ---------------------------------------------------------------- XLSX

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _put(sheet: Worksheet, row: int, col: int, text: str) -> None:
    cell = sheet.cell(row, col)
    cell.value = text
    if text.startswith("="):
        cell.data_type = "s"  # text as typed, not a formula


def _xlsx_line(sheet: Worksheet, row: int, text: str, ncols: int, bold: bool) -> None:
    _put(sheet, row, 1, text)
    sheet.cell(row, 1).font = Font(bold=bold)
    sheet.cell(row, 1).alignment = Alignment(horizontal="center" if bold else "left")
    if ncols > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)


def xlsx_table(sheet: Worksheet, top: int, tabel: Tabel) -> int:
    """The table from row `top` with merged ranges and thin borders; returns the next free row."""
    for r in range(len(tabel.rows)):
        for c in range(len(tabel.lebar)):
            sheet.cell(top + r, c + 1).border = BORDER
    for span in spans(tabel):
        row, col = top + span.row, 1 + span.col
        _put(sheet, row, col, "\n".join(_text_lines(span.value)))
        cell = sheet.cell(row, col)
        head = span.kind in HEAD_KINDS
        cell.font = Font(bold=span.kind in ("header", "kelompok"))
        cell.alignment = Alignment(
            wrap_text=True, vertical="center" if head else "top", horizontal="center" if head else "left"
        )
        if span.rows > 1 or span.cols > 1:
            sheet.merge_cells(
                start_row=row, start_column=col, end_row=row + span.rows - 1, end_column=col + span.cols - 1
            )
    return top + len(tabel.rows)


def write_xlsx(doc: Dokumen, path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tabel"
    lebar = doc.bagian[0][1].lebar
    row = 1
    for line in doc.judul:
        _xlsx_line(sheet, row, line, len(lebar), bold=True)
        row += 1
    row += 1 if doc.judul else 0
    for before, tabel in doc.bagian:
        for line in before:
            _xlsx_line(sheet, row, line, len(lebar), bold=False)
            row += 1
        row = xlsx_table(sheet, row, tabel)
    if doc.anggaran:
        row = xlsx_table(sheet, row + 1, doc.anggaran)
    signature_col = len(lebar) // 2 + 1
    for index, line in enumerate(doc.setelah):
        _put(sheet, row + 1 + index, signature_col, line)
    chars = XLSX_CHARS[doc.orientasi]
    for index, width in enumerate(lebar):
        sheet.column_dimensions[get_column_letter(index + 1)].width = round(chars * width / sum(lebar), 1)
    book.properties.creator = book.properties.last_modified_by = "tests/real/render.py"
    book.properties.title = doc.judul[0] if doc.judul else doc.slug
    book.properties.created = book.properties.modified = FIXED_DATE
    # openpyxl's save_workbook without its `modified = now`, so the date stays fixed
    ExcelWriter(book, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    _fix_zip(path)


# ---------------------------------------------------------------- driver


def render(source: Path, out: Path, profile: Path) -> None:
    """All five outputs of one transcription into `out`."""
    doc = load(source)
    docx = out / f"{doc.slug}.docx"
    write_docx(doc, docx)
    pdf = to_pdf(docx, profile)
    write_layout(pdf, out / f"{doc.slug}_layout.txt")
    write_borderless_pdf(doc, out / f"{doc.slug}_tanpa_garis.pdf")
    write_xlsx(doc, out / f"{doc.slug}.xlsx")


def _slugs(masukan: Path, asked: list[str]) -> list[str]:
    if asked:
        return [Path(slug).name.removesuffix(".json") for slug in asked]
    names = (path.name for path in masukan.glob("*.json") if not path.name.endswith(".expected.json"))
    return sorted(name.removesuffix(".json") for name in names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("slug", nargs="*", help="transcriptions to render (default: all in --masukan)")
    parser.add_argument("--masukan", type=Path, default=HERE, help="folder of <slug>.json (default: tests/real)")
    parser.add_argument("--keluaran", type=Path, default=HERE / "rendered", help="output folder")
    args = parser.parse_args(argv)
    args.keluaran.mkdir(parents=True, exist_ok=True)
    failed = []
    with tempfile.TemporaryDirectory(prefix="render-lo-profile-") as profile:
        for slug in _slugs(args.masukan, args.slug):
            try:
                render(args.masukan / f"{slug}.json", args.keluaran, Path(profile))
            except (TranskripsiError, OSError, ValueError, RuntimeError, subprocess.CalledProcessError) as error:
                print(f"{slug}: {error}", file=sys.stderr)
                failed.append(slug)
            else:
                print("rendered", slug)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
