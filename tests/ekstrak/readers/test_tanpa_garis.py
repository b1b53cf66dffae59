"""Borderless prints (an HTML table printed to PDF, as e-SAKIP web apps print): the table found from the
words' alignment alone, its rows and columns kept over page breaks."""

from __future__ import annotations

import functools
from pathlib import Path

from realcorpus import rendering
from weasyprint import HTML

import ekstrak
from ekstrak.grid import Cell, Grid, Row
from ekstrak.header import is_table_header
from ekstrak.readers.pdf import read_pdf
from ekstrak.table import find_table


def _cell(*lines: str) -> Cell:
    return Cell(list(lines), [float(i) for i in range(len(lines))])


def _row(texts: tuple[str, ...], page: int, line: int) -> Row:
    return Row([_cell(t) if t else Cell([], []) for t in texts], page, line)


@functools.cache
def _aligned(slug: str) -> Grid:
    return read_pdf(rendering(slug, "_tanpa_garis.pdf").read_bytes(), is_table_header)[0]


def test_a_wider_code_and_a_number_run_over_its_unit_keep_the_columns_of_the_page_before():
    # pk_ditjen_hubud_2013: on page 2 `10.2` reaches into the gutter the narrower `1.1` … left on page 1,
    # and `33.368.327.452.365` is printed over `Rp.`: the page keeps page 1's columns all the same.
    rows = [row.texts() for row in _aligned("pk_ditjen_hubud_2013").rows if row.page == 2]
    assert ["", "", "10.2", "Tingkat penyerapan anggaran Direktorat Jenderal Perhubungan Udara", "87", "%"] in rows
    widths = {len(texts) for texts in rows}
    assert widths == {6}, "every row has page 1's six columns"


def test_units_wrapped_in_two_sub_rows_stay_with_their_sub_rows():
    # pk_ditjen_hubud_2013: `Kejadian/1 Juta` / `Flight Cycle` and `Insiden/1 Juta` / `Pergerakan` beside
    # the sub-rows 1.1 and 1.2 of one sasaran were joined and refused, and `10.1Nilai AKIP` kept its code.
    doc = ekstrak.extract(rendering("pk_ditjen_hubud_2013", "_tanpa_garis.pdf"))
    first, *_, tenth = doc.sasaran[:10]
    assert [i.target.satuan for i in first.indikator] == ["Kejadian/1 Juta Flight Cycle", "Insiden/1 Juta Pergerakan"]
    assert tenth.nomor == 10 and tenth.uraian.startswith("Meningkatnya optimalisasi")
    assert tenth.indikator[0].uraian == "Nilai AKIP Direktorat Jenderal Perhubungan Udara"
    # `33.368.327.452.365` printed over `Rp.`: two strings, read apart
    assert (tenth.indikator[2].target.teks, tenth.indikator[2].target.satuan) == ("33.368.327.452.365", "Rp.")
    assert doc.peringatan == ()


def _chars(text: str, x: float, width: float = 5.0) -> list[tuple]:
    return [(10.0, 20.0, x + i * width, x + (i + 1) * width, c) for i, c in enumerate(text)]


def test_a_string_printed_over_another_keeps_its_letters_together():
    from ekstrak.readers.pdf import _in_reading_order

    chars = _chars("33.365", 100.0) + _chars("Rp.", 112.0)  # the unit drawn after, over the number's tail
    assert "".join(c[4] for c, _ in _in_reading_order(chars)) == "33.365Rp."
    bold = _chars("TARGET", 100.0) + _chars("TARGET", 100.3)  # simulated bold: the same string twice
    assert "".join(c[4] for c, _ in _in_reading_order(bold)) == "TARGET"


def test_header_labels_printed_against_each_other_and_group_rows_at_the_left_edge():
    # renstra_dpmptsp_banyuwangi_2026_2030: `SATUAN` touches `KONDISI` (wider than its column) and the
    # five `TARGET` labels overlap; `TUJUAN` / `SASARAN` / `PROGRAM` head the groups from the left edge.
    doc = ekstrak.extract(rendering("renstra_dpmptsp_banyuwangi_2026_2030", "_tanpa_garis.pdf"))
    assert [(s.kelompok, s.nomor) for s in doc.sasaran][:3] == [("TUJUAN", 1), ("SASARAN", 1), ("SASARAN", 2)]
    assert doc.sasaran[0].indikator[0].kolom_lain["target 2026"] == "2,1"
    assert doc.peringatan == ()


HEADER = ("No", "Sasaran Strategis", "Kode", "Indikator Kinerja", "Target")


def test_a_sasaran_number_whose_text_the_page_break_carried_over_starts_that_sasaran():
    # pk_ditjen_hubud_2013: sasaran 10's number and first indicator stand at the foot of page 1, its text
    # (a merged cell, top-aligned) at the top of page 2.
    rows = [
        _row(HEADER, 1, 1),
        _row(("9", "Melanjutkan reformasi regulasi", "9.1", "Jumlah peraturan", "25"), 1, 2),
        _row(("10", "", "10.1", "Nilai AKIP", "84,61"), 1, 3),
        _row(HEADER, 2, 1),
        _row(("", "Meningkatnya optimalisasi pengelolaan", "", "", ""), 2, 2),
        _row(("", "", "10.2", "Tingkat penyerapan anggaran", "87"), 2, 3),
        _row(("11", "Meningkatkan pengembangan teknologi", "11.1", "Persentase bandara", "20"), 2, 4),
    ]
    entries = find_table(Grid(rows, "uji")).entries
    got = [(e.nomor, e.sasaran.text, [s.indikator.text for s in e.segments]) for e in entries]
    assert got == [
        (9, "Melanjutkan reformasi regulasi", ["Jumlah peraturan"]),
        (10, "Meningkatnya optimalisasi pengelolaan", ["Nilai AKIP", "Tingkat penyerapan anggaran"]),
        (11, "Meningkatkan pengembangan teknologi", ["Persentase bandara"]),
    ]


def test_numbered_indicators_beside_a_merged_sasaran_cell_are_not_sasaran():
    # The NO column numbers the indicators: a sasaran's text that runs on over the page break stays its own.
    rows = [
        _row(HEADER, 1, 1),
        _row(("1", "Meningkatnya layanan", "", "Jumlah laporan", "2"), 1, 2),
        _row(("2", "", "", "Jumlah dokumen", "3"), 1, 3),
        _row(("3", "", "", "Jumlah kegiatan", "4"), 1, 4),
        _row(("", "publik yang prima", "", "", ""), 2, 1),
    ]
    entries = find_table(Grid(rows, "uji")).entries
    assert [(e.nomor, e.sasaran.text) for e in entries] == [(1, "Meningkatnya layanan publik yang prima")]


def test_the_row_numbering_the_columns_makes_no_column_of_its_own():
    # renstra_dinkes_banyuwangi_2026_2030: on page 2 the centred `5` under SATUAN stood clear of the short
    # `%` values and parted the unit column in two, leaving a column of data under no header.
    doc = ekstrak.extract(rendering("renstra_dinkes_banyuwangi_2026_2030", "_tanpa_garis.pdf"))
    assert doc.peringatan == ()


def _word(text: str, x0: float, top: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 5.0 * len(text), "top": top, "bottom": top + 8.0}


def test_short_values_stacked_in_a_cell_are_no_number_broken_by_the_column():
    # pk_itjen_kemenhub_2012: targets `0,12` over `0` for two indicators were joined into `0,120`.
    from ekstrak.readers.aligned import _full_lines

    stacked = [_word("0,12", 100.0, 0.0), _word("0", 100.0, 11.0)]
    assert _full_lines(stacked, limit=120.0, edge=150.0) == [False, False]
    broken = [_word("Penanggung", 100.0, 0.0), _word("jawab", 100.0, 11.0)]
    assert _full_lines(broken, limit=150.0, edge=160.0)[0]


def test_a_table_printed_without_its_header_row_is_read_by_what_its_columns_hold():
    # rkt_disdik_kukar_2025: no header row, and `Persen` only 5 points from `79.34`: the unit and the target
    # stay two columns, and the roles are guessed as from the DOCX (with the warning that says so).
    doc = ekstrak.extract(rendering("rkt_disdik_kukar_2025", "_tanpa_garis.pdf"))
    first = doc.sasaran[0].indikator[0]
    assert (first.uraian, first.target.teks, first.target.satuan) == ("APK PAUD", "79.34", "Persen")
    assert [w.pesan for w in doc.peringatan] == [
        w.pesan for w in ekstrak.extract(rendering("rkt_disdik_kukar_2025", ".docx")).peringatan
    ]


def test_a_header_label_centred_over_year_columns_stays_one_label():
    # renstra_pps_unud_2015_2019: `Tahun Capaian` over 2015 … 2019 was parted into `Tahun` and `Capaian`,
    # and `Capaian 2019` was left a column under no header; `Ada` / `perlu` / `revisi` is three words.
    doc = ekstrak.extract(rendering("renstra_pps_unud_2015_2019", "_tanpa_garis.pdf"))
    first = doc.sasaran[0].indikator[0]
    assert first.kolom_lain["tahun capaian 2019"] == "Ada"
    assert first.kolom_lain["kondisi awal 2014"] == "Ada perlu revisi"
    assert doc.peringatan == ()


def _reprinted(slug: str, old: str, new: str) -> bytes:
    """The corpus document printed as its borderless rendering is, with `old` in its style made `new`."""
    from real.render import html_page, load

    page = html_page(load(Path(__file__).parents[2] / "real" / f"{slug}.json"))
    assert old in page
    return HTML(string=page.replace(old, new, 1)).write_pdf()


def _in_8pt(slug: str) -> bytes:
    return _reprinted(slug, "font-size: 10pt", "font-size: 8pt")


def _in_serif(slug: str) -> bytes:
    return _reprinted(
        slug, '"Liberation Sans", Arial, sans-serif; font-size: 10pt', '"Liberation Serif"; font-size: 11pt'
    )


def test_a_header_repeated_on_the_next_page_keeps_its_second_line_out_of_the_first_row():
    # pk_ditjen_hubud_2013 printed in 8 pt: on page 2 the repeated `No | Deskripsi` stands one line step
    # above the rest of row 12.2, whose text was read as `Deskripsi Penurunan emisi …` (and a short page's
    # stray gap between two words parted a column the page before did not have).
    doc = ekstrak.extract_bytes(_in_8pt("pk_ditjen_hubud_2013"))
    last = doc.sasaran[-1].indikator[-1]
    assert last.uraian == "Penurunan emisi gas buang CO2 dengan kegiatan peremajaan armada angkutan udara"
    assert doc.peringatan == ()


def test_the_header_lines_of_a_repeated_header_take_no_part_in_finding_the_columns():
    # renstra_kec_giri_banyuwangi_2026_2030 in 8 pt: page 2 repeats a five-line header whose
    # `PERENCANAAN` runs over a gutter of the short page's body; page 1's columns were dropped.
    doc = ekstrak.extract_bytes(_in_8pt("renstra_kec_giri_banyuwangi_2026_2030"))
    second_page = [i for s in doc.sasaran for i in s.indikator if i.halaman == 2]
    assert second_page and all(i.kolom_lain.get("target kinerja 2030") for i in second_page)


def test_a_header_label_wrapped_in_title_case_is_no_first_row():
    # renstra_pps_unud_2015_2019 in 8 pt: `Kode` / `Program`, `Kondisi` / `Awal 2014`, `Penanggung` /
    # `jawab` wrapped one line step below the header were read as a first indicator `Awal 2014`, unwarned.
    doc = ekstrak.extract_bytes(_in_8pt("renstra_pps_unud_2015_2019"))
    assert doc.sasaran[0].indikator[0].uraian.startswith("Adanya Buku Panduan")
    assert doc.sasaran[0].indikator[0].kolom_lain["kondisi awal 2014"] == "Ada perlu revisi"


def test_a_row_whose_indicator_text_the_page_break_carried_over_keeps_its_figures():
    # renstra_bpbd_situbondo_2026_2030 printed in serif: the unit and the year targets stand at the foot of
    # page 1, the indicator's text at the top of page 2; the figures were dropped and the text joined to
    # the indicator above.
    header = ("NO", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET 2026", "TARGET 2027")
    rows = [
        _row(header, 1, 1),
        _row(("1", "Terlaksananya pelayanan", "Jumlah personil TRC", "Orang", "25", "25"), 1, 2),
        _row(("", "", "", "Kawasan", "100", "350"), 1, 3),
        _row(header, 2, 1),
        _row(("", "", "Jumlah warga negara terlatih", "", "", ""), 2, 2),
        _row(("", "", "Jumlah keluarga tanggap bencana", "Keluarga", "100", "100"), 2, 3),
    ]
    (entry,) = find_table(Grid(rows, "uji")).entries
    got = [(s.indikator.text, s.satuan.text, s.lain["target 2027"].text) for s in entry.segments]
    assert got == [
        ("Jumlah personil TRC", "Orang", "25"),
        ("Jumlah warga negara terlatih", "Kawasan", "350"),
        ("Jumlah keluarga tanggap bencana", "Keluarga", "100"),
    ]


def test_the_line_step_is_the_smallest_common_step_not_the_rows_step():
    # pk_ditjen_hubud_2013 printed in serif 11 pt: lines 12.2 pt apart, rows (with the cells' padding)
    # 16.2 pt apart, both within one and a half letters' height; the median took the rows' step and every
    # column ran into one cell.
    from ekstrak.readers.aligned import line_step

    steps = [12.2] * 11 + [14.4] * 3 + [16.2] * 14
    tops = [sum(steps[:i]) for i in range(len(steps) + 1)]
    lines = [[{"text": "x", "x0": 0.0, "x1": 5.0, "top": top, "bottom": top + 11.0}] for top in tops]
    assert abs(line_step(lines) - 12.2) < 0.01


def test_header_labels_centred_in_narrow_columns_and_run_together_are_parted():
    # pk_itjen_kemenhub_2012 printed in serif: `TARGET` and `SATUAN`, each centred in its narrow column,
    # touch and were read as one word `TARGETSATUAN`.
    doc = ekstrak.extract_bytes(_in_serif("pk_itjen_kemenhub_2012"))
    first = doc.sasaran[0].indikator[0]
    assert (first.target.teks, first.target.satuan) == ("0,12", "%")
    assert doc.peringatan == ()


def test_three_close_steps_of_a_scanned_header_do_not_make_the_line_step():
    # renstra_pps_unud_2015_2019 printed borderless and scanned: OCR boxes are short (7.4 pt), so of the
    # steps that fit them only the header's three (7.2 pt) and two of the body's (11 pt) remain; the
    # header's are not common on the page and do not set the step (the scan was read 0/6).
    from ekstrak.readers.aligned import line_step

    steps = [3.84, 3.84, 4.08, 7.2, 7.2, 7.44, 11.04, 11.04] + [11.16] * 5 + [11.28, 11.52, 14.4] + [15.12] * 5
    tops = [sum(steps[:i]) for i in range(len(steps) + 1)]
    lines = [[{"text": "x", "x0": 0.0, "x1": 5.0, "top": top, "bottom": top + 7.44}] for top in tops]
    assert line_step(lines) > 7.3
