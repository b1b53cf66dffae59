"""readers/columns.py: `pdftotext -layout` text read by its character columns, where the other text
reading splits phrases: a header over several lines, a sasaran whose lines run on beside the next
indicators, a list number broken by a narrow column, a group heading that carries its budget."""

from __future__ import annotations

import pytest

import ekstrak
from ekstrak.header import is_table_header
from ekstrak.readers.columns import read_columns
from ekstrak.readers.text import split_lines

# As pdftotext lays out an LKjIP measurement table printed from Word (PN Bireuen's shape).
LKJIP = """\
No                                                               Target   Realisa   Capaian
        Sasaran Strategis             Indikator Kinerja
 .                                                                 (%)     si (%)     (%)
1.   Terwujudnya Peradilan    Persentase Perkara Perdata yang   94        100       106
     yang Pasti, Transparan   Diselesaikan Tepat Waktu
     dan Akuntabel            Persentase Perkara Pidana yang    95        99        104
                              Diselesaikan Tepat Waktu
                              Jumlah Putusan yang Menggunakan   100       100       100
                              Pendekatan Keadilan Restoratif
2.   Meningkatnya Kualitas    Indeks Kepuasan Masyarakat        85        88        103
     Pelayanan Publik
"""


def test_a_header_over_three_lines_and_a_sasaran_running_beside_its_indicators():
    doc = ekstrak.extract_text(LKJIP)
    assert [(s.nomor, s.uraian) for s in doc.sasaran] == [
        (1, "Terwujudnya Peradilan yang Pasti, Transparan dan Akuntabel"),
        (2, "Meningkatnya Kualitas Pelayanan Publik"),
    ]
    assert [(i.uraian, i.target.teks, i.target.satuan) for s in doc.sasaran for i in s.indikator] == [
        ("Persentase Perkara Perdata yang Diselesaikan Tepat Waktu", "94", "%"),
        ("Persentase Perkara Pidana yang Diselesaikan Tepat Waktu", "95", "%"),
        ("Jumlah Putusan yang Menggunakan Pendekatan Keadilan Restoratif", "100", "%"),
        ("Indeks Kepuasan Masyarakat", "85", "%"),
    ]
    assert [i.kolom_lain["realisasi"] for s in doc.sasaran for i in s.indikator][:2] == ["100", "99"]
    assert doc.peringatan == ()


# Pemkab Kulon Progo's IKU as pdftotext lays out its Word table (tests/real/): header words broken by
# narrow columns, list numbers 10 and 11 broken over two lines.
IKU = """\
                                                                         PENANGG
N                                                                SATU                  SUMBER
         SASARAN           INDIKATOR KINERJA UTAMA (IKU)                    UNG
O.                                                                AN                    DATA
                                                                           JAWAB
1.   Meningkatnya         1.   Angka Partisipasi Murni PAUD      perse   Dinas        Dinas
     tingkat pendidikan                                          n       Pendidikan   Pendidikan
     dan keterampilan     2.   Angka Partisipasi Kasar PAUD      perse   Dinas        Dinas
     penduduk                                                    n       Pendidikan   Pendidikan
                          3.   Angka Partisipasi Kasar           perse   Dinas        Dinas
                               Pendidikan Dasar SD/MI            n       Pendidikan   Pendidikan
                          4.   Angka Partisipasi Kasar           perse   Dinas        Dinas
                               Pendidikan Dasar SMP/MTS          n       Pendidikan   Pendidikan
                          5.   Angka Partisipasi Murni           perse   Dinas        Dinas
                               Pendidikan Dasar SD/MI            n       Pendidikan   Pendidikan
                          6.   Angka Partisipasi Murni           perse   Dinas        Dinas
                               Pendidikan Dasar SMP/MTS          n       Pendidikan   Pendidikan
                          7.   Angka Partisipasi Kasar Inklusi   perse   Dinas        Dinas
                               Pendidikan Dasar SD/MI            n       Pendidikan   Pendidikan
                          8.   Angka Partisipasi Kasar Inklusi   perse   Dinas        Dinas
                               Pendidikan Dasar SMP/MTS          n       Pendidikan   Pendidikan
                          9.   Angka Partisipasi Murni Inklusi   perse   Dinas        Dinas
                               Pendidikan Dasar SD/MI            n       Pendidikan   Pendidikan
                          1    Angka Partisipasi Murni Inklusi   perse   Dinas        Dinas
                          0.   Pendidikan Dasar SMP/MTS          n       Pendidikan   Pendidikan
                          1    Angka Partisipasi Kasar           perse   Dinas        Dinas
                          1.   Pendidikan Menengah               n       Pendidikan   Pendidikan
"""


def test_list_numbers_broken_by_a_narrow_column_and_a_header_of_broken_words():
    doc = ekstrak.extract_text(IKU)
    (sasaran,) = doc.sasaran
    assert sasaran.uraian == "Meningkatnya tingkat pendidikan dan keterampilan penduduk"
    assert [i.uraian for i in sasaran.indikator][-3:] == [
        "Angka Partisipasi Murni Inklusi Pendidikan Dasar SD/MI",
        "Angka Partisipasi Murni Inklusi Pendidikan Dasar SMP/MTS",
        "Angka Partisipasi Kasar Pendidikan Menengah",
    ]
    dinas = {"penanggung jawab": "Dinas Pendidikan", "sumber data": "Dinas Pendidikan"}
    assert all((i.kode, dict(i.kolom_lain)) == (None, dinas) for i in sasaran.indikator)
    assert len(sasaran.indikator) == 11 and all(i.target is None for i in sasaran.indikator)


# Kemendikbud's Renstra 2020-2024 as pdftotext lays out its Word table (tests/real/): `Target` over the
# years, numbers broken at the edge of their narrow columns (`105,9` above `7`).
RENSTRA = """\
 Tabel 4.1 Sasaran Strategis, Indikator, dan Target Kinerja Kementerian Pendidikan
                         dan Kebudayaan Tahun 2020-2024

Sasaran/                                            Satua                      Target
                   Sasaran Strategis (SS)
Indikator                                             n         2020   2021     2022        2023   2024
SS 1        Meningkatnya pemerataan layanan
            pendidikan bermutu di seluruh jenjang
IKSS 1.1    Angka Partisipasi Kasar (APK)           %       40,20      42,62   45,21    47,81      53,10
            Pendidikan Anak Usia Dini (PAUD) 3-6
            tahun
IKSS 1.2    Angka Partisipasi Kasar (APK)           %       105,9      104,4   102,9    101,4      100,0
            SD/MI/SDLB/Sederajat                            7          8       8        9          0
"""


def test_years_under_one_label_and_numbers_broken_at_a_narrow_columns_edge():
    doc = ekstrak.extract_text(RENSTRA)
    (sasaran,) = doc.sasaran
    assert (sasaran.kode, sasaran.uraian) == (
        "SS 1",
        "Meningkatnya pemerataan layanan pendidikan bermutu di seluruh jenjang",
    )
    assert [(i.kode, i.uraian, i.target) for i in sasaran.indikator] == [
        ("IKSS 1.1", "Angka Partisipasi Kasar (APK) Pendidikan Anak Usia Dini (PAUD) 3-6 tahun", None),
        ("IKSS 1.2", "Angka Partisipasi Kasar (APK) SD/MI/SDLB/Sederajat", None),
    ]
    years = {
        f"target {year}": value
        for year, value in zip(range(2020, 2025), ["105,97", "104,48", "102,98", "101,49", "100,00"])
    }
    assert dict(sasaran.indikator[1].kolom_lain) == years
    assert doc.peringatan == ()


def _by_columns(text: str):
    from ekstrak.document import build_document

    return build_document(read_columns(split_lines(text), is_table_header))


def test_unnumbered_sasaran_whose_cell_runs_on_beside_the_next_rows_are_read_whole():
    # Dishub Situbondo's Renstra (tests/real): the sasaran cell spans its indicators' rows, top-aligned
    text = (
        "SASARAN                 INDIKATOR KINERJA              SATUAN    TARGET\n"
        "Terwujudnya Layanan     Rasio Konektivitas             Rasio     0,29\n"
        "Transportasi yang       Kabupaten/Kota\n"
        "Nyaman dan Terjangkau   IKM Perhubungan                Nilai     83,9\n"
        "Meningkatnya            Nilai SAKIP                    Nilai     85,9\n"
        "Akuntabilitas Kinerja   Indeks Reformasi Birokrasi     Nilai     72,5\n"
        "Perangkat Daerah\n"
    )
    doc = _by_columns(text)
    assert [(s.uraian, len(s.indikator)) for s in doc.sasaran] == [
        ("Terwujudnya Layanan Transportasi yang Nyaman dan Terjangkau", 2),
        ("Meningkatnya Akuntabilitas Kinerja Perangkat Daerah", 2),
    ]
    assert doc.peringatan == ()


def test_an_unnumbered_sasaran_that_may_as_well_run_on_from_the_one_above_is_a_warning_on_its_line():
    text = (
        "SASARAN                 INDIKATOR KINERJA              SATUAN    TARGET\n"
        "Meningkatnya Kualitas   Angka Partisipasi Murni        %         95\n"
        "Pelayanan               Sekolah Dasar\n"
        "Pendidikan Dasar        Angka Partisipasi Kasar        %         98\n"
        "                        Sekolah Dasar\n"
    )
    assert ekstrak.extract_text(text).peringatan, "whichever reading wins, it is not silent"
    warned = [w for w in _by_columns(text).peringatan if "batas antarsasaran" in w.pesan]
    assert [(w.sasaran, w.baris) for w in warned] == [(2, 4)]


# Kemdikbud's PK (tests/real) as pdftotext lays it out: a programme and its budget on a line across the
# table, and sasaran texts that run up to the indicator column, one space from it.
ACROSS = """\
                                                                              Target
     Sasaran Strategis                    Indikator Kinerja
                                                                               2011
Program Pendidikan Anak Usia Dini, Nonformal dan Informal, Anggaran 3.665.771.000.000
S1.1 Meningkatnya APK PAUD        1 APK PAUD (TK, KB, TPA, SPS)              33,67%
(TK,KB,TPA,SPS) nasional          2 Lembaga PAUD yang berakreditasi          2,5%
mencapai 45,05%
S5.3 Sekurang-kurangnya 50%       1 Persentase Kab/Kota Yang Telah           10%
kab/kota telah memberikan layanan Menyelenggarakan Parenting Education
fasilitasi parenting education
"""


def test_a_line_across_the_table_is_a_group_heading_and_a_sasaran_line_beside_an_indicator_is_not():
    doc = ekstrak.extract_text(ACROSS)
    assert [(s.kelompok, s.uraian, [i.uraian for i in s.indikator]) for s in doc.sasaran] == [
        (
            "Program Pendidikan Anak Usia Dini, Nonformal dan Informal, Anggaran 3.665.771.000.000",
            "Meningkatnya APK PAUD (TK,KB,TPA,SPS) nasional mencapai 45,05%",
            ["APK PAUD (TK, KB, TPA, SPS)", "Lembaga PAUD yang berakreditasi"],
        ),
        (
            "Program Pendidikan Anak Usia Dini, Nonformal dan Informal, Anggaran 3.665.771.000.000",
            "Sekurang-kurangnya 50% kab/kota telah memberikan layanan fasilitasi parenting education",
            ["Persentase Kab/Kota Yang Telah Menyelenggarakan Parenting Education"],
        ),
    ]


# Itjen Kemenhub's PK (tests/real) as pdftotext lays it out: the budget block one blank line under the table.
BUDGET_BELOW = """\
No.    Sasaran Strategis                Indikator Kinerja                               Target  Satuan
8.     Peningkatan kualitas dan         Peningkatan persentase Auditor yang             30      %
       kompetensi SDM                   sesuai dengan standard Kompetensi
9.     Peningkatan pemanfaatan          Persentase proses bisnis yang telah             50      %
       Teknologi Informasi dan          memanfaatkan Teknologi Informasi dan
       Komunikasi                       Komunikasi

                              PROGRAM                                                    ANGGARAN (Rp)
Pengawasan dan Peningkatan Akuntabilitas Aparatur Kementerian Perhubungan               69.099.045.000
"""


def test_a_budget_block_one_blank_line_under_the_table_is_not_part_of_the_last_row():
    doc = ekstrak.extract_text(BUDGET_BELOW)
    last = doc.sasaran[-1]
    assert last.uraian == "Peningkatan pemanfaatan Teknologi Informasi dan Komunikasi"
    assert (last.indikator[0].target.teks, last.indikator[0].target.nilai) == ("50", 50)
    assert [(a.uraian, a.nilai) for a in doc.anggaran] == [
        ("Pengawasan dan Peningkatan Akuntabilitas Aparatur Kementerian Perhubungan", 69099045000)
    ]


def test_capital_labels_set_apart_below_the_rows_start_a_row_of_their_own_in_the_column_reading():
    """The second reading (by character columns) keeps the budget's labels out of the last row too (Ditjen
    Hubla's PK, where that reading is the one chosen)."""
    grid = read_columns(split_lines(BUDGET_BELOW), is_table_header)
    assert grid.rows[-2].texts() == [
        "9.",
        "Peningkatan pemanfaatan Teknologi Informasi dan Komunikasi",
        "Persentase proses bisnis yang telah memanfaatkan Teknologi Informasi dan Komunikasi",
        "50",
        "%",
    ]
    assert grid.rows[-1].texts()[1].startswith("PROGRAM")


# Dinkes Banyuwangi's Renstra (tests/real) as pdftotext lays it out: a narrow NO column, group headings in
# capitals starting at the left edge, and column numbers under the header.
HEADINGS = """\
         TUJUAN / SASARAN /                                                           SATUA    KONDIS    TARGET
NO                                    KODE            INDIKATOR KINERJA
             PROGRAM                                                                    N      I AWAL    2026
 1                2                     3                        4                      5         6       7
TUJUAN
1   Meningkatnya Kualitas                      Umur Harapan Hidup                     Tahun    74,13    74,6
    Kesehatan Masyarakat
SASARAN
1   Meningkatkan akuntabilitas                 Nilai SAKIP                            Nilai    90,95    91,25
    kinerja
"""


def test_a_heading_at_the_left_edge_over_a_narrow_number_column_is_a_group():
    doc = ekstrak.extract_text(HEADINGS)
    assert [(s.kelompok, s.uraian, [(i.uraian, i.target.teks) for i in s.indikator]) for s in doc.sasaran] == [
        ("TUJUAN", "Meningkatnya Kualitas Kesehatan Masyarakat", [("Umur Harapan Hidup", "74,6")]),
        ("SASARAN", "Meningkatkan akuntabilitas kinerja", [("Nilai SAKIP", "91,25")]),
    ]


# Disdik Kukar's RKT (tests/real) as pdftotext lays it out: no header row, a code column, a sasaran code
# broken by its narrow column (`1.01.02.` above `2.01`), units and decimals broken at a column's edge.
HEADERLESS = """\
Sasaran    1.1        Meningkatnya perluasan   1. APK PAUD                           Perse   79.34
                      akses dan pemerataan                                           n
                      pendidikan yang          2. APK SD Sederajat                   Perse   100.2
                      berkualitas                                                    n       1
                                               3. APM SD sederajat                   Perse   97.49
                                                                                     n
Program    1.01.02    PROGRAM                  1. Capaian Indeks Mutu Pendidikan     Perse   89.71
                      PENGELOLAAN              (IMP) SD                              n
                      PENDIDIKAN               2. Capaian Indeks Mutu Pendidikan     Perse   88.71
                                               (IMP) SMP                             n
Kegiatan   1.01.02.   Pengelolaan Pendidikan   1. Standar kompetensi lulusan         Perse   92.94
           2.01       Sekolah Dasar            Pendidikan Sekolah Dasar              n
                                               2. Standar isi Pendidikan Sekolah     Perse   88.65
                                               Dasar                                 n
"""


def test_a_laid_out_table_without_a_header_row_is_read_by_its_columns_and_says_so():
    doc = ekstrak.extract_text(HEADERLESS)
    assert [(s.kode, s.uraian, len(s.indikator)) for s in doc.sasaran] == [
        ("1.1", "Meningkatnya perluasan akses dan pemerataan pendidikan yang berkualitas", 3),
        ("1.01.02", "PROGRAM PENGELOLAAN PENDIDIKAN", 2),
        ("1.01.02.2.01", "Pengelolaan Pendidikan Sekolah Dasar", 2),
    ]
    indicators = [i for s in doc.sasaran for i in s.indikator]
    assert [(i.target.teks, i.target.satuan) for i in indicators[:2]] == [("79.34", "Persen"), ("100.21", "Persen")]
    assert indicators[-2].uraian == "Standar kompetensi lulusan Pendidikan Sekolah Dasar"
    assert any("tanpa baris judul kolom" in w.pesan for w in doc.peringatan)


def test_numbered_rows_of_indicators_in_small_letters_are_not_taken_for_numbers_broken_by_a_narrow_column():
    text = (
        "NO   SASARAN                    NO   INDIKATOR                           TARGET\n"
        "1    Meningkatnya mutu          1    persentase sekolah terakreditasi    8\n"
        "     pendidikan dasar           2    jumlah guru bersertifikat           9\n"
        "2    Meningkatnya akses         1    angka partisipasi kasar             7\n"
        "     pendidikan                 2    angka putus sekolah                 5\n"
    )
    doc = _by_columns(text)
    assert [[(i.uraian, i.target.teks) for i in s.indikator] for s in doc.sasaran] == [
        [("persentase sekolah terakreditasi", "8"), ("jumlah guru bersertifikat", "9")],
        [("angka partisipasi kasar", "7"), ("angka putus sekolah", "5")],
    ]


def test_text_without_a_header_row_whose_first_line_is_no_row_is_refused_not_guessed():
    text = "RENCANA KINERJA TAHUNAN\n\n" + HEADERLESS
    with pytest.raises(ekstrak.KinerjaError):
        ekstrak.extract_text(text)


def test_a_reading_that_finds_no_target_loses_to_one_that_finds_them():
    # Kanwil DJP's IKU in DejaVu Sans with 1 cm margins: the text reading lost the quarters' columns under
    # `Target` and found no target, without a warning; the column reading finds all five
    from pathlib import Path

    doc = ekstrak.extract(Path(__file__).parent / "data" / "iku_djp_bendahara_dejavu_sans_margin1_layout.txt")
    assert [(i.uraian.split()[1], i.target.teks) for s in doc.sasaran for i in s.indikator][:2] == [
        ("penyelesaian", "100%"),
        ("penyampaian", "100%"),
    ]
