"""`kinerja-web`: start the application on this computer and open the browser."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import threading
import webbrowser
from pathlib import Path

from ekstrak import KinerjaError
from inti.cli import Parser, add_limit_options, fail, limits_from, run_main

PROG = "kinerja-web"
DEFAULT_PORT = 8765


def data_folder() -> Path:
    """Where the database lives: $KINERJA_DATA, else the user's data folder (~/.local/share/kinerja)."""
    from platformdirs import user_data_path

    given = os.environ.get("KINERJA_DATA")
    return Path(given) if given else user_data_path("kinerja", appauthor=False)


def _already_running(url: str) -> bool:
    """Whether the program on that port is Kinerja (started earlier, perhaps in another window)."""
    from urllib.request import urlopen

    try:
        with urlopen(url, timeout=3) as page:
            return b'<a class="merek"' in page.read(4096)
    except OSError:
        return False


def parser() -> Parser:
    p = Parser(
        prog=PROG,
        description=(
            "Buka Kinerja di peramban: unggah dokumen IKU/PK, perbaiki tabelnya, isi realisasi, "
            "lalu unduh data dan Laporan Kinerja. Hanya melayani komputer ini (127.0.0.1)."
        ),
    )
    p.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"nomor port (bawaan {DEFAULT_PORT}; 0: pilih sendiri)"
    )
    p.add_argument("--data", type=Path, help="folder basis data (bawaan: $KINERJA_DATA atau folder data pengguna)")
    p.add_argument("--tanpa-peramban", action="store_true", help="jangan membuka peramban")
    add_limit_options(p)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    batas = limits_from(args, PROG)
    if not 0 <= args.port <= 65535:
        fail(f"{PROG}: --port harus antara 0 dan 65535.")
    folder = args.data or data_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"{PROG}: folder data '{folder}' tidak dapat dibuat ({exc.strerror}); pilih folder lain dengan --data.")
    from waitress import create_server

    from .app import create_app

    try:
        app = create_app(folder, batas)
    except KinerjaError as exc:
        fail(f"{PROG}: {exc.pesan}")
    except sqlite3.DatabaseError:
        fail(
            f"{PROG}: basis data di '{folder}' tidak dapat dibuka atau dibuat; pastikan folder itu dapat ditulis, "
            "atau pilih folder lain dengan --data."
        )
    try:
        server = create_server(app, host="127.0.0.1", port=args.port, threads=4, ident="Kinerja")
    except OSError:
        url = f"http://127.0.0.1:{args.port}/"
        if not _already_running(url):
            fail(f"{PROG}: port {args.port} sedang dipakai program lain; jalankan dengan --port lain (mis. --port 0).")
        print(f"Kinerja sudah berjalan di {url}; halaman itu dibuka.", flush=True)
        if not args.tanpa_peramban:
            webbrowser.open(url)
        return 0
    url = f"http://127.0.0.1:{server.effective_port}/"
    print(f"Kinerja berjalan di {url}  (data: {folder}). Tekan Ctrl-C untuk berhenti.", flush=True)
    if not args.tanpa_peramban:
        threading.Timer(0.5, webbrowser.open, (url,)).start()
    # waitress ends its loop on Ctrl-C by itself (it catches the interrupt), or lets it through.
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    print(f"{PROG}: berhenti. Semua perubahan sudah tersimpan.", file=sys.stderr)
    return 0


def run() -> None:
    run_main(main, PROG)
