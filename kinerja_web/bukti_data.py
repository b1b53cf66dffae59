"""Evidence (bukti dukung) as kept: a row per file or link of an indicator in the database, each file's bytes
under its content hash in one folder of the data folder (`bukti/`), so a backup of that folder takes them all."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from laporan.load import BuktiDukung

from .store import Simpanan, catat
from .waktu import sekarang, tampil

FOLDER = "bukti"  # under the data folder
CONFIG = "KINERJA_BUKTI"  # app.config: that folder
BERKAS, TAUTAN = "berkas", "tautan"
BIDANG = "bukti"  # the field name of its lines of history


@dataclass(frozen=True)
class Bukti:
    """One piece of evidence of the indicator (sasaran, indikator): a file (its name as given, its content
    hash, media type and size) or a link (its address as `nama`)."""

    id: str
    sasaran: int
    indikator: int
    jenis: str
    nama: str
    isi: str
    media: str
    ukuran: int
    oleh: str
    waktu: str


_COLUMNS = "id, sasaran, indikator, jenis, nama, isi, media, ukuran, oleh, waktu"


def folder_of(data_folder: Path) -> Path:
    return data_folder / FOLDER


def path_of(folder: Path, isi: str) -> Path:
    return folder / isi[:2] / isi


def simpan_isi(folder: Path, data: bytes) -> str:
    """Keep a file's bytes under their SHA-256 (once, however often it is added); written whole or not at all."""
    isi = hashlib.sha256(data).hexdigest()
    path = path_of(folder, isi)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".baru-", delete=False) as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(out.name, path)
    return isi


def _line(b: Bukti) -> str:
    """What history says of a piece of evidence."""
    return f"{b.jenis}: {b.nama}"


def tambah(
    store: Simpanan,
    folder: Path,
    dokumen_id: int,
    key: tuple[int, int],
    nama: str,
    data: bytes | None = None,
    media: str = "",
    oleh: str = "",
) -> Bukti:
    """Add a file (`data`, kept under its hash) or, without data, a link (`nama`) to the indicator `key`, with
    its line of history. The bytes are written in the same turn as the row, so no cleaning-up comes between."""
    jenis = TAUTAN if data is None else BERKAS
    with store.tulis() as db:
        isi = "" if data is None else simpan_isi(folder, data)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")  # in order, however quickly added
        b = Bukti(uuid.uuid4().hex, *key, jenis, nama, isi, media, len(data or b""), oleh, now)
        db.execute(
            f"INSERT INTO bukti (dokumen_id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (dokumen_id, b.id, *key, jenis, nama, isi, media, b.ukuran, oleh, b.waktu),
        )
        catat(db, dokumen_id, (*key, BIDANG), "", _line(b), oleh, b.waktu)
        db.execute("UPDATE dokumen SET diubah = ? WHERE id = ?", (b.waktu, dokumen_id))
    return b


def daftar(store: Simpanan, dokumen_id: int) -> list[Bukti]:
    """A document's evidence, oldest first."""
    with store.koneksi() as db:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM bukti WHERE dokumen_id = ? ORDER BY waktu, id", (dokumen_id,)
        ).fetchall()
    return [Bukti(*row) for row in rows]


def jumlah(store: Simpanan, dokumen_id: int) -> dict[tuple[int, int], int]:
    """How many pieces of evidence each indicator of a document has."""
    with store.koneksi() as db:
        rows = db.execute(
            "SELECT sasaran, indikator, COUNT(*) FROM bukti WHERE dokumen_id = ? GROUP BY sasaran, indikator",
            (dokumen_id,),
        ).fetchall()
    return {(r[0], r[1]): r[2] for r in rows}


def per_baris(found: list[Bukti]) -> dict[tuple[int, int], list[Bukti]]:
    out: dict[tuple[int, int], list[Bukti]] = {}
    for b in found:
        out.setdefault((b.sasaran, b.indikator), []).append(b)
    return out


def ambil(store: Simpanan, dokumen_id: int, bukti_id: str) -> Bukti | None:
    with store.koneksi() as db:
        row = db.execute(
            f"SELECT {_COLUMNS} FROM bukti WHERE dokumen_id = ? AND id = ?", (dokumen_id, bukti_id)
        ).fetchone()
    return Bukti(*row) if row else None


def hapus(store: Simpanan, folder: Path, dokumen_id: int, b: Bukti, oleh: str) -> bool:
    """Remove a piece of evidence, with a line of history; False when it was already gone."""
    now = sekarang()
    with store.tulis() as db:
        cursor = db.execute("DELETE FROM bukti WHERE dokumen_id = ? AND id = ?", (dokumen_id, b.id))
        if cursor.rowcount != 1:
            return False
        catat(db, dokumen_id, (b.sasaran, b.indikator, BIDANG), _line(b), "", oleh, now)
        db.execute("UPDATE dokumen SET diubah = ? WHERE id = ?", (now, dokumen_id))
    bersihkan(store, folder)
    return True


def bersihkan(store: Simpanan, folder: Path) -> None:
    """Delete the kept files no evidence names any more (after a removal or a deleted document)."""
    if not folder.is_dir():
        return
    with store.tulis() as db:  # no file is added meanwhile
        used = {row[0] for row in db.execute("SELECT DISTINCT isi FROM bukti WHERE isi != ''")}
        for path in folder.glob("??/*"):
            if path.name not in used:
                path.unlink(missing_ok=True)


def untuk_laporan(
    store: Simpanan, dokumen_id: int, keys: list[tuple[int, list[int]]], zona: str
) -> dict[tuple[int, int], list[BuktiDukung]]:
    """The evidence as the report lists it, by the place of its indicator in the corrected document (`keys`,
    from kept_keys: each kept sasaran's key with its kept indicators' keys)."""
    found = per_baris(daftar(store, dokumen_id))
    out: dict[tuple[int, int], list[BuktiDukung]] = {}
    for si, (s, kept) in enumerate(keys):
        for ii, i in enumerate(kept):
            if (s, i) in found:
                out[(si, ii)] = [
                    BuktiDukung(b.nama, b.jenis == TAUTAN, b.oleh, tampil(b.waktu, zona)) for b in found[(s, i)]
                ]
    return out
