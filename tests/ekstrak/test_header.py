"""header.py: where the header stands, each column's stacked name, and its role."""

from __future__ import annotations

import pytest

from ekstrak.grid import Cell, Row
from ekstrak.header import column_role, compose_names, find_header


def _row(*texts: str, spans: dict[int, int] | None = None) -> Row:
    return Row([Cell([t] if t else [], None, (spans or {}).get(i, 1)) for i, t in enumerate(texts)])


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("NO", "no"),
        ("No.", "no"),
        ("KODE IKU", "kode"),
        ("Sasaran Strategis", "sasaran"),
        ("SASARAN/INDIKATOR", "indikator"),
        ("Indikator Kinerja Utama", "indikator"),
        ("TARGET 2024", "target"),
        ("Realisasi (%)", "realisasi"),
        ("% Capaian", "capaian"),
        ("Predikat", "predikat"),
        ("SATUAN", "satuan"),
        ("SASARA N", "sasaran"),
        ("Penanggung Jawab", "lain"),
        ("Formulasi / Penjelasan", "lain"),
    ],
)
def test_roles_from_header_words(text, role):
    assert column_role(text) == role


def test_a_spanning_cell_names_each_column_under_it():
    rows = [_row("NO", "INDIKATOR", "", "TARGET", "", spans={1: 2, 3: 2}), _row("", "", "", "2023", "2024")]
    assert compose_names(rows) == ["NO", "INDIKATOR", "INDIKATOR", "TARGET 2023", "TARGET 2024"]


def test_a_two_row_header_gives_the_documents_year_as_target():
    rows = [
        _row("NO", "SASARAN", "INDIKATOR", "TARGET", "", spans={3: 2}),
        _row("", "", "", "2023", "2024"),
        _row("1", "Sasaran satu", "Persentase a", "70%", "80%"),
    ]
    header = find_header(rows, year_of=lambda _: 2024)
    assert (header.start, header.end) == (0, 1)
    assert header.columns.target == 4 and header.columns.lain == {"target 2023": 3}


def test_quarter_targets_without_an_annual_one_leave_the_target_unset():
    rows = [_row("NO", "SASARAN", "INDIKATOR", "TW I", "TW II"), _row("1", "S", "I", "20%", "40%")]
    columns = find_header(rows).columns
    assert columns.target is None and columns.lain == {"tw i": 3, "tw ii": 4}


def test_the_annual_sub_column_is_the_target():
    rows = [
        _row("SASARAN", "INDIKATOR", "TARGET", "", "", spans={2: 3}),
        _row("", "", "Q1", "Q2", "Y"),
        _row("Sasaran", "Persentase a", "25%", "50%", "100%"),
    ]
    assert find_header(rows).columns.target == 4


def test_a_data_row_is_not_a_header_even_with_header_words_in_it():
    rows = [_row("SS.1", "Sasaran satu", "Indikator a", "80%")]
    assert find_header(rows) is None


def test_a_label_centred_over_two_borderless_columns_takes_the_labels_under_it():
    # pk_ditjen_hubud_2013 printed without rules: `Indikator Kinerja Utama` stands over `No | Deskripsi`,
    # its words in the second of the two columns, so the row under it fills the indicator's column.
    rows = [
        _row("No", "Sasaran Strategis", "", "Indikator Kinerja Utama", "Target", "Satuan"),
        _row("", "", "No", "Deskripsi", "", ""),
        _row("1", "Meningkatnya keselamatan", "1.1", "Rasio kecelakaan", "5,88", "Kejadian"),
    ]
    header = find_header(rows)
    assert (header.start, header.end) == (0, 1)
    assert header.names[2:4] == ["Indikator Kinerja Utama No", "Indikator Kinerja Utama Deskripsi"]
    assert header.columns.indikator == 3
