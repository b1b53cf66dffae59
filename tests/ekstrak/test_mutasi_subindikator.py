"""Sub-indicator splitting, for mutants that survived `make mutasi` (tests/MUTASI.md): targets set two on one
line and one below it, and a lone indicator numbered under its sasaran (`1.1 …`) read as a run of one."""

from __future__ import annotations

import pytest

import ekstrak
import ekstrak.targets as targets_module

HEADER = "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\n"


@pytest.fixture(autouse=True)
def _read_afresh():
    """Splits are cached per process; each test reads its cells afresh."""
    for value in vars(targets_module).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def _rows(doc: dict) -> list[tuple[str, str | None, str | None]]:
    return [
        (i["uraian"], i.get("kode"), i["target"]["teks"] if i["target"] else None)
        for s in doc["sasaran"]
        for i in s["indikator"]
    ]


def test_targets_two_on_a_line_and_one_below_are_matched_in_order():
    text = (
        "NO   SASARAN          INDIKATOR KINERJA                       TARGET\n"
        "1    Sasaran satu     1. Persentase layanan a                 80%   75%\n"
        "                      2. Jumlah dokumen b                     3 Dokumen\n"
        "                      3. Indeks kepuasan c\n"
    )
    doc = ekstrak.extract_text(text).to_dict()
    assert doc["peringatan"] == []
    assert _rows(doc) == [
        ("Persentase layanan a", None, "80%"),
        ("Jumlah dokumen b", None, "75%"),
        ("Indeks kepuasan c", None, "3 Dokumen"),
    ]


@pytest.mark.parametrize("number", ["1.1", "2.1", "1.1."])
def test_a_lone_indicator_numbered_under_its_sasaran_is_read_like_a_run_of_them(number):
    """`1.1 …` alone is the first of a sasaran's numbered indicators, as in `1.1 … 1.2 …`: its number is
    neither in uraian nor in kode (a code such as `1.1.1` or `IKU 1` is kept, tests/ekstrak/test_interpret)."""
    prefix = number.split(".")[0]
    alone = ekstrak.extract_text(HEADER + f"1\tSasaran satu\t{number} Persentase layanan\t80%\n").to_dict()
    run = ekstrak.extract_text(
        HEADER + f"1\tSasaran satu\t{number} Persentase layanan {prefix}.2 Jumlah dokumen\t80% 3 Dokumen\n"
    ).to_dict()
    assert alone["peringatan"] == run["peringatan"] == []
    assert _rows(alone) == [("Persentase layanan", None, "80%")]
    assert _rows(run) == [("Persentase layanan", None, "80%"), ("Jumlah dokumen", None, "3 Dokumen")]
