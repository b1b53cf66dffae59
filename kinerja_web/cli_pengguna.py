"""`kinerja-web pengguna tambah|daftar|ubah|nonaktifkan|atur-sandi`: the accounts, over pengguna.py."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from ekstrak import KinerjaError
from inti.cli import Parser, fail

from . import pengguna
from .store import Simpanan

PROG = "kinerja-web pengguna"


def parser(database_options: Callable) -> Parser:
    """`kinerja-web pengguna …`; --data and --db (from cli.py) may come before or after the action."""
    accounts = Parser(prog=PROG, description="Kelola akun kinerja-web: tambah, daftar, ubah, nonaktifkan, atur-sandi.")
    database_options(accounts)
    what = accounts.add_subparsers(dest="aksi", metavar="AKSI", required=True)
    add = what.add_parser("tambah", help="buat akun baru (kata sandi ditanya dua kali)")
    add.add_argument("nama")
    add.add_argument("--peran", required=True, choices=pengguna.PERAN)
    _office_options(add)
    add.add_argument("--sandi-stdin", action="store_true", help="baca kata sandi dari masukan standar")
    listing = what.add_parser("daftar", help="semua akun")
    change = what.add_parser("ubah", help="ubah peran, instansi atau unit; --aktif mengaktifkan lagi")
    change.add_argument("nama")
    change.add_argument("--peran", choices=pengguna.PERAN)
    _office_options(change)
    change.add_argument("--aktif", action="store_true", help="aktifkan lagi akun yang dinonaktifkan")
    off = what.add_parser("nonaktifkan", help="akun tidak dapat masuk lagi; sesinya berakhir")
    off.add_argument("nama")
    password = what.add_parser("atur-sandi", help="kata sandi baru; sesi akun itu berakhir")
    password.add_argument("nama")
    password.add_argument("--sandi-stdin", action="store_true", help="baca kata sandi dari masukan standar")
    for sub in (add, listing, change, off, password):
        database_options(sub, argparse.SUPPRESS)
    return accounts


def _office_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--instansi", help="kantor akun ini (tanpa --instansi, admin melayani semua kantor)")
    p.add_argument("--unit", action="append", help="unit (kelompok/penanggung jawab) operator; boleh berulang")


def read_password(from_stdin: bool) -> str:
    """The password: the first line of standard input, or typed twice without being shown."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        fail(f"{PROG}: kata sandi ditanyakan di terminal; tanpa terminal, kirim lewat masukan dengan --sandi-stdin.")
    first = getpass.getpass("Kata sandi: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        fail(f"{PROG}: kedua kata sandi tidak sama; tidak ada yang diubah.")
    return first


def _line(account: pengguna.Pengguna) -> str:
    office = account.instansi or "(semua instansi)"
    units = f"  unit: {', '.join(account.unit)}" if account.unit else ""
    state = "" if account.aktif else "  [nonaktif]"
    return f"{account.nama}  {account.peran}  {office}{units}{state}"


def run(args: argparse.Namespace, store: Simpanan) -> int:
    try:
        if args.aksi == "daftar":
            accounts = pengguna.daftar(store)
            print("\n".join(map(_line, accounts)) if accounts else "Belum ada akun; Kinerja melayani satu pengguna.")
        elif args.aksi == "tambah":
            sandi = read_password(args.sandi_stdin)
            pengguna.tambah(store, args.nama, args.peran, sandi, args.instansi or "", args.unit)
            print(f"Akun dibuat: {_line(pengguna.ambil(store, args.nama))}")
        elif args.aksi == "ubah":
            again = True if args.aktif else None
            account = pengguna.ubah(store, args.nama, args.peran, args.instansi, args.unit, again)
            print(f"Akun diubah: {_line(account)}")
        elif args.aksi == "nonaktifkan":
            account = pengguna.ubah(store, args.nama, None, None, None, False)
            print(f"Akun dinonaktifkan; sesinya berakhir: {_line(account)}")
        else:
            pengguna.ambil(store, args.nama)  # an unknown name is said before the password is asked
            pengguna.atur_sandi(store, args.nama, read_password(args.sandi_stdin))
            print(f"Kata sandi '{args.nama}' diganti; sesi yang terbuka berakhir.")
    except KinerjaError as exc:
        fail(f"{PROG}: {exc.pesan}")
    return 0
