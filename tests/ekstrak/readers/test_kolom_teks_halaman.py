"""readers/columns.py and carried.py: a table of `pdftotext -layout` text continued over pages, each of
which pdftotext sets on its own (columns squeezed differently, a header word beside the first row, a page
of one row)."""

from __future__ import annotations

from pathlib import Path

from realcorpus import rendering

import ekstrak


# Dinkes Banyuwangi's Renstra (tests/real) as pdftotext lays it out: page 2 squeezes its columns, the
# indicator column by 6 characters and the years' columns by up to 4, and a ratio `2,3:1000` breaks at its
# narrow column's edge.
def _squeezed() -> str:
    """Pieces of its two pages: the header, two groups and three rows; the header and four rows of page 2."""
    first, second = rendering("renstra_dinkes_banyuwangi_2026_2030", "_layout.txt").read_text().split("\f")[:2]
    one, two = first.split("\n"), second.split("\n")
    return "\n".join([*one[3:10], *one[21:26], *one[28:29], "\f" + two[0], *two[1:6], *two[10:11], *two[14:16]])


def test_a_later_page_squeezed_by_pdftotext_keeps_the_tables_columns():
    doc = ekstrak.extract_text(_squeezed())
    assert [s.kelompok for s in doc.sasaran] == ["TUJUAN", "PROGRAM", "PROGRAM", "PROGRAM"]
    indicators = [i for s in doc.sasaran for i in s.indikator]
    assert [(i.uraian, i.halaman, i.kolom_lain["target 2029"]) for i in indicators[-4:]] == [
        ("Persentase Kunjungan Ibu Hamil K1", 2, "94,6"),
        ("Persentase Puskesmas yang", 2, "20,8"),
        ("Cakupan imunisasi bayi lengkap", 2, "99"),
        ("Rasio tenaga kesehatan dan tenaga medis terhadap populasi", 2, "2,3:1000"),
    ]
    assert doc.peringatan == ()


def _last_indicators(slug: str, count: int) -> list[tuple[str, int, str]]:
    doc = ekstrak.extract(rendering(slug, "_layout.txt"))
    return [(i.uraian, i.halaman, dict(i.kolom_lain).get("target 2026", "")) for s in doc.sasaran for i in s.indikator][
        -count:
    ]


def test_a_repeated_headers_last_word_beside_the_first_row_and_its_values_a_line_lower():
    # BPBD Situbondo, page 4: `Jumlah penyelesaian dokumen Pengkajian  Dokume  AWAL`, then `12  12  13 …`
    (first, _) = _last_indicators("renstra_bpbd_situbondo_2026_2030", 5)[:2]
    assert first[1:] == (4, "12") and first[0].startswith("Jumlah penyelesaian dokumen Pengkajian Kebutuhan")


def test_a_page_of_one_row_under_the_rest_of_a_cut_row_keeps_the_value_columns_of_the_page_before():
    # Ditjen Hubla's PK, page 3: `(Noxius Liquid Substance)` (the rest of page 2's last row), then one row
    assert [uraian for uraian, _, _ in _last_indicators("pk_ditjen_hubla_2012", 2)] == [
        "Jumlah pemilikan sertifikat bahan cair beracun (Noxius Liquid Substance)",
        "Jumlah pemilikan sertifikat ISPP (International Sewage Pollution Prevention)",
    ]


def test_row_numbers_broken_by_narrow_columns_beside_a_sasaran_going_on_in_small_letters():
    # Ditjen Hubud's PK, page 2: `1` above `0` in the NO column, `1` / `0.` / `1` in the IKU's, beside
    # `kinerja, anggaran dan BMN …`; and a target `33.368.327.` above `452.365`
    doc = ekstrak.extract(rendering("pk_ditjen_hubud_2013", "_layout.txt"))
    assert [(s.nomor, s.uraian.split()[0], len(s.indikator)) for s in doc.sasaran[9:]] == [
        (10, "Meningkatnya", 3),
        (11, "Meningkatkan", 1),
        (12, "Menurunnya", 2),
    ]
    assert doc.sasaran[9].indikator[2].target.teks == "33.368.327.452.365"
    assert doc.sasaran[10].indikator[0].uraian.endswith("eco airport (AMDAL)")
    assert doc.peringatan == ()


def test_a_later_pages_columns_move_as_its_years_and_column_numbers_moved_not_only_its_first_header_line():
    # Dinkes Banyuwangi's Renstra printed in Liberation Serif (tests/real/render.py with another font): page
    # 2 moves `SATUAN` 7 characters left and the years up to 7 characters right; only the line under them
    # (`2026 … 2030`, `1 … 11`) shows where the years' columns went
    data = Path(__file__).parent / "data" / "renstra_dinkes_liberation_serif_layout.txt"
    doc = ekstrak.extract(data)
    ratio = next(i for s in doc.sasaran for i in s.indikator if i.uraian.startswith("Rasio tenaga"))
    assert ratio.uraian == "Rasio tenaga kesehatan dan tenaga medis terhadap populasi"
    assert [ratio.kolom_lain[f"target {year}"] for year in range(2026, 2031)] == ["2,3:1000"] * 5


def _read(name: str):
    return ekstrak.extract(Path(__file__).parent / "data" / name)


def test_years_and_decimals_broken_by_very_narrow_columns():
    # Dishub Situbondo's Renstra in DejaVu Sans with 3 cm margins: `202` above `6` in the header, `55,` above
    # `18` beside the indicator's next line (`Perhubungan`)
    doc = _read("renstra_dishub_dejavu_sans_margin3_layout.txt")
    indicators = [i for s in doc.sasaran for i in s.indikator]
    index = next(i for i in indicators if i.uraian.startswith("Indeks Infrastruktur"))
    assert index.uraian == "Indeks Infrastruktur Perhubungan"
    assert [index.kolom_lain[f"target {year}"] for year in range(2026, 2031)] == [
        "55,18",
        "56,04",
        "56,49",
        "57,12",
        "58,13",
    ]
    assert len(indicators) == 9 and doc.peringatan == ()


def test_the_column_numbers_of_a_repeated_header_are_a_row_of_their_own_above_the_rest_of_a_cut_row():
    # Dinkes Banyuwangi's Renstra in Liberation Serif with 1 cm margins: page 2 opens with the header, its
    # `1  2  3 …` and `pengendalian`, the rest of page 1's last indicator
    doc = _read("renstra_dinkes_liberation_serif_margin1_layout.txt")
    program = next(s for s in doc.sasaran if s.uraian.startswith("PROGRAM PEMENUHAN"))
    assert program.uraian == "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT"
    assert "Persentase Hipertensi dalam pengendalian" in [i.uraian for i in program.indikator]


def test_a_header_whose_years_a_narrow_column_broke_is_found_and_whole_numbers_broken_at_a_columns_edge_go_on():
    # BPBD Situbondo's Renstra in DejaVu Sans: `202` above `6` in the header of page 1 (it was not found, the
    # first pages read as no table), `400` above `0` five times beside `Ditolong, dan Dievakuasi …`
    doc = _read("renstra_bpbd_dejavu_sans_layout.txt")
    assert (doc.sasaran[0].halaman, doc.sasaran[0].uraian) == (
        1,
        "Meningkatnya Kesiapsiagaan Masyarakat dalam Menghadapi Bencana",
    )
    rescued = next(i for s in doc.sasaran for i in s.indikator if i.uraian.startswith("Jumlah Korban yang Berhasil"))
    assert rescued.uraian.endswith("Ditolong, dan Dievakuasi Per Jenis Kejadian Bencana")
    assert {rescued.kolom_lain[f"target {year}"] for year in range(2026, 2031)} == {"4000"}
