"""roles.py: roles settled by what the columns hold."""

from __future__ import annotations

from ekstrak.grid import Cell, Row
from ekstrak.header import find_header
from ekstrak.roles import guess_header, refine


def _row(*texts: str) -> Row:
    return Row([Cell([t] if t else []) for t in texts])


def test_a_number_column_under_a_spanning_indicator_header():
    header_row = Row([Cell(["NO"]), Cell(["SASARAN"]), Cell(["INDIKATOR KINERJA"], None, 2), Cell(), Cell(["TARGET"])])
    body = [
        _row("1", "Sasaran satu", "1.", "Persentase layanan yang tepat waktu", "80%"),
        _row("", "", "2.", "Indeks kepuasan masyarakat", "3,5"),
    ]
    header = find_header([header_row, *body])
    columns, mixed, _ = refine(header, body)
    assert (columns.no_indikator, columns.indikator, mixed) == (2, 3, False)


def test_codes_beside_the_indicator_go_to_kode():
    header_row = Row([Cell(["SASARAN"]), Cell(["IKU"], None, 2), Cell(), Cell(["TARGET"])])
    body = [
        _row("Sasaran", "1a-N", "Persentase tagihan dibayar tepat waktu", "100%"),
        _row("", "1b-N", "Persentase laporan tepat waktu", "100%"),
    ]
    columns, _, _ = refine(find_header([header_row, *body]), body)
    assert (columns.kode, columns.indikator) == (1, 2)


def test_one_text_column_holding_sasaran_and_indicator_rows():
    rows = [
        _row("Sasaran/Indikator", "Sasaran Strategis (SS)", "Satuan", "2024"),
        _row("SS 1", "Meningkatnya pemerataan layanan pendidikan", "", ""),
        _row("IKSS 1.1", "Angka Partisipasi Kasar PAUD", "%", "53,10"),
    ]
    columns, mixed, _ = refine(find_header(rows), rows[1:])
    assert mixed and columns.kode == 0 and columns.indikator == 1 and columns.sasaran is None


def test_a_table_without_a_header_is_read_by_content_and_says_so():
    rows = [
        _row(
            "Sasaran",
            "1.1",
            "Meningkatnya akses pendidikan yang berkualitas",
            "1. APK PAUD sederajat",
            "Persen",
            "79.34",
        ),
        _row("", "", "", "2. APK SD Sederajat dan sederajat", "Persen", "100.21"),
        _row("", "", "", "3. APM SD sederajat dan sederajat", "Persen", "97.49"),
    ]
    header = guess_header(rows)
    assert (header.columns.sasaran, header.columns.indikator, header.columns.satuan, header.columns.target) == (
        2,
        3,
        4,
        5,
    )
    assert refine(header, rows)[2], "a guessed header is a doubt"


def test_a_table_without_a_header_under_a_title_says_so_too():
    # Karantina Yogyakarta's table laid out in DejaVu Sans: its header broken past reading (`Targ` / `et`),
    # the roles guessed from the rows below the title
    rows = [
        Row([Cell(["Indikator Kinerja Tambahan Tahun 2020"])]),
        _row("1", "Menjadi lembaga pelayanan publik dengan indeks kepuasan", "84", "86", "Tercapai"),
        _row("2", "Menjadi instansi pelayanan publik dengan tingkat gratifikasi", "0%", "0%", "Tercapai"),
        _row("3", "Laporan indikasi suap dan pungutan liar yang dilaporkan", "0%", "0%", "Tercapai"),
    ]
    header = guess_header(rows)
    assert header is not None and header.start >= 0
    assert refine(header, rows[1:])[2], "a guessed header is a doubt, title or not"
