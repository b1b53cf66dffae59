"""What an evidence file is, judged by its content (never by its name), and whether a link may be kept."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import urlsplit

from inti.errors import KinerjaError, MelebihiBatas
from inti.limits import Batas, MiB, check_zip

MAX_TAUTAN = 2000
MAX_NAMA = 200
DITERIMA = "PDF, gambar (PNG, JPEG, WebP) atau dokumen Office (DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT)"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A package's member that says which Office document it is.
OOXML = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
ODF = {b"opendocument.text": "odt", b"opendocument.spreadsheet": "ods", b"opendocument.presentation": "odp"}
OLE = {"WordDocument": "doc", "Workbook": "xls", "Book": "xls", "PowerPoint Document": "ppt"}


@dataclass(frozen=True)
class Jenis:
    """A kind of evidence file: what the page calls it, the endings its name may have, its media type."""

    nama: str
    akhiran: tuple[str, ...]
    media: str


JENIS = {
    "pdf": Jenis("PDF", (".pdf",), "application/pdf"),
    "png": Jenis("gambar PNG", (".png",), "image/png"),
    "jpeg": Jenis("gambar JPEG", (".jpg", ".jpeg", ".jpe"), "image/jpeg"),
    "webp": Jenis("gambar WebP", (".webp",), "image/webp"),
    "docx": Jenis(
        "dokumen Word (DOCX)", (".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    "xlsx": Jenis(
        "lembar kerja Excel (XLSX)", (".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    "pptx": Jenis(
        "presentasi PowerPoint (PPTX)",
        (".pptx",),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": Jenis("dokumen ODT", (".odt",), "application/vnd.oasis.opendocument.text"),
    "ods": Jenis("lembar kerja ODS", (".ods",), "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": Jenis("presentasi ODP", (".odp",), "application/vnd.oasis.opendocument.presentation"),
    "doc": Jenis("dokumen Word lama (DOC)", (".doc",), "application/msword"),
    "xls": Jenis("lembar kerja Excel lama (XLS)", (".xls",), "application/vnd.ms-excel"),
    "ppt": Jenis("presentasi PowerPoint lama (PPT)", (".ppt",), "application/vnd.ms-powerpoint"),
}


def nama_berkas(given: str) -> str:
    """A file's name as a browser sent it, without any folder, control characters or excess length."""
    name = PureWindowsPath(PurePosixPath(given or "").name).name
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C")
    name = " ".join(name.split()).strip(". ")
    if len(name) > MAX_NAMA:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: MAX_NAMA - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:MAX_NAMA]
    return name or "berkas"


def _package(data: bytes, batas: Batas) -> str | None:
    members = check_zip(data, batas)  # a decompression bomb is refused here, before anything is opened
    if b"mimetype" in data[30:38]:
        for marker, kind in ODF.items():
            if marker in data[38:120]:
                return kind
    if "[Content_Types].xml" in members:
        return next((kind for member, kind in OOXML.items() if member in members), None)
    return None


def _ole(data: bytes) -> str | None:
    return next((kind for stream, kind in OLE.items() if stream.encode("utf-16-le") in data), None)


def _looks_like_markup(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<", b"\xff\xfe<", b"\xfe\xff\x00<")) or b"<svg" in head or b"<html" in head


def jenis_isi(data: bytes, batas: Batas) -> str | None:
    """The kind of a file by its first bytes and, for a package, its members; None for any other."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"PK\x03\x04"):
        return _package(data, batas)
    if data.startswith(OLE_MAGIC):
        return _ole(data)
    return None


def periksa_berkas(data: bytes, nama: str, batas: Batas) -> Jenis:
    """The kind of an evidence file, or KinerjaError (in words saying what to do) when it may not be kept:
    empty, too large, of a kind not taken (SVG, HTML, scripts, plain archives), or named as another kind."""
    if not data:
        raise KinerjaError(f"Berkas '{nama}' kosong; pilih berkas yang benar.")
    if len(data) > batas.berkas:
        raise MelebihiBatas(
            f"Berkas '{nama}' terlalu besar ({len(data) / MiB:.1f} MiB; batas {batas.berkas // MiB} MiB). "
            "Perkecil dulu (misalnya simpan PDF dengan ukuran lebih kecil) atau bagi menjadi beberapa berkas."
        )
    kind = jenis_isi(data, batas)
    if kind is None:
        if _looks_like_markup(data):
            raise KinerjaError(
                f"Berkas '{nama}' berisi SVG atau HTML, yang dapat memuat skrip, jadi tidak diterima sebagai bukti "
                f"dukung. Simpan sebagai PDF atau gambar PNG lalu unggah lagi. Yang diterima: {DITERIMA}."
            )
        raise KinerjaError(
            f"Isi berkas '{nama}' bukan jenis yang diterima sebagai bukti dukung. Yang diterima: {DITERIMA}; "
            "simpan ulang dalam salah satu jenis itu lalu unggah lagi."
        )
    jenis = JENIS[kind]
    suffix = PurePosixPath(nama.lower()).suffix
    if suffix not in jenis.akhiran:
        raise KinerjaError(
            f"Berkas '{nama}' berisi {jenis.nama}, tetapi namanya berakhiran '{suffix or '(tanpa akhiran)'}'. "
            f"Periksa apakah berkasnya benar; bila benar, ganti akhiran namanya menjadi {jenis.akhiran[0]} "
            "lalu unggah lagi."
        )
    return jenis


def periksa_tautan(text: str) -> str:
    """A link as kept (spaces around it dropped), or KinerjaError: only http and https links to a site."""
    link = text.strip()
    if not link:
        raise KinerjaError("Tulis tautannya, misalnya https://drive.google.com/…")
    if len(link) > MAX_TAUTAN:
        raise MelebihiBatas(f"Tautan terlalu panjang (batas {MAX_TAUTAN} huruf); pakai tautan yang lebih pendek.")
    parts = urlsplit(link) if not re.search(r"[\s\x00-\x1f\x7f]", link) else None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise KinerjaError(
            "Tautan harus diawali http:// atau https:// dan menunjuk ke sebuah situs, misalnya "
            "https://drive.google.com/…; periksa lagi tautannya."
        )
    return link
