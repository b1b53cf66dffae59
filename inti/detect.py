"""What a file is, by its content: PDF, ZIP package (DOCX/XLSX/ODF), old Office, or text."""

from __future__ import annotations

from .errors import BerkasRusak, FormatTidakDikenal
from .limits import check_zip

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# PNG, JPEG and TIFF (both byte orders): scanned or photographed pages.
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def detect(data: bytes) -> str:
    """The kind of a file by its first bytes: pdf, zip (docx/xlsx), ole (doc/xls), image or text."""
    if data.startswith(PDF_MAGIC) or PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(IMAGE_MAGIC):
        return "image"
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    return "text"


ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": ".odt",
    b"application/vnd.oasis.opendocument.spreadsheet": ".ods",
}


def odf_kind(data: bytes) -> str | None:
    """`.odt` or `.ods` for an OpenDocument package (its first member names its type)."""
    head = data[:200]
    for mime, suffix in ODF_TYPES.items():
        if mime in head:
            return suffix
    return None


def ole_kind(data: bytes) -> str:
    """`.doc` or `.xls` for an old Office file, by the name of its main stream."""
    if "WordDocument".encode("utf-16-le") in data:
        return ".doc"
    return ".xls"


def zip_members(data: bytes) -> set[str]:
    """The names inside a ZIP package (DOCX, XLSX, ODF), after the checks against decompression bombs."""
    return check_zip(data)


def decode_text(data: bytes) -> str:
    """Bytes of a text file as text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BerkasRusak("Berkas teks UTF-16 ini rusak dan tidak dapat dibaca.") from exc
    if b"\x00" in data:
        raise FormatTidakDikenal(
            "Berkas ini bukan teks dan bukan format yang dikenali (PDF, DOCX, XLSX, CSV, TXT); "
            "periksa apakah berkas yang dipilih benar."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if text and (controls > 0.01 * len(text) or text.count("\ufffd") > 0.01 * len(text)):
        raise FormatTidakDikenal(
            "Berkas ini bukan teks dan bukan format yang dikenali (PDF, DOCX, XLSX, CSV, TXT); "
            "periksa apakah berkas yang dipilih benar."
        )
    return text
