"""laporan's failures are named: each raises the subclass of KinerjaError (inti.errors) that says what failed,
so that callers and tests tell them apart by type, not by their words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from inti.errors import BerkasRusak, BerkasTidakAda, FormatTidakDikenal, KinerjaError, MelebihiBatas, TemplatRusak
from laporan.buat import buat_laporan
from laporan.load import muat
from laporan.profil import MAX_LOGO_BYTES, Profil, baca_profil, jenis_logo
from laporan.render.docx import render_docx
from laporan.render.html import TEMPLATES, render_html
from laporan.view import susun

SEED = ROOT / "samples" / "iku_kanwil_sulbar_2022.txt"


@pytest.fixture(scope="module")
def report():
    return susun(muat(SEED), Profil())


def _templates(tmp_path: Path) -> Path:
    copy = tmp_path / "templat"
    shutil.copytree(TEMPLATES, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return copy


def test_a_missing_or_broken_html_template(report, tmp_path):
    with pytest.raises(TemplatRusak):
        render_html(report, tmp_path)  # no template there
    copy = _templates(tmp_path)
    (copy / "laporan.html.j2").write_text("{% for %}", encoding="utf-8")
    with pytest.raises(TemplatRusak):
        render_html(report, copy)
    (copy / "laporan.html.j2").write_text("{{ l.tidak_ada }}", encoding="utf-8")
    with pytest.raises(TemplatRusak):
        render_html(report, copy)


def test_a_missing_or_broken_word_template(report, tmp_path):
    with pytest.raises(TemplatRusak):
        render_docx(report, tmp_path)
    (tmp_path / "laporan.docx").write_bytes(b"bukan docx")
    with pytest.raises(TemplatRusak):
        render_docx(report, tmp_path)


def test_a_broken_template_folder_through_the_library(tmp_path):
    with pytest.raises(TemplatRusak):
        buat_laporan(SEED, ["html"], templat=tmp_path)


def test_profile_failures(tmp_path):
    with pytest.raises(BerkasTidakAda):
        baca_profil(tmp_path / "tidak_ada.toml")
    broken = tmp_path / "rusak.toml"
    broken.write_text('kota = "Mamuju\n', encoding="utf-8")
    with pytest.raises(BerkasRusak):
        baca_profil(broken)
    broken.write_bytes('kota = "Mamuju"'.encode("utf-16"))
    with pytest.raises(BerkasRusak):
        baca_profil(broken)
    no_logo = tmp_path / "logo.toml"
    no_logo.write_text('logo = "tidak_ada.png"\n', encoding="utf-8")
    with pytest.raises(BerkasTidakAda):
        baca_profil(no_logo)
    bad_date = tmp_path / "tanggal.toml"
    bad_date.write_text('tanggal = "31-01-2023"\n', encoding="utf-8")
    with pytest.raises(KinerjaError):
        baca_profil(bad_date)


def test_logo_failures():
    assert jenis_logo(b"\x89PNG\r\n") == "image/png" and jenis_logo(b"\xff\xd8\xff\xe0") == "image/jpeg"
    with pytest.raises(FormatTidakDikenal):
        jenis_logo(b"GIF89a")
    with pytest.raises(MelebihiBatas):
        jenis_logo(b"\x89PNG" + b"\x00" * MAX_LOGO_BYTES)
