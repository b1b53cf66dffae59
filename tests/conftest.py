"""Shared helpers: where fixtures live, and the JSON contract view of a document."""

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


@pytest.fixture
def seed_expected() -> dict:
    return load_json(SEED_EXPECTED)
