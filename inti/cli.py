"""Command-line plumbing shared by `ekstrak` and `laporan`: argparse speaking Indonesian, exit codes."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import NoReturn

from .limits import BAWAAN, Batas, MiB

EXIT_OK = 0
EXIT_WARNINGS = 1
EXIT_BAD_INPUT = 2

_WORDS = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
}
_ERRORS = [
    (re.compile(r"the following arguments are required: (.*)"), r"argumen wajib belum diberikan: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"argumen tidak dikenal: \1"),
    (
        re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
        r"pilihan \2 untuk \1 tidak sah (pilih dari \3)",
    ),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 memerlukan satu nilai"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), r"nilai \3 untuk \1 tidak sah"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)"), r"pilihan \1 dapat berarti \2; tulis lengkap"),
]


def _translate(message: str) -> str:
    return _WORDS.get(message, message)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Indonesian and whose usage errors exit 2."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        kwargs.setdefault("add_help", False)
        with _indonesian():
            super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help=_translate("show this help message and exit"))

    def format_help(self) -> str:
        with _indonesian():
            return super().format_help()

    def format_usage(self) -> str:
        with _indonesian():
            return super().format_usage()

    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _ERRORS:
            if pattern.search(message):
                message = pattern.sub(replacement, message)
                break
        self.print_usage(sys.stderr)
        fail(f"{self.prog}: {message}. Lihat '{self.prog} --help'.")


class _indonesian:
    """Swap argparse's gettext for our few words while help is formatted."""

    def __enter__(self) -> None:
        self._saved = argparse._
        argparse._ = _translate  # type: ignore[attr-defined]

    def __exit__(self, *exc: object) -> None:
        argparse._ = self._saved  # type: ignore[attr-defined]


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """--batas-waktu and --batas-memori: the limits for parsing one input file."""
    parser.add_argument(
        "--batas-waktu",
        type=float,
        metavar="DETIK",
        default=BAWAAN.detik,
        help=f"batas waktu membaca satu berkas (bawaan: {BAWAAN.detik:g} detik)",
    )
    parser.add_argument(
        "--batas-memori",
        type=int,
        metavar="MiB",
        default=BAWAAN.memori // MiB,
        help=f"batas memori membaca satu berkas (bawaan: {BAWAAN.memori // MiB} MiB)",
    )


def limits_from(args: argparse.Namespace, prog: str) -> Batas:
    """The limits the user chose, checked (exit 2 on nonsense)."""
    if args.batas_waktu <= 0 or args.batas_memori < 64:
        fail(f"{prog}: --batas-waktu harus lebih dari 0 dan --batas-memori paling sedikit 64 MiB.")
    return replace(BAWAAN, detik=args.batas_waktu, memori=args.batas_memori * MiB)


def run_main(main: Callable[[], int], prog: str) -> NoReturn:
    """Run a command's main: Ctrl-C and any bug of ours end in one sentence, never a traceback."""
    try:
        code = main()
    except KeyboardInterrupt:
        print(f"{prog}: dihentikan; tidak ada berkas setengah jadi yang tertinggal.", file=sys.stderr)
        code = 130
    except Exception as exc:  # a bug of ours must still end in one sentence
        print(
            f"{prog}: kesalahan tak terduga ({type(exc).__name__}); tidak ada berkas ditulis. "
            "Mohon laporkan bersama berkas masukannya.",
            file=sys.stderr,
        )
        code = EXIT_BAD_INPUT
    raise SystemExit(code)


def report_warnings(prog: str, warnings: list, *, quiet: bool, strict: bool) -> bool:
    """Print the warnings on stderr (unless quiet); True when --ketat makes them end the run (exit 1)."""
    if not quiet:
        for warning in warnings:
            print(f"peringatan: {warning}", file=sys.stderr)
    if strict and warnings:
        print(f"{prog}: {len(warnings)} peringatan dengan --ketat; tidak ada berkas yang ditulis.", file=sys.stderr)
        return True
    return False


def fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    print(message, file=sys.stderr)
    raise SystemExit(code)
