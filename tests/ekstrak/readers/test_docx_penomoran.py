"""Word's own list numbering, counted as Word counts it: a NO column numbered by selecting it and pressing
Numbering (empty paragraphs that show only their number), indicator lists that run on from cell to cell,
restarts and multi-level labels."""

from __future__ import annotations

import io

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import ekstrak
from ekstrak.readers.docx import Level, Numbering, read_docx

ROWS = [
    ("Meningkatnya kualitas layanan", ["Indeks kepuasan masyarakat", "Persentase layanan tepat waktu"], ["82", "90%"]),
    ("Meningkatnya akuntabilitas kinerja", ["Nilai SAKIP", "Persentase temuan ditindaklanjuti"], ["75", "100%"]),
    ("Meningkatnya kualitas SDM", ["Persentase pegawai yang dilatih"], ["60%"]),
]


def _document(numbered_no: bool, numbered_indicators: bool) -> bytes:
    """A PK table as an office types it in Word; list paragraphs take the style's one list, as Word does."""
    word = docx.Document()
    table = word.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"]):
        cell.text = text
    for number, (sasaran, indicators, targets) in enumerate(ROWS, start=1):
        cells = table.add_row().cells
        if numbered_no:
            cells[0].paragraphs[0].style = "List Number"  # the cell shows only Word's number
        else:
            cells[0].text = str(number)
        cells[1].text = sasaran
        for index, indicator in enumerate(indicators):
            paragraph = cells[2].paragraphs[0] if index == 0 else cells[2].add_paragraph()
            if numbered_indicators:
                paragraph.style = "List Number 2"
            paragraph.add_run(indicator)
        cells[3].text = "\n".join(targets)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _read(data: bytes) -> tuple[list, tuple]:
    doc = ekstrak.extract_bytes(data, "pk.docx")
    shape = [
        (s["nomor"], s["uraian"], [(i["uraian"], i["target"]["teks"]) for i in s["indikator"]])
        for s in doc.to_dict()["sasaran"]
    ]
    return shape, doc.peringatan


WANTED = [
    (number, sasaran, list(zip(indicators, targets)))
    for number, (sasaran, indicators, targets) in enumerate(ROWS, start=1)
]


def test_a_no_column_numbered_by_word_gives_one_sasaran_per_row():
    data = _document(numbered_no=True, numbered_indicators=False)
    assert [row.cells[0].lines for row in read_docx(data).rows[1:]] == [["1."], ["2."], ["3."]]
    shape, warnings = _read(data)
    assert shape == WANTED
    assert warnings == ()


def test_indicator_lists_running_on_from_cell_to_cell_lose_their_numbers():
    data = _document(numbered_no=True, numbered_indicators=True)
    assert [row.cells[2].lines for row in read_docx(data).rows[1:]] == [
        ["1. Indeks kepuasan masyarakat", "2. Persentase layanan tepat waktu"],
        ["3. Nilai SAKIP", "4. Persentase temuan ditindaklanjuti"],
        ["5. Persentase pegawai yang dilatih"],
    ]  # as Word shows them
    shape, warnings = _read(data)
    assert shape == WANTED
    assert warnings == ()


def test_typed_numbers_running_on_from_the_cell_above_are_split_and_dropped():
    text = (
        "NO\tSASARAN\tINDIKATOR KINERJA\tTARGET\n"
        "1\tSasaran satu\t1. Indikator a 2. Indikator b\t80% 90%\n"
        "2\tSasaran dua\t3. Indikator c 4. Indikator d\t70% 75%\n"
    )
    doc = ekstrak.extract_text(text)
    assert [[i["uraian"] for i in s["indikator"]] for s in doc.to_dict()["sasaran"]] == [
        ["Indikator a", "Indikator b"],
        ["Indikator c", "Indikator d"],
    ]
    assert doc.peringatan == ()


def _num(abstract: str, restart: int | None = None) -> tuple[str, dict[int, int]]:
    return abstract, ({0: restart} if restart is not None else {})


def test_word_counts_one_abstract_list_across_nums_until_a_num_restarts_it():
    numbering = Numbering(
        {"7": {0: Level("decimal", "%1.", 1), 1: Level("lowerLetter", "%2)", 1)}, "8": {0: Level("decimal", "%1.", 5)}},
        {"1": _num("7"), "2": _num("7"), "3": _num("7", restart=1), "4": _num("8")},
    )
    labels = [numbering.label(num, level) for num, level in [("1", "0"), ("1", "1"), ("1", "1"), ("2", "0")]]
    assert labels == ["1.", "a)", "b)", "2."]  # the second num of the same list runs on
    assert [numbering.label("2", "1"), numbering.label("3", "0"), numbering.label("4", "0")] == ["a)", "1.", "5."]


def test_a_multi_level_label_shows_every_level_above_it():
    numbering = Numbering({"1": {0: Level("decimal", "%1."), 1: Level("decimal", "%1.%2")}}, {"9": _num("1")})
    assert [numbering.label("9", level) for level in ("0", "1", "1", "0", "1")] == ["1.", "1.1", "1.2", "2.", "2.1"]


def test_a_numbered_paragraph_from_a_restarted_list_in_the_file():
    word = docx.Document(io.BytesIO(_document(numbered_no=True, numbered_indicators=False)))
    numbering = word.part.numbering_part.element
    style_num = word.styles["List Number"].element.pPr.numPr.numId.val
    abstract = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(style_num))
    restart = OxmlElement("w:num")
    restart.set(qn("w:numId"), "99")
    reference = OxmlElement("w:abstractNumId")
    reference.set(qn("w:val"), abstract.find(qn("w:abstractNumId")).get(qn("w:val")))
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    restart.extend([reference, override])
    numbering.append(restart)
    # The third row's number restarts at 1, as Word then prints it.
    third = word.tables[0].rows[3].cells[0].paragraphs[0]._p.get_or_add_pPr().get_or_add_numPr()
    third.get_or_add_ilvl().val = 0
    third.get_or_add_numId().val = 99
    out = io.BytesIO()
    word.save(out)
    doc = ekstrak.extract_bytes(out.getvalue(), "pk.docx")
    assert [(s["nomor"], s["uraian"]) for s in doc.to_dict()["sasaran"]] == [
        (1, ROWS[0][0]),
        (2, ROWS[1][0]),
        (1, ROWS[2][0]),
    ]
