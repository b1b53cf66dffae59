"""table.py: a header repeated on a new page whose cells ran down into the column numbers under it (as
LibreOffice prints a header cell too small for its text: Kec. Giri's Renstra, tests/real)."""

from __future__ import annotations

from ekstrak.document import build_document
from ekstrak.grid import Cell, Grid, Row

HEADER = ["SASARAN", "KODE", "INDIKATOR KINERJA SASARAN (OUTCOME)", "SATUAN", "KONDISI AWAL", "TARGET 2026"]
NUMBERS = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]


def _row(texts: list[str], page: int, line: int) -> Row:
    return Row([Cell([t] if t else []) for t in texts], page, line)


def _grid(numbers_on_page_two: list[str]) -> Grid:
    rows = [
        _row(HEADER, 1, 1),
        _row(NUMBERS, 1, 2),
        _row(["Meningkatnya kualitas pelayanan", "1.01", "Indeks kepuasan masyarakat", "Indeks", "80", "85"], 1, 3),
        _row(["", "1.02", "Persentase layanan tepat waktu", "%", "90", "95"], 1, 4),
        _row(["SASARAN", "KODE", "INDIKATOR KINERJA SASARAN", "SATUAN", "KONDISI", "TARGET 2026"], 2, 1),
        _row(numbers_on_page_two, 2, 2),
        _row(["", "1.03", "Jumlah inovasi pelayanan", "Inovasi", "2", "3"], 2, 3),
    ]
    return Grid(rows)


def _indicators(grid: Grid) -> list[tuple[str, str, str | None]]:
    doc = build_document(grid)
    return [(s.uraian, i.uraian, i.target.teks if i.target else None) for s in doc.sasaran for i in s.indikator]


def test_column_numbers_overrun_by_the_header_above_them_are_not_data():
    overrun = ["(1)", "(2)", "(OUTCOME) (3 )", "(4)", "A (5)WAL", "(6)"]
    assert (
        _indicators(_grid(overrun))
        == _indicators(_grid(NUMBERS))
        == [
            ("Meningkatnya kualitas pelayanan", "Indeks kepuasan masyarakat", "85"),
            ("Meningkatnya kualitas pelayanan", "Persentase layanan tepat waktu", "95"),
            ("Meningkatnya kualitas pelayanan", "Jumlah inovasi pelayanan", "3"),
        ]
    )


def test_a_row_that_only_shares_some_column_numbers_is_not_dropped():
    """Numbers in place but another cell holds words that are no overrun column number: never skipped."""
    texts = ["(1)", "(2)", "Jumlah desa mandiri", "(4)", "(5)", "(6)"]
    assert any("Jumlah desa mandiri" in indikator for _, indikator, _ in _indicators(_grid(texts)))


def test_a_sasaran_run_into_the_column_numbers_is_kept():
    """A borderless print can set a sasaran on the line of `(1)`: the row is data, its words are no header's."""
    texts = ["(1) Meningkatnya kualitas kinerja", "(2)", "(3)", "(4)", "(5)", "(6)"]
    assert any("Meningkatnya kualitas kinerja" in sasaran for sasaran, _, _ in _indicators(_grid(texts)))


def _broken(first: list[Cell], second: list[Cell]) -> list[tuple[str, str, str | None]]:
    """A table whose last row on page 1 runs on at the top of page 2, under the repeated header."""
    rows = [
        _row(HEADER, 1, 1),
        Row([Cell(["Meningkatnya kualitas pelayanan"]), *first], 1, 2),
        _row(HEADER, 2, 1),
        Row([Cell(), *second], 2, 2),
        _row(["", "1.09", "Indeks kepuasan masyarakat", "Indeks", "80", "85"], 2, 3),
    ]
    return _indicators(Grid(rows, wrapped=True))


def test_a_word_the_page_break_cut_is_joined():
    first = [Cell(["1.01"]), Cell(["Jumlah laporan", "Penyedia"], None, 1, 1, [False, True])]
    first += [Cell(["Laporan"]), Cell(["2"]), Cell(["3"])]
    second = [Cell(), Cell(["an jasa"], None, 1, 1, [False]), Cell(), Cell(), Cell()]
    assert _broken(first, second)[0] == ("Meningkatnya kualitas pelayanan", "Jumlah laporan Penyediaan jasa", "3")


def test_a_coded_rows_rest_with_a_target_cut_from_its_number_is_the_same_row():
    first = [Cell(["1.02"]), Cell(["Jumlah"]), Cell(), Cell(["8"]), Cell(["10"])]
    second = [Cell(), Cell(["Hasil analisis data"]), Cell(), Cell(), Cell(["Dokumen"])]
    assert _broken(first, second) == [
        ("Meningkatnya kualitas pelayanan", "Jumlah Hasil analisis data", "10 Dokumen"),
        ("Meningkatnya kualitas pelayanan", "Indeks kepuasan masyarakat", "85"),
    ]


def test_a_header_row_repeated_on_a_new_page_as_ocr_misread_it_is_not_data():
    """Sumedang's Renstra scanned: page 2 repeats the header's last row with `Rp` read `R`; taken as data,
    its `Target` ran into the target above it (`100% Target`) and the rows below lost their sasaran."""

    def header(page: int, under: list[str]) -> list[Row]:
        top = [Cell(["SASARAN"]), Cell(["INDIKATOR"]), Cell(["TARGET KINERJA"], colspan=4), Cell(), Cell(), Cell()]
        years = [Cell(), Cell(), Cell(["Tahun 2024"], colspan=2), Cell(), Cell(["Tahun 2025"], colspan=2), Cell()]
        return [Row(top, page, 1), Row(years, page, 2), _row(under, page, 3)]

    rows = [
        Row([Cell(["RENCANA KINERJA TAHUN 2025"])], 1, 0),
        *header(1, ["", "", "Target", "Rp", "Target", "Rp"]),
        _row(["Meningkatnya kualitas pelayanan", "Indeks kepuasan", "80", "1.000", "85", "2.000"], 1, 4),
        *header(2, ["", "", "Target", "R", "Target", "Rp"]),
        _row(["", "Jumlah inovasi", "2", "500", "3", "600"], 2, 4),
    ]
    assert _indicators(Grid(rows)) == [
        ("Meningkatnya kualitas pelayanan", "Indeks kepuasan", "85"),
        ("Meningkatnya kualitas pelayanan", "Jumlah inovasi", "3"),
    ]


def test_a_row_whose_other_text_column_goes_on_with_a_broken_word_is_the_same_row():
    """Sumedang's Renstra scanned: `Analisi` ends the programme cell at a page's foot and `s Data` starts it
    at the next page's top; no code says so (the scan lost the code's digits), the words do."""
    header = ["SASARAN", "PROGRAM", "INDIKATOR", "TARGET"]
    rows = [
        _row(header, 1, 1),
        Row(
            [Cell(["Meningkatnya kualitas"]), Cell(["Analisi"], None, 1, 1, [True]), Cell(["Jumlah"]), Cell(["10"])],
            1,
            2,
        ),
        _row(header, 2, 1),
        Row([Cell(), Cell(["s Data"], None, 1, 1, [False]), Cell(["Hasil analisis"]), Cell(["Dokumen"])], 2, 2),
        _row(["", "Evaluasi", "Jumlah laporan", "3 Laporan"], 2, 3),
    ]
    assert _indicators(Grid(rows, wrapped=True)) == [
        ("Meningkatnya kualitas", "Jumlah Hasil analisis", "10 Dokumen"),
        ("Meningkatnya kualitas", "Jumlah laporan", "3 Laporan"),
    ]


def test_a_word_broken_in_a_repeated_headers_label_is_no_doubt_about_a_record():
    """Sumedang's Renstra scanned: its last column's label `Lokasi`, one letter a line, read `L k a i` on every
    page's header: sixteen warnings about broken words that no record holds."""
    lokasi = Cell(["L", "k", "a", "i"], None, 1, 1, [True, True, True, False])
    header = [Cell(["SASARAN"]), Cell(["INDIKATOR"]), Cell(["TARGET"]), lokasi]
    rows = [
        Row(header, 1, 1),
        _row(["Meningkatnya kualitas pelayanan", "Indeks kepuasan", "80", "Kota"], 1, 2),
        Row(header, 2, 1),
        _row(["", "Jumlah inovasi", "3", "Kota"], 2, 2),
    ]
    assert build_document(Grid(rows, wrapped=True)).peringatan == ()


def test_a_long_row_of_column_numbers_as_ocr_misread_it_is_not_data():
    """Sumedang's Renstra scanned at 300 dpi: its 14 column numbers read with `7` lost and `11` as `ital` on one page,
    `1` as `al` on others; taken as data, they made an indicator `5` with the target `10` on every page."""
    from ekstrak.table import is_column_numbers

    def numbers(*texts: str) -> Row:
        return _row(list(texts), 1, 2)

    assert is_column_numbers(numbers("1", "2", "3", "4", "5", "6", "", "8", "9", "10", "ital", "12", "13", "14"))
    assert is_column_numbers(numbers("al", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"))
    assert not is_column_numbers(numbers("al", "2", "3", "4", "5", "6", "Jumlah", "8", "9", "10", "11", "12", "13"))
    assert not is_column_numbers(numbers("1", "2", "3", "4", "5", "6", "7", "80", "9", "10", "11", "%"))
