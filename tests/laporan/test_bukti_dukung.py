"""The appendix's Daftar Bukti Dukung: each indicator's evidence given in the report's inputs, numbered as the
report numbers its indicators, in HTML and DOCX; no list at all when no evidence is given."""

from __future__ import annotations

import io

from docx import Document as WordDocument

from ekstrak import Dokumen, Indikator, Sasaran, parse_target
from laporan.buat import render_laporan
from laporan.load import BuktiDukung, Masukan
from laporan.profil import Profil
from laporan.view import DaftarBukti, susun


def document() -> Dokumen:
    one = Sasaran(1, None, "Sasaran satu", (Indikator(1, "Indeks kepuasan", parse_target("3,1")),))
    two = Sasaran(
        4,
        None,
        "Sasaran empat",
        (
            Indikator(1, "Persentase remisi", parse_target("98%")),
            Indikator(2, "Jumlah lulusan", parse_target("30 orang")),
        ),
    )
    return Dokumen("IKU", "Kanwil", 2022, (one, two))


def test_the_evidence_given_is_listed_per_indicator_in_html_and_docx() -> None:
    survey = BuktiDukung("Notulen survei.pdf", False, "oki", "3 Januari 2023, 09.10 WIB")
    link = BuktiDukung("https://contoh.go.id/lulusan", True, "", "4 Januari 2023, 10.00 WIB")
    inputs = Masukan(document(), bukti={(1, 1): [link], (0, 0): [survey]})
    lap = susun(inputs, Profil())
    assert lap.bukti == [
        DaftarBukti("1.1", "Indeks kepuasan", [survey]),
        DaftarBukti("4.2", "Jumlah lulusan", [link]),
    ]
    made = render_laporan(lap, ["html", "docx"]).berkas
    page = made["html"].decode()
    assert '<a href="#bukti-dukung">Daftar Bukti Dukung</a>' in page  # in the table of contents
    appendix = page[page.index('id="bukti-dukung"') :]
    assert appendix.index("Notulen survei.pdf") < appendix.index("https://contoh.go.id/lulusan")
    assert "<td>oki</td>" in appendix and "<td>-</td>" in appendix  # no one named in the single-user mode
    word = WordDocument(io.BytesIO(made["docx"]))
    rows = [[cell.text for cell in row.cells] for row in word.tables[-1].rows]
    assert rows == [
        ["No", "Indikator", "Berkas / tautan", "Ditambahkan oleh", "Waktu"],
        ["1.1", "Indeks kepuasan", "Notulen survei.pdf", "oki", "3 Januari 2023, 09.10 WIB"],
        ["4.2", "Jumlah lulusan", "https://contoh.go.id/lulusan", "-", "4 Januari 2023, 10.00 WIB"],
    ]


def test_no_evidence_no_list() -> None:
    lap = susun(Masukan(document()), Profil())
    assert lap.bukti == []
    made = render_laporan(lap, ["html", "docx"]).berkas
    assert "Daftar Bukti Dukung" not in made["html"].decode()
    assert "Daftar Bukti Dukung" not in [p.text for p in WordDocument(io.BytesIO(made["docx"])).paragraphs]
