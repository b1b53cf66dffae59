"""A Word file is read as Word shows it: tracked changes accepted, rows and cells inside content controls,
a PK table put inside a layout table."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

import ekstrak

ROWS = [
    ("1", "Meningkatnya kualitas layanan", "Indeks kepuasan masyarakat", "82"),
    ("2", "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "75"),
    ("3", "Meningkatnya kualitas SDM", "Persentase pegawai yang dilatih", "60%"),
]


def _table(container, rows=ROWS):
    table = container.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"]):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    return table


def _read(word) -> tuple[list, tuple]:
    out = io.BytesIO()
    word.save(out)
    doc = ekstrak.extract_bytes(out.getvalue(), "pk.docx")
    shape = [
        (s["uraian"], [(i["uraian"], i["target"]["teks"]) for i in s["indikator"]]) for s in doc.to_dict()["sasaran"]
    ]
    return shape, doc.peringatan


def _shape(rows=ROWS) -> list:
    return [(sasaran, [(indikator, target)]) for _, sasaran, indikator, target in rows]


def _wrap_in_content_control(node) -> None:
    control = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    node.addprevious(control)
    control.find(qn("w:sdtContent")).append(node)


def test_a_target_changed_with_track_changes_reads_as_changed():
    word = docx.Document()
    table = _table(word)
    paragraph = table.cell(1, 3).paragraphs[0]._p
    for run in paragraph.findall(qn("w:r")):
        paragraph.remove(run)
    # "8" kept, "0" deleted, "5" inserted: Word shows 85.
    paragraph.append(parse_xml(f"<w:r {nsdecls('w')}><w:t>8</w:t></w:r>"))
    paragraph.append(
        parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>0</w:delText></w:r></w:del>')
    )
    paragraph.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>5</w:t></w:r></w:ins>'))
    shape, warnings = _read(word)
    assert shape[0] == ("Meningkatnya kualitas layanan", [("Indeks kepuasan masyarakat", "85")])
    assert warnings == ()


def test_a_row_deleted_with_track_changes_is_gone():
    word = docx.Document()
    table = _table(word)
    deleted = table.rows[2]._tr.get_or_add_trPr()
    deleted.append(parse_xml(f'<w:del {nsdecls("w")} w:id="3" w:author="a"/>'))
    shape, warnings = _read(word)
    assert shape == _shape([ROWS[0], ROWS[2]])
    assert ["melompat dari 1 ke 3" in w.pesan for w in warnings] == [True]  # as the document now shows it


def test_a_row_and_a_cell_inside_content_controls_are_read():
    word = docx.Document()
    table = _table(word)
    _wrap_in_content_control(table.cell(3, 2).paragraphs[0]._p)
    _wrap_in_content_control(table.rows[2]._tr)
    shape, warnings = _read(word)
    assert shape == _shape()
    assert warnings == ()


def test_a_pk_table_inside_a_layout_table_is_read_with_the_text_around_it():
    word = docx.Document()
    frame = word.add_table(rows=2, cols=1)
    frame.cell(0, 0).text = "PERJANJIAN KINERJA TAHUN 2024"
    _table(frame.cell(1, 0))
    out = io.BytesIO()
    word.save(out)
    doc = ekstrak.extract_bytes(out.getvalue(), "pk.docx")
    assert doc.tahun == 2024
    shape, warnings = _read(word)
    assert shape == _shape()
    assert warnings == ()


def test_a_small_table_inside_a_cell_of_the_pk_table_leaves_the_pk_table_a_table():
    word = docx.Document()
    table = _table(word)
    inner = table.cell(2, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "catatan"
    shape, _ = _read(word)
    assert [sasaran for sasaran, _ in shape] == [row[1] for row in ROWS]
