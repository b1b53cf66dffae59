"""All of a document-year's evidence as one ZIP for the evaluator: a folder per indicator with its files, and
an index (daftar-bukti.csv) naming every file and link, who added it and when."""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from pathlib import Path
from typing import IO

from .bukti_data import TAUTAN, Bukti, path_of
from .edits import Bagian
from .ganti import SEBELUM_REVISI
from .waktu import tampil

INDEKS = "daftar-bukti.csv"
SPOOL = 32 * 1024 * 1024  # built in memory up to this size, then in a temporary file


def _safe(text: str, limit: int) -> str:
    """A text as a safe part of a path inside the ZIP (no folders, no characters Windows refuses)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", " ".join(text.split())).strip(" .")
    return cleaned[:limit].strip(" .") or "_"


def _unique(path: str, taken: set[str]) -> str:
    """`folder/name.pdf`, or `folder/name (2).pdf` when that is taken already (case ignored, as Windows does)."""
    folder, _, name = path.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, dot + ext) if dot and stem else (name, "")
    out, n = path, 1
    while out.casefold() in taken:
        n += 1
        out = f"{folder}/{stem} ({n}){ext}"
    taken.add(out.casefold())
    return out


def buat_zip(parts: list[Bagian], found: dict[tuple[int, int], list[Bukti]], folder: Path, zona: str) -> IO[bytes]:
    """The ZIP (read from its start) of the evidence `found` of the kept indicators in `parts`, and of those a
    revision no longer has (in `sebelum revisi/`)."""
    places = [
        (f"{part.sasaran.nomor}.{row.indikator.nomor}", row.indikator.uraian, found.get((part.s, row.i), []))
        for part in parts
        if not part.dihapus
        for row in part.kept
    ]
    earlier = [b for (s, _), rows in found.items() if s == SEBELUM_REVISI for b in rows]
    if earlier:
        places.append(("-", "Indikator yang tidak ada lagi setelah revisi dokumen", earlier))
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL)  # noqa: SIM115 (the response closes it)
    index = io.StringIO()
    writer = csv.writer(index, delimiter=";")
    writer.writerow(["No", "Indikator", "Jenis", "Nama berkas / tautan", "Berkas di ZIP", "Ditambahkan oleh", "Waktu"])
    taken: set[str] = set()  # numbering may restart in each kelompok: two places may share a folder
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for nomor, uraian, rows in places:
            place = _safe(f"{nomor} {uraian}" if nomor != "-" else "sebelum revisi", 80)
            for b in rows:
                inside = ""
                if b.jenis != TAUTAN:
                    inside = _unique(f"{place}/{_safe(b.nama, 120)}", taken)
                    package.write(path_of(folder, b.isi), inside)
                jenis = "tautan" if b.jenis == TAUTAN else "berkas"
                writer.writerow([nomor, uraian, jenis, b.nama, inside, b.oleh or "-", tampil(b.waktu, zona)])
        package.writestr(INDEKS, "\ufeff" + index.getvalue())
    out.seek(0)
    return out
