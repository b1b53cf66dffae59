"""The library entry point: any supported input file (or text) into a document."""

from __future__ import annotations

from pathlib import Path

from inti.detect import decode_text, detect, odf_kind, ole_kind, zip_members
from inti.errors import FormatTidakDikenal, TabelTidakDitemukan
from inti.files import read_input
from inti.guard import run_limited
from inti.limits import BAWAAN, Batas

from .document import build_document
from .formats.csvfile import read_csv_text
from .formats.jsonfile import read_json_text
from .formats.rows import is_flat_header
from .formats.xlsxfile import is_kinerja_workbook, read_workbook
from .grid import Grid
from .header import is_table_header
from .model import Dokumen
from .readers.convert import convert
from .readers.docx import read_docx
from .readers.pdf import read_pdf
from .readers.text import read_text
from .readers.xlsx import read_xlsx

NO_TABLE = (
    "Tidak ditemukan tabel IKU di berkas ini (baris judul kolom SASARAN, INDIKATOR dan TARGET, "
    "atau baris bernomor dengan empat kolom); periksa apakah berkas yang dipilih benar."
)


def extract_text(text: str, source: str = "") -> Dokumen:
    """Records from the text of an IKU document (pasted, exported or `pdftotext -layout` output)."""
    if text.lstrip("\ufeff").lstrip().startswith("{"):
        return read_json_text(text)
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    cells = first.split(";") if first.count(";") >= first.count(",") else first.split(",")
    if is_flat_header(cells):
        return read_csv_text(text.lstrip("\ufeff"))
    return _from_grid(read_text(text, is_table_header, source))


def _from_grid(grid: Grid) -> Dokumen:
    doc = build_document(grid)
    if not doc.sasaran:
        raise TabelTidakDitemukan(NO_TABLE)
    return doc


def _doubts(doc: Dokumen) -> tuple[int, int]:
    """How doubtful a reading is: its warnings, then (fewer is better) the indicators without a target."""
    return len(doc.peringatan), sum(1 for s in doc.sasaran for i in s.indikator if i.target is None)


def _best(grids: list[Grid]) -> Dokumen:
    """The reading of a PDF that leaves the fewest doubts, of the ways its pages could be read."""
    found = [doc for doc in map(build_document, grids) if doc.sasaran]
    if not found:
        raise TabelTidakDitemukan(NO_TABLE)
    return min(found, key=_doubts)


def _converted(data: bytes, suffix: str, source: str, batas: Batas) -> Dokumen:
    target = "xlsx" if suffix in (".xls", ".ods") else "docx"
    return extract_bytes(convert(data, suffix, target, batas.detik), source, batas=batas)


def extract_bytes(data: bytes, source: str = "", password: str | None = None, batas: Batas = BAWAAN) -> Dokumen:
    kind = detect(data)
    if kind == "zip":
        members = zip_members(data)
        if "xl/workbook.xml" in members:
            if is_kinerja_workbook(data):
                return read_workbook(data)
            return _from_grid(read_xlsx(data, is_table_header, source))
        if "word/document.xml" in members:
            return _from_grid(read_docx(data, source))
        odf = odf_kind(data) if "mimetype" in members else None
        if odf is not None:
            return _converted(data, odf, source, batas)
        raise FormatTidakDikenal(
            "Berkas ZIP ini bukan DOCX atau XLSX; simpan dokumennya sebagai DOCX, XLSX, PDF atau TXT."
        )
    if kind == "pdf":
        return _best(read_pdf(data, is_table_header, source, password, batas.halaman))
    if kind == "ole":
        return _converted(data, ole_kind(data), source, batas)
    return extract_text(decode_text(data), source)


def extract(path: str | Path, password: str | None = None, batas: Batas = BAWAAN) -> Dokumen:
    """Read an IKU / PK document or a flat sheet into records; raises KinerjaError on bad input."""
    path = Path(path)
    return extract_bytes(read_input(path, batas.berkas), str(path), password, batas)


def _extract_as_dict(path: Path, password: str | None, batas: Batas) -> dict:
    return extract(path, password, batas).to_dict()


def extract_guarded(path: str | Path, password: str | None = None, batas: Batas = BAWAAN) -> Dokumen:
    """`extract` in a child process under the time and memory limits of `batas` (for untrusted files)."""

    return Dokumen.from_dict(run_limited(_extract_as_dict, (Path(path), password, batas), batas))
