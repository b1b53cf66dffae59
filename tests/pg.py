"""A PostgreSQL server of the test session's own: Debian's `postgresql` (installed by `make test` as root) set up
with initdb in a temporary folder (as the `postgres` user when the tests run as root), reached only through a socket
there; each test gets a fresh database copied from a template that already holds Kinerja's tables. A missing
PostgreSQL fails the tests that need it; none is skipped."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg

from kinerja_web import postgres
from kinerja_web.store import Simpanan

DEBIAN = Path("/usr/lib/postgresql")  # Debian's servers, one folder per major version
TEMPLATE = "kinerja_templat"
SUPERUSER = "kinerja"
PASSWORD_USER = "bersandi"  # the one role that signs in with a password (for the wrong-password message)
PASSWORD = "sandi-yang-benar"


def binaries() -> Path:
    """The folder of initdb and pg_ctl: Debian keeps them per version under /usr/lib/postgresql."""
    found = sorted(DEBIAN.glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise RuntimeError(
        "PostgreSQL tidak terpasang (initdb tidak ada): `make test` memasangnya sebagai root "
        "(apt-get install postgresql); tes PostgreSQL tidak dilewati."
    )


class Cluster:
    """A running server in a folder of its own; `database()` makes a fresh database, `drop()` removes it."""

    def __init__(self, durable: bool = False) -> None:
        """`durable`: written to disk at each commit, as a real server is (the tests need not wait for the disk)."""
        self.bin = binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
        self.root = os.geteuid() == 0
        if self.root:  # the server refuses to run as root
            shutil.chown(self.folder, "postgres", "postgres")
        self.data = self.folder / "data"
        self._run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"
        )
        (self.data / "pg_hba.conf").write_text(
            f"local all {PASSWORD_USER} scram-sha-256\nlocal all all trust\n", encoding="utf-8"
        )
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(f"listen_addresses = ''\nunix_socket_directories = '{self.folder}'\nmax_connections = 300\n")
            if not durable:
                conf.write("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "start")
        self._names = itertools.count(1)
        with self.admin() as db:
            db.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'")
            db.execute(f"CREATE DATABASE {TEMPLATE}")
        template = self.url(TEMPLATE)
        Simpanan(self.folder / "templat", template).tutup()  # Kinerja's tables, once

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.folder)
        assert done.returncode == 0, f"{program}: {done.stdout}{done.stderr}"

    def url(self, name: str, user: str = SUPERUSER, password: str = "") -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@/{name}?host={self.folder}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.url("postgres"), autocommit=True)

    def database(self) -> str:
        """A fresh database with Kinerja's tables and nothing in them; its address."""
        name = f"uji_{os.getpid()}_{next(self._names)}"
        with self.admin() as db:
            db.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def empty_database(self) -> str:
        """A fresh database without Kinerja's tables; its address."""
        name = f"kosong_{os.getpid()}_{next(self._names)}"
        with self.admin() as db:
            db.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def wipe(self, url: str) -> None:
        """The database at `url` dropped and made again, empty."""
        self.drop(url)
        with self.admin() as db:
            db.execute(f"CREATE DATABASE {postgres.database_name(url)}")

    def drop(self, url: str) -> None:
        postgres.close_all(url)
        with self.admin() as db:
            db.execute(f"DROP DATABASE IF EXISTS {postgres.database_name(url)} WITH (FORCE)")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
