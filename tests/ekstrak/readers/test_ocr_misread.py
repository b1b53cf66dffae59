"""What Tesseract misreads in IKU tables is mended only where the table leaves no doubt."""

from __future__ import annotations

import pytest

from ekstrak.readers.misread import mend_misreads, mend_quarters


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
        (["Persentase", "Yogyakarta", "2020"], ["Persentase", "Yogyakarta", "2020"]),
    ],
)
def test_percent_signs_and_sasaran_codes(read, meant):
    assert [w["text"] for w in mend_misreads(_words(*read))] == meant


def test_quarters_read_with_a_zero_are_mended_only_beside_a_quarter():
    line = _words("Q1", "02", "Smt1", "03", "s.d.03", "Y")
    assert [w["text"] for w in mend_quarters(line)] == ["Q1", "Q2", "Smt1", "Q3", "s.d.Q3", "Y"]
    alone = _words("02", "03") + _words("Q1", bottom=300.0)
    assert [w["text"] for w in mend_quarters(alone)] == ["02", "03", "Q1"]
