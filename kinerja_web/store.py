"""The database: one row per document-year, its edits and its profile. SQLite in the user's data folder by default,
or a PostgreSQL server many offices share (postgresql://…, through postgres.py); every method the same on both.

Adding a table or a column: add MIGRATIONS[N + 1] in SQLite's words, with `?` for values in the statements that
use it. PostgreSQL runs the same text with its types translated (postgres.translate: INTEGER → BIGINT, INTEGER
PRIMARY KEY → an identity column, BLOB → BYTEA, `TEXT NOT NULL UNIQUE COLLATE NOCASE` → a unique index on lower(),
so compare `lower(nama) = lower(?)`); write a twin in postgres.TWINS only for what it cannot translate. SQLite's own
functions (json_extract, INSERT OR IGNORE) differ: use ON CONFLICT, or a fragment per database (_json_text). New
rows take their id with `RETURNING id` (both databases), not lastrowid. A table with a `dokumen_id` column moves with
its document (pindah.py); one that other tables point at by id needs its place in pindah.OWN. Before each migration a
copy is taken: the file `….sebelum-vN` on SQLite, the archive `NAMA.sebelum-vN.zip` in the data folder on PostgreSQL
(an archive as `kinerja-web cadangan` writes; restored with `kinerja-web pulihkan`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from ekstrak import Dokumen, KinerjaError

from . import postgres
from .waktu import sekarang, zona

DATABASE = "kinerja.sqlite"
DATABASE_ERRORS = (sqlite3.DatabaseError, psycopg.Error)  # a database failing while in use, on either
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
# Each later version's change (PRAGMA user_version); a copy of the database is kept before each is applied.
MIGRATIONS = {
    2: """
ALTER TABLE dokumen ADD COLUMN instansi TEXT NOT NULL DEFAULT '';
ALTER TABLE dokumen ADD COLUMN profil_versi INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dokumen ADD COLUMN profil_oleh TEXT NOT NULL DEFAULT '';
ALTER TABLE suntingan ADD COLUMN oleh TEXT NOT NULL DEFAULT '';
CREATE TABLE pengguna (
    id INTEGER PRIMARY KEY,
    nama TEXT NOT NULL UNIQUE COLLATE NOCASE,
    peran TEXT NOT NULL,
    instansi TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '[]',
    sandi TEXT NOT NULL,
    aktif INTEGER NOT NULL DEFAULT 1,
    versi INTEGER NOT NULL DEFAULT 1,
    dibuat TEXT NOT NULL
);
""",
    3: """
ALTER TABLE dokumen ADD COLUMN status TEXT NOT NULL DEFAULT 'draf';
ALTER TABLE dokumen ADD COLUMN status_alasan TEXT NOT NULL DEFAULT '';
ALTER TABLE dokumen ADD COLUMN status_oleh TEXT NOT NULL DEFAULT '';
ALTER TABLE dokumen ADD COLUMN status_waktu TEXT NOT NULL DEFAULT '';
""",
    4: """
CREATE TABLE riwayat (
    id INTEGER PRIMARY KEY,
    dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE,
    sasaran INTEGER NOT NULL,
    indikator INTEGER NOT NULL,
    bidang TEXT NOT NULL,
    lama TEXT NOT NULL,
    baru TEXT NOT NULL,
    oleh TEXT NOT NULL,
    waktu TEXT NOT NULL
);
CREATE INDEX riwayat_dokumen ON riwayat (dokumen_id, sasaran, indikator, bidang);
""",
    5: """
ALTER TABLE dokumen ADD COLUMN versi INTEGER NOT NULL DEFAULT 0;
""",
    6: """
CREATE TABLE bukti (
    id TEXT PRIMARY KEY,
    dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE,
    sasaran INTEGER NOT NULL,
    indikator INTEGER NOT NULL,
    jenis TEXT NOT NULL,
    nama TEXT NOT NULL,
    isi TEXT NOT NULL DEFAULT '',
    media TEXT NOT NULL DEFAULT '',
    ukuran BIGINT NOT NULL DEFAULT 0,
    oleh TEXT NOT NULL,
    waktu TEXT NOT NULL
);
CREATE INDEX bukti_dokumen ON bukti (dokumen_id, sasaran, indikator);
CREATE TABLE penugasan (
    dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE,
    sasaran INTEGER NOT NULL,
    indikator INTEGER NOT NULL,
    unit TEXT NOT NULL,
    PRIMARY KEY (dokumen_id, sasaran, indikator)
);
CREATE TABLE revisi (
    id TEXT PRIMARY KEY,
    dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE,
    nama_lama TEXT NOT NULL,
    nama_baru TEXT NOT NULL,
    asli_lama TEXT NOT NULL,
    suntingan_lama TEXT NOT NULL,
    hilang TEXT NOT NULL,
    baru TEXT NOT NULL,
    oleh TEXT NOT NULL,
    waktu TEXT NOT NULL
);
""",
}
SCHEMA_VERSION = max(MIGRATIONS)
# Edits key: (sasaran index, indicator index, field); -1 for "the sasaran itself" and "the document".
Key = tuple[int, int, str]
ASLI_CACHE = 64  # documents whose extracted records are kept parsed
PROFIL = -3  # sasaran index of the profile's lines of history (its field as the key's field)


class Bentrok(Exception):
    """A save made on a stale value: the value saved meanwhile, who saved it and when (empty: the extracted)."""

    def __init__(self, nilai: str, oleh: str, diubah: str) -> None:
        super().__init__(nilai)
        self.nilai, self.oleh, self.diubah = nilai, oleh, diubah


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
    instansi: str = ""  # the office whose document it is (empty: the single user's)
    profil_versi: int = 0  # counts the profile's saves: a save made on an older one is refused
    profil_oleh: str = ""
    status: str = "draf"  # draf, diajukan (locked), disahkan (locked until an admin reopens it)
    status_alasan: str = ""  # why the pimpinan returned it
    status_oleh: str = ""
    status_waktu: str = ""
    versi: int = 0  # counts the saves of its edits (what is laid out from them is kept until it moves)


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
    zona: str = "WIB"
    pemilik: str = ""  # the office whose document it is
    status: str = "draf"


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def same_name(name: str | None) -> str:
    """A name as compared with another: case and spaces ignored."""
    return " ".join((name or "").split()).casefold()


def check_database(path: Path, menulis: bool = True) -> None:
    """Refuse, in words saying what to do, a database Kinerja must not write into (or, without `menulis`, read):
    empty, damaged, made by a newer Kinerja, or one it may not write. Looked at read-only, so a file that fails is
    left as it is."""
    where = f"Basis data '{path}'"
    if path.stat().st_size == 0:
        raise KinerjaError(
            f"{where} kosong (0 byte): isinya hilang, mungkin karena disk penuh atau salinan yang terputus. "
            "Pulihkan dari cadangan; bila memang ingin mulai dari awal, pindahkan berkas itu lalu jalankan lagi."
        )
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as db:
            checked = [row[0] for row in db.execute("PRAGMA quick_check")]
            version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError:
        checked, version = ["bukan basis data"], 0
    if checked != ["ok"]:
        raise KinerjaError(
            f"{where} rusak atau bukan basis data Kinerja, jadi tidak dapat dibuka; berkasnya tidak diubah. "
            "Pulihkan dari cadangan, atau pindahkan berkas itu agar Kinerja mulai dengan basis data baru."
        )
    if version > SCHEMA_VERSION:
        raise KinerjaError(
            f"{where} dibuat oleh Kinerja versi yang lebih baru; perbarui Kinerja (data di dalamnya tidak diubah)."
        )
    if menulis and (not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)):
        raise KinerjaError(
            f"{where} hanya dapat dibaca: Kinerja tidak dapat menyimpan perubahan di sana. Beri pengguna ini izin "
            "menulis pada berkas dan foldernya, atau pilih folder data lain."
        )


def teks(value: Any) -> str:
    """A profile value as history keeps it: text as it is, anything else as JSON."""
    return value if isinstance(value, str) else _json(value)


def catat(db: Any, dokumen_id: int, key: Key, lama: str, baru: str, oleh: str, waktu: str) -> None:
    """A line of history, in the transaction of the change itself (none when nothing changed)."""
    if lama != baru:
        db.execute(
            "INSERT INTO riwayat (dokumen_id, sasaran, indikator, bidang, lama, baru, oleh, waktu) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (dokumen_id, *key, lama, baru, oleh, waktu),
        )


NEWER = "dibuat oleh Kinerja versi yang lebih baru; perbarui Kinerja (data di dalamnya tidak diubah)."


class Simpanan:
    """All saved documents. Every call commits at once, so closing the browser or the command loses nothing.
    `nama`: the database file in `folder`, or the address of a PostgreSQL database (then `folder` keeps the rest
    of the data: the session key, evidence files, the copies taken before migrations)."""

    def __init__(self, folder: Path, nama: str = DATABASE, versi: int | None = None) -> None:
        self._asli: dict[tuple[int, str], tuple[dict[str, Any], Dokumen]] = {}  # (id, dibuat): extracted records
        self._summaries: dict[tuple[int, str], tuple[str, str, int]] = {}  # (id, dibuat): title, office, indicators
        self._threads = threading.local()
        self._saved = threading.local()  # what this thread's last save made (versi_disimpan)
        self._writing = threading.Lock()
        self.folder = folder
        self.pg: postgres.Postgres | None = None
        versi = SCHEMA_VERSION if versi is None else versi  # an older one only for the copy before a migration
        if postgres.is_url(nama):
            self.path: Path | None = None
            self.pg = postgres.Postgres(nama)  # the server's trouble said before anything is written
            try:
                self._set_up_postgres(versi)
                folder.mkdir(parents=True, exist_ok=True)
            except psycopg.Error as exc:  # e.g. a user who may not create tables
                self.pg.close()
                raise postgres.trouble(nama, exc) from exc
            except BaseException:
                self.pg.close()
                raise
            return
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / nama
        existed = self.path.exists()
        if existed:
            check_database(self.path)
        with self.koneksi() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                db.executescript(SCHEMA)
                version = 1
        for target in sorted(v for v in MIGRATIONS if version < v <= versi):
            if existed:
                self.salin(self.path.with_name(f"{self.path.name}.sebelum-v{target}"))
            with self.koneksi() as db:
                db.executescript(f"BEGIN; {MIGRATIONS[target]} PRAGMA user_version = {target}; COMMIT;")

    def _set_up_postgres(self, versi: int) -> None:
        """A new database gets every version's tables; an older one a copy (an archive as `cadangan` writes) in
        the data folder before each migration, each migration in a transaction of its own."""
        assert self.pg is not None
        while True:
            with self.koneksi() as db:
                self.pg.setting_up(db)
                version = self.pg.version(db)
                if version > SCHEMA_VERSION:
                    raise KinerjaError(f"Basis data {postgres.shown(self.pg.url)} {NEWER}")
                if version == 0:
                    for target in range(1, versi + 1):
                        self.pg.apply(db, target, SCHEMA if target == 1 else MIGRATIONS[target])
                    return
                if version >= versi:
                    return
            from .cadangan import tulis

            name = postgres.database_name(self.pg.url)
            self.folder.mkdir(parents=True, exist_ok=True)
            tulis(self, self.folder / f"{name}.sebelum-v{version + 1}.zip", bukti=False)
            with self.koneksi() as db:
                self.pg.setting_up(db)
                if self.pg.version(db) == version:  # not migrated meanwhile by another process
                    self.pg.apply(db, version + 1, MIGRATIONS[version + 1])

    @property
    def alamat(self) -> str:
        """Where the database is, as messages show it (a PostgreSQL address without its password)."""
        return postgres.shown(self.pg.url) if self.pg else str(self.path)

    def tutup(self) -> None:
        """Close the connections: PostgreSQL's pool, or this thread's SQLite connection (other threads' close
        with their threads)."""
        if self.pg:
            self.pg.close()
        elif (db := getattr(self._threads, "db", None)) is not None:
            db.close()
            self._threads.db = None

    def versi(self) -> int:
        with self.koneksi() as db:
            if self.pg:
                return self.pg.version(db)
            return db.execute("PRAGMA user_version").fetchone()[0]

    def tabel(self) -> list[str]:
        """The names of the database's tables."""
        with self.koneksi() as db:
            if self.pg:
                return self.pg.tables(db)
            rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            return sorted(r[0] for r in rows)

    def kolom(self, table: str) -> list[str]:
        with self.koneksi() as db:
            if self.pg:
                return self.pg.columns(db, table)
            return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]

    def id_bernomor(self, table: str) -> bool:
        """Whether the table's rows are numbered by the database (`id` INTEGER PRIMARY KEY), not keyed by a text
        of their own (evidence's content hash, a revision's id): a move numbers the first anew, keeps the second."""
        with self.koneksi() as db:
            if self.pg:
                return self.pg.numbered(db, table)
            return any(
                r[1] == "id" and r[2].upper() == "INTEGER" and r[5] for r in db.execute(f"PRAGMA table_info({table})")
            )

    def _lock(self, db: Any, dokumen_id: int) -> None:
        """A document's writers take turns: on PostgreSQL its row is held (SQLite holds the whole database)."""
        if self.pg:
            db.lock("dokumen", dokumen_id)

    def _json_text(self, column: str, key: str) -> str:
        """SQL for a top-level text value of a JSON column (or of a json value, on PostgreSQL)."""
        return f"({column}::json ->> '{key}')" if self.pg else f"json_extract({column}, '$.{key}')"

    def salin(self, to: Path) -> None:
        """A consistent copy of the SQLite database, taken while it may be in use (SQLite's backup)."""
        assert self.path is not None, "PostgreSQL's copy is an archive (cadangan.tulis)"
        with closing(sqlite3.connect(self.path)) as source, closing(sqlite3.connect(to)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file

    @contextmanager
    def tulis(self) -> Iterator[Any]:
        """A writing transaction. On SQLite this process's writers take turns on a lock of their own: waiting in
        SQLite's busy handler sleeps in steps of up to 100 ms, however soon the database is free again. On
        PostgreSQL writers run side by side; those of one document take turns on its row (_lock)."""
        if self.pg:
            with self.pg.koneksi() as db:
                yield db
            return
        with self._writing, self.koneksi() as db:
            db.execute("BEGIN IMMEDIATE")  # read and write as one: no other save comes between
            yield db

    @contextmanager
    def koneksi(self) -> Iterator[Any]:
        """A transaction on this thread's connection (SQLite's kept open: opening and closing it costs more than
        most requests; PostgreSQL's from the pool); committed when the block ends, rolled back when it raises.
        Statements take `?` for their values on both."""
        if self.pg:
            with self.pg.koneksi() as pg:
                yield pg
            return
        db = getattr(self._threads, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, check_same_thread=True)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA journal_mode = WAL")
            # Under WAL, NORMAL syncs the log at checkpoints, not at every commit: a commit survives the server or
            # the app crashing; only a power cut or an OS crash may take the last commits back (never corrupting).
            # At FULL every save waited for a disk flush, and 50 operators' saves queued behind each other's.
            db.execute("PRAGMA synchronous = NORMAL")
            self._threads.db = db
        with db:
            yield db

    def tambah(
        self,
        tahun: int,
        nama_berkas: str,
        asli: dict[str, Any],
        profil: dict[str, Any],
        logo: bytes | None,
        pemilik: str = "",
    ) -> int:
        now = sekarang()
        with self.tulis() as db:
            cursor = db.execute(
                "INSERT INTO dokumen (tahun, nama_berkas, asli, profil, logo, dibuat, diubah, instansi) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (tahun, nama_berkas, _json(asli), _json(profil), logo, now, now, pemilik),
            )
            return int(cursor.fetchone()[0])

    def ambil(self, dokumen_id: int) -> Tersimpan | None:
        columns = (
            "id, tahun, nama_berkas, profil, logo, dibuat, diubah, instansi, profil_versi, profil_oleh, status, "
            "status_alasan, status_oleh, status_waktu, versi"
        )
        with self.koneksi() as db:
            row = db.execute(f"SELECT {columns} FROM dokumen WHERE id = ?", (dokumen_id,)).fetchone()
            if row is None:
                return None
            known = self._asli.get((row[0], row[5]))
            if known is None:  # read once: the records change only by a revision, which gives a new `dibuat`
                text = db.execute("SELECT asli FROM dokumen WHERE id = ?", (dokumen_id,)).fetchone()[0]
                known = self._remember((row[0], row[5]), json.loads(text))
        return Tersimpan(row[0], row[1], row[2], known[0], json.loads(row[3]), *row[4:])

    def _remember(self, key: tuple[int, str], asli: dict[str, Any]) -> tuple[dict[str, Any], Dokumen]:
        if len(self._asli) >= ASLI_CACHE:
            self._asli.pop(next(iter(self._asli)))
        self._asli[key] = (asli, Dokumen.from_dict(asli))
        return self._asli[key]

    def dokumen_asli(self, rec: Tersimpan) -> Dokumen:
        """The records of a saved document as extracted, read once and kept (they never change)."""
        known = self._asli.get((rec.id, rec.dibuat))
        return known[1] if known else self._remember((rec.id, rec.dibuat), rec.asli)[1]

    def daftar(self) -> list[Ringkas]:
        """Every document, newest year first, most recently changed first within a year."""
        with self.koneksi() as db:
            rows = db.execute(
                f"SELECT id, tahun, nama_berkas, dibuat, diubah, {self._json_text('profil', 'zona')}, instansi, status "
                "FROM dokumen ORDER BY tahun DESC, diubah DESC, id DESC"
            ).fetchall()
            about = self._ringkasan(db, [(r[0], r[3]) for r in rows])
        return [Ringkas(*r[:3], *about[(r[0], r[3])], r[4], zona({"zona": r[5]}), *r[6:]) for r in rows]

    def _ringkasan(self, db: Any, keys: list[tuple[int, str]]) -> dict[tuple[int, str], tuple[str, str, int]]:
        """The title, extracted office and number of indicators of each document (id, dibuat), read from its
        records once and kept: they never change, and reading a large document's records takes milliseconds."""
        missing = [key for key in keys if key not in self._summaries]
        if missing:
            count = (
                "(SELECT count(*) FROM json_array_elements(a -> 'sasaran') AS s, json_array_elements(s -> 'indikator'))"
                if self.pg
                else "(SELECT count(*) FROM json_each(a, '$.sasaran') AS s, json_each(s.value, '$.indikator'))"
            )
            records = "LATERAL (SELECT asli::json AS a) AS x" if self.pg else "(SELECT NULL) AS x"
            found = db.execute(
                f"SELECT id, dibuat, {self._json_text('a', 'judul')}, {self._json_text('a', 'instansi')}, {count} "
                f"FROM (SELECT id, dibuat, asli{'' if self.pg else ' AS a'} FROM dokumen WHERE id IN "
                f"({', '.join('?' * len(missing))})) AS d, {records}",
                tuple(key[0] for key in missing),
            ).fetchall()
            for dokumen_id, dibuat, judul, instansi, indikator in found:
                self._summaries[(dokumen_id, dibuat)] = (judul or "", instansi or "", indikator)
        return {key: self._summaries.get(key, ("", "", 0)) for key in keys}

    def sama(self, dokumen_id: int) -> Ringkas | None:
        """Another saved document of the same year read into the same records (the same file uploaded again)."""
        with self.koneksi() as db:
            row = db.execute(
                "SELECT o.id FROM dokumen AS d JOIN dokumen AS o ON o.asli = d.asli AND o.tahun = d.tahun "
                "AND o.instansi = d.instansi AND o.id != d.id WHERE d.id = ? ORDER BY o.diubah DESC LIMIT 1",
                (dokumen_id,),
            ).fetchone()
        return next((line for line in self.daftar() if row and line.id == row[0]), None)

    def tahun(self, tahun: int, pemilik: str) -> list[Ringkas]:
        """An office's documents of a year, most recently changed first (the candidates for "last year")."""
        return [line for line in self.daftar() if line.tahun == tahun and line.pemilik == pemilik]

    def tahun_id(self, tahun: int, pemilik: str) -> list[int]:
        """The ids of `tahun(tahun, pemilik)`, in its order, without reading the documents' records."""
        with self.koneksi() as db:
            rows = db.execute(
                "SELECT id FROM dokumen WHERE tahun = ? AND instansi = ? ORDER BY diubah DESC, id DESC",
                (tahun, pemilik),
            ).fetchall()
        return [row[0] for row in rows]

    def profil_terakhir(
        self, instansi: str | None, pemilik: str = ""
    ) -> tuple[dict[str, Any], bytes | None, Ringkas | None]:
        """The profile and logo of the most recently changed document of the same office (its extracted or its
        typed instansi, case and spaces ignored), and that document; a blank profile when there is none."""
        wanted = same_name(instansi)
        if not wanted:
            return {}, None, None
        with self.koneksi() as db:
            found = db.execute(
                f"SELECT id, dibuat, {self._json_text('profil', 'instansi')} FROM dokumen WHERE instansi = ? "
                "ORDER BY diubah DESC, id DESC",
                (pemilik,),
            ).fetchall()
            about = self._ringkasan(db, [(r[0], r[1]) for r in found])
        rows = [(r[0], r[2], about[(r[0], r[1])][1]) for r in found]
        for dokumen_id, typed, extracted in rows:
            if wanted in (same_name(typed), same_name(extracted)):
                rec = self.ambil(dokumen_id)
                assert rec is not None
                line = Ringkas(rec.id, rec.tahun, rec.nama_berkas, "", extracted or "", 0, rec.diubah, zona(rec.profil))
                return rec.profil, rec.logo, line
        return {}, None, None

    def suntingan(self, dokumen_id: int) -> dict[Key, str]:
        with self.koneksi() as db:
            rows = db.execute(
                "SELECT sasaran, indikator, bidang, nilai FROM suntingan WHERE dokumen_id = ?", (dokumen_id,)
            ).fetchall()
        return {(r[0], r[1], r[2]): r[3] for r in rows}

    def suntingan_berversi(self, dokumen_id: int) -> tuple[int, dict[Key, str]]:
        """`versi` and `suntingan` as they stood together (read in one statement)."""
        with self.koneksi() as db:
            rows = db.execute(
                "SELECT d.versi, s.sasaran, s.indikator, s.bidang, s.nilai FROM dokumen AS d "
                "LEFT JOIN suntingan AS s ON s.dokumen_id = d.id WHERE d.id = ?",
                (dokumen_id,),
            ).fetchall()
        if not rows:
            return -1, {}
        return int(rows[0][0]), {(r[1], r[2], r[3]): r[4] for r in rows if r[3] is not None}

    def suntingan_baris(self, dokumen_id: int, s: int, i: int) -> dict[Key, str]:
        """The edits of one row and of its sasaran's own row (i = -1): those `edits.check_edit` looks at."""
        with self.koneksi() as db:
            rows = db.execute(
                "SELECT sasaran, indikator, bidang, nilai FROM suntingan "
                "WHERE dokumen_id = ? AND sasaran = ? AND indikator IN (?, -1)",
                (dokumen_id, s, i),
            ).fetchall()
        return {(r[0], r[1], r[2]): r[3] for r in rows}

    def sunting(
        self, dokumen_id: int, key: Key, nilai: str | None, oleh: str = "", bawaan: str = "", dilihat: str | None = None
    ) -> str:
        """Save one edit by `oleh` (None removes it: the extracted value `bawaan` is back) and its line of history;
        returns the time it was saved. With `dilihat` (the value the page showed) a save made on a value someone
        else has changed since is refused: Bentrok, with the value saved meanwhile. The document's `versi` this
        save made is this thread's `versi_disimpan()` from then on."""
        now = sekarang()
        where = "dokumen_id = ? AND sasaran = ? AND indikator = ? AND bidang = ?"
        with self.tulis() as db:
            self._lock(db, dokumen_id)
            row = db.execute(f"SELECT nilai, oleh, diubah FROM suntingan WHERE {where}", (dokumen_id, *key))
            current = row.fetchone() or (bawaan, "", "")
            if dilihat is not None and current[0] != dilihat:
                raise Bentrok(*current)
            if nilai is None:
                db.execute(f"DELETE FROM suntingan WHERE {where}", (dokumen_id, *key))
            else:
                db.execute(
                    "INSERT INTO suntingan (dokumen_id, sasaran, indikator, bidang, nilai, diubah, oleh) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dokumen_id, sasaran, indikator, bidang) "
                    "DO UPDATE SET nilai = excluded.nilai, diubah = excluded.diubah, oleh = excluded.oleh",
                    (dokumen_id, *key, nilai, now, oleh),
                )
            catat(db, dokumen_id, key, current[0], bawaan if nilai is None else nilai, oleh, now)
            versi = db.execute(
                "UPDATE dokumen SET diubah = ?, versi = versi + 1 WHERE id = ? RETURNING versi", (now, dokumen_id)
            ).fetchone()
        self._saved.versi = int(versi[0]) if versi else -1
        return now

    def versi_disimpan(self) -> int:
        """The `versi` this thread's last `sunting` made (-1 before any)."""
        return getattr(self._saved, "versi", -1)

    def simpan_profil(
        self,
        dokumen_id: int,
        profil: dict[str, Any],
        logo: bytes | None,
        ganti_logo: bool,
        oleh: str = "",
        versi: int | None = None,
    ) -> tuple[str, int]:
        """Save the profile by `oleh`. With `versi` (the profile's save count the form was filled from) a save
        made on a profile someone else has saved since is refused: Bentrok, with the profile saved meanwhile.
        Returns the time it was saved and the profile's new save count."""
        now = sekarang()
        with self.tulis() as db:
            self._lock(db, dokumen_id)
            current = db.execute(
                "SELECT profil, profil_versi, profil_oleh, diubah FROM dokumen WHERE id = ?", (dokumen_id,)
            ).fetchone()
            if versi is not None and current is not None and current[1] != versi:
                raise Bentrok(current[0], current[2], current[3])
            db.execute(
                "UPDATE dokumen SET profil = ?, diubah = ?, profil_versi = profil_versi + 1, profil_oleh = ? "
                "WHERE id = ?",
                (_json(profil), now, oleh, dokumen_id),
            )
            before = json.loads(current[0]) if current else {}
            for name in sorted(set(before) | set(profil)):
                old, new = (teks(side.get(name, "")) for side in (before, profil))
                catat(db, dokumen_id, (PROFIL, -1, name), old, new, oleh, now)
            if ganti_logo:
                db.execute("UPDATE dokumen SET logo = ? WHERE id = ?", (logo, dokumen_id))
        return now, (current[1] if current else 0) + 1

    def ubah_status(self, dokumen_id: int, dari: str, ke: str, oleh: str, alasan: str = "") -> bool:
        """Move a document from state `dari` to `ke`; False (nothing changed) when it is no longer in `dari`."""
        with self.tulis() as db:
            cursor = db.execute(
                "UPDATE dokumen SET status = ?, status_alasan = ?, status_oleh = ?, status_waktu = ? "
                "WHERE id = ? AND status = ?",
                (ke, alasan, oleh, now := sekarang(), dokumen_id, dari),
            )
            if cursor.rowcount == 1:
                catat(db, dokumen_id, (-1, -1, "status"), dari, f"{ke}: {alasan}" if alasan else ke, oleh, now)
            return cursor.rowcount == 1

    def hapus(self, dokumen_id: int) -> None:
        with self.tulis() as db:
            db.execute("DELETE FROM dokumen WHERE id = ?", (dokumen_id,))
