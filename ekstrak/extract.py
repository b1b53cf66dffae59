"""The library entry point: any supported input file (or text) into a document."""

from __future__ import annotations

from pathlib import Path

from inti.detect import decode_text, detect, odf_kind, ole_kind, zip_members
from inti.errors import BerkasRusak, FormatTidakDikenal, TabelTidakDitemukan
from inti.files import read_input
from inti.guard import Progress, run_limited
from inti.limits import BAWAAN, Batas

from .audit import is_document_fact
from .document import build_document
from .formats.csvfile import read_csv_text
from .formats.jsonfile import read_json_text
from .formats.rows import is_flat_header
from .formats.xlsxfile import is_kinerja_workbook, read_workbook
from .grid import Grid
from .header import is_table_header
from .model import Dokumen
from .readers.columns import read_columns
from .readers.convert import convert
from .readers.docx import read_docx
from .readers.pdf import read_image, read_pdf
from .readers.scan import OTOMATIS, TIDAK, Ocr
from .readers.text import read_text, split_lines
from .readers.xlsx import read_xlsx

NO_TABLE = (
    "Tidak ditemukan tabel IKU di berkas ini (baris judul kolom SASARAN, INDIKATOR dan TARGET, "
    "atau baris bernomor dengan empat kolom); periksa apakah berkas yang dipilih benar."
)


def _sheet(text: str) -> Dokumen | None:
    """A JSON document or a flat CSV sheet written by `ekstrak` itself, else None."""
    if text.lstrip("\ufeff").lstrip().startswith("{"):
        return read_json_text(text)
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    cells = first.split(";") if first.count(";") >= first.count(",") else first.split(",")
    return read_csv_text(text.lstrip("\ufeff")) if is_flat_header(cells) else None


def extract_text(text: str, source: str = "") -> Dokumen:
    """Records from the text of an IKU document (pasted, exported or `pdftotext -layout` output)."""
    return _sheet(text) or choose(_text_grids(text, source))[0]


def _text_grids(text: str, source: str) -> list[Grid]:
    """Text read as delimited or spaced rows, and (text laid out in columns) by its character columns."""
    grids = [read_text(text, is_table_header, source)]
    if "\t" not in text:
        by_columns = read_columns(split_lines(text), is_table_header, source)
        grids += [by_columns] if by_columns is not None else []
    return grids


def choose(grids: list[Grid]) -> tuple[Dokumen, Grid]:
    """The reading that leaves the fewest doubts (its warnings, then indicators without a target, then
    values without a unit), the first on a tie, of the
    ways a document's pages could be read, with the grid it came from."""
    found = [(doc, grid) for doc, grid in ((build_document(g), g) for g in grids) if doc.sasaran]
    if not found:
        raise TabelTidakDitemukan(NO_TABLE)
    return min(found, key=lambda pair: _doubts(*pair))


def _doubts(doc: Dokumen, grid: Grid) -> tuple[int, bool, bool, float, float]:
    """Warnings (not facts about the document, which every reading shares); then whether no indicator got
    a target (where another reading finds them, its columns were lost); then whether the reading is a
    fallback; then the share of indicators without a target, then of values without a unit: shares, so
    that a reading that ran indicators together does not win by having fewer of them."""
    targets = [i.target for s in doc.sasaran for i in s.indikator]
    count = len(targets) or 1
    unitless = sum(1 for t in targets if t is not None and t.nilai is not None and t.satuan is None)
    doubts = sum(1 for w in doc.peringatan if not is_document_fact(w))
    none = all(t is None for t in targets) and not any(s.target_mentah for s in doc.sasaran)  # none withheld
    return doubts, none, grid.fallback, sum(1 for t in targets if t is None) / count, unitless / count


def _converted(data: bytes, suffix: str, batas: Batas) -> bytes:
    return convert(data, suffix, "xlsx" if suffix in (".xls", ".ods") else "docx", batas.detik)


OLE_AS_TEXT = "ÐÏ"  # an old Office file's first bytes, as a text import shows them


def _read_converted(data: bytes, suffix: str, source: str, batas: Batas) -> list[Grid]:
    """An old or OpenDocument file through LibreOffice; what comes back empty was a damaged file."""
    grids = read_grids(_converted(data, suffix, batas), source, batas=batas)
    texts = [text for grid in grids for row in grid.rows for text in row.texts() if text]
    # Nothing read, or the container itself read as text (LibreOffice's last resort for a damaged file).
    if not texts or texts[0].startswith(OLE_AS_TEXT):
        target = "XLSX" if suffix in (".xls", ".ods") else "DOCX"
        raise BerkasRusak(
            f"LibreOffice tidak dapat membuka berkas {suffix} ini; berkas mungkin rusak. Simpan ulang sebagai {target}."
        )
    return grids


def _ocr(batas: Batas, mode: str) -> Ocr:
    return Ocr(mode, batas.detik_ocr, batas.memori_ocr)


def read_grids(
    data: bytes, source: str = "", password: str | None = None, batas: Batas = BAWAAN, ocr: str = OTOMATIS
) -> list[Grid]:
    """The grids a document can be read as (a PDF without ruling lines has two); empty for a sheet or JSON
    written by `ekstrak` itself. `ocr`: OTOMATIS (scanned pages and images), PAKSA (every page) or TIDAK."""
    kind = detect(data)
    if kind == "ole":
        return _read_converted(data, ole_kind(data), source, batas)
    if kind == "pdf":
        return read_pdf(data, is_table_header, source, password, batas.halaman, _ocr(batas, ocr))
    if kind == "image":
        return read_image(data, is_table_header, source, _ocr(batas, ocr))
    if kind != "zip":
        text = decode_text(data)
        return [] if _sheet(text) is not None else _text_grids(text, source)
    members = zip_members(data)
    if "xl/workbook.xml" in members:
        return [] if is_kinerja_workbook(data) else [read_xlsx(data, is_table_header, source)]
    if "word/document.xml" in members:
        return [read_docx(data, source)]
    odf = odf_kind(data) if "mimetype" in members else None
    if odf is not None:
        return _read_converted(data, odf, source, batas)
    raise FormatTidakDikenal("Berkas ZIP ini bukan DOCX atau XLSX; simpan dokumennya sebagai DOCX, XLSX, PDF atau TXT.")


def extract_bytes(
    data: bytes, source: str = "", password: str | None = None, batas: Batas = BAWAAN, ocr: str = OTOMATIS
) -> Dokumen:
    grids = read_grids(data, source, password, batas, ocr)
    if grids:
        return choose(grids)[0]
    if detect(data) == "zip":
        return read_workbook(data)
    sheet = _sheet(decode_text(data))
    assert sheet is not None
    return sheet


def extract(path: str | Path, password: str | None = None, batas: Batas = BAWAAN, ocr: str = OTOMATIS) -> Dokumen:
    """Read an IKU / PK document or a flat sheet into records; raises KinerjaError on bad input. Scanned
    pages and image files are read by OCR (`ocr`: OTOMATIS; PAKSA for every page; TIDAK for none)."""
    path = Path(path)
    return extract_bytes(read_input(path, batas.berkas), str(path), password, batas, ocr)


def _extract_as_dict(path: Path, password: str | None, batas: Batas, ocr: str) -> dict:
    return extract(path, password, batas, ocr).to_dict()


def extract_guarded(
    path: str | Path,
    password: str | None = None,
    batas: Batas = BAWAAN,
    ocr: str = TIDAK,
    progress: Progress | None = None,
) -> Dokumen:
    """`extract` in a child process under the time and memory limits of `batas` (for untrusted files);
    `progress(done, total)` hears how many pages of a scan are read. OCR runs only when asked (`ocr`): one
    scan keeps every core busy, so a server must queue its scans first."""
    args = (Path(path), password, batas, ocr)
    return Dokumen.from_dict(run_limited(_extract_as_dict, args, batas, progress))
