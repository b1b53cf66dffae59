"""Limits on what one input may cost, checked before and while it is parsed; all are settings."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from .errors import BerkasRusak, MelebihiBatas

MiB = 1024 * 1024


@dataclass(frozen=True)
class Batas:
    """The limits: file size, PDF pages, ZIP package shape, and time and memory for parsing one file. Each
    page read by OCR adds `detik_ocr` seconds to the time; each OCR page worker (one per core) may use
    `memori_ocr` of address space (Tesseract reserves much it never touches), so a scan's memory is bounded
    by `memori` plus that for each worker together."""

    berkas: int = 50 * MiB
    halaman: int = 1000
    zip_anggota: int = 5000
    zip_isi: int = 500 * MiB
    zip_rasio: int = 200
    detik: float = 30.0
    memori: int = 768 * MiB
    detik_ocr: float = 20.0
    memori_ocr: int = 1024 * MiB


BAWAAN = Batas()


def check_zip(data: bytes, batas: Batas = BAWAAN) -> set[str]:
    """The member names of a DOCX/XLSX/ODF package, after checking it is not a decompression bomb
    (member count, total size, compression ratio) and holds no path that climbs out of it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise BerkasRusak(
            "Berkas ini rusak (arsip ZIP/DOCX/XLSX tidak utuh); simpan ulang atau minta salinan baru."
        ) from exc
    if len(members) > batas.zip_anggota:
        raise MelebihiBatas(
            f"Berkas ini berisi {len(members)} bagian (batas {batas.zip_anggota}); bukan dokumen biasa."
        )
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if total > batas.zip_isi:
        raise MelebihiBatas(
            f"Isi berkas ini {total // MiB} MiB setelah dibuka (batas {batas.zip_isi // MiB} MiB); bukan dokumen biasa."
        )
    if total > 10 * MiB and total / packed > batas.zip_rasio:
        raise MelebihiBatas(
            f"Berkas ini memampat {total // packed}:1 (batas {batas.zip_rasio}:1): tanda 'bom zip', tidak dibuka."
        )
    for member in members:
        name = member.filename.replace("\\", "/")
        if name.startswith("/") or ".." in name.split("/"):
            raise BerkasRusak("Berkas ini memuat jalur berbahaya di dalam arsipnya; tidak dibuka.")
    return {m.filename for m in members}
