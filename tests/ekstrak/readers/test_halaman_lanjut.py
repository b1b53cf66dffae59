"""Tables that run over pages and columns set close together, as offices print them: a borderless table
whose later pages leave columns empty keeps its columns, a code set against the next column's text is
parted from it, a row the page break cut (its sasaran text on the next page) stays one row; and a ruled
table whose repeated header cell runs down into the first row of the next page."""

from __future__ import annotations

import functools

from weasyprint import HTML

import ekstrak
from ekstrak.grid import Cell, Grid, Row, join_lines
from ekstrak.table import find_table

STYLE = (
    "@page{size:A4 landscape;margin:1.5cm} table{border-collapse:collapse;font:9pt sans-serif;width:100%%}"
    "td,th{padding:3px 1px;vertical-align:top;border:none;text-align:left} %s"
)
HEAD = (
    "<thead><tr><th style='width:4%'>NO</th><th style='width:9%'>KODE</th><th style='width:18%'>SASARAN</th>"
    "<th>INDIKATOR KINERJA</th><th style='width:8%'>SATUAN</th><th style='width:8%'>TARGET</th></tr></thead>"
)
SASARAN = [
    ("1.05.03.2.01", "Terlaksananya Pelayanan Informasi Rawan Bencana Kabupaten/Kota", 9),
    ("1.05.03.2.02", "Terlaksananya Pelayanan Pencegahan dan Kesiapsiagaan Terhadap Bencana", 24),
    ("1.05.03.2.03", "Terlaksananya Penataan Sistem Dasar Penanggulangan Bencana", 9),
]


WHAT = ["dokumen kajian risiko", "warga yang mengikuti sosialisasi", "laporan koordinasi", "personil terlatih"]
WHEN = ["dalam satu tahun anggaran", "sesuai jenis ancaman bencana di kawasannya", "per jenis kejadian"]


def _indikator(s: int, i: int) -> str:
    return f"Jumlah {WHAT[i % 4]} ke-{i} untuk sasaran {s} yang disahkan {WHEN[(i + s) % 3]}"


@functools.cache
def _borderless() -> bytes:
    rows = []
    for s, (kode, uraian, count) in enumerate(SASARAN, start=1):
        for i in range(1, count + 1):
            first = i == 1
            rows.append(
                f"<tr><td>{s if first else ''}</td><td>{kode if first else ''}</td><td>{uraian if first else ''}</td>"
                f"<td>{_indikator(s, i)}</td><td>Dokumen</td><td>{i}</td></tr>"
            )
    html = f"<style>{STYLE % ''}</style><table>{HEAD}{''.join(rows)}</table>"
    return HTML(string=html).write_pdf()


def test_a_borderless_table_over_pages_keeps_its_columns_and_codes():
    pdf = _borderless()
    doc = ekstrak.extract_bytes(pdf)
    assert [(s.kode, s.uraian, len(s.indikator)) for s in doc.sasaran] == [(k, u, n) for k, u, n in SASARAN]
    got = [(i.uraian, i.target.teks, i.target.satuan) for s in doc.sasaran for i in s.indikator]
    want = [(_indikator(s, i), str(i), "Dokumen") for s, (_, _, n) in enumerate(SASARAN, 1) for i in range(1, n + 1)]
    assert got == want
    assert doc.peringatan == ()


def test_the_page_break_really_falls_inside_the_second_sasaran():
    from ekstrak.header import is_table_header
    from ekstrak.readers.pdf import read_pdf

    aligned, _ = read_pdf(_borderless(), is_table_header)
    pages = {row.page for row in aligned.rows}
    assert len(pages) >= 2, "the fixture must run over a page for the test above to mean anything"
    second_page = [row for row in aligned.rows if row.page == 2]
    assert not any(SASARAN[1][0] in " ".join(row.texts()) for row in second_page)


def test_a_code_broken_after_a_dot_by_a_narrow_column_is_joined():
    assert join_lines(["1.05.03.2.", "01"]) == "1.05.03.2.01"
    assert join_lines(["SS.1.2.", "3"]) == "SS.1.2.3"
    assert join_lines(["7.01.01.2", ".06"]) == "7.01.01.2.06"
    assert join_lines(["1.", "2"]) == "1. 2", "a list number and a number are not one code"
    assert join_lines(["tahun 2020.", "5 orang"]) == "tahun 2020. 5 orang"


def _cell(*lines: str) -> Cell:
    return Cell(list(lines), [float(i) for i in range(len(lines))])


def test_a_repeated_header_cell_running_into_the_first_row_is_no_part_of_it():
    header = ["NO", "SASARAN", "INDIKATOR KINERJA", "KONDISI AWAL", "TARGET"]
    rows = [
        Row([_cell(t) for t in header], 1, 1),
        Row([_cell("1"), _cell("Meningkatnya layanan"), _cell("Jumlah laporan"), _cell("2"), _cell("3")], 1, 2),
        Row([_cell(""), _cell(""), _cell("Jumlah dokumen"), _cell("4"), _cell("5")], 1, 3),
        Row([_cell("NO"), _cell("SASARAN"), _cell("INDIKATOR KINERJA"), _cell("KONDISI"), _cell("TARGET")], 2, 1),
        Row([_cell(""), _cell(""), _cell("Jumlah kegiatan"), _cell("AWAL", "6"), _cell("7")], 2, 2),
    ]
    table = find_table(Grid(rows, "uji"))
    (entry,) = table.entries
    last = entry.segments[-1]
    assert last.indikator.text == "Jumlah kegiatan"
    assert last.lain["kondisi awal"].text == "6"


def test_a_sasaran_code_beside_an_empty_sasaran_cell_starts_a_sasaran_whose_text_follows():
    text = (
        "KODE SS\tSASARAN STRATEGIS\tKODE IKU\tINDIKATOR KINERJA\tTARGET\n"
        "SS.01\tMeningkatnya keselamatan\tIKU.01.01\tJumlah kecelakaan\t31\n"
        "SS.02\tMeningkatnya pelayanan\tIKU.02.01\tJumlah pelabuhan\t48\n"
    )
    doc = ekstrak.extract_text(text)
    assert [(s.kode, s.uraian) for s in doc.sasaran] == [
        ("SS.01", "Meningkatnya keselamatan"),
        ("SS.02", "Meningkatnya pelayanan"),
    ]
    assert [i.kode for s in doc.sasaran for i in s.indikator] == ["IKU.01.01", "IKU.02.01"]


def test_printed_text_running_over_other_text_is_a_warning_naming_the_page():
    html = (
        f"<style>{STYLE % 'td.sempit{letter-spacing:-4pt}'}</style><table>{HEAD}"
        "<tr><td>1</td><td>SS.1</td><td>Meningkatnya layanan</td><td>Jumlah laporan kinerja</td>"
        "<td class='sempit'>Dokumen</td><td>3</td></tr></table>"
    )
    doc = ekstrak.extract_bytes(HTML(string=html).write_pdf())
    assert any("bertumpuk" in w.pesan and w.halaman == 1 for w in doc.peringatan)


def test_a_column_of_data_without_a_header_is_a_warning_not_a_silent_loss():
    text = (
        "NO\tSASARAN\tINDIKATOR KINERJA\t\tTARGET\n"
        "1\tMeningkatnya layanan\tPersentase layanan tepat waktu\tpersen\t80\n"
    )
    doc = ekstrak.extract_text(text)
    assert [w.pesan for w in doc.peringatan if "kolom ke-4" in w.pesan and '"persen"' in w.pesan]


def test_an_unnamed_column_of_codes_before_the_indicator_gives_their_codes():
    text = (
        "NO\tSASARAN\t\tINDIKATOR KINERJA\tTARGET\n"
        "1\tPengelolaan keuangan yang optimal\t1a-N\tPersentase tagihan dibayar tepat waktu\t100%\n"
        "\t\t1b-N\tPersentase laporan tepat waktu\t100%\n"
    )
    doc = ekstrak.extract_text(text)
    assert [i.kode for s in doc.sasaran for i in s.indikator] == ["1a-N", "1b-N"]
    assert doc.peringatan == ()


def test_columns_under_one_header_cell_are_read_as_one():
    from ekstrak.document import build_document

    header = Row(
        [_cell("NO"), _cell("SASARAN"), Cell(["KODE"], [0.0], colspan=3), Cell(), Cell(), _cell("INDIKATOR KINERJA"),
         _cell("TARGET")],
        1,
        1,
    )  # fmt: skip
    rows = [
        header,
        Row([_cell(t) for t in ("1", "Meningkatnya layanan", "5", "01", "", "Jumlah laporan", "3")], 1, 2),
        Row([_cell(t) for t in ("", "", "5", "01", "2,01", "Jumlah dokumen", "4")], 1, 3),
    ]
    doc = build_document(Grid(rows, "uji"))
    assert [i.kode for s in doc.sasaran for i in s.indikator] == ["5 01", "5 01 2,01"]
    assert doc.peringatan == ()


def test_units_that_cannot_be_matched_to_the_indicators_of_a_cell_are_a_warning():
    from ekstrak.document import build_document

    texts = ["1. Penurunan kebocoran keuangan", "2. Jumlah unit kerja WBK"]
    rows = [
        Row([_cell(t) for t in ("NO", "SASARAN", "INDIKATOR KINERJA", "TARGET", "SATUAN")], 1, 1),
        # `%` and `Unit Kerja`, wrapped by a narrow column into three lines for two indicators
        Row(
            [
                _cell("1."),
                _cell("Terwujudnya aparatur"),
                _cell(*texts),
                _cell("0,12", "0"),
                _cell("%", "Unit", "Kerja"),
            ],
            1,
            2,
        ),
    ]
    doc = build_document(Grid(rows, "uji"))
    assert [i.target.teks for s in doc.sasaran for i in s.indikator] == ["0,12", "0"]
    assert any("satuan" in w.pesan and "tidak dapat dicocokkan" in w.pesan for w in doc.peringatan)


def test_a_row_the_page_break_cut_inside_its_unit_word_is_one_indicator():
    # a thick outer border moved the page break into a row: `Dokume` / `n` in its unit, its indicator's
    # rest on the next page beginning with a capital; it was read as a new indicator, with no warning
    header = ["NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET"]
    rows = [
        Row([_cell(t) for t in header], 1, 1),
        Row([_cell("1"), _cell("Meningkatnya layanan"), _cell("Jumlah laporan"), _cell("Laporan"), _cell("3")], 1, 2),
        Row([_cell(""), _cell(""), _cell("Jumlah penyelesaian dokumen Maklumat"), _cell("Dokume"), _cell("1")], 1, 3),
        Row([_cell(t) for t in header], 2, 1),
        Row([_cell(""), _cell(""), _cell("Pelayanan yang disahkan"), _cell("n"), _cell("")], 2, 2),
    ]
    (entry,) = find_table(Grid(rows, "uji")).entries
    assert [s.indikator.text for s in entry.segments][
        -1
    ] == "Jumlah penyelesaian dokumen Maklumat Pelayanan yang disahkan"


def test_a_row_at_the_top_of_a_page_that_may_go_on_from_the_row_above_is_a_warning():
    # no number, no data on either side, a capital first letter: a new indicator or the cut one's rest
    header = ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"]
    rows = [
        Row([_cell(t) for t in header], 1, 1),
        Row([_cell("1"), _cell("Meningkatnya layanan"), _cell("Jumlah laporan"), _cell("")], 1, 2),
        Row([_cell(""), _cell(""), _cell("Jumlah penyelesaian dokumen Maklumat"), _cell("")], 1, 3),
        Row([_cell(t) for t in header], 2, 1),
        Row([_cell(""), _cell(""), _cell("Pelayanan yang disahkan"), _cell("")], 2, 2),
    ]
    (note,) = find_table(Grid(rows, "uji")).notes
    assert note.startswith("halaman 2:") and "Pelayanan yang disahkan" in note
