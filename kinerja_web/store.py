"""The SQLite database in the user's data folder: one row per document-year, its edits and its profile."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ekstrak import KinerjaError

DATABASE = "kinerja.sqlite"
SCHEMA_VERSION = 1  # PRAGMA user_version: a later release migrates from it
SCHEMA = """
CREATE TABLE IF NOT EXISTS dokumen (
    id INTEGER PRIMARY KEY,
    tahun INTEGER NOT NULL,
    nama_berkas TEXT NOT NULL,
    asli TEXT NOT NULL,
    profil TEXT NOT NULL DEFAULT '{}',
    logo BLOB,
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS suntingan (
    dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE,
    sasaran INTEGER NOT NULL,
    indikator INTEGER NOT NULL,
    bidang TEXT NOT NULL,
    nilai TEXT NOT NULL,
    diubah TEXT NOT NULL,
    PRIMARY KEY (dokumen_id, sasaran, indikator, bidang)
);
"""
# Edits key: (sasaran index, indicator index, field); -1 for "the sasaran itself" and "the document".
Key = tuple[int, int, str]


@dataclass
class Tersimpan:
    """A saved document: the records as extracted (never changed), its profile and when it was touched."""

    id: int
    tahun: int
    nama_berkas: str
    asli: dict[str, Any]
    profil: dict[str, Any]
    logo: bytes | None
    dibuat: str
    diubah: str


@dataclass
class Ringkas:
    """A line of the list of saved documents."""

    id: int
    tahun: int
    nama_berkas: str
    judul: str
    instansi: str
    indikator: int
    diubah: str


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


class Simpanan:
    """All saved documents. Every call commits at once, so closing the browser or the command loses nothing."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / DATABASE
        if self.path.exists():  # looked at read-only first: a file we cannot use is left as it is
            with closing(sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)) as db:
                version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise KinerjaError(
                    f"Basis data '{self.path}' dibuat oleh Kinerja versi yang lebih baru; perbarui Kinerja "
                    "(data di dalamnya tidak diubah)."
                )
        with self._db() as db:
            db.executescript(SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA journal_mode = WAL")
            with db:
                yield db
        finally:
            db.close()

    def tambah(
        self, tahun: int, nama_berkas: str, asli: dict[str, Any], profil: dict[str, Any], logo: bytes | None
    ) -> int:
        now = _now()
        with self._db() as db:
            cursor = db.execute(
                "INSERT INTO dokumen (tahun, nama_berkas, asli, profil, logo, dibuat, diubah) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (tahun, nama_berkas, _json(asli), _json(profil), logo, now, now),
            )
            return int(cursor.lastrowid or 0)

    def ambil(self, dokumen_id: int) -> Tersimpan | None:
        with self._db() as db:
            row = db.execute(
                "SELECT id, tahun, nama_berkas, asli, profil, logo, dibuat, diubah FROM dokumen WHERE id = ?",
                (dokumen_id,),
            ).fetchone()
        if row is None:
            return None
        return Tersimpan(row[0], row[1], row[2], json.loads(row[3]), json.loads(row[4]), row[5], row[6], row[7])

    def daftar(self) -> list[Ringkas]:
        """Every document, newest year first, most recently changed first within a year."""
        with self._db() as db:
            rows = db.execute(
                "SELECT id, tahun, nama_berkas, json_extract(asli, '$.judul'), json_extract(asli, '$.instansi'), "
                "(SELECT count(*) FROM json_each(asli, '$.sasaran') AS s, json_each(s.value, '$.indikator')), "
                "diubah FROM dokumen ORDER BY tahun DESC, diubah DESC, id DESC"
            ).fetchall()
        return [Ringkas(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5], r[6]) for r in rows]

    def terbaru(self, tahun: int) -> int | None:
        """The most recently changed document of a year."""
        with self._db() as db:
            row = db.execute(
                "SELECT id FROM dokumen WHERE tahun = ? ORDER BY diubah DESC, id DESC LIMIT 1", (tahun,)
            ).fetchone()
        return row[0] if row else None

    def profil_terakhir(self) -> dict[str, Any]:
        """The profile of the most recently changed document (a new document starts from it)."""
        with self._db() as db:
            row = db.execute("SELECT profil FROM dokumen ORDER BY diubah DESC, id DESC LIMIT 1").fetchone()
        return json.loads(row[0]) if row else {}

    def suntingan(self, dokumen_id: int) -> dict[Key, str]:
        with self._db() as db:
            rows = db.execute(
                "SELECT sasaran, indikator, bidang, nilai FROM suntingan WHERE dokumen_id = ?", (dokumen_id,)
            ).fetchall()
        return {(r[0], r[1], r[2]): r[3] for r in rows}

    def sunting(self, dokumen_id: int, key: Key, nilai: str | None) -> str:
        """Save one edit (None removes it: the extracted value is back); returns the time it was saved."""
        now = _now()
        with self._db() as db:
            if nilai is None:
                db.execute(
                    "DELETE FROM suntingan WHERE dokumen_id = ? AND sasaran = ? AND indikator = ? AND bidang = ?",
                    (dokumen_id, *key),
                )
            else:
                db.execute(
                    "INSERT INTO suntingan VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dokumen_id, sasaran, indikator, "
                    "bidang) DO UPDATE SET nilai = excluded.nilai, diubah = excluded.diubah",
                    (dokumen_id, *key, nilai, now),
                )
            db.execute("UPDATE dokumen SET diubah = ? WHERE id = ?", (now, dokumen_id))
        return now

    def simpan_profil(self, dokumen_id: int, profil: dict[str, Any], logo: bytes | None, ganti_logo: bool) -> str:
        now = _now()
        with self._db() as db:
            db.execute("UPDATE dokumen SET profil = ?, diubah = ? WHERE id = ?", (_json(profil), now, dokumen_id))
            if ganti_logo:
                db.execute("UPDATE dokumen SET logo = ? WHERE id = ?", (logo, dokumen_id))
        return now

    def logo_terakhir(self) -> bytes | None:
        with self._db() as db:
            row = db.execute(
                "SELECT logo FROM dokumen WHERE logo IS NOT NULL ORDER BY diubah DESC, id DESC LIMIT 1"
            ).fetchone()
        return row[0] if row else None

    def hapus(self, dokumen_id: int) -> None:
        with self._db() as db:
            db.execute("DELETE FROM dokumen WHERE id = ?", (dokumen_id,))
