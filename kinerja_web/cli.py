"""`kinerja-web`: start the application on this computer and open the browser."""

from __future__ import annotations

import contextlib
import os
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


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def database_options(p: Parser, default: object = None) -> None:
    """--data and --db; a subcommand's default is SUPPRESS, so that the same options before it are kept."""
    p.add_argument(
        "--data", type=Path, default=default, help="folder basis data (bawaan: $KINERJA_DATA atau folder data pengguna)"
    )
    p.add_argument(
        "--db",
        default=default,
        help="berkas basis data SQLite atau alamat postgresql://… (bawaan: $KINERJA_DB, atau kinerja.sqlite di --data)",
    )


def parser() -> Parser:
    p = Parser(
        prog=PROG,
        description=(
            "Buka Kinerja di peramban: unggah dokumen IKU/PK, perbaiki tabelnya, isi realisasi, "
            "lalu unduh data dan Laporan Kinerja. Tanpa akun hanya melayani komputer ini (127.0.0.1); "
            "'kinerja-web pengguna' membuat akun untuk satu kantor atau lebih."
        ),
    )
    p.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"nomor port (bawaan {DEFAULT_PORT}; 0: pilih sendiri)"
    )
    p.add_argument("--alamat", default="127.0.0.1", help="alamat yang didengarkan (bawaan 127.0.0.1)")
    p.add_argument(
        "--nama-host", action="append", default=[], metavar="NAMA", help="nama server yang dilayani (boleh berulang)"
    )
    p.add_argument("--di-belakang-proxy", action="store_true", help="percayai kepala X-Forwarded-* dari proxy")
    database_options(p)
    p.add_argument("--tanpa-peramban", action="store_true", help="jangan membuka peramban")
    add_limit_options(p)
    return p


def database_place(args) -> tuple[Path, str]:
    """The data folder and the database: --db, else $KINERJA_DB, else kinerja.sqlite in --data. A file names its
    folder as the data folder; a PostgreSQL address keeps --data for the rest (the session key, evidence files)."""
    from .postgres import is_url
    from .store import DATABASE

    given = args.db or os.environ.get("KINERJA_DB")
    if given and is_url(given):
        return args.data or data_folder(), given
    if given and "://" in given:
        fail(
            f"{PROG}: alamat basis data '{given.split('://')[0]}://…' tidak dikenal; pakai berkas SQLite "
            "(--db /folder/kinerja.sqlite) atau server PostgreSQL (--db postgresql://PENGGUNA:SANDI@SERVER/NAMA)."
        )
    if given:
        path = Path(given)
        return path.parent, path.name
    return args.data or data_folder(), DATABASE


def open_store(args):
    """The store the arguments name, or the command ends in words saying why it cannot be opened."""
    from .store import DATABASE_ERRORS, Simpanan

    folder, name = database_place(args)
    try:
        return Simpanan(folder, name)
    except KinerjaError as exc:
        fail(f"{PROG}: {exc.pesan}")
    except OSError as exc:
        fail(f"{PROG}: folder data '{folder}' tidak dapat dibuat ({exc.strerror}); pilih folder lain dengan --data.")
    except DATABASE_ERRORS:
        fail(
            f"{PROG}: basis data di '{folder}' tidak dapat dibuka atau dibuat; pastikan folder itu dapat ditulis, "
            "atau pilih folder lain dengan --data."
        )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from . import cli_data

    if argv[:1] and argv[0] in cli_data.COMMANDS:
        args = cli_data.parser(argv[0], database_options).parse_args(argv[1:])
        return cli_data.run(argv[0], args, open_store, data_folder)
    if argv[:1] == ["pengguna"]:
        from .cli_pengguna import parser as accounts
        from .cli_pengguna import run

        args = accounts(database_options).parse_args(argv[1:])
        return run(args, open_store(args))
    args = parser().parse_args(argv)
    batas = limits_from(args, PROG)
    if not 0 <= args.port <= 65535:
        fail(f"{PROG}: --port harus antara 0 dan 65535.")
    store = open_store(args)
    from waitress import create_server

    from . import pengguna
    from .app import Setelan, create_app
    from .store import DATABASE

    terbuka = args.alamat not in LOOPBACK
    if terbuka and not pengguna.ada_admin(store):
        fail(
            f"{PROG}: --alamat {args.alamat} melayani komputer lain, jadi perlu akun admin lebih dulu: "
            f"{PROG} pengguna tambah NAMA --peran admin"
        )
    names = [*args.nama_host, *([args.alamat] if terbuka and args.alamat not in ("0.0.0.0", "::") else [])]
    setelan = Setelan(tuple(names), args.di_belakang_proxy, terbuka, store.pg.url if store.pg else store.path.name)
    store.tutup()  # the application opens its own
    app = create_app(store.folder, batas, setelan)
    try:
        server = create_server(
            app,
            host=args.alamat,
            port=args.port,
            threads=8 if terbuka else 4,
            ident="Kinerja",
            clear_untrusted_proxy_headers=not args.di_belakang_proxy,  # the proxy's headers reach ProxyFix
        )
    except OSError:
        url = f"http://127.0.0.1:{args.port}/"
        if terbuka or not _already_running(url):
            fail(f"{PROG}: port {args.port} sedang dipakai program lain; jalankan dengan --port lain (mis. --port 0).")
        print(f"Kinerja sudah berjalan di {url}; halaman itu dibuka.", flush=True)
        if not args.tanpa_peramban:
            webbrowser.open(url)
        return 0
    shown = names[0] if names else ("127.0.0.1" if not terbuka else args.alamat)
    url = f"http://{shown}:{server.effective_port}/"
    where = store.path.parent if store.path and store.path.name == DATABASE else store.alamat
    if store.pg:
        where = f"{store.folder}; basis data {store.alamat}"
    print(f"Kinerja berjalan di {url}  (data: {where}). Tekan Ctrl-C untuk berhenti.", flush=True)
    if not args.tanpa_peramban:
        threading.Timer(0.5, webbrowser.open, (url,)).start()
    # Saves wait on SQLite and hand the GIL back and forth: a short switch interval keeps a save from waiting
    # behind another request's computation at each of its database calls (the default 5 ms adds up to 100 ms).
    sys.setswitchinterval(0.0005)
    # waitress ends its loop on Ctrl-C by itself (it catches the interrupt), or lets it through.
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    print(f"{PROG}: berhenti. Semua perubahan sudah tersimpan.", file=sys.stderr)
    return 0


def run() -> None:
    run_main(main, PROG)
