"""Numbers, for mutants that survived `make mutasi` (tests/MUTASI.md): a thousands separator in the wrong
place before the decimal one is no number, in a target as on its own."""

from __future__ import annotations

import pytest

import ekstrak
from inti.numbers import parse_number


@pytest.mark.parametrize("written", ["1.23,5", "12.3456,7", "1,23.5", "1.2345,6", "12,3.4"])
def test_thousands_grouped_wrongly_before_the_decimal_separator_is_no_number(written):
    # `1.23,5` is no reading of 123,5 or of 1,235: it stays text, and a target holding it is warned about.
    assert parse_number(written) is None
    doc = ekstrak.extract_text(
        f"NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\n1\tMeningkatnya layanan\tIndeks layanan\t{written}\n"
    )
    (indikator,) = doc.to_dict()["sasaran"][0]["indikator"]
    assert indikator["target"] == {"teks": written, "nilai": None, "satuan": None}
    (warning,) = doc.peringatan
    assert warning.pesan == f'target "{written}" tidak terbaca sebagai nilai; periksa barisnya'


@pytest.mark.parametrize(("written", "value"), [("1.234,5", 1234.5), ("1,234.5", 1234.5), ("12.345.678,9", 12345678.9)])
def test_thousands_grouped_rightly_before_the_decimal_separator(written, value):
    assert parse_number(written) == value
