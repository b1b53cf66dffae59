"""Targets and sub-indicators, each claim with the negative case beside it: a unit written in the target
wins over the SATUAN column, units run to five words, trailing words are never read silently, ten or more
sub-indicators; and property tests whose strategies reach the shapes offices write."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import ekstrak
import ekstrak.targets as targets_module
from ekstrak.targets import looks_like_target, split_any, split_targets

HEADER = "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\n"
EXAMPLES = settings(
    max_examples=int(os.environ.get("KINERJA_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(autouse=True)
def _read_afresh():
    """Every test reads its cells afresh: splits are cached per process (functools.lru_cache), and a reading
    cached by an earlier test would hide a change in how a cell is read."""
    for value in vars(targets_module).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def _read(text: str) -> dict:
    return ekstrak.extract_text(text).to_dict()


def _targets(doc: dict) -> list[dict | None]:
    return [i["target"] for s in doc["sasaran"] for i in s["indikator"]]


# A unit written in the target is never overwritten by the SATUAN column --------------------------


def test_the_satuan_column_fills_a_missing_unit_and_never_replaces_a_written_one():
    doc = _read(
        "NO\tSASARAN\tINDIKATOR KINERJA\tSATUAN\tTARGET\n"
        "1\tSasaran satu\tIndeks kepuasan layanan\tSkala\t3,1 Indeks\n"
        "2\tSasaran dua\tPersentase layanan tepat waktu\t%\t80\n"
        "3\tSasaran tiga\tJumlah laporan yang disusun\tDokumen\t80%\n"
        "4\tSasaran empat\tJumlah instansi yang dibina\tInstansi\t2 Instansi Pemerintah\n"
        "5\tSasaran lima\tPersentase rentang capaian\t%\t80-90\n"
    )
    assert _targets(doc) == [
        {"teks": "3,1 Indeks", "nilai": 3.1, "satuan": "Indeks"},
        {"teks": "80", "nilai": 80, "satuan": "%"},
        {"teks": "80%", "nilai": 80, "satuan": "%"},
        {"teks": "2 Instansi Pemerintah", "nilai": 2, "satuan": "Instansi Pemerintah"},
        {"teks": "80-90", "nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 90},
    ]


def test_the_satuan_column_gives_no_unit_to_a_qualitative_target():
    doc = _read("NO\tSASARAN\tINDIKATOR KINERJA\tSATUAN\tTARGET\n1\tSasaran satu\tOpini BPK\tOpini\tWTP\n")
    assert _targets(doc) == [{"teks": "WTP", "nilai": None, "satuan": None}]


def test_a_unit_in_the_target_header_does_not_replace_a_written_unit():
    doc = _read(
        "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET (%)\n"
        "1\tSasaran satu\tPersentase layanan\t80\n"
        "2\tSasaran dua\tIndeks kepuasan\t3,5 Indeks\n"
    )
    assert _targets(doc) == [
        {"teks": "80", "nilai": 80, "satuan": "%"},
        {"teks": "3,5 Indeks", "nilai": 3.5, "satuan": "Indeks"},
    ]


# Units of one to five words; trailing words never read silently ------------------------------------


@pytest.mark.parametrize(
    ("written", "nilai", "satuan"),
    [
        ("3 Instansi Pemerintah Daerah", 3, "Instansi Pemerintah Daerah"),
        ("4 Laporan Hasil Evaluasi Kinerja", 4, "Laporan Hasil Evaluasi Kinerja"),
        ("4 Laporan Hasil Evaluasi Kinerja Tahunan", 4, "Laporan Hasil Evaluasi Kinerja Tahunan"),
        ("12 Kab/Kota", 12, "Kab/Kota"),
        ("1.250,50 Dokumen", 1250.5, "Dokumen"),
        ("3,10 Indeks", 3.1, "Indeks"),
    ],
)
def test_units_of_up_to_five_words(written, nilai, satuan):
    target = ekstrak.parse_target(written)
    assert (target.teks, target.nilai, target.satuan) == (written, nilai, satuan)


@pytest.mark.parametrize(
    "written",
    [
        "80% Sangat Baik 2 Dokumen",
        "3 Laporan 2 Dokumen",
        "80% 75%",
        "80% lalu 2 Dokumen",
        "Skala 7 Indeks 3",
    ],
)
def test_trailing_words_are_never_read_silently(written):
    # Only a remark in brackets may follow a target; anything else leaves the value unread (and so checked).
    target = ekstrak.parse_target(written)
    assert target.to_dict() == {"teks": written, "nilai": None, "satuan": None}


@pytest.mark.parametrize(
    ("written", "fields"),
    [
        ("80% (delapan puluh persen)", {"nilai": 80, "satuan": "%"}),
        ("80 % (target 2022)", {"nilai": 80, "satuan": "%"}),
        ("≥ 80% (delapan puluh persen)", {"nilai": 80, "satuan": "%", "pembanding": "≥"}),
        ("3 (tiga) Laporan", {"nilai": 3, "satuan": "Laporan"}),
        ("3 Laporan (tiga laporan)", {"nilai": 3, "satuan": "Laporan"}),
        ("80-90% (rentang)", {"nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 90}),
    ],
)
def test_a_bracketed_remark_after_a_target(written, fields):
    got = ekstrak.parse_target(written).to_dict()
    assert got.pop("teks") == written
    assert got == fields


@pytest.mark.parametrize(
    ("written", "sign"),
    [
        ("≥ 80%", "≥"),
        (">= 80%", "≥"),
        ("=> 80%", "≥"),
        ("min 80%", "≥"),
        ("Min. 80%", "≥"),
        ("minimal 80%", "≥"),
        ("Minimum 80%", "≥"),
        ("paling sedikit 80%", "≥"),
        ("paling  rendah 80%", "≥"),
        ("sekurang-kurangnya 80%", "≥"),
        ("setidak-tidaknya 80%", "≥"),
        ("tidak kurang dari 80%", "≥"),
        ("≤ 5%", "≤"),
        ("<= 5%", "≤"),
        ("=< 5%", "≤"),
        ("max 5%", "≤"),
        ("MAX. 5%", "≤"),
        ("Maximal 5%", "≤"),
        ("maximum 5%", "≤"),
        ("maks 5%", "≤"),
        ("Maksimum 5%", "≤"),
        ("paling banyak 5%", "≤"),
        ("paling tinggi 5%", "≤"),
        ("sebanyak-banyaknya 5%", "≤"),
        ("setinggi-tingginya 5%", "≤"),
        ("tidak lebih dari 5%", "≤"),
        ("> 80%", ">"),
        ("< 5%", "<"),
    ],
)
def test_every_bound_word_and_sign(written, sign):
    target = ekstrak.parse_target(written)
    assert (target.nilai, target.satuan, target.pembanding) == (int(written.split()[-1][:-1]), "%", sign)


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("80%", True),
        ("3,1 Indeks", True),
        ("Skala 7", True),
        ("WTP", True),
        ("Sangat Baik", True),
        ("≥ 80%", True),
        ("80-90%", True),
        ("80", True),
        ("Tersedia", False),  # words that are no known grade
        ("Sasaran satu", False),
        ("Persentase layanan 80%", False),
        ("", False),
        ("   ", False),
    ],
)
def test_a_line_that_is_plainly_one_target(line, plain):
    assert looks_like_target(line) is plain


@pytest.mark.parametrize(
    ("written", "fields"),
    [
        ("80%-90", {"nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 90}),
        ("80%-90%", {"nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 90}),
        ("2-3 Laporan", {"nilai": None, "satuan": "Laporan", "batas_bawah": 2, "batas_atas": 3}),
        ("80-80%", {"nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 80}),
        ("80 s.d. 90%", {"nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 90}),
        ("80 sampai dengan 90 %", {"nilai": None, "satuan": "%", "batas_bawah": 80, "batas_atas": 90}),
        # not ranges, so not read: two units, a range running down, a grade after it, three numbers
        ("80%-90 orang", {"nilai": None, "satuan": None}),
        ("90-80%", {"nilai": None, "satuan": None}),
        ("80-90 Sangat Baik", {"nilai": None, "satuan": None}),
        ("80% 90 95", {"nilai": None, "satuan": None}),
        ("80-%", {"nilai": None, "satuan": None}),
    ],
)
def test_ranges_and_what_is_not_one(written, fields):
    got = ekstrak.parse_target(written).to_dict()
    assert got.pop("teks") == written
    assert got == fields


def test_reading_a_cell_without_knowing_how_many_targets():
    def read(cell: str) -> list[tuple[str, int]]:
        return [(target.teks, start) for target, start in split_any(cell)]

    assert read("80%") == [("80%", 0)]
    assert read("80% 3 Dokumen Skala 7") == [("80%", 0), ("3 Dokumen", 4), ("Skala 7", 14)]
    assert read("Cukup Baik") == [("Cukup", 0), ("Baik", 6)]  # equally likely: the reading with more targets
    assert read("Tersedia 80%") == []  # a word that is no known grade is not taken for a target
    assert read("Tersedia") == []
    assert len(read(" ".join(["80%"] * 30))) == 30
    assert read(" ".join(["80%"] * 31)) == []  # at most 30 targets in one cell


@pytest.mark.parametrize(
    ("written", "fields"),
    [
        ("80%;", {"nilai": 80, "satuan": "%"}),  # the cell as written, its punctuation kept in `teks`
        ("80% (delapan)", {"nilai": 80, "satuan": "%"}),
        ("80% (dua kata)", {"nilai": 80, "satuan": "%"}),
        ("5 m", {"nilai": 5, "satuan": "m"}),
        ("3 1x24", {"nilai": None, "satuan": None}),  # a word starting with a digit is no unit
        ("≥ 80-90%", {"nilai": None, "satuan": None}),  # a bound on a range: unreadable, so checked
        ("1:180", {"nilai": None, "satuan": None}),  # a ratio: a target with no single value
        ("1 : 180", {"nilai": None, "satuan": None}),
    ],
)
def test_more_shapes_of_one_cell(written, fields):
    got = ekstrak.parse_target(written).to_dict()
    assert got.pop("teks") == written
    assert got == fields


def test_ratios_and_separators_between_targets():
    def texts(cell: str, count: int) -> list[str] | None:
        found = split_targets(cell, count)
        return None if found is None else [t.teks for t in found]

    assert texts("1:180 80%", 2) == ["1:180", "80%"]
    assert texts("80% 1:180 3 Dokumen", 3) == ["80%", "1:180", "3 Dokumen"]
    assert texts("80%; 75%, 3 Laporan / 5 Dokumen | WTP", 5) == ["80%", "75%", "3 Laporan", "5 Dokumen", "WTP"]
    assert looks_like_target("1:180") and looks_like_target("1 : 180")
    assert [t.teks for t, _ in split_any("1:180")] == ["1:180"]


def test_a_percent_sign_is_no_word_of_a_grade():
    assert split_targets("WTP % 80%", 2) is None
    assert [t.teks for t in split_targets("WTP 80%", 2)] == ["WTP", "80%"]


# Ten sub-indicators and more -------------------------------------------------------------------


@pytest.mark.parametrize("count", [10, 11, 12])
@pytest.mark.parametrize("style", ["{}.", "{})", "({})"])
def test_ten_or_more_numbered_sub_indicators(count, style):
    names = [f"Persentase layanan jenis {chr(ord('a') + n)}" for n in range(count)]
    cell = " ".join(f"{style.format(n + 1)} {name}" for n, name in enumerate(names))
    targets = " ".join(f"{n + 1}%" for n in range(count))
    doc = _read(HEADER + f"1\tSasaran satu\t{cell}\t{targets}\n")
    (sasaran,) = doc["sasaran"]
    assert [i["uraian"] for i in sasaran["indikator"]] == names
    assert [i["target"]["nilai"] for i in sasaran["indikator"]] == list(range(1, count + 1))
    assert [i["nomor"] for i in sasaran["indikator"]] == list(range(1, count + 1))
    assert doc["peringatan"] == []


# Property tests: targets as offices write them ---------------------------------------------------

UNIT_WORDS = [
    "orang",
    "Permohonan",
    "Lokus",
    "Laporan",
    "Dokumen",
    "Kegiatan",
    "Instansi",
    "Pemerintah",
    "Daerah",
    "Rekomendasi",
    "Buku",
    "Desa",
    "Perkara",
    "Hari",
    "Kerja",
    "Aplikasi",
    "Unit",
    "Kab/Kota",
    "Satker",
    "Inovasi",
    "Kali",
    "persen",
]
GRADES = ["WTP", "WDP", "A", "AA", "BB", "B", "CC", "Baik", "WBK", "WBBM", "Sangat Baik", "Opini WTP", "Menuju WBK"]
BOUNDS = [
    ("≥ ", "≥"),
    ("≥", "≥"),
    (">= ", "≥"),
    ("min. ", "≥"),
    ("Minimal ", "≥"),
    ("paling sedikit ", "≥"),
    ("≤ ", "≤"),
    ("maks. ", "≤"),
    ("Maksimal ", "≤"),
    ("paling banyak ", "≤"),
]
REMARK_WORDS = ["delapan", "puluh", "persen", "tiga", "laporan", "evaluasi", "semester", "target", "awal"]


@st.composite
def numbers(draw) -> tuple[str, int | float]:
    """`80`, `3,10`, `1.250`, `11.994.682.000,50`: decimals ending in 0 and thousands separators included."""
    whole = draw(st.integers(min_value=0, max_value=10**12))
    places = draw(st.sampled_from([0, 0, 1, 2]))
    fraction = draw(st.integers(min_value=0, max_value=10**places - 1)) if places else 0
    text = f"{whole:,}".replace(",", ".") if whole >= 1000 and draw(st.booleans()) else str(whole)
    if places:
        text += f",{fraction:0{places}d}"
    value = float(Decimal(whole) + Decimal(fraction) / 10**places) if places and fraction else whole
    return text, value


units = st.lists(st.sampled_from(UNIT_WORDS), min_size=1, max_size=5).map(" ".join)
remarks = st.lists(st.sampled_from(REMARK_WORDS), min_size=1, max_size=3).map(lambda words: f"({' '.join(words)})")


@st.composite
def targets(draw, remark: bool = False) -> tuple[str, dict]:
    """One target of a shape the README lists, and the fields it must read as."""
    kind = draw(st.sampled_from(["percent", "unit", "bare", "skala", "range", "bound", "grade"]))
    number, value = draw(numbers())
    unit = draw(st.sampled_from(["%", " %", None]) | units.map(lambda u: " " + u))
    satuan = unit.strip() if unit else None
    if kind == "percent":
        text, fields = number + draw(st.sampled_from(["%", " %"])), {"nilai": value, "satuan": "%"}
    elif kind == "unit":
        text, fields = f"{number}{unit or ' Laporan'}", {"nilai": value, "satuan": satuan or "Laporan"}
    elif kind == "bare":
        text, fields = number, {"nilai": value, "satuan": None}
    elif kind == "skala":
        level = draw(st.integers(min_value=1, max_value=10))
        text, fields = f"{draw(st.sampled_from(['Skala', 'Level']))} {level}", {"nilai": level}
        fields["satuan"] = text.split()[0]
    elif kind == "range":
        low = draw(st.integers(min_value=0, max_value=999))
        high = draw(st.integers(min_value=low, max_value=1000))
        dash = draw(st.sampled_from(["-", "–", " - ", " – "]))
        text = f"{low}{dash}{high}{unit or ''}"
        fields = {"nilai": None, "satuan": satuan, "batas_bawah": low, "batas_atas": high}
    elif kind == "bound":
        written, sign = draw(st.sampled_from(BOUNDS))
        text, fields = f"{written}{number}{unit or ''}", {"nilai": value, "satuan": satuan, "pembanding": sign}
    else:
        text, fields = draw(st.sampled_from(GRADES)), {"nilai": None, "satuan": None}
    if remark and draw(st.booleans()):
        text += " " + draw(remarks)
    return text, fields


@EXAMPLES
@given(targets(remark=True))
def test_one_target_reads_back_exactly(case):
    text, fields = case
    got = ekstrak.parse_target(text).to_dict()
    assert got.pop("teks") == text
    assert got == fields, text


@EXAMPLES
@given(st.lists(targets(), min_size=1, max_size=8))
def test_joined_targets_read_back_exactly(cases):
    cell = " ".join(text for text, _ in cases)
    found = split_targets(cell, len(cases))
    assert found is not None, cell
    assert [t.to_dict() for t in found] == [{"teks": text, **fields} for text, fields in cases], cell


@EXAMPLES
@given(st.lists(targets(remark=True), min_size=2, max_size=5))
def test_joined_targets_with_remarks_read_back_exactly(cases):
    cell = " ".join(text for text, _ in cases)
    found = split_targets(cell, len(cases))
    assert found is not None, cell
    assert [t.to_dict() for t in found] == [{"teks": text, **fields} for text, fields in cases], cell


# The text reader on table-shaped text: what is generated reads back, row for row -----------------

SASARAN_OPENERS = ["Meningkatnya", "Terwujudnya", "Terselenggaranya", "Menurunnya", "Tercapainya"]
INDIKATOR_OPENERS = ["Persentase", "Jumlah", "Indeks", "Nilai", "Rasio", "Tingkat"]
WORDS = [
    "layanan",
    "perkara",
    "narapidana",
    "pegawai",
    "dokumen",
    "pengaduan",
    "publik",
    "yang",
    "diselesaikan",
    "tepat",
    "waktu",
    "kualitas",
    "wilayah",
    "hukum",
    "masyarakat",
    "terpadu",
    "kinerja",
    "keuangan",
    "akuntabel",
    "Kantor",
    "Wilayah",
]
phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)


@st.composite
def iku_rows(draw) -> list[tuple[str, list[str], list[tuple[str, dict]]]]:
    """Sasaran with their indicators and targets: (uraian, [indikator], [(target text, fields)])."""
    rows = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        sasaran = f"{draw(st.sampled_from(SASARAN_OPENERS))} {draw(phrase)}"
        # Two sasaran in a row with one text read as one sasaran written on each row (its own test).
        assume(not rows or rows[-1][0] != sasaran)
        count = draw(st.integers(min_value=1, max_value=4))
        names = [f"{draw(st.sampled_from(INDIKATOR_OPENERS))} {draw(phrase)}" for _ in range(count)]
        rows.append((sasaran, names, [draw(targets()) for _ in range(count)]))
    return rows


def _table(rows, header: bool, one_row_per_indicator: bool, layout: bool) -> str:
    """The rows as pasted from Word (cells split by tabs) or as `pdftotext -layout` prints them (columns)."""
    lines = [HEADER.rstrip("\n").split("\t")] if header else []
    for number, (sasaran, names, cells) in enumerate(rows, start=1):
        if one_row_per_indicator:
            for index, (name, (text, _)) in enumerate(zip(names, cells)):
                first = index == 0
                lines.append([str(number) if first else "", sasaran if first else "", name, text])
        else:
            indikator = names[0] if len(names) == 1 else " ".join(f"{n}. {name}" for n, name in enumerate(names, 1))
            lines.append([str(number), sasaran, indikator, " ".join(text for text, _ in cells)])
    if not layout:
        return "\n".join("\t".join(line) for line in lines) + "\n"
    widths = [max(len(line[c]) for line in lines) + 3 for c in range(4)]
    return "\n".join("".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines) + "\n"


@EXAMPLES
@given(iku_rows(), st.booleans(), st.booleans(), st.booleans())
def test_fuzz_table_shaped_text_reads_back(rows, header, one_row_per_indicator, layout):
    # A row per indicator is told from a wrapped cell by its tab-separated cells, so laid-out text has one per sasaran.
    one_row_per_indicator = one_row_per_indicator and not layout
    header = header or one_row_per_indicator or layout
    text = _table(rows, header=header, one_row_per_indicator=one_row_per_indicator, layout=layout)
    doc = _read(text)
    assert doc["peringatan"] == [], text
    assert [(s["nomor"], s["uraian"]) for s in doc["sasaran"]] == [(n, r[0]) for n, r in enumerate(rows, 1)], text
    for sasaran, (_, names, cells) in zip(doc["sasaran"], rows):
        assert [i["uraian"] for i in sasaran["indikator"]] == names, text
        assert [i["target"] for i in sasaran["indikator"]] == [{"teks": t, **f} for t, f in cells], text
