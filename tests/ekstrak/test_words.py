"""words.py: words a narrow column broke, mended by the document's own words, or warned about."""

from __future__ import annotations

from ekstrak.grid import Cell, Grid, Row
from ekstrak.words import mend_words


def _grid(*cells: Cell, also: str = "") -> Grid:
    rows = [Row(list(cells), 1, 1)]
    if also:
        rows.append(Row([Cell([also])], 1, 2))
    return Grid(rows, wrapped=True)


def test_a_word_found_elsewhere_in_the_document_is_joined():
    grid, doubts = mend_words(_grid(Cell(["Rekomen", "dasi", "%"]), also="Jumlah rekomendasi strategis"))
    assert grid.rows[0].cells[0].lines == ["Rekomendasi", "%"] and not doubts


def test_a_line_that_does_not_reach_the_edge_ends_a_whole_word():
    cell = Cell(["Rekomen", "dasi"], None, 1, 1, [False, False])
    grid, doubts = mend_words(_grid(cell, also="rekomendasi"))
    assert grid.rows[0].cells[0].lines == ["Rekomen", "dasi"] and not doubts


def test_pieces_the_document_cannot_settle_are_kept_and_named():
    cell = Cell(["Pertangg", "ungjawab an keuangan"], None, 1, 1, [True, False])
    grid, doubts = mend_words(_grid(cell))
    assert grid.rows[0].cells[0].lines == ["Pertangg", "ungjawab an keuangan"]
    assert [d.text for d in doubts] == ["Pertangg ungjawab an keuangan"] and doubts[0].page == 1


def test_two_known_words_stay_two_words():
    grid, doubts = mend_words(_grid(Cell(["Meningkatnya", "kualitas layanan"]), also="kualitas layanan meningkatnya"))
    assert grid.rows[0].cells[0].lines == ["Meningkatnya", "kualitas layanan"] and not doubts


def test_a_number_broken_in_its_thousands_is_joined():
    grid, _ = mend_words(_grid(Cell(["331.485.001.20", "6"])))
    assert grid.rows[0].cells[0].lines == ["331.485.001.206"]


def test_a_list_marker_on_the_next_line_is_not_a_word_end():
    grid, doubts = mend_words(_grid(Cell(["terintegrasi", "b. Persentase"])))
    assert grid.rows[0].cells[0].lines == ["terintegrasi", "b. Persentase"] and not doubts


def test_a_unit_broken_on_every_row_is_still_joined():
    cells = [Cell(["Perse", "n"], None, 1, 1, [True, False]) for _ in range(3)]
    grid, doubts = mend_words(Grid([Row([cell], 1, n) for n, cell in enumerate(cells, 1)], wrapped=True))
    assert [r.cells[0].lines for r in grid.rows] == [["Persen"]] * 3 and not doubts


def test_a_decimal_that_ran_to_the_edge_is_joined_and_stacked_targets_are_not():
    grid, _ = mend_words(_grid(Cell(["100.2", "1"], None, 1, 1, [True, False])))
    assert grid.rows[0].cells[0].lines == ["100.21"]
    grid, _ = mend_words(_grid(Cell(["80", "90"], None, 1, 1, [False, False])))
    assert grid.rows[0].cells[0].lines == ["80", "90"]


def test_lines_that_each_ran_to_the_edge_join_into_an_indonesian_word():
    cell = Cell(["Meni", "ngkat", "nya kapa", "sitas"], None, 1, 1, [True, True, True, False])
    grid, doubts = mend_words(_grid(cell))
    assert grid.rows[0].cells[0].lines == ["Meningkatnya kapa", "sitas"] and not doubts
    cell = Cell(["akunt", "abilit", "as kinerja"], None, 1, 1, [True, True, False])
    assert mend_words(_grid(cell))[0].rows[0].cells[0].lines == ["akuntabilitas kinerja"]


def test_two_indonesian_words_that_also_make_one_are_not_joined_by_the_word_list():
    cell = Cell(["di", "atas kertas"], None, 1, 1, [True, False])  # `diatas` is in the list, and so are both
    assert mend_words(_grid(cell))[0].rows[0].cells[0].lines == ["di", "atas kertas"]
    cell = Cell(["Meni", "ngkat"], None, 1, 1, [False, False])  # the line ended before the edge: a word's end
    assert mend_words(_grid(cell))[0].rows[0].cells[0].lines == ["Meni", "ngkat"]


def test_a_line_filled_by_one_indonesian_word_ends_that_word_without_a_doubt():
    cell = Cell(["pengarusutamaan", "gender"], None, 1, 1, [True, False])
    grid, doubts = mend_words(_grid(cell))
    assert grid.rows[0].cells[0].lines == ["pengarusutamaan", "gender"] and not doubts
    cell = Cell(["Pertangg", "ungjawab", "an keuangan"], None, 1, 1, [True, True, False])
    assert mend_words(_grid(cell))[0].rows[0].cells[0].lines == ["Pertanggungjawaban keuangan"]


def test_a_short_piece_after_a_word_is_its_suffix_and_a_percent_sign_its_numbers():
    cell = Cell(["Penyedia", "an jasa"], None, 1, 1, [True, False])  # `an`: a suffix, not a word of its own
    assert mend_words(_grid(cell))[0].rows[0].cells[0].lines == ["Penyediaan jasa"]
    assert mend_words(_grid(Cell(["100", "%"], None, 1, 1, [True, False])))[0].rows[0].cells[0].lines == ["100%"]
    assert mend_words(_grid(Cell(["100", "%"], None, 1, 1, [False, False])))[0].rows[0].cells[0].lines == ["100", "%"]


def test_a_token_of_letters_and_digits_broken_between_two_digits_is_joined():
    """Sumedang's Renstra keeps `perundang_x0002_undangan` (an escape from its spreadsheet) in a narrow column."""
    cell = Cell(["sesuai", "perundang_x000", "2_undangan"], None, 1, 1, [False, True, False])
    assert mend_words(_grid(cell))[0].rows[0].cells[0].lines == ["sesuai", "perundang_x0002_undangan"]
    cell = Cell(["kode", "A12", "3 Dokumen"], None, 1, 1, [False, True, False])  # a number of its own below
    assert mend_words(_grid(cell))[0].rows[0].cells[0].lines == ["kode", "A12", "3 Dokumen"]


def test_a_line_filled_by_no_word_and_a_short_end_below_it_are_one_word():
    """Sumedang's Renstra: `Keselera` / `san` (the document's own spelling of `keselarasan`, in no word list
    and written once) in a narrow column; `san` alone is in Tesseract's list, as most short pieces are."""
    cell = Cell(["Persentase", "Keselera", "san", "Program"], None, 1, 1, [False, True, False, True])
    grid, doubts = mend_words(_grid(cell))
    assert grid.rows[0].cells[0].lines == ["Persentase", "Keselerasan", "Program"] and not doubts
    cell = Cell(["Nilai", "SAKIP", "dan", "IKM"], None, 1, 1, [False, True, False, False])  # capitals: a word
    assert mend_words(_grid(cell, also="dan"))[0].rows[0].cells[0].lines == ["Nilai", "SAKIP", "dan", "IKM"]
