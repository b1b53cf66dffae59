"""The library entry point: any supported input file (or text) into a document."""

from __future__ import annotations

from pathlib import Path

from .document import build_document
from .errors import KinerjaError
from .files import read_input
from .model import Dokumen
from .readers import decode_text, detect
from .readers.text import read_text
from .sheet import is_flat_header, read_csv_text, read_json_text
from .table import is_table_header

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
    doc = build_document(read_text(text, is_table_header, source))
    if not doc.sasaran:
        raise KinerjaError(NO_TABLE)
    return doc


def extract_bytes(data: bytes, source: str = "") -> Dokumen:
    kind = detect(data)
    if kind == "zip":
        from .workbook import read_workbook

        if b"xl/" in data[:4096] or b"xl/workbook" in data:
            return read_workbook(data)
        raise KinerjaError(
            "Berkas Word (DOCX) belum dapat dibaca oleh versi ini; simpan tabelnya sebagai teks "
            "(TXT) atau gunakan pdftotext, lalu jalankan lagi."
        )
    if kind == "pdf":
        raise KinerjaError(
            "Berkas PDF belum dapat dibaca langsung oleh versi ini; ubah dulu dengan "
            "'pdftotext -layout berkas.pdf berkas.txt', lalu jalankan ekstrak pada berkas .txt itu."
        )
    if kind == "ole":
        raise KinerjaError("Format lama (DOC/XLS) belum dapat dibaca; simpan ulang sebagai DOCX, XLSX atau TXT.")
    return extract_text(decode_text(data), source)


def extract(path: str | Path) -> Dokumen:
    """Read an IKU / PK document or a flat sheet into records; raises KinerjaError on bad input."""
    path = Path(path)
    return extract_bytes(read_input(path), str(path))
