"""inti's numbers, files and limits, each claim pinned: half-up ties, the mode of written files, every
path that climbs out of a ZIP, and the limits at their exact bounds with the figures of their messages."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inti.errors import KinerjaError
from inti.files import atomic_path, check_output, read_input, write_atomic
from inti.limits import Batas, MiB, check_zip
from inti.numbers import as_number, format_number, money_value, parse_number

# Numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (Decimal("104.845"), 2, "104,85"),  # a tie: half up, never to the even neighbour (104,84)
        (104.845, 2, "104,85"),
        (Decimal("100.005"), 2, "100,01"),
        (Decimal("0.125"), 2, "0,13"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("0.5"), 0, "1"),
        (Decimal("-104.845"), 2, "-104,85"),
        (Decimal("104.8449"), 2, "104,84"),
        (Decimal("96.8875"), 2, "96,89"),
        (80, 2, "80,00"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (Decimal("999.995"), 2, "1.000,00"),
    ],
)
def test_format_number_rounds_half_up(value, decimals, shown):
    assert format_number(value, decimals) == shown


@pytest.mark.parametrize(
    ("value", "kwargs", "shown"),
    [
        (11994682000, {}, "11.994.682.000"),
        (11994682000, {"thousands": False}, "11994682000"),
        (3.1, {}, "3,1"),
        (1000.5, {}, "1.000,5"),
        (-1234.5, {}, "-1.234,5"),
        (0, {}, "0"),
        (999, {}, "999"),
        (1000, {}, "1.000"),
        (Decimal("1234.50"), {"thousands": False}, "1234,50"),
        (Decimal("1E+3"), {}, "1.000"),  # never in exponent notation
        (0.0000001, {}, "0,0000001"),
        (Decimal("1E-7"), {"decimals": 8}, "0,00000010"),
    ],
)
def test_format_number_writes_the_indonesian_way(value, kwargs, shown):
    assert format_number(value, **kwargs) == shown


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("80", 80),
        (" 80 ", 80),
        ("3,1", 3.1),
        ("3,10", 3.1),
        ("80,00", 80),
        ("1.000", 1000),
        ("1.500", 1500),
        ("1.5", 1.5),
        ("12.5", 12.5),
        ("1.234.567", 1234567),
        ("11.994.682.000,00", 11994682000),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1,234,567", 1234567),
        ("1,234", 1.234),
        ("0,125", 0.125),
        ("1.2.3", None),
        ("1,2,3", None),
        ("12.34.567", None),
        ("", None),
        ("abc", None),
        ("80%", None),
        ("-5", None),
        ("1 000", None),
    ],
)
def test_parse_number(written, value):
    got = parse_number(written)
    assert got == value
    if value is not None:
        assert type(got) is type(value), "whole numbers stay int (81 stays 81 in JSON)"


@pytest.mark.parametrize("written", ["1.2,3.4", "1.234,567.89", "1,234.567,89"])
def test_separators_mixed_beyond_reading_are_no_number(written):
    # Not one number: None, as for any other text (never an exception that ends the whole file).
    assert parse_number(written) is None


def test_as_number_keeps_whole_numbers_int():
    assert as_number(Decimal("81.0")) == 81 and type(as_number(Decimal("81.0"))) is int
    assert as_number(2.5) == 2.5 and type(as_number(2.5)) is float
    assert type(as_number(7)) is int


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("Rp 11.994.682.000,00", 11994682000),
        ("Rp. 1.500.000,-", 1500000),
        ("Rp1.500.000", 1500000),
        ("rp 5", 5),
        ("rp. 6", 6),
        ("RP.7", 7),
        ("RP 8", 8),
        ("  1.250.000  ", 1250000),
        ("Rp", None),
        ("Rp satu juta", None),
    ],
)
def test_money_value(written, value):
    assert money_value(written) == value


@st.composite
def numbers_written(draw) -> tuple[str, Decimal]:
    """Any amount with up to three decimals, trailing zeros allowed (`3,10`), thousands dotted or not."""
    whole = draw(st.integers(min_value=0, max_value=10**12))
    places = draw(st.integers(min_value=0, max_value=3))
    fraction = draw(st.integers(min_value=0, max_value=10**places - 1)) if places else 0
    dotted = whole >= 1000 and draw(st.booleans())
    text = f"{whole:,}".replace(",", ".") if dotted else str(whole)
    if places:
        text += f",{fraction:0{places}d}"
    return text, Decimal(whole) + Decimal(fraction) / Decimal(10**places)


@given(numbers_written())
def test_any_indonesian_number_reads_back_exactly(case):
    text, value = case
    got = parse_number(text)
    assert got is not None and Decimal(str(got)) == value
    assert isinstance(got, int) == (value == value.to_integral_value())


@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
    st.booleans(),
)
def test_written_numbers_read_back(value, thousands):
    written = format_number(value, thousands=thousands)
    assert ("." in written) == (thousands and abs(value) >= 1000)
    assert Decimal(str(parse_number(written.lstrip("-")))) == abs(value)


# Files ----------------------------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_outputs_are_readable_by_everyone_like_any_document(tmp_path):
    # The temporary file is made private (0600); the finished output must not stay so.
    out = tmp_path / "hasil.json"
    old = os.umask(0o077)
    try:
        write_atomic(out, b"{}")
    finally:
        os.umask(old)
    assert _mode(out) == 0o644
    out.chmod(0o600)
    write_atomic(out, b"[]")
    assert _mode(out) == 0o644 and out.read_bytes() == b"[]"


def test_atomic_write_replaces_and_leaves_nothing_behind(tmp_path):
    out = tmp_path / "hasil.csv"
    out.write_bytes(b"lama")
    write_atomic(out, b"baru")
    assert out.read_bytes() == b"baru"
    assert [p.name for p in tmp_path.iterdir()] == ["hasil.csv"]


def test_a_failure_inside_the_block_keeps_the_old_file_and_removes_the_temporary(tmp_path):
    out = tmp_path / "hasil.xlsx"
    out.write_bytes(b"lama")
    with pytest.raises(RuntimeError), atomic_path(out) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".hasil.xlsx.") and tmp.name.endswith(".tmp")
        tmp.write_bytes(b"setengah")
        raise RuntimeError("gagal")
    assert out.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["hasil.xlsx"]


def test_atomic_write_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_atomic(Path("hasil.json"), b"{}")
    assert (tmp_path / "hasil.json").read_bytes() == b"{}"
    check_output(Path("lain.json"))  # a bare name is the current folder, which exists


def test_a_write_that_cannot_happen_is_one_sentence(tmp_path):
    with pytest.raises(KinerjaError) as caught:
        write_atomic(tmp_path / "tidak_ada" / "hasil.json", b"{}")
    assert caught.value.pesan.startswith(f"Berkas '{tmp_path / 'tidak_ada' / 'hasil.json'}' tidak dapat ditulis (")


def test_read_input_returns_the_bytes_or_says_why_not(tmp_path):
    good = tmp_path / "iku.txt"
    good.write_bytes(b"NO\tSASARAN\n")
    assert read_input(good) == b"NO\tSASARAN\n"
    assert read_input(good, limit=11) == b"NO\tSASARAN\n"  # exactly at the limit is allowed
    cases = {
        tmp_path
        / "tidak_ada.txt": f"Berkas '{tmp_path / 'tidak_ada.txt'}' tidak ditemukan; periksa nama dan foldernya.",
        tmp_path: f"'{tmp_path}' adalah folder, bukan berkas; sebutkan satu berkas IKU.",
    }
    blank = tmp_path / "kosong.txt"
    blank.write_bytes(b" \n\t\n")
    cases[blank] = f"Berkas '{blank}' kosong; tidak ada yang dapat diekstrak."
    for path, message in cases.items():
        with pytest.raises(KinerjaError) as caught:
            read_input(path)
        assert caught.value.pesan == message
    with pytest.raises(KinerjaError) as caught:
        read_input(good, limit=10)
    assert caught.value.pesan == f"Berkas '{good}' terlalu besar (0 MiB; batasnya 0 MiB)."
    big = tmp_path / "besar.txt"
    big.write_bytes(b"x" * (3 * MiB))
    with pytest.raises(KinerjaError) as caught:
        read_input(big, limit=2 * MiB)
    assert caught.value.pesan == f"Berkas '{big}' terlalu besar (3 MiB; batasnya 2 MiB)."


def test_unreadable_and_unwritable_files_are_one_sentence(tmp_path, monkeypatch):
    # Run as root, the tests cannot make a file unreadable; the operating system's refusal is stood in for.
    good = tmp_path / "iku.txt"
    good.write_bytes(b"NO")

    def refuse(self, *args):
        raise PermissionError(13, "Permission denied")

    def broken(self, *args):
        raise OSError(5, "Input/output error")

    for stand_in, message in [
        (refuse, f"Berkas '{good}' tidak dapat dibaca: izin ditolak."),
        (broken, f"Berkas '{good}' tidak dapat dibaca (Input/output error)."),
    ]:
        monkeypatch.setattr(Path, "read_bytes", stand_in)
        with pytest.raises(KinerjaError) as caught:
            read_input(good)
        assert caught.value.pesan == message
    monkeypatch.undo()
    out = tmp_path / "hasil.json"
    for stand_in, message in [
        (refuse, f"Berkas '{out}' tidak dapat ditulis: izin ditolak."),
        (broken, f"Berkas '{out}' tidak dapat ditulis (Input/output error)."),
    ]:
        monkeypatch.setattr(Path, "write_bytes", stand_in)
        with pytest.raises(KinerjaError) as caught:
            write_atomic(out, b"{}")
        assert caught.value.pesan == message
        assert sorted(p.name for p in tmp_path.iterdir()) == ["iku.txt"], "no temporary file left behind"
    monkeypatch.undo()
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(KinerjaError) as caught:
        check_output(out)
    assert caught.value.pesan == f"Folder '{tmp_path}' tidak dapat ditulisi; pilih folder lain."


def test_check_output_says_what_is_wrong_with_the_place(tmp_path):
    check_output(tmp_path / "hasil.json")
    blocker = tmp_path / "berkas"
    blocker.write_text("x", encoding="utf-8")
    for path, message in [
        (
            tmp_path / "tidak" / "ada.json",
            f"Folder '{tmp_path / 'tidak'}' untuk berkas keluaran tidak ada; buat dulu foldernya.",
        ),
        (blocker / "a.json", f"'{blocker}' bukan folder; pilih tempat lain untuk berkas keluaran."),
        (tmp_path, f"'{tmp_path}' adalah folder; sebutkan nama berkas keluaran."),
    ]:
        with pytest.raises(KinerjaError) as caught:
            check_output(path)
        assert caught.value.pesan == message


# Limits ---------------------------------------------------------------------------------------


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    "name",
    [
        "word/../../etc/evil.xml",
        "../evil.xml",
        "word/..",
        "/etc/passwd",
        "word\\..\\..\\evil.xml",
        "..\\evil.xml",
    ],
)
def test_every_path_that_climbs_out_of_the_package_is_refused(name):
    with pytest.raises(KinerjaError) as caught:
        check_zip(_zip({"word/document.xml": b"<w:document/>", name: b"x"}))
    assert caught.value.pesan == "Berkas ini memuat jalur berbahaya di dalam arsipnya; tidak dibuka."


@pytest.mark.parametrize("name", ["word/a..b.xml", "..word/x.xml", "word/...", "word/media/..png"])
def test_dots_that_do_not_climb_are_fine(name):
    assert check_zip(_zip({"word/document.xml": b"<w:document/>", name: b"x"})) == {"word/document.xml", name}


def test_member_count_at_and_over_its_limit():
    ten = _zip({f"xl/part{i}.xml": b"x" for i in range(10)})
    assert len(check_zip(ten, Batas(zip_anggota=10))) == 10
    with pytest.raises(KinerjaError) as caught:
        check_zip(ten, Batas(zip_anggota=9))
    assert caught.value.pesan == "Berkas ini berisi 10 bagian (batas 9); bukan dokumen biasa."


def test_unpacked_size_at_and_over_its_limit():
    package = _zip({"xl/a.xml": b"a" * (2 * MiB), "xl/b.xml": b"b" * (MiB // 2)}, zipfile.ZIP_STORED)
    total = 2 * MiB + MiB // 2
    assert check_zip(package, Batas(zip_isi=total)) == {"xl/a.xml", "xl/b.xml"}
    with pytest.raises(KinerjaError) as caught:
        check_zip(package, Batas(zip_isi=total - 1))
    assert caught.value.pesan == (
        f"Isi berkas ini 2 MiB setelah dibuka (batas {(total - 1) // MiB} MiB); bukan dokumen biasa."
    )


def test_compression_ratio_counts_only_above_ten_mib():
    zeros = _zip({"word/document.xml": b"\0" * (10 * MiB)})  # exactly 10 MiB, ratio about 1000:1
    assert check_zip(zeros, Batas(zip_rasio=2)) == {"word/document.xml"}
    bigger = _zip({"word/document.xml": b"\0" * (10 * MiB + 1)})
    info = zipfile.ZipFile(io.BytesIO(bigger)).infolist()[0]
    ratio = info.file_size / info.compress_size
    assert ratio > 500
    assert check_zip(bigger, Batas(zip_rasio=int(ratio) + 1)) == {"word/document.xml"}
    with pytest.raises(KinerjaError) as caught:
        check_zip(bigger, Batas(zip_rasio=int(ratio)))
    assert caught.value.pesan == (
        f"Berkas ini memampat {info.file_size // info.compress_size}:1 (batas {int(ratio)}:1): "
        "tanda 'bom zip', tidak dibuka."
    )


def test_the_ratio_is_of_the_whole_package():
    # Two members: the ratio is total over packed, not any one member's.
    stored = b"".join(bytes([i % 251]) for i in range(MiB))
    package = _zip({"a.bin": stored, "b.xml": b"\0" * (11 * MiB)})
    infos = zipfile.ZipFile(io.BytesIO(package)).infolist()
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    assert check_zip(package, Batas(zip_rasio=total // packed + 1))
    with pytest.raises(KinerjaError, match=f"memampat {total // packed}:1"):
        check_zip(package, Batas(zip_rasio=total // packed - 1))


def _claiming(size: int, packed: int) -> bytes:
    """A one-member package whose directory claims `size` bytes unpacked from `packed` bytes (as a hostile
    file may: the checks read the directory, never the data)."""
    data = bytearray(_zip({"word/document.xml": b"x" * packed}, zipfile.ZIP_STORED))
    entry = data.rfind(b"PK\x01\x02")
    data[entry + 24 : entry + 28] = size.to_bytes(4, "little")
    return bytes(data)


def test_the_ratio_at_its_exact_bound():
    # 12 000 000 bytes from 60 000: exactly 200:1, which is allowed; one byte more is not.
    assert check_zip(_claiming(12_000_000, 60_000)) == {"word/document.xml"}
    with pytest.raises(KinerjaError) as caught:
        check_zip(_claiming(12_000_000, 59_999))
    assert caught.value.pesan == "Berkas ini memampat 200:1 (batas 200:1): tanda 'bom zip', tidak dibuka."


def test_a_package_claiming_megabytes_from_nothing():
    with pytest.raises(KinerjaError) as caught:
        check_zip(_claiming(20 * MiB, 0))
    assert caught.value.pesan == f"Berkas ini memampat {20 * MiB}:1 (batas 200:1): tanda 'bom zip', tidak dibuka."


@pytest.mark.parametrize("data", [b"PK\x03\x04" + b"\0" * 40, b"bukan zip", b""])
def test_a_broken_package_is_one_sentence(data):
    with pytest.raises(KinerjaError) as caught:
        check_zip(data)
    assert caught.value.pesan == (
        "Berkas ini rusak (arsip ZIP/DOCX/XLSX tidak utuh); simpan ulang atau minta salinan baru."
    )


def test_an_empty_package_has_no_members():
    assert check_zip(_zip({})) == set()
