"""runon.py: in laid-out text, whether an unnumbered sasaran text starts a sasaran or goes on from the one above."""

from __future__ import annotations

from ekstrak.grid import Cell, Row
from ekstrak.runon import RunOn, run_on


def _row(sasaran: list[str], indicator: list[str]) -> Row:
    tops = [float(n) for n in range(max(len(sasaran), len(indicator)))]
    return Row([Cell(sasaran, tops[: len(sasaran)]), Cell(indicator, tops[: len(indicator)])])


def test_a_text_above_left_unfinished_goes_on_unless_the_next_opens_a_sasaran():
    above = Cell(["Meningkatnya pelayanan dalam", "rangka perlindungan maritim di"])
    row = _row(above.lines, ["Jumlah sertifikat", "IOPP"])
    # Hubla's PK in Liberation Serif with 3 cm margins: `… maritim di` then `Penataan peraturan …` (the
    # rest, `bidang transportasi laut`, stood elsewhere): not sure, so a warning
    assert run_on(above, Cell(["Penataan peraturan"]), row, 0, 30) is RunOn.UNSURE
    assert run_on(above, Cell(["Bidang Transportasi Laut"]), row, 0, 30) is RunOn.REST
    assert run_on(above, Cell(["bidang transportasi laut"]), row, 0, 30) is RunOn.REST


def test_a_cell_that_ended_before_its_row_did_is_followed_by_another_sasaran():
    above = Cell(["Meningkatnya Kualitas", "Kinerja"])
    row = _row(above.lines, ["Persentase kepuasan", "masyarakat", "kecamatan"])
    assert run_on(above, Cell(["Kualitas Layanan"]), row, 0, 21) is RunOn.NEW
