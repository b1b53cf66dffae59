"""`kinerja-web cadangan` and `pulihkan`: the database and the evidence files (the data folder's bukti/) in one ZIP
archive, and back. The archive holds the database as a SQLite file whichever database it came from, so a backup of
either restores into either."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import zipfile
from contextlib import closing
from pathlib import Path, PurePosixPath

from ekstrak import KinerjaError
from inti.files import atomic_path

from .pindah import kosong, salin_semua
from .store import SCHEMA_VERSION, Simpanan, check_database
from .waktu import sekarang

MANIFEST = "cadangan.json"
DATABASE = "kinerja.sqlite"
BUKTI = "bukti"  # the evidence files' folder in the data folder


def _evidence(folder: Path) -> list[Path]:
    place = folder / BUKTI
    return sorted(p for p in place.rglob("*") if p.is_file()) if place.is_dir() else []


def tulis(store: Simpanan, to: Path, bukti: bool = True) -> dict:
    """Write the archive `to` (atomically): the database as it is now and, with `bukti`, the evidence files.
    Returns what it holds (its cadangan.json)."""
    with tempfile.TemporaryDirectory(prefix="kinerja-cadangan-") as tmp:
        copy = Path(tmp) / DATABASE
        if store.path is not None:
            store.salin(copy)
            counts = _counts(copy)
        else:
            exported = Simpanan(Path(tmp), "salinan.sqlite", versi=store.versi())
            counts = salin_semua(store, exported)
            exported.salin(copy)  # one file, with what SQLite's log holds
        files = _evidence(store.folder) if bukti else []
        about = {
            "kinerja_cadangan": 1,
            "versi_skema": store.versi(),
            "dibuat": sekarang(),
            "dari": "postgresql" if store.pg else "sqlite",
            "baris": counts,
            "berkas_bukti": len(files),
        }
        with atomic_path(to) as part, zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(about, ensure_ascii=False, indent=2))
            archive.write(copy, DATABASE)
            for path in files:
                archive.write(path, f"{BUKTI}/{path.relative_to(store.folder / BUKTI).as_posix()}")
    return about


def _counts(path: Path) -> dict[str, int]:
    """The rows of each table of a SQLite file."""
    with closing(sqlite3.connect(path)) as db:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in sorted(names)}


def _members(archive: zipfile.ZipFile, where: Path) -> list[zipfile.ZipInfo]:
    """The archive's entries, refused unless it is a backup of Kinerja with nothing outside its own folders."""
    names = {info.filename for info in archive.infolist()}
    if MANIFEST not in names or DATABASE not in names:
        raise KinerjaError(f"'{where}' bukan arsip cadangan Kinerja (tidak berisi {MANIFEST} dan {DATABASE}).")
    for info in archive.infolist():
        path = PurePosixPath(info.filename)
        own = info.filename in (MANIFEST, DATABASE) or (path.parts[:1] == (BUKTI,) and ".." not in path.parts)
        if not own or path.is_absolute() or "\\" in info.filename:
            raise KinerjaError(f"Arsip '{where}' berisi '{info.filename}' di luar folder Kinerja; tidak dipulihkan.")
    return archive.infolist()


def pulihkan(store: Simpanan, archive_path: Path) -> dict:
    """Restore the archive into the empty `store` and its data folder: the database in one transaction, then the
    evidence files. Refused, with nothing written, when the store or the evidence folder already holds anything."""
    try:
        archive = zipfile.ZipFile(archive_path)
    except FileNotFoundError as exc:
        raise KinerjaError(f"Arsip '{archive_path}' tidak ditemukan; periksa nama dan foldernya.") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise KinerjaError(f"'{archive_path}' bukan arsip ZIP cadangan Kinerja atau arsipnya rusak.") from exc
    with archive, tempfile.TemporaryDirectory(prefix="kinerja-pulihkan-") as tmp:
        members = _members(archive, archive_path)
        about = json.loads(archive.read(MANIFEST))
        if int(about.get("versi_skema", 0)) > SCHEMA_VERSION:
            raise KinerjaError(f"Arsip '{archive_path}' dibuat oleh Kinerja versi yang lebih baru; perbarui Kinerja.")
        if not kosong(store):
            raise KinerjaError(
                f"Basis data {store.alamat} sudah berisi data; pemulihan hanya ke basis data kosong. Pindahkan berkas "
                "basis data itu (atau buat basis data PostgreSQL baru), lalu jalankan lagi."
            )
        if _evidence(store.folder):
            raise KinerjaError(
                f"Folder '{store.folder / BUKTI}' sudah berisi berkas bukti; pindahkan dulu, lalu jalankan lagi."
            )
        archive.extract(DATABASE, tmp)
        check_database(Path(tmp) / DATABASE)
        counts = salin_semua(Simpanan(Path(tmp), DATABASE), store)
        files = [m for m in members if m.filename.startswith(f"{BUKTI}/") and not m.is_dir()]
        if files:  # unpacked beside the folder, then put in place at once
            unpacked = Path(tempfile.mkdtemp(prefix=".bukti-", dir=store.folder))
            try:
                archive.extractall(unpacked, files)
                if (store.folder / BUKTI).is_dir():
                    shutil.rmtree(store.folder / BUKTI)  # empty (checked above)
                (unpacked / BUKTI).replace(store.folder / BUKTI)
            finally:
                shutil.rmtree(unpacked, ignore_errors=True)
    return {**about, "baris": counts, "berkas_bukti": len(files)}
