"""readers/lattice.py and readers/aligned.py: a PDF table's cells from its ruling lines, or from the
words' alignment when it has none (tables printed from HTML by WeasyPrint, another producer than Word)."""

from __future__ import annotations

import functools

import pytest
from weasyprint import HTML

from ekstrak.header import is_table_header
from ekstrak.readers.pdf import read_pdf

TABLE = """<table>
<thead><tr><th>NO</th><th>SASARAN</th><th>INDIKATOR KINERJA</th><th>TARGET</th></tr></thead>
<tr><td rowspan="2">1</td><td rowspan="2">Meningkatnya kualitas layanan publik di kantor wilayah</td>
    <td>Persentase layanan yang selesai tepat waktu</td><td>80%</td></tr>
<tr><td>Indeks kepuasan masyarakat</td><td>3,5</td></tr>
<tr><td colspan="4">DIVISI PEMASYARAKATAN</td></tr>
<tr><td>2</td><td>Meningkatnya pembinaan</td><td>Jumlah narapidana yang mengikuti pelatihan</td><td>30 orang</td></tr>
</table>"""
STYLE = (
    "table{border-collapse:collapse;font:10pt sans-serif} td,th{padding:4px;vertical-align:top;%s} th{text-align:left}"
)


@functools.cache
def _pdf(borders: bool) -> bytes:
    style = STYLE % ("border:1px solid black" if borders else "border:none")
    return HTML(string=f"<style>{style}</style>{TABLE}").write_pdf()


def test_a_ruled_table_reaches_the_grid_with_its_merged_cells():
    (grid,) = read_pdf(_pdf(True), is_table_header)
    _assert_cells(grid)


def _assert_cells(grid) -> None:
    rows = [r.texts() for r in grid.rows]
    assert rows[0] == ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"]
    assert rows[1][0] == "1" and rows[1][3] == "80%" and rows[1][1].startswith("Meningkatnya kualitas")
    assert rows[2] == ["", "", "Indeks kepuasan masyarakat", "3,5"], "the merged cells are read once"
    assert grid.rows[3].cells[0].text == "DIVISI PEMASYARAKATAN" and grid.rows[3].cells[0].colspan == 4
    assert rows[4][3] == "30 orang"


@pytest.mark.parametrize("borders", [True, False])
def test_both_readings_give_the_same_records(borders):
    import ekstrak

    doc = ekstrak.extract_bytes(_pdf(borders))
    assert [(s.nomor, s.kelompok, [i.uraian for i in s.indikator]) for s in doc.sasaran] == [
        (1, None, ["Persentase layanan yang selesai tepat waktu", "Indeks kepuasan masyarakat"]),
        (2, "DIVISI PEMASYARAKATAN", ["Jumlah narapidana yang mengikuti pelatihan"]),
    ]
    assert [i.target.teks for s in doc.sasaran for i in s.indikator] == ["80%", "3,5", "30 orang"]
    assert doc.peringatan == ()


def test_a_borderless_table_is_cut_where_the_body_leaves_strips_empty():
    aligned, _ = read_pdf(_pdf(False), is_table_header)
    header = next(r for r in aligned.rows if r.texts()[0] == "NO")
    assert [t for t in header.texts() if t] == ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"]
    second = next(r for r in aligned.rows if "Indeks kepuasan masyarakat" in r.texts())
    assert second.texts()[0] == "" and second.texts()[-1] == "3,5", "a new row where the short cells start"


def test_a_table_ruled_only_across_has_rows_from_its_rules_and_columns_from_its_text():
    # Word's "horizontal borders only" tables: no rule runs down between the columns
    style = STYLE % "border:none;border-top:1px solid black;border-bottom:1px solid black"
    (grid,) = read_pdf(HTML(string=f"<style>{style}</style>{TABLE}").write_pdf(), is_table_header)
    _assert_cells(grid)


def test_a_number_broken_in_a_widely_padded_cell_is_known_to_fill_its_line():
    # cells padded 0.4 cm each side: `99%` broke as `99` / `%`, the `99` short of the cell's side by the
    # padding; it was not seen to fill its line, so the pieces were read as `99 %`
    from ekstrak.readers.lattice import Segment, find_lattices, lattice_rows

    rules = [Segment(True, y, 0, 100) for y in (0, 20, 60)] + [Segment(False, x, 0, 60) for x in (0, 59, 100)]
    (lattice,) = find_lattices(rules)

    def word(text, x0, x1, top):
        return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 9}

    words = [word("SASARAN", 11.5, 47, 5), word("TARGET", 70.5, 88.5, 5)]
    words += [word("Meningkatnya", 11.5, 47, 25), word("99", 70.5, 81.6, 25), word("%", 70.5, 79.4, 37)]
    _, (_, cells) = lattice_rows(lattice, words, 2.5, 0)
    assert cells[1].lines == ["99", "%"] and cells[1].full[0]


def test_a_table_with_dashed_borders_drawn_dash_by_dash_is_one_lattice():
    # some printers draw a dashed border as its dashes (3 pt on, 3 pt off): each was a rule of its own, no
    # border covered its cells' sides and the table fell apart into lines
    from ekstrak.readers.lattice import Segment, find_lattices

    def dashed(horizontal, at, start, end):
        return [Segment(horizontal, at, x, min(x + 3, end)) for x in range(start, end, 6)]

    rules = [r for y in (0, 20, 40, 60) for r in dashed(True, y, 0, 120)]
    rules += [r for x in (0, 30, 120) for r in dashed(False, x, 0, 60)]
    (lattice,) = find_lattices(rules)
    assert len(lattice.xs) == 3 and len(lattice.ys) == 4 and len(lattice.regions) == 6


def test_a_borderless_table_with_a_shaded_header_is_no_ruled_table():
    # a grey fill behind the header cells (and a group row): the filled boxes' sides were read as rules,
    # the header became a ruled table of its own and the body one-cell lines
    style = STYLE % "border:none" + " th,td[colspan]{background:#d9d9d9}"
    grids = read_pdf(HTML(string=f"<style>{style}</style>{TABLE}").write_pdf(), is_table_header)
    assert len(grids) == 2, "read by the words' alignment, as a borderless table"
    header = next(r for r in grids[0].rows if r.texts()[0] == "NO")
    assert [t for t in header.texts() if t] == ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"]
