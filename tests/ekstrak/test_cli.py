"""The `ekstrak` command as a user runs it: outputs, exit codes, and one clear sentence on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED, contract, run_command

MISMATCH = "NO\tSASARAN\tINDIKATOR\tTARGET\n1\tA\t1. satu 2. dua 3. tiga\t80% 70%\n"


def _clean_failure(result, *words: str) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err, err
    assert result.stdout == b""
    for word in words:
        assert word in err, err
    return err


def test_json_to_stdout_equals_the_expected_records(seed_expected):
    result = run_command("ekstrak", str(SEED))
    assert result.returncode == 0, result.stderr.decode()
    assert contract(json.loads(result.stdout)) == seed_expected
    assert result.stderr == b""


@pytest.mark.parametrize("suffix", ["json", "csv", "xlsx"])
def test_output_format_from_extension(tmp_path, suffix):
    out = tmp_path / f"iku.{suffix}"
    result = run_command("ekstrak", str(SEED), "-o", str(out))
    assert result.returncode == 0
    assert "21 sasaran, 53 indikator, 0 peringatan" in result.stderr.decode()
    back = run_command("ekstrak", str(out))
    assert back.returncode == 0, back.stderr.decode()
    direct = run_command("ekstrak", str(SEED))
    want, got = contract(json.loads(direct.stdout)), contract(json.loads(back.stdout))
    if suffix == "csv":  # the CSV holds the indicator rows only
        want, got = want["sasaran"], got["sasaran"]
    assert got == want
    assert [p.name for p in tmp_path.iterdir()] == [out.name], "no temporary file left behind"


def test_format_option_overrides_extension(tmp_path):
    out = tmp_path / "data.txt"
    assert run_command("ekstrak", str(SEED), "-o", str(out), "--format", "csv").returncode == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfkelompok;no_sasaran")


def test_help_is_indonesian_with_an_example():
    result = run_command("ekstrak", "--help")
    text = result.stdout.decode()
    assert result.returncode == 0
    for word in ("pemakaian:", "contoh:", "kode keluar", "--ketat", "tampilkan bantuan ini"):
        assert word in text, word


def test_usage_errors_exit_2_in_indonesian():
    _clean_failure(run_command("ekstrak"), "argumen wajib belum diberikan")
    assert run_command("ekstrak").returncode == 2
    result = run_command("ekstrak", str(SEED), "--tidak-ada")
    assert result.returncode == 2
    _clean_failure(result, "argumen tidak dikenal")
    result = run_command("ekstrak", str(SEED), "--format", "pdf")
    assert result.returncode == 2
    _clean_failure(result, "tidak sah")


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "acak.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    prose = tmp_path / "surat.txt"
    prose.write_text("Dengan hormat,\nBersama ini kami sampaikan laporan.\n", encoding="utf-8")
    return {
        "missing": (tmp_path / "tidak_ada.txt", "tidak ditemukan"),
        "empty": (empty, "kosong"),
        "junk": (junk, "bukan teks"),
        "no table": (prose, "Tidak ditemukan tabel IKU"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "junk", "no table"])
def test_bad_input_one_sentence_exit_2_nothing_written(tmp_path, case):
    source, words = _bad_inputs(tmp_path)[case]
    out = tmp_path / "keluar" / "hasil.json"
    out.parent.mkdir()
    result = run_command("ekstrak", str(source), "-o", str(out))
    assert result.returncode == 2
    err = _clean_failure(result, words)
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("ekstrak: ")
    assert not out.exists()


def test_existing_output_is_left_as_it_was_on_failure(tmp_path):
    out = tmp_path / "hasil.json"
    out.write_text("lama", encoding="utf-8")
    result = run_command("ekstrak", str(tmp_path / "tidak_ada.txt"), "-o", str(out))
    assert result.returncode == 2
    assert out.read_text(encoding="utf-8") == "lama"


def test_output_folder_missing_or_bad_extension(tmp_path):
    result = run_command("ekstrak", str(SEED), "-o", str(tmp_path / "tidak" / "ada.json"))
    assert result.returncode == 2
    _clean_failure(result, "tidak ada")
    result = run_command("ekstrak", str(SEED), "-o", str(tmp_path / "hasil.docx"))
    assert result.returncode == 2
    _clean_failure(result, ".json, .csv atau .xlsx")
    assert list(tmp_path.iterdir()) == []


def test_output_beside_a_file_not_in_a_folder(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("x", encoding="utf-8")
    result = run_command("ekstrak", str(SEED), "-o", str(blocker / "a.json"))
    assert result.returncode == 2
    _clean_failure(result, "bukan folder")


def test_warnings_go_to_stderr_and_ketat_ends_with_1_writing_nothing(tmp_path):
    source = tmp_path / "iku.txt"
    source.write_text(MISMATCH, encoding="utf-8")
    out = tmp_path / "hasil.json"
    relaxed = run_command("ekstrak", str(source), "-o", str(out))
    assert relaxed.returncode == 0
    assert "peringatan: [sasaran 1, halaman 1, baris 2] 3 indikator" in relaxed.stderr.decode()
    out.unlink()
    strict = run_command("ekstrak", str(source), "-o", str(out), "--ketat")
    assert strict.returncode == 1
    assert "--ketat" in strict.stderr.decode()
    assert not out.exists()
    quiet = run_command("ekstrak", str(SEED), "--ketat", "-q")
    assert quiet.returncode == 0 and quiet.stderr == b""


@pytest.mark.parametrize("name", ["sulbar_word.pdf", "sulbar_word.docx", "sulbar.xlsx", "sulbar_word.doc"])
def test_office_formats_give_the_seed_records(name, seed_expected):
    result = run_command("ekstrak", str(FIXTURES / name))
    assert result.returncode == 0, result.stderr.decode()
    assert contract(json.loads(result.stdout)) == seed_expected


def test_format_is_read_from_the_content_not_the_name(tmp_path, seed_expected):
    disguised = tmp_path / "iku.txt"
    disguised.write_bytes((FIXTURES / "sulbar_word.docx").read_bytes())
    result = run_command("ekstrak", str(disguised))
    assert result.returncode == 0, result.stderr.decode()
    assert contract(json.loads(result.stdout)) == seed_expected


def test_scanned_pdf_needs_ocr_when_it_is_turned_off():
    result = run_command("ekstrak", str(FIXTURES / "pindaian.pdf"), "--tanpa-ocr")
    assert result.returncode == 2
    _clean_failure(result, "tidak memiliki lapisan teks", "OCR")


def test_encrypted_pdf_and_its_password(seed_expected):
    locked = str(FIXTURES / "terkunci.pdf")
    _clean_failure(run_command("ekstrak", locked), "terkunci", "--sandi")
    _clean_failure(run_command("ekstrak", locked, "--sandi", "salah"), "Sandi PDF salah")
    opened = run_command("ekstrak", locked, "--sandi", "rahasia")
    assert opened.returncode == 0
    assert contract(json.loads(opened.stdout)) == seed_expected


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"%PDF-1.4\n1 0 obj <</Type /Catalog", "PDF ini rusak"),
        (b"PK\x03\x04" + b"\x00" * 40, "rusak"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ekstrak: "),
    ],
    ids=["truncated-pdf", "broken-zip", "broken-doc"],
)
def test_broken_files_one_sentence_exit_2(tmp_path, content, words):
    path = tmp_path / "rusak.bin"
    path.write_bytes(content)
    result = run_command("ekstrak", str(path))
    assert result.returncode == 2
    _clean_failure(result, words)


def test_input_is_never_modified(tmp_path):
    source = tmp_path / "iku.txt"
    source.write_bytes(SEED.read_bytes())
    stat = source.stat()
    run_command("ekstrak", str(source), "-o", str(tmp_path / "a.xlsx"))
    assert source.read_bytes() == SEED.read_bytes() and source.stat().st_mtime_ns == stat.st_mtime_ns
