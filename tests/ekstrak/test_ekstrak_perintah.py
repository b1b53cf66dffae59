"""Every option of `ekstrak` the README documents, run on the command line with what it must do; broken
files each end in their own sentence; outputs are ordinary files (0644)."""

from __future__ import annotations

import json
import shutil
import stat

import pytest
from conftest import FIXTURES, SEED, contract, run_command

SUMMARY = "ekstrak: 21 sasaran, 53 indikator, 0 peringatan → {}\n"
LANDSCAPE = FIXTURES / "iku_dinas_landscape_layout.txt"
BUDGET_WARNING = (
    "peringatan: [halaman 2, baris 40] baris JUMLAH anggaran (4.795.000.000) tidak sama dengan jumlah "
    "rinciannya (Rp 4.785.500.000); periksa angka anggaran\n"
)


def _ok(result) -> str:
    err = result.stderr.decode()
    assert result.returncode == 0, err
    return err


def test_keluaran_and_o_are_the_same_option(tmp_path, seed_expected):
    short, long = tmp_path / "a.json", tmp_path / "b.json"
    assert _ok(run_command("ekstrak", str(SEED), "-o", str(short))) == SUMMARY.format(short)
    assert _ok(run_command("ekstrak", str(SEED), "--keluaran", str(long))) == SUMMARY.format(long)
    assert short.read_bytes() == long.read_bytes()
    assert contract(json.loads(short.read_bytes())) == seed_expected


def test_outputs_are_ordinary_files_readable_by_everyone(tmp_path):
    for suffix in ("json", "csv", "xlsx"):
        out = tmp_path / f"iku.{suffix}"
        _ok(run_command("ekstrak", str(SEED), "-o", str(out)))
        assert stat.S_IMODE(out.stat().st_mode) == 0o644, suffix


@pytest.mark.parametrize("option", ["-f", "--format"])
def test_format_without_output_goes_to_the_screen(option):
    csv = run_command("ekstrak", str(SEED), option, "csv")
    _ok(csv)
    lines = csv.stdout.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "kelompok;no_sasaran;sasaran;no_indikator;indikator;target;nilai_target;satuan;polaritas;"
        "realisasi;keterangan;halaman;baris"
    )
    assert len(lines) == 54
    assert lines[3] == (
        "DIVISI PEMASYARAKATAN;3;Meningkatnya Pelayanan Tahanan di wilayah sesuai standar;1;"
        "Persentase menurunnya tahanan yang overstaying;80%;80;%;;;;1;14"
    )
    xlsx = run_command("ekstrak", str(SEED), option, "xlsx")
    _ok(xlsx)
    assert xlsx.stdout.startswith(b"PK\x03\x04")
    json_out = run_command("ekstrak", str(SEED), option, "json")
    assert json_out.stdout == run_command("ekstrak", str(SEED)).stdout


def test_format_wins_over_the_extension(tmp_path):
    out = tmp_path / "data.json"
    _ok(run_command("ekstrak", str(SEED), "-o", str(out), "-f", "csv"))
    assert out.read_bytes().startswith(b"\xef\xbb\xbfkelompok;no_sasaran")


@pytest.mark.parametrize("option", ["-q", "--senyap"])
def test_senyap_prints_nothing_but_writes_the_file(tmp_path, option):
    out = tmp_path / "dinas.json"
    result = run_command("ekstrak", str(LANDSCAPE), "-o", str(out), option)
    assert result.returncode == 0 and result.stderr == b"" and result.stdout == b""
    assert len(json.loads(out.read_bytes())["peringatan"]) == 1


def test_ketat_names_its_reason_and_writes_nothing(tmp_path):
    out = tmp_path / "dinas.json"
    result = run_command("ekstrak", str(LANDSCAPE), "-o", str(out), "--ketat")
    assert result.returncode == 1
    assert result.stderr.decode() == (
        BUDGET_WARNING + "ekstrak: 1 peringatan dengan --ketat; tidak ada berkas yang ditulis.\n"
    )
    assert not out.exists()
    clean = tmp_path / "bersih.json"
    assert _ok(run_command("ekstrak", str(SEED), "-o", str(clean), "--ketat")) == SUMMARY.format(clean)


@pytest.mark.parametrize("option", ["-h", "--help"])
def test_help(option):
    result = run_command("ekstrak", option)
    assert result.returncode == 0 and result.stderr == b""
    text = result.stdout.decode()
    assert text.startswith("pemakaian: ekstrak [-h] [-o BERKAS] [-f {json,csv,xlsx}] [--ketat]")
    for words in ("--keluaran BERKAS", "--proses N", "--batas-waktu DETIK", "--batas-memori MiB", "--senyap"):
        assert words in text, words
    assert text == run_command("ekstrak", "--help" if option == "-h" else "-h").stdout.decode()


def _folder(tmp_path):
    folder = tmp_path / "arsip"
    (folder / "2022").mkdir(parents=True)
    shutil.copy(SEED, folder / "2022" / "iku.txt")
    shutil.copy(FIXTURES / "pk_pengadilan_satuan.txt", folder / "pk.txt")
    return folder


@pytest.mark.parametrize("option", ["-j", "--proses"])
def test_proses_for_a_folder(tmp_path, option, seed_expected):
    folder = _folder(tmp_path)
    out = tmp_path / "hasil"
    result = run_command("ekstrak", str(folder), "-o", str(out), option, "1", "-q")
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.json")) == ["2022/iku.txt.json", "pk.txt.json"]
    assert contract(json.loads((out / "2022" / "iku.txt.json").read_bytes())) == seed_expected
    refused = run_command("ekstrak", str(folder), "-o", str(tmp_path / "lain"), option, "0")
    assert refused.returncode == 2
    assert refused.stderr.decode() == "ekstrak: --proses harus 1 atau lebih.\n"
    assert not (tmp_path / "lain").exists()


def test_folder_keluaran_must_be_a_folder(tmp_path):
    folder = _folder(tmp_path)
    blocker = tmp_path / "hasil.json"
    blocker.write_text("{}", encoding="utf-8")
    result = run_command("ekstrak", str(folder), "-o", str(blocker))
    assert result.returncode == 2
    assert result.stderr.decode() == f"ekstrak: '{blocker}' sudah ada dan bukan folder; pilih folder keluaran lain.\n"


@pytest.mark.parametrize(
    "args",
    [["--batas-waktu", "0"], ["--batas-waktu", "-1"], ["--batas-memori", "63"], ["--batas-memori", "0"]],
)
def test_limits_that_make_no_sense_are_refused(tmp_path, args):
    out = tmp_path / "hasil.json"
    result = run_command("ekstrak", str(SEED), "-o", str(out), *args)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "ekstrak: --batas-waktu harus lebih dari 0 dan --batas-memori paling sedikit 64 MiB.\n"
    )
    assert not out.exists()


def test_generous_limits_read_as_usual(tmp_path, seed_expected):
    out = tmp_path / "iku.json"
    result = run_command("ekstrak", str(SEED), "-o", str(out), "--batas-waktu", "60", "--batas-memori", "64")
    assert _ok(result) == SUMMARY.format(out)
    assert contract(json.loads(out.read_bytes())) == seed_expected


def test_a_memory_limit_too_small_for_a_pdf_is_said_with_its_figure(tmp_path):
    from hostile import stream_pdf

    bomb = tmp_path / "bom.pdf"
    bomb.write_bytes(stream_pdf(b" ", 300 * 1024 * 1024))
    result = run_command("ekstrak", str(bomb), "--batas-memori", "64")
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "ekstrak: Membaca berkas ini memerlukan lebih dari 64 MiB memori dan dihentikan; berkas mungkin rusak "
        "atau sengaja dibuat berat (bila memang sangat besar, naikkan dengan --batas-memori).\n"
    )


def test_sandi_opens_a_locked_pdf_and_a_wrong_one_is_said(seed_expected):
    locked = str(FIXTURES / "terkunci.pdf")
    opened = run_command("ekstrak", locked, "--sandi", "rahasia")
    assert _ok(opened) == ""
    assert contract(json.loads(opened.stdout)) == seed_expected
    wrong = run_command("ekstrak", locked, "--sandi", "salah")
    assert wrong.returncode == 2 and wrong.stdout == b""
    assert wrong.stderr.decode().startswith("ekstrak: Sandi PDF salah")


# Broken files: each its own sentence, exit 2, nothing on stdout ---------------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (
            b"%PDF-1.4\n1 0 obj <</Type /Catalog",
            "PDF ini rusak atau terpotong dan tidak dapat dibaca; minta salinan yang utuh.",
        ),
        (
            b"PK\x03\x04" + b"\x00" * 40,
            "Berkas ini rusak (arsip ZIP/DOCX/XLSX tidak utuh); simpan ulang atau minta salinan baru.",
        ),
        (
            OLE + b"\x00" * 100 + "WordDocument".encode("utf-16-le") + b"\x00" * 100,
            "LibreOffice tidak dapat membuka berkas .doc ini; berkas mungkin rusak. Simpan ulang sebagai DOCX.",
        ),
        (
            OLE + b"\x00" * 100,
            "LibreOffice tidak dapat membuka berkas .xls ini; berkas mungkin rusak. Simpan ulang sebagai XLSX.",
        ),
    ],
    ids=["truncated-pdf", "broken-zip", "broken-doc", "broken-xls"],
)
def test_broken_files_say_they_are_broken(tmp_path, content, sentence):
    path = tmp_path / "rusak.bin"
    path.write_bytes(content)
    result = run_command("ekstrak", str(path), "-o", str(tmp_path / "hasil.json"))
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode() == f"ekstrak: {sentence}\n"
    assert not (tmp_path / "hasil.json").exists()
