"""A folder of documents: outputs mirror the tree, a bad file does not stop the rest, a summary at the end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURES, SEED, contract, run_command

from ekstrak.batch import run_folder


def _tree(root: Path) -> Path:
    folder = root / "arsip"
    (folder / "2022" / "divisi").mkdir(parents=True)
    shutil.copy(SEED, folder / "2022" / "divisi" / "iku.txt")
    shutil.copy(FIXTURES / "sulbar_word.pdf", folder / "2022" / "iku.pdf")
    shutil.copy(FIXTURES / "sulbar_word.docx", folder / "2022" / "iku.docx")
    (folder / "2022" / "rusak.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <</Type")
    (folder / ".tersembunyi.txt").write_text("x", encoding="utf-8")
    (folder / "catatan.md").write_text("bukan dokumen", encoding="utf-8")
    return folder


def test_folder_mirrors_the_tree_and_goes_on_past_a_bad_file(tmp_path, seed_expected):
    folder = _tree(tmp_path)
    out = tmp_path / "hasil"
    result = run_command("ekstrak", str(folder), "-o", str(out), "-j", "2")
    assert result.returncode == 1, result.stderr.decode()
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["2022/divisi/iku.txt.json", "2022/iku.docx.json", "2022/iku.pdf.json"]
    for name in written:
        assert contract(json.loads((out / name).read_text(encoding="utf-8"))) == seed_expected
    table = result.stdout.decode()
    assert "Ringkasan ekstrak" in table and "rusak.pdf" in table and "PDF ini rusak" in table
    assert "4 berkas, 1 gagal" in table
    assert "Traceback" not in result.stderr.decode()


def test_folder_without_failures_exits_0_and_writes_the_chosen_format(tmp_path):
    folder = tmp_path / "arsip"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    shutil.copy(FIXTURES / "pk_pengadilan_satuan.txt", folder / "b.txt")
    result = run_command("ekstrak", str(folder), "-o", str(tmp_path / "hasil"), "-f", "xlsx", "-q")
    assert result.returncode == 0
    assert result.stdout == b"" and result.stderr == b""
    assert sorted(p.name for p in (tmp_path / "hasil").iterdir()) == ["a.txt.xlsx", "b.txt.xlsx"]


def test_folder_under_ketat_leaves_out_files_with_warnings(tmp_path):
    folder = tmp_path / "arsip"
    folder.mkdir()
    shutil.copy(SEED, folder / "bersih.txt")
    shutil.copy(FIXTURES / "iku_dinas_landscape.pdf", folder / "anggaran_salah.pdf")
    out = tmp_path / "hasil"
    result = run_command("ekstrak", str(folder), "-o", str(out), "--ketat")
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["bersih.txt.json"]
    assert "--ketat" in result.stdout.decode()


def test_folder_needs_an_output_folder(tmp_path):
    folder = _tree(tmp_path)
    result = run_command("ekstrak", str(folder))
    assert result.returncode == 2
    assert "-o" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
    empty = tmp_path / "kosong"
    empty.mkdir()
    result = run_command("ekstrak", str(empty), "-o", str(tmp_path / "h"))
    assert result.returncode == 2 and "tidak ada dokumen" in result.stderr.decode()


def test_one_process_and_two_give_the_same_outcomes(tmp_path):
    folder = _tree(tmp_path)
    one = run_folder(folder, tmp_path / "satu", workers=1)
    two = run_folder(folder, tmp_path / "dua", workers=2)
    assert [(o.source, o.sasaran, o.indikator, o.error) for o in one] == [
        (o.source, o.sasaran, o.indikator, o.error) for o in two
    ]
    assert [o.source for o in one] == ["2022/divisi/iku.txt", "2022/iku.docx", "2022/iku.pdf", "2022/rusak.pdf"]


def test_folder_mode_keeps_the_limits_chosen_on_the_command_line(tmp_path):
    folder = tmp_path / "arsip"
    folder.mkdir()
    shutil.copy(FIXTURES / "sulbar_word.pdf", folder / "a.pdf")
    shutil.copy(FIXTURES / "sulbar_word.pdf", folder / "b.pdf")
    out = tmp_path / "hasil"
    result = run_command("ekstrak", str(folder), "-o", str(out), "--batas-waktu", "0.01", "-j", "2")
    assert result.returncode == 1
    assert "batas waktu 0.01 detik" in result.stdout.decode().replace("\n", " ").replace("│", " ")
    assert not out.exists() or not any(out.iterdir())
