"""Shared helpers: where fixtures live, the JSON contract view of a document, and the database of the web tests.

Every web test (tests/web) that does not drive a browser runs twice: on SQLite and on PostgreSQL (a fresh database of
the session's own server per test, tests/pg.py, named to the application by KINERJA_DB as a server would be). Tests of
what only SQLite has (its file) carry the mark `sqlite_saja`; the browser's tests run on SQLite, and those marked
`juga_postgresql` on both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
SEED = ROOT / "samples" / "iku_kanwil_sulbar_2022.txt"
SEED_EXPECTED = GOLDEN / "iku_kanwil_sulbar_2022.json"
EXTRA_FIELDS = {"halaman", "baris", "peringatan", "kolom_lain", "target_mentah"}
BIN = Path(sys.executable).parent

# No test is timed (a loaded machine, `make mutasi` under nice): property tests have no deadline per example.
settings.register_profile("kinerja", deadline=None)
settings.load_profile("kinerja")


def contract(data: Any) -> Any:
    """The document as the public contract sees it: provenance and review fields set aside."""
    if isinstance(data, dict):
        return {k: contract(v) for k, v in data.items() if k not in EXTRA_FIELDS}
    if isinstance(data, list):
        return [contract(v) for v in data]
    return data


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def run_command(name: str, *args: str, cwd: Path | None = None, stdin: bytes | None = None):
    """Run an installed console script as a user would; returns the CompletedProcess (bytes)."""
    env = dict(os.environ, PYTHONWARNINGS="error")
    return subprocess.run([str(BIN / name), *args], cwd=cwd, input=stdin, capture_output=True, env=env, timeout=120)


WEB = ROOT / "tests" / "web"
BROWSER_MODULES = "test_web_e2e"  # the browser's tests: their modules' names start so (their servers are shared)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    path = metafunc.definition.path
    if "basis_data" not in metafunc.fixturenames or WEB not in path.parents:
        return
    marked = metafunc.definition.get_closest_marker
    # A test that asks for the server itself (postgres_cluster) chooses its own databases.
    both = (
        marked("sqlite_saja") is None
        and "postgres_cluster" not in metafunc.fixturenames
        and (not path.name.startswith(BROWSER_MODULES) or marked("juga_postgresql"))
    )
    metafunc.parametrize("basis_data", ["sqlite", "postgresql"] if both else ["sqlite"], indirect=True)


@pytest.fixture(autouse=True)
def basis_data(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """The database a web test's application uses: "sqlite" (a file in its data folder) or a PostgreSQL address."""
    if getattr(request, "param", "sqlite") == "sqlite":
        monkeypatch.delenv("KINERJA_DB", raising=False)
        yield "sqlite"
        return
    cluster = request.getfixturevalue("postgres_cluster")
    url = cluster.database()
    monkeypatch.setenv("KINERJA_DB", url)
    yield url
    cluster.drop(url)


@pytest.fixture(scope="session")
def postgres_cluster():
    """The session's own PostgreSQL server (tests/pg.py), started the first time a test needs it."""
    from pg import Cluster

    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def seed_expected() -> dict:
    return load_json(SEED_EXPECTED)
