"""What Tesseract misreads in IKU tables is mended only where the table leaves no doubt; an image that is no
page ends in one sentence before OCR starts."""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace

import pytest

import ekstrak
from ekstrak.keyakinan import OCR, ocr_warnings
from ekstrak.model import Dokumen, Indikator, Keyakinan, Sasaran, Target
from ekstrak.readers.lettercase import mend_case
from ekstrak.readers.misread import (
    mend_broken_numbers,
    mend_column_numbers,
    mend_list_markers,
    mend_misreads,
    mend_quarters,
)
from inti.errors import BerkasRusak, MelebihiBatas


def _words(*texts: str, bottom: float = 100.0) -> list[dict]:
    return [{"text": t, "bottom": bottom} for t in texts]


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        (["95Yo"], ["95%"]),
        (["98,85Y6"], ["98,85%"]),
        (["95", "Yo"], ["95", "%"]),
        (["Yo"], ["%"]),  # a unit column's cell
        (["Target", "(20)"], ["Target", "(%)"]),
        (["(20)"], ["(20)"]),  # a column number stays
        (["$5.2", "Sekurang-kurangnya"], ["SS.2", "Sekurang-kurangnya"]),
        (["$1.1", "Meningkatnya"], ["S1.1", "Meningkatnya"]),
        (["$1.000"], ["$1.000"]),  # a dollar amount stays
        (["Persentase", "Yogyakarta", "2020"], ["Persentase", "Yogyakarta", "2020"]),
        (["1sd", "3", "hari"], ["1 sd", "3", "hari"]),
        (["2sdm"], ["2sdm"]),
        (["Eselon", "|", "hasil"], ["Eselon", "I", "hasil"]),  # a Roman one between words
        (["|", "hasil"], ["|", "hasil"]),  # a rule's remnant at a cell's edge stays
        (["IPK", "»", "3,75"], ["IPK", ">", "3,75"]),
        (["«5%"], ["<5%"]),
    ],
)
def test_percent_signs_and_sasaran_codes(read, meant):
    assert [w["text"] for w in mend_misreads(_words(*read))] == meant


def test_quarters_read_with_a_zero_are_mended_only_beside_a_quarter():
    line = _words("Q1", "02", "Smt1", "03", "s.d.03", "Y")
    assert [w["text"] for w in mend_quarters(line)] == ["Q1", "Q2", "Smt1", "Q3", "s.d.Q3", "Y"]
    alone = _words("02", "03") + _words("Q1", bottom=300.0)
    assert [w["text"] for w in mend_quarters(alone)] == ["02", "03", "Q1"]


def test_a_list_items_letter_read_twice_is_mended_only_where_other_items_start():
    def at(text: str, x0: float, bottom: float) -> dict:
        return {"text": text, "x0": x0, "bottom": bottom}

    items = [at("a.", 218.0, 100), at("b.", 218.2, 112), at("Cc.", 217.6, 124), at("d.", 218.0, 136)]
    elsewhere = [at("Cc.", 400.0, 124), at("Ab.", 218.0, 150), at("Cc.", 40.0, 10)]
    assert [w["text"] for w in mend_list_markers(items + elsewhere)] == ["a.", "b.", "c.", "d.", "Cc.", "Ab.", "Cc."]


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size and holds no picture (what a hostile upload may send)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_a_huge_or_broken_image_ends_in_one_sentence(tmp_path):
    huge = tmp_path / "besar.png"
    huge.write_bytes(_png_header(40_000, 40_000))
    with pytest.raises(MelebihiBatas, match="terlalu besar"):
        ekstrak.extract(huge)
    broken = tmp_path / "rusak.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(BerkasRusak, match="rusak"):
        ekstrak.extract(broken)


def _row(*texts: str) -> list[dict]:
    return [{"text": t, "bottom": 50.0, "x0": 10.0 * i} for i, t in enumerate(texts)]


def test_a_column_number_row_with_one_misread_number_is_mended_and_nothing_else():
    assert [w["text"] for w in mend_column_numbers(_row("1", "2", "3", "4", "5", "6", "1", "8"))][6] == "7"
    assert [w["text"] for w in mend_column_numbers(_row("(1)", "(2)", "(8)", "(4)"))][2] == "(3)"
    targets = ["80", "85", "90", "95", "100"]  # a row of targets is no count
    assert [w["text"] for w in mend_column_numbers(_row(*targets))] == targets
    two_off = ["1", "2", "9", "4", "7", "6"]
    assert [w["text"] for w in mend_column_numbers(_row(*two_off))] == two_off


def _cell_lines(first: str, first_x1: float, second: str) -> list[dict]:
    return [
        {"text": first, "x0": 623.0, "x1": first_x1, "top": 200.0, "bottom": 207.0},
        {"text": second, "x0": 623.0, "x1": 650.0, "top": 210.0, "bottom": 217.0},
    ]


def test_a_number_broken_at_a_narrow_cells_edge_gets_back_the_separator_ocr_lost():
    box = (622.7, 198.0, 688.2, 233.0)
    at_edge = mend_broken_numbers(_cell_lines("33.368.327", 677.5, "452.365"), [box])
    assert [w["text"] for w in at_edge] == ["33.368.327", ".452.365"]
    short = mend_broken_numbers(_cell_lines("33.368.327", 660.0, "452.365"), [box])  # a line that ends early
    assert [w["text"] for w in short] == ["33.368.327", "452.365"]
    words = mend_broken_numbers(_cell_lines("33.368.327", 677.5, "Orang"), [box])
    assert [w["text"] for w in words] == ["33.368.327", "Orang"]


def _percent_targets(*values: float, sumber: str | None = OCR) -> Dokumen:
    sure = Keyakinan(0.95, 0.97) if sumber else None
    indikator = [
        Indikator(n, f"Persentase {n}", Target(f"{v:g}%", v, "%"), sumber=sumber, keyakinan=sure)
        for n, v in enumerate(values, 1)
    ]
    return Dokumen(sasaran=(Sasaran(1, None, "Meningkatnya layanan", tuple(indikator)),))


def test_a_percentage_read_above_100_among_ones_that_are_not_is_warned_about():
    (warning,) = ocr_warnings(_percent_targets(100, 85, 90, 160))
    assert (warning.sasaran, warning.indikator) == (1, 4)
    assert '"160%"' in warning.pesan and "cocokkan" in warning.pesan
    assert not ocr_warnings(_percent_targets(100, 85, 90))
    assert not ocr_warnings(_percent_targets(105, 110, 120, 100))  # targets above 100 are this document's way
    assert not ocr_warnings(_percent_targets(100, 85, 160))  # too few to tell
    assert not ocr_warnings(_percent_targets(100, 85, 90, 160, sumber=None))  # a text layer is read as written


def _cased(text: str, symbols: list[tuple[str, float, float]]) -> str:
    word = {"text": text}
    mend_case(word, symbols)
    return word["text"]


def test_a_small_letter_read_as_its_capital_is_told_by_where_its_top_stands():
    # Letter boxes as Tesseract gives them at 300 dpi: capitals' tops at 1300, small letters' at 1308.
    avlos = [("A", 1300, 1331), ("V", 1308, 1331), ("L", 1300, 1331), ("O", 1299, 1332), ("S", 1299, 1332)]
    assert _cased("AVLOS", avlos) == "AvLOS"
    # A "T" whose box reaches the "g" below it, and a word's first capital: left as they are.
    orang = [("O", 1301, 1331), ("r", 1308, 1331), ("a", 1308, 1331), ("n", 1308, 1331), ("g", 1308, 1340)]
    orang += [("/", 1300, 1331), ("T", 1300, 1340), ("a", 1308, 1331), ("h", 1300, 1331), ("u", 1308, 1331)]
    assert _cased("Orang/Tahu", orang) == "Orang/Tahu"
    assert _cased("SOP", [("S", 1308, 1331), ("O", 1300, 1331), ("P", 1300, 1331)]) == "SOP"
    # A first letter is made small only where the word's own small letters stand as low as it.
    operasional = [("O", 1308, 1331), ("p", 1308, 1340), ("e", 1308, 1331), ("r", 1308, 1331), ("a", 1308, 1331)]
    operasional += [("s", 1308, 1331), ("i", 1302, 1331), ("o", 1308, 1331), ("n", 1308, 1331), ("l", 1300, 1331)]
    assert _cased("Operasionl", operasional) == "operasionl"
    capital = [("O", 1300, 1331), *operasional[1:]]
    assert _cased("Operasionl", capital) == "Operasionl"
    assert _cased("AVLOS", avlos[:4]) == "AVLOS"  # the letters do not add up to the word: nothing measured


def test_a_scan_without_a_target_is_warned_about_unless_its_targets_were_read_by_year():
    def doc(kolom: dict[str, str]) -> Dokumen:
        sure = Keyakinan(0.95, None)
        indikator = (Indikator(1, "Angka Partisipasi Kasar", kolom_lain=kolom, sumber=OCR, keyakinan=sure),)
        return Dokumen(sasaran=(Sasaran(1, None, "Meningkatnya layanan", indikator),))

    (warning,) = ocr_warnings(doc({"penanggung jawab": "Dinas Pendidikan"}))
    assert "tidak ada target" in warning.pesan
    assert not ocr_warnings(doc({"target 2026": "40,20", "target 2027": "42,62"}))
    assert not ocr_warnings(doc({"tahun capaian 2015": "Ada"}))


def test_an_indicator_text_read_with_low_confidence_is_warned_about_even_without_a_target():
    def doc(sure: float) -> Dokumen:
        kolom = {"target 2019": "100"}  # its targets read by year: no warning that none was read
        indikator = Indikator(5, "Persentase mahasiswa S3 yang lulus dengan IPK 23,79", kolom_lain=kolom, sumber=OCR)
        indikator = replace(indikator, keyakinan=Keyakinan(sure, None))
        return Dokumen(sasaran=(Sasaran(2, None, "Tercapainya kompetensi lulusan", (indikator,)),))

    (warning,) = ocr_warnings(doc(0.5))
    assert (warning.sasaran, warning.indikator) == (2, 5)
    assert '"Persentase mahasiswa S3 yang lulus dengan IPK 23,79"' in warning.pesan
    assert not ocr_warnings(doc(0.9))
