"""Evidence (bukti dukung) through Flask's test client: files judged by their content, links only http(s),
always downloaded, listed in the report's appendix and zipped for the evaluator; who may add and remove them
(checked on the server, crafted requests included), locked years, and the history of each change."""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SEED
from docx import Document as WordDocument
from test_web import Browser
from test_web_akun import Akun
from test_web_akun import app as app
from test_web_akun import kanwil as kanwil
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from inti.limits import Batas, MiB

SAMPLE_PDF = ROOT / "samples" / "iku_kanwil_sulbar_2022.pdf"
SAMPLE_DOCX = ROOT / "samples" / "iku_kanwil_sulbar_2022.docx"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


def add(tab: Browser, url: str, baris: str, data: bytes | None = None, name: str = "", tautan: str = ""):
    form: dict = {"csrf_token": tab.token, "baris": baris}
    if data is not None:
        form["berkas"] = FileStorage(io.BytesIO(data), filename=name)
    if tautan:
        form["tautan"] = tautan
    boundary, body = encode_multipart(form)  # here: the test client would spool a large body to a file left open
    return tab.client.post(f"{url}/bukti", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def listed(tab: Browser, url: str, baris: str = "") -> list[str]:
    """The evidence the page lists (file names and links), in order."""
    page = tab.client.get(f"{url}/bukti" + (f"?baris={baris}" if baris else "")).text
    return [
        re.sub(r"<[^>]+>", "", m).strip()
        for m in re.findall(r'<a href="[^"]+"(?: download| rel="[^"]+" target="_blank")>(.*?)</a>', page)
    ]


def ids(tab: Browser, url: str) -> dict[str, str]:
    """Each listed file's name → its id (from its download link)."""
    page = tab.client.get(f"{url}/bukti").text
    return {
        name: bid for bid, name in re.findall(r'href="/dokumen/\d+/bukti/([0-9a-f]{32})" download>([^<]+)</a>', page)
    }


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"\x00" * (20 * MiB))
    return out.getvalue()


@pytest.fixture
def web(tmp_path: Path) -> Browser:
    return Browser(tmp_path / "data", Batas(berkas=2 * MiB))


def test_files_are_judged_by_their_content_and_refused_in_words_saying_what_to_do(web: Browser) -> None:
    url = web.upload_ok(SEED)
    pdf = SAMPLE_PDF.read_bytes()
    for data, name, words in [
        (pdf, "foto kegiatan.png", "berisi PDF, tetapi namanya berakhiran '.png'"),
        (
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "grafik.pdf",
            "berisi SVG atau HTML",
        ),
        (b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "laporan.html", "berisi SVG atau HTML"),
        (b"%PDF-1.4" + b"0" * (2 * MiB), "besar.pdf", "terlalu besar"),
        (zip_bomb(), "notulen.docx", "bom zip"),
        (b"#!/bin/sh\nrm -rf /\n", "skrip.pdf", "bukan jenis yang diterima"),
        (b"PK\x03\x04" + b"\x00" * 100, "arsip.docx", "rusak"),
        (b"", "kosong.pdf", "kosong"),
    ]:
        refused = add(web, url, "0_0", data, name)
        assert refused.status_code == 400, name
        assert words in html.unescape(refused.text) and 'role="alert"' in refused.text, name
        assert "Traceback" not in refused.text
    for tautan, words in [
        ("javascript:alert(1)", "http:// atau https://"),
        ("ftp://contoh.id/berkas", "http:// atau https://"),
        ("https://", "http:// atau https://"),
        ("https://contoh .id/x", "http:// atau https://"),
    ]:
        refused = add(web, url, "0_0", tautan=tautan)
        assert refused.status_code == 400 and words in html.unescape(refused.text), tautan
    assert add(web, url, "0_0").status_code == 400  # neither file nor link
    beyond = add(web, url, "0_0", b"%PDF-1.4" + b"0" * (4 * MiB), "sangat besar.pdf")  # refused before it is read
    assert beyond.status_code == 413 and "Berkas bukti terlalu besar (batas 2 MiB)" in beyond.text
    assert listed(web, url, "0_0") == []

    assert add(web, url, "0_0", pdf, "Notulen rapat.PDF").status_code == 303
    assert add(web, url, "0_0", PNG, "foto.png").status_code == 303
    assert add(web, url, "0_0", SAMPLE_DOCX.read_bytes(), "../../rekap.docx").status_code == 303
    assert add(web, url, "0_0", tautan=" https://drive.google.com/file/d/abc ").status_code == 303
    assert listed(web, url, "0_0") == [
        "Notulen rapat.PDF",
        "foto.png",
        "rekap.docx",
        "https://drive.google.com/file/d/abc",
    ]
    assert add(web, url, "99_0", PNG, "foto.png").status_code == 400  # no such indicator
    kept = sorted(p.name for p in (web.app.config["KINERJA_BUKTI"]).glob("??/*"))
    assert len(kept) == 3 and all(re.fullmatch(r"[0-9a-f]{64}", name) for name in kept)  # under their hash


def test_a_file_is_always_downloaded_never_shown_and_kept_as_uploaded(web: Browser) -> None:
    url = web.upload_ok(SEED)
    pdf = SAMPLE_PDF.read_bytes()
    add(web, url, "3_7", pdf, "Daftar mahasiswa UT.pdf")
    bid = ids(web, url)["Daftar mahasiswa UT.pdf"]
    response = web.client.get(f"{url}/bukti/{bid}")
    assert response.status_code == 200 and response.data == pdf
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "Daftar" in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Type"] == "application/pdf"
    assert web.client.get(f"{url}/bukti/{'0' * 32}").status_code == 404
    page = web.client.get(url).text
    assert 'aria-label="Bukti dukung indikator 4.8" tabindex="-1">bukti (1)</a>' in page
    assert "<iframe" not in web.client.get(f"{url}/bukti").text and "<embed" not in web.client.get(f"{url}/bukti").text

    removed = web.client.post(f"{url}/bukti/{bid}/hapus", data={"csrf_token": web.token})
    assert removed.status_code == 303 and listed(web, url) == []
    assert list(web.app.config["KINERJA_BUKTI"].glob("??/*")) == []  # no evidence names it any more


def test_the_years_evidence_is_one_zip_with_an_index(web: Browser) -> None:
    url = web.upload_ok(SEED)
    pdf = SAMPLE_PDF.read_bytes()
    add(web, url, "0_0", pdf, "survei.pdf")
    add(web, url, "0_0", PNG, "survei.pdf".replace(".pdf", ".png"))
    add(web, url, "0_0", pdf, "survei.pdf")  # the same name twice: both kept
    add(web, url, "9_1", tautan="https://contoh.go.id/laporan")
    with web.client.get(f"{url}/bukti.zip") as response:
        assert response.status_code == 200 and response.headers["Content-Disposition"].startswith("attachment;")
        assert "BUKTI_2022_iku_kanwil_sulbar_2022.zip" in response.headers["Content-Disposition"]
        data = response.data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        folder = "1.1 Indeks kepuasan layanan internal di lingkungan Kantor Wilayah"
        assert sorted(names) == sorted(
            [f"{folder}/survei.pdf", f"{folder}/survei.png", f"{folder}/survei (2).pdf", "daftar-bukti.csv"]
        )
        assert package.read(f"{folder}/survei (2).pdf") == pdf
        rows = list(csv.reader(io.StringIO(package.read("daftar-bukti.csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["No", "Indikator", "Jenis", "Nama berkas / tautan", "Berkas di ZIP"]
    assert [row[0] for row in rows[1:]] == ["1.1", "1.1", "1.1", "10.2"]
    assert rows[-1][2:5] == ["tautan", "https://contoh.go.id/laporan", ""]
    assert rows[1][4] == f"{folder}/survei.pdf" and re.fullmatch(r"\d+ \w+ 2\d{3}, \d\d\.\d\d WIB", rows[1][6])


def test_the_reports_appendix_lists_each_indicators_evidence(web: Browser) -> None:
    url = web.upload_ok(SEED)
    add(web, url, "3_7", SAMPLE_PDF.read_bytes(), "Daftar mahasiswa UT.pdf")
    add(web, url, "3_7", tautan="https://contoh.go.id/ut")
    html = web.download(url, "html").decode()
    appendix = html[html.index('id="bukti-dukung"') :]
    assert "4.8" in appendix and "Jumlah Narapidana yang mengikuti Pendidikan tinggi" in appendix
    assert "Daftar mahasiswa UT.pdf" in appendix and "https://contoh.go.id/ut" in appendix
    word = WordDocument(io.BytesIO(web.download(url, "docx")))
    assert "Daftar Bukti Dukung" in [p.text for p in word.paragraphs]
    last = word.tables[-1]
    assert [c.text for c in last.rows[1].cells][1:3] == [
        "Jumlah Narapidana yang mengikuti Pendidikan tinggi",
        "Daftar mahasiswa UT.pdf",
    ]
    assert [c.text for c in last.rows[2].cells][2] == "https://contoh.go.id/ut"
    plain = Browser(web.app.config["KINERJA_BUKTI"].parent.parent / "lain")
    other = plain.upload_ok(SEED)
    assert "Daftar Bukti Dukung" not in plain.download(other, "html").decode()  # none: no empty list


def test_operators_add_and_remove_only_their_units_evidence_even_by_a_crafted_request(app, kanwil: str) -> None:
    oki, ima, rina = Akun(app, "oki"), Akun(app, "ima"), Akun(app, "rina")
    assert add(oki, kanwil, "0_0", PNG, "foto.png").status_code == 303
    refused = add(oki, kanwil, "9_0", PNG, "foto.png")  # not a field the page offers oki: sent by hand
    assert refused.status_code == 403 and "tidak berhak" in refused.text
    assert add(ima, kanwil, "9_0", tautan="https://contoh.go.id/ikm").status_code == 303
    bid = ids(rina, kanwil)["foto.png"]
    assert ima.client.post(f"{kanwil}/bukti/{bid}/hapus", data={"csrf_token": ima.token}).status_code == 403
    for nama in ("pak kepala", "ita"):
        reader = Akun(app, nama)
        assert add(reader, kanwil, "0_0", PNG, "foto.png").status_code == 403
        assert reader.client.post(f"{kanwil}/bukti/{bid}/hapus", data={"csrf_token": reader.token}).status_code == 403
        assert reader.client.get(f"{kanwil}/bukti/{bid}").data == PNG
        with reader.client.get(f"{kanwil}/bukti.zip") as package:
            assert package.status_code == 200
        assert "Tambah bukti" not in reader.client.get(f"{kanwil}/bukti").text
    assert add(rina, kanwil, "5_1", PNG, "perencana.png").status_code == 303  # the perencana: every indicator
    pn = Akun(app, "pn")  # another office: as if there were none
    assert pn.client.get(f"{kanwil}/bukti/{bid}").status_code == 404
    assert add(pn, kanwil, "0_0", PNG, "foto.png").status_code == 404
    assert pn.client.get(f"{kanwil}/bukti.zip").status_code == 404
    page = oki.client.get(f"{kanwil}/bukti").text
    assert page.count("Tambah bukti indikator") == 1  # only 1.1 is oki's
    assert listed(rina, kanwil) == ["foto.png", "perencana.png", "https://contoh.go.id/ikm"]


def test_nothing_is_added_or_removed_while_the_year_is_submitted_or_approved(app, kanwil: str) -> None:
    oki, rina, kepala = Akun(app, "oki"), Akun(app, "rina"), Akun(app, "pak kepala")
    add(oki, kanwil, "0_0", PNG, "foto.png")
    bid = ids(rina, kanwil)["foto.png"]
    assert rina.client.post(f"{kanwil}/status", data={"csrf_token": rina.token, "aksi": "ajukan"}).status_code == 303
    for tab in (oki, rina):
        locked = add(tab, kanwil, "0_0", PNG, "lagi.png")
        assert locked.status_code == 403 and "sedang diajukan" in locked.text
        assert tab.client.post(f"{kanwil}/bukti/{bid}/hapus", data={"csrf_token": tab.token}).status_code == 403
    assert (
        kepala.client.post(f"{kanwil}/status", data={"csrf_token": kepala.token, "aksi": "sahkan"}).status_code == 303
    )
    locked = add(oki, kanwil, "0_0", PNG, "lagi.png")
    assert locked.status_code == 403 and "sudah disahkan" in locked.text
    assert listed(rina, kanwil) == ["foto.png"]


def test_adding_and_removing_evidence_goes_into_the_history(app, kanwil: str) -> None:
    oki, rina = Akun(app, "oki"), Akun(app, "rina")
    add(oki, kanwil, "0_0", PNG, "foto.png")
    bid = ids(rina, kanwil)["foto.png"]
    rina.client.post(f"{kanwil}/bukti/{bid}/hapus", data={"csrf_token": rina.token})
    lines = rina.client.get(f"{kanwil}/unduh/json?riwayat=1").json["riwayat"]
    assert [(c["oleh"], c["bidang"], c["lama"], c["baru"]) for c in lines] == [
        ("oki", "bukti", "", "berkas: foto.png"),
        ("rina", "bukti", "berkas: foto.png", ""),
    ]
    page = rina.client.get(f"{kanwil}/riwayat?baris=0_0").text
    assert "Indikator 1.1 · bukti dukung" in page and "Pulihkan" not in page


def test_evidence_works_without_accounts_and_survives_a_restart(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data")
    url = web.upload_ok(SEED)
    assert add(web, url, "0_0", PNG, "foto.png").status_code == 303
    again = Browser(tmp_path / "data")
    assert listed(again, url) == ["foto.png"] and "ditambahkan oleh" not in again.client.get(f"{url}/bukti").text
    assert (tmp_path / "data" / "bukti").is_dir()  # one folder of the data folder: a backup takes it
    deleted = again.client.post(f"{url}/hapus", data={"csrf_token": again.token})
    assert deleted.status_code == 303 and list((tmp_path / "data" / "bukti").glob("??/*")) == []
