"""Borderless prints whose cells stand in the middle (a browser's default for a table cell) or at the bottom
of their rows: rows found from the cells that stand beside one another, merged cells given to the rows they
stand on."""

from __future__ import annotations

import functools
from pathlib import Path

from realcorpus import expected, score
from weasyprint import HTML

import ekstrak

STYLE = """
@page { size: A4 landscape; margin: 2cm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10pt; }
table { border-collapse: collapse; width: 100%%; table-layout: fixed; }
th, td { border: none; padding: 2pt 4pt; vertical-align: %s; text-align: left; }
th { text-align: center; }
"""

HEAD = (
    '<tr><th rowspan="2" style="width:5%">NO</th><th rowspan="2" style="width:25%">SASARAN</th>'
    '<th rowspan="2" style="width:35%">INDIKATOR KINERJA</th><th rowspan="2">SATUAN</th>'
    '<th colspan="2">TARGET</th></tr><tr><th>2025</th><th>2026</th></tr>'
)

BODY = (
    '<tr><td rowspan="3">1</td><td rowspan="3">Meningkatnya kualitas pelayanan publik di seluruh unit kerja'
    "</td><td>Indeks kepuasan masyarakat terhadap pelayanan perizinan dan non perizinan yang diberikan</td>"
    "<td>Indeks</td><td>82</td><td>84</td></tr>"
    "<tr><td>Persentase pengaduan yang ditindaklanjuti</td><td>%</td><td>90</td><td>95</td></tr>"
    "<tr><td>Jumlah inovasi pelayanan publik yang diterapkan oleh perangkat daerah dalam satu tahun anggaran"
    "</td><td>Inovasi</td><td>3</td><td>4</td></tr>"
    '<tr><td rowspan="2">2</td><td rowspan="2">Meningkatnya akuntabilitas kinerja</td>'
    "<td>Nilai SAKIP</td><td>Nilai</td><td>70</td><td>72</td></tr>"
    "<tr><td>Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti tepat waktu oleh unit kerja</td>"
    "<td>%</td><td>85</td><td>90</td></tr>"
)

WANT = [
    (
        "Meningkatnya kualitas pelayanan publik di seluruh unit kerja",
        [
            ("Indeks kepuasan masyarakat terhadap pelayanan perizinan dan non perizinan yang diberikan", "84"),
            ("Persentase pengaduan yang ditindaklanjuti", "95"),
            ("Jumlah inovasi pelayanan publik yang diterapkan oleh perangkat daerah dalam satu tahun anggaran", "4"),
        ],
    ),
    (
        "Meningkatnya akuntabilitas kinerja",
        [
            ("Nilai SAKIP", "72"),
            ("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti tepat waktu oleh unit kerja", "90"),
        ],
    ),
]


@functools.cache
def _printed(align: str, body: str = BODY, head: str = HEAD) -> bytes:
    page = (
        f'<html><head><meta charset="utf-8"><style>{STYLE % align}</style></head><body>'
        f"<p>INDIKATOR KINERJA UTAMA TAHUN 2026</p><table><thead>{head}</thead><tbody>{body}</tbody></table>"
        "</body></html>"
    )
    return HTML(string=page).write_pdf()


def _records(doc: ekstrak.Dokumen) -> list:
    return [(s.uraian, [(i.uraian, i.target.teks if i.target else None) for i in s.indikator]) for s in doc.sasaran]


def test_cells_in_the_middle_of_their_rows_and_a_sasaran_merged_over_them():
    # A short cell (NO, satuan, target) stands in the middle of a tall row, a sasaran in the middle of the
    # three rows it spans: rows cut where the top-aligned cells start read the indicators apart from their
    # figures, and the sasaran on its middle row.
    doc = ekstrak.extract_bytes(_printed("middle"))
    assert _records(doc) == WANT
    assert doc.peringatan == ()


def test_cells_at_the_bottom_of_their_rows_and_a_group_label_above_the_header():
    # The same table with its cells at the bottom of their rows: the merged sasaran stands on its last row
    # and `TARGET` over the years stands one row above the header's other labels.
    doc = ekstrak.extract_bytes(_printed("bottom"))
    assert _records(doc) == WANT
    assert doc.peringatan == ()


NUMBERED_HEAD = (
    '<tr><th style="width:5%">NO</th><th style="width:22%">SASARAN</th><th colspan="2" style="width:40%">'
    "INDIKATOR KINERJA</th><th>SATUAN</th><th>PENANGGUNG JAWAB</th></tr>"
)
NUMBERED_BODY = (
    '<tr><td rowspan="3">1</td><td rowspan="3">Meningkatnya mutu pendidikan dasar</td><td style="width:3%">1.'
    "</td><td>Angka partisipasi kasar pendidikan dasar SD/MI dan sederajat</td><td>persen</td>"
    "<td>Dinas Pendidikan</td></tr>"
    "<tr><td>2.</td><td>Angka partisipasi murni pendidikan dasar SMP/MTs dan sederajat</td><td>persen</td>"
    "<td>Dinas Pendidikan</td></tr>"
    "<tr><td>3.</td><td>Angka putus sekolah</td><td>persen</td><td>Dinas Pendidikan</td></tr>"
)


def test_a_number_in_the_middle_of_a_two_line_indicator_goes_before_it():
    # `1.` beside a two-line indicator stands between its lines (its own narrow column under one label),
    # and `PENANGGUNG` / `JAWAB` stand above and below the header's one-line labels.
    doc = ekstrak.extract_bytes(_printed("middle", NUMBERED_BODY, NUMBERED_HEAD))
    uraian = [i.uraian for s in doc.sasaran for i in s.indikator]
    assert uraian == [
        "Angka partisipasi kasar pendidikan dasar SD/MI dan sederajat",
        "Angka partisipasi murni pendidikan dasar SMP/MTs dan sederajat",
        "Angka putus sekolah",
    ]
    assert [s.uraian for s in doc.sasaran] == ["Meningkatnya mutu pendidikan dasar"]


def test_a_page_whose_rows_stand_in_different_ways_is_warned_by_its_page():
    # Some rows' cells at the top, others' in the middle: which rows a merged cell spans is a guess.
    rows = BODY.split("<tr>")[1:]
    aligns = ["top", "middle", "middle", "top", "middle"]
    body = "".join("<tr>" + row.replace("<td", f'<td style="vertical-align: {a}"') for row, a in zip(rows, aligns))
    doc = ekstrak.extract_bytes(_printed("middle", body))
    assert [w.halaman for w in doc.peringatan if "rata atas, tengah atau bawah" in w.pesan] == [1]


GROUPED_HEAD = (
    '<tr><th rowspan="2" style="width:5%">No</th><th rowspan="2" style="width:25%">Sasaran Strategis</th>'
    '<th colspan="2">Indikator Kinerja Utama</th><th rowspan="2">Target</th><th rowspan="2">Satuan</th></tr>'
    '<tr><th style="width:6%">No</th><th style="width:35%">Deskripsi</th></tr>'
)
GROUPED_BODY = (
    '<tr><td rowspan="2">1</td><td rowspan="2">Meningkatnya keselamatan transportasi udara</td><td>1.1</td>'
    "<td>Rasio kecelakaan transportasi udara dengan korban jiwa dan pesawat rusak berat per satu juta"
    " penerbangan</td><td>5,88</td><td>Kejadian</td></tr>"
    "<tr><td>1.2</td><td>Jumlah insiden lalu lintas udara</td><td>54</td><td>Insiden</td></tr>"
)


def test_labels_at_the_bottom_of_a_two_row_header_under_and_beside_a_group_label():
    # `No` / `Deskripsi` under `Indikator Kinerja Utama` stay under it; `Target` and `Satuan`, at the bottom
    # of both header rows beside them, head their columns as the labels of both rows.
    doc = ekstrak.extract_bytes(_printed("bottom", GROUPED_BODY, GROUPED_HEAD))
    got = [(i.uraian, i.target.teks, i.target.satuan) for s in doc.sasaran for i in s.indikator]
    assert got == [
        (
            "Rasio kecelakaan transportasi udara dengan korban jiwa dan pesawat rusak berat per satu juta penerbangan",
            "5,88",
            "Kejadian",
        ),
        ("Jumlah insiden lalu lintas udara", "54", "Insiden"),
    ]
    assert doc.peringatan == ()


def test_a_merged_sasaran_right_under_a_group_heading_is_centred_on_its_rows():
    # A line across the table stands between the header and a sasaran merged over three rows, taller than
    # the middle one: the run of rows it is centred on starts under that line.
    short = WANT[0][0]
    tall = short + " melalui penyederhanaan prosedur, digitalisasi layanan dan peningkatan kompetensi aparatur"
    heading = '<tr><td colspan="6">Tujuan: meningkatnya kualitas tata kelola pemerintahan daerah</td></tr>'
    doc = ekstrak.extract_bytes(_printed("middle", heading + BODY.replace(short, tall)))
    assert _records(doc) == [(tall, WANT[0][1]), *WANT[1:]]
    assert doc.peringatan == ()


def test_a_centred_cell_cut_by_the_page_break_and_a_sasaran_under_a_group_heading():
    # renstra_dinkes_banyuwangi_2026_2030 printed with its cells in the middle: a program's cells cut by the
    # page break stand from the top of their first row (not in the middle of any run), and a sasaran
    # merged over two rows stands right under `SASARAN`; page 1 was warned.
    from real.render import html_page, load

    slug = "renstra_dinkes_banyuwangi_2026_2030"
    page = html_page(load(Path(__file__).parents[2] / "real" / f"{slug}.json"))
    doc = ekstrak.extract_bytes(HTML(string=page.replace("vertical-align: top", "vertical-align: middle")).write_pdf())
    assert score(doc.to_dict(), expected(slug)).exact
    assert doc.peringatan == ()


def test_rows_that_disagree_keep_the_page_befores_alignment_when_some_agree_with_it():
    """The corpus printed borderless in a serif font: Dinkes Banyuwangi's page 2 had one row voting bottom
    and one voting top after a top-aligned page 1; read bottom, 14 of its 25 indicators went wrong."""
    from collections import Counter

    from ekstrak.readers.aligned_middle import BOTTOM, MIDDLE, TOP, decide

    assert decide(Counter({BOTTOM: 1, TOP: 1}), TOP) == (TOP, True)
    assert decide(Counter({MIDDLE: 3, TOP: 2}), TOP) == (TOP, True)
    assert decide(Counter({MIDDLE: 3, TOP: 2}), None) == (MIDDLE, True)
    assert decide(Counter({MIDDLE: 3, BOTTOM: 2}), TOP) == (MIDDLE, True)
    assert decide(Counter({MIDDLE: 9, TOP: 1}), TOP) == (MIDDLE, False)
    assert decide(Counter(), BOTTOM) == (BOTTOM, False)
