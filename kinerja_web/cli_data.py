"""`kinerja-web cadangan|pulihkan|pindah`: a backup archive of the database and evidence files, its restore, and
an office's data moved from its SQLite file to a shared PostgreSQL server (over cadangan.py and pindah.py)."""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from ekstrak import KinerjaError
from inti.cli import Parser, fail
from inti.files import check_output

from . import cadangan, pindah

COMMANDS = ("cadangan", "pulihkan", "pindah")
NAMES = {"dokumen": "dokumen", "suntingan": "suntingan", "riwayat": "baris riwayat", "pengguna": "akun"}


def parser(command: str, database_options: Callable) -> Parser:
    prog = f"kinerja-web {command}"
    if command == "pindah":
        p = Parser(
            prog=prog,
            description="Pindahkan data satu instansi (atau semua) dari berkas SQLite ke server PostgreSQL bersama.",
        )
        p.add_argument("--dari", type=Path, required=True, metavar="BERKAS", help="berkas SQLite asal (tidak diubah)")
        p.add_argument("--ke", required=True, metavar="ALAMAT", help="basis data tujuan: postgresql://…")
        p.add_argument("--instansi", help="hanya dokumen dan akun instansi ini (bawaan: semua)")
        p.add_argument("--data", type=Path, help="folder data server tujuan (salinan sebelum migrasi)")
        return p
    p = Parser(
        prog=prog,
        description=(
            "Tulis arsip cadangan: basis data dan berkas bukti dalam satu berkas ZIP."
            if command == "cadangan"
            else "Pulihkan arsip cadangan ke basis data yang kosong (dan folder bukti)."
        ),
    )
    p.add_argument("arsip", type=Path, help="berkas arsip (.zip)")
    database_options(p)
    return p


def rows(counts: dict[str, int], files: int | None = None) -> str:
    """What an archive or a move holds, in words: `3 dokumen, 120 suntingan, …`."""
    parts = [f"{counts[t]} {NAMES[t]}" for t in ("dokumen", "suntingan", "riwayat", "pengguna") if t in counts]
    parts += [f"{n} baris {t}" for t, n in counts.items() if t not in NAMES and n]
    if files is not None:
        parts.append(f"{files} berkas bukti")
    return ", ".join(parts)


def run(command: str, args: argparse.Namespace, open_store: Callable, data_folder: Callable) -> int:
    prog = f"kinerja-web {command}"
    try:
        if command == "pindah":
            return _move(args, data_folder())
        if command == "cadangan":
            check_output(args.arsip)
        store = open_store(args)
        if command == "cadangan":
            about = cadangan.tulis(store, args.arsip)
            print(f"Cadangan {store.alamat} ditulis ke {args.arsip}: {rows(about['baris'], about['berkas_bukti'])}.")
        else:
            about = cadangan.pulihkan(store, args.arsip)
            print(
                f"Dipulihkan dari {args.arsip} (cadangan {about['dibuat']}) ke {store.alamat}: "
                f"{rows(about['baris'], about['berkas_bukti'])}."
            )
    except KinerjaError as exc:
        fail(f"{prog}: {exc.pesan}")
    return 0


def _move(args: argparse.Namespace, folder: Path) -> int:
    from .store import Simpanan

    with tempfile.TemporaryDirectory(prefix="kinerja-pindah-") as tmp:
        source = pindah.salinan(args.dari, Path(tmp))
        target = Simpanan(args.data or folder, args.ke)
        try:
            counts = pindah.pindahkan(source, target, args.instansi, (args.dari.parent, args.data or folder))
        finally:
            target.tutup()
    which = f"instansi '{args.instansi}'" if args.instansi is not None else "semua instansi"
    files = counts.pop("berkas bukti", 0)
    print(f"Dipindahkan dari {args.dari} ke {target.alamat} ({which}): {rows(counts, files or None)}.")
    print("Jumlah baris tiap tabel sudah diperiksa sama di kedua basis data; berkas asal tidak diubah.")
    return 0
