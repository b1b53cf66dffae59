"""The wheel, installed into a fresh virtualenv (not editable) away from the checkout, runs every command."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest
from conftest import ROOT, SEED

SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel built from this checkout; returns its bin folder."""
    work = tmp_path_factory.mktemp("paket")
    source = work / "sumber"
    # Build from a copy holding only what git tracks, as a clean clone would.
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if (ROOT / name).exists():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    wheels = work / "roda"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
         str(source)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    shutil.rmtree(source)  # the checkout copy is gone before anything runs
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    wheel = next(wheels.glob("kinerja-*.whl"))
    subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    return env_dir / "bin"


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(bin_dir / args[0]), *args[1:]], cwd=cwd, capture_output=True, timeout=300)


def test_installed_package_lives_outside_the_checkout(installed, tmp_path):
    code = "import ekstrak, laporan, kinerja_web, kinerja_templates, inti; print(laporan.__file__)"
    where = subprocess.run([str(installed / "python"), "-c", code], cwd=tmp_path, capture_output=True, check=True)
    assert "site-packages" in where.stdout.decode() and str(ROOT) not in where.stdout.decode()


def test_installed_ekstrak_and_laporan_write_every_format(installed, tmp_path):
    for name in ("isian_2022_CONTOH.xlsx", "isian_2021_CONTOH.xlsx", "profil_CONTOH.toml"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    shutil.copy(SEED, tmp_path / "iku.txt")
    result = _run(installed, "ekstrak", "iku.txt", "-o", "iku.xlsx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    result = _run(
        installed, "laporan", "isian_2022_CONTOH.xlsx", "--tahun-lalu", "isian_2021_CONTOH.xlsx",
        "--profil", "profil_CONTOH.toml", "-o", "l.pdf", "-o", "l.docx", "-o", "l.html", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "l.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "l.docx").read_bytes().startswith(b"PK")
    assert "Laporan Kinerja" in (tmp_path / "l.html").read_text(encoding="utf-8")
    copied = _run(installed, "laporan", "--salin-templat", "templatku", cwd=tmp_path)
    assert copied.returncode == 0, copied.stderr.decode()
    assert (tmp_path / "templatku" / "laporan.html.j2").exists()
    assert (tmp_path / "templatku" / "fonts" / "LiberationSans-Regular.ttf").exists()


def test_installed_kinerja_web_serves_its_pages(installed, tmp_path):
    server = subprocess.Popen(
        [str(installed / "kinerja-web"), "--port", "0", "--tanpa-peramban", "--data", str(tmp_path / "data")],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        line = server.stdout.readline().decode()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)  # type: ignore[union-attr]
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as page:
                    html = page.read().decode()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert "Kinerja" in html
        with urllib.request.urlopen(url + "aset/web.css", timeout=5) as css:
            assert css.status == 200 and css.read()
    finally:
        server.terminate()
        server.communicate(timeout=20)
