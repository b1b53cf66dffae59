"""Rows copied from one store into another, in one transaction of the receiving database and counted again before
it commits: every row with its id (a backup into an empty SQLite file, a restore into an empty database), or one
office's documents and accounts with new ids (`kinerja-web pindah` from an office's SQLite file to a shared server)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

from ekstrak import KinerjaError

from . import bukti_data
from .store import DATABASE, Simpanan, check_database

BATCH = 200  # rows read and written at a time (a document's extracted records may be a megabyte)
OWN = ("pengguna", "dokumen")  # first, in this order; then every table that points at a document (dokumen_id)


def salinan(path: Path, folder: Path) -> Simpanan:
    """A SQLite database to read from, as a copy in `folder` (brought to this version there): the file itself is
    never written, not even by a migration."""
    if not path.is_file():
        raise KinerjaError(f"Berkas basis data '{path}' tidak ditemukan; periksa nama dan foldernya.")
    check_database(path, menulis=False)
    reading = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    with closing(reading) as source, closing(sqlite3.connect(folder / DATABASE)) as copy:
        source.backup(copy)
    return Simpanan(folder, DATABASE)


def tables(store: Simpanan) -> list[str]:
    """The store's tables in an order rows may be written in: accounts, documents, then what points at them."""
    names = store.tabel()
    return [t for t in OWN if t in names] + [t for t in names if t not in OWN]


def _count(db: Any, table: str, where: str = "", args: Iterable[Any] = ()) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table} {where}", tuple(args)).fetchone()[0])


def kosong(store: Simpanan) -> bool:
    """Whether the store holds no row at all (a restore writes only into such)."""
    names = tables(store)
    with store.koneksi() as db:
        return all(_count(db, table) == 0 for table in names)


def _shared_columns(source: Simpanan, target: Simpanan, table: str, without: tuple[str, ...] = ()) -> list[str]:
    theirs = set(target.kolom(table))
    return [c for c in source.kolom(table) if c in theirs and c not in without]


def _copy(
    src: Any, dst: Any, table: str, columns: list[str], where: str = "", args: tuple = (), change=None, ordered=True
) -> int:
    """Rows of `table` (those `where` picks, oldest first: new ids keep their order) written into the other
    database; how many."""
    order = " ORDER BY id" if ordered else ""
    cursor = src.execute(f"SELECT {', '.join(columns)} FROM {table} {where}{order}", args)
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    written = 0
    while rows := cursor.fetchmany(BATCH):
        rows = [change(row) for row in rows] if change else [tuple(row) for row in rows]
        dst.executemany(insert, rows)
        written += len(rows)
    return written


def salin_semua(source: Simpanan, target: Simpanan) -> dict[str, int]:
    """Every row of `source` into the empty `target`, ids kept; the rows of each table, counted on both sides."""
    names = [t for t in tables(source) if t in target.tabel()]
    columns = {table: _shared_columns(source, target, table) for table in names}
    counts: dict[str, int] = {}
    with source.koneksi() as src, target.tulis() as dst:
        if source.pg:  # every table as it was at one moment, while others may be saving
            src.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        for table in names:
            counts[table] = _copy(src, dst, table, columns[table], ordered="id" in columns[table])
            if target.pg:
                target.pg.restart_ids(dst, table)
        for table in names:
            if _count(dst, table) != counts[table] or _count(src, table) != counts[table]:
                raise KinerjaError(f"Jumlah baris tabel {table} tidak sama setelah disalin; tidak ada yang ditulis.")
    return counts


def instansi_di(store: Simpanan) -> list[str]:
    """The offices whose documents or accounts the store holds ('' is the single user's, or the server's admins)."""
    with store.koneksi() as db:
        rows = db.execute("SELECT instansi FROM dokumen UNION SELECT instansi FROM pengguna").fetchall()
    return sorted(r[0] for r in rows)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _refuse_if_there(target: Simpanan, offices: list[str], names: list[str]) -> None:
    """Nothing of an office already on the server is overwritten: the move is refused before anything is written."""
    lower = tuple(n.lower() for n in names)
    with target.koneksi() as db:
        there = [
            (
                office,
                _count(db, "dokumen", "WHERE instansi = ?", (office,)),
                _count(db, "pengguna", "WHERE instansi = ?", (office,)),
            )
            for office in offices
        ]
        taken = (
            [r[0] for r in db.execute(f"SELECT nama FROM pengguna WHERE lower(nama) IN ({_marks(len(lower))})", lower)]
            if lower
            else []
        )
    for office, documents, accounts in there:
        if documents or (office and accounts):
            shown = f"Instansi '{office}'" if office else "Dokumen tanpa instansi (pengguna tunggal)"
            raise KinerjaError(
                f"{shown} sudah ada di {target.alamat} ({documents} dokumen, {accounts} akun); tidak ada yang "
                "dipindahkan. Pindahkan tiap instansi sekali saja; bila ingin mengulang, hapus dulu datanya di sana."
            )
    if taken:
        raise KinerjaError(
            f"Akun {', '.join(sorted(taken))} sudah ada di {target.alamat}; tidak ada yang dipindahkan. Nama akun "
            "berlaku untuk seluruh server: ganti nama akun itu di salah satu basis data lebih dulu."
        )


def _evidence_files(source: Simpanan, ids: list[int], dari: Path, ke: Path) -> int:
    """The evidence files of the documents `ids`, copied from the data folder `dari` into `ke` (kept under their
    content hash, so a file already there is the same file); how many. A file missing at the source stops the move
    before anything is written."""
    if not ids or "bukti" not in source.tabel():
        return 0
    with source.koneksi() as db:
        found = db.execute(
            f"SELECT DISTINCT isi FROM bukti WHERE isi <> '' AND dokumen_id IN ({_marks(len(ids))})", tuple(ids)
        ).fetchall()
    hashes = [row[0] for row in found]
    missing = [h for h in hashes if not bukti_data.path_of(bukti_data.folder_of(dari), h).is_file()]
    if missing:
        raise KinerjaError(
            f"{len(missing)} berkas bukti dukung tidak ada di {bukti_data.folder_of(dari)}; pindahkan dari folder data "
            "yang utuh (tempat berkas basis data itu dipakai). Tidak ada yang ditulis."
        )
    for h in hashes:
        bukti_data.simpan_isi(bukti_data.folder_of(ke), bukti_data.path_of(bukti_data.folder_of(dari), h).read_bytes())
    return len(hashes)


def pindahkan(
    source: Simpanan, target: Simpanan, instansi: str | None = None, berkas: tuple[Path, Path] | None = None
) -> dict[str, int]:
    """An office's documents (with everything that points at them) and accounts, or every office's when `instansi`
    is None, written into `target` with new ids; how many rows of each table, counted again before committing.
    `berkas`: the source's and the target's data folders, whose evidence files go along."""
    there = instansi_di(source)
    offices = there if instansi is None else [" ".join(instansi.split())]
    if instansi is not None and offices[0] not in there:
        known = ", ".join(f"'{o}'" for o in there if o) or "tidak ada"
        raise KinerjaError(f"Instansi '{instansi}' tidak ada di {source.alamat}; yang ada: {known}.")
    if not offices:
        raise KinerjaError(f"{source.alamat} tidak berisi dokumen maupun akun; tidak ada yang dipindahkan.")
    names = tables(source)
    pointing = [t for t in names if t not in OWN and t in target.tabel() and "dokumen_id" in source.kolom(t)]
    numbered = {t for t in [*OWN, *pointing] if source.id_bernomor(t)}
    columns = {t: _shared_columns(source, target, t, ("id",) if t in numbered else ()) for t in [*OWN, *pointing]}
    picked = f"WHERE instansi IN ({_marks(len(offices))})"
    with source.koneksi() as src:
        ids = [r[0] for r in src.execute(f"SELECT id FROM dokumen {picked} ORDER BY id", tuple(offices))]
        accounts = [r[0] for r in src.execute(f"SELECT nama FROM pengguna {picked}", tuple(offices))]
    _refuse_if_there(target, offices, accounts)
    counts: dict[str, int] = {}
    files = _evidence_files(source, ids, *berkas) if berkas else 0
    with source.koneksi() as src, target.tulis() as dst:
        counts["pengguna"] = _copy(src, dst, "pengguna", columns["pengguna"], picked, tuple(offices))
        new_ids: dict[int, int] = {}
        for old in ids:
            cols = columns["dokumen"]
            row = src.execute(f"SELECT {', '.join(cols)} FROM dokumen WHERE id = ?", (old,)).fetchone()
            insert = f"INSERT INTO dokumen ({', '.join(cols)}) VALUES ({_marks(len(cols))}) RETURNING id"
            new_ids[old] = int(dst.execute(insert, tuple(row)).fetchone()[0])
        counts["dokumen"] = len(new_ids)
        for table in pointing:
            at = columns[table].index("dokumen_id")

            def renumbered(row: Any, at: int = at) -> tuple:
                return (*row[:at], new_ids[row[at]], *row[at + 1 :])

            where = f"WHERE dokumen_id IN ({_marks(len(ids))})" if ids else "WHERE 0 = 1"
            counts[table] = _copy(src, dst, table, columns[table], where, tuple(ids), renumbered, table in numbered)
        _check_counts(src, dst, counts, accounts, ids, list(new_ids.values()), pointing)
    return {**counts, "berkas bukti": files} if berkas else counts


def _check_counts(
    src: Any, dst: Any, counts: dict[str, int], accounts: list[str], ids: list[int], new: list[int], pointing: list[str]
) -> None:
    """Each table's rows of the office, counted in both databases, before the move commits."""
    names = tuple(n.lower() for n in accounts)
    named = f"WHERE lower(nama) IN ({_marks(len(names))})" if names else "WHERE 0 = 1"
    mine = f"WHERE dokumen_id IN ({_marks(len(ids))})" if ids else "WHERE 0 = 1"
    theirs = f"WHERE dokumen_id IN ({_marks(len(new))})" if new else "WHERE 0 = 1"
    pairs = [
        ("pengguna", _count(src, "pengguna", named, names), _count(dst, "pengguna", named, names)),
        ("dokumen", len(ids), _count(dst, "dokumen", theirs.replace("dokumen_id", "id"), new)),
    ]
    pairs += [(t, _count(src, t, mine, ids), _count(dst, t, theirs, new)) for t in pointing]
    for table, before, after in pairs:
        if before != after or after != counts[table]:
            raise KinerjaError(
                f"Jumlah baris {table} tidak sama setelah dipindahkan ({before} di asal, {after} di tujuan); "
                "tidak ada yang ditulis."
            )
