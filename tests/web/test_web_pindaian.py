"""Scans and images uploaded to kinerja-web, through Flask's test client: they are queued and read by OCR one at a
time, their page says the place in the queue or the pages read, a waiting one can be cancelled by its sender
only, a failed one says why in the page's words, a restart carries on with the queue, and the cells OCR read are
marked in the table until someone checks them (a change kept in the history). Scans are one page at 150 dpi."""

from __future__ import annotations

import functools
import io
import json
import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, SEED
from markupsafe import escape
from realcorpus import rendering
from scans import office_scan, pages_of
from test_web import Browser, _png
from test_web_akun import Akun, app  # noqa: F401 (app: the fixture of the Kanwil's and the court's accounts)

from ekstrak import KinerjaError, extract_bytes
from ekstrak.keyakinan import LOW
from kinerja_web.antrean import ANTREAN, BERJALAN
from kinerja_web.db import STORE

# One-page corpus documents whose scans OCR reads into records with their year.
PN_PEKANBARU = "pk_pn_pekanbaru_2016"
DJP_BENDAHARA = "iku_kanwil_djp_bendahara_2021"
JOB_URL = re.compile(r"^/pindaian/[\w-]+$")


@functools.cache
def scan(slug: str) -> bytes:
    """The document's first page printed and scanned at 150 dpi as an office does (an image-only PDF)."""
    return office_scan(rendering(slug, ".pdf"), seed=3, dpi=150, last=1)


@functools.cache
def photo(slug: str) -> bytes:
    """The document's first page as a PNG picture (a photographed or scanned page saved as an image)."""
    stream = io.BytesIO()
    pages_of(rendering(slug, ".pdf"), dpi=150, last=1)[0].save(stream, "PNG")
    return stream.getvalue()


def queued(web: Browser, data: bytes, name: str, **form: str) -> str:
    response = web.upload(data=data, name=name, **form)
    assert response.status_code == 303, response.text
    assert JOB_URL.match(response.headers["Location"]), response.headers["Location"]
    return response.headers["Location"]


def state(web: Browser, url: str) -> dict[str, Any]:
    response = web.client.get(f"{url}/keadaan")
    assert response.status_code == 200
    return response.json


def wait(web: Browser, url: str, until=lambda now: now["keadaan"] not in BERJALAN) -> dict[str, Any]:
    """The job's state once `until` holds (by default: once it has ended); a bound, not a measurement."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        now = state(web, url)
        if until(now):
            return now
        time.sleep(0.1)
    raise AssertionError(f"{url} did not get there: {now}")


def said(page: str) -> str:
    found = re.search(r'id="kabar-pindaian"[^>]*>([^<]*)<', page)
    return found.group(1) if found else ""


def scans_listed(web: Browser) -> str:
    """The home page's list of the account's scans still waiting or being read, or ended unseen."""
    found = re.search(r'id="judul-pindaian">.*?</section>', web.client.get("/").text, re.S)
    return found.group(0) if found else ""


def opened(web: Browser, url: str) -> tuple[str, str]:
    """The finished job's page opens its document: the document's URL and page."""
    response = web.client.get(url)
    assert response.status_code == 303, response.text
    return response.headers["Location"], web.client.get(response.headers["Location"]).text


def held(application) -> Any:
    """The database busy with another save: a job that has read its pages waits to save them, so it stays the
    one being read for as long as this is held."""
    return application.extensions[STORE]._writing


def test_a_scanned_pdf_is_queued_read_by_ocr_and_opens_its_table_with_the_ocr_cells_marked(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data")
    url = queued(web, scan(PN_PEKANBARU), "pk_pindaian.pdf")
    page = web.client.get(url)
    assert page.status_code == 200 and "Membaca pindaian" in page.text
    assert '<meta http-equiv="refresh"' in page.text  # without a script the page reloads itself
    assert said(page.text).startswith(("Membaca", "Menunggu giliran"))
    done = wait(web, url)
    assert (done["keadaan"], done["selesai"], done["jumlah"]) == ("selesai", 1, 1)  # pages heard from the reader
    assert "selesai dibaca" in scans_listed(web)
    document_url, table = opened(web, url)
    assert "Profil laporan dokumen ini masih kosong" in table
    records = json.loads(web.download(document_url, "json"))
    expected = extract_bytes(scan(PN_PEKANBARU), "pk_pindaian.pdf").to_dict()  # as the command reads it
    assert records["tahun"] == 2016 and records["sasaran"] == expected["sasaran"]
    indicators = [i for s in records["sasaran"] for i in s["indikator"]]
    assert indicators and all(i["sumber"] == "ocr" for i in indicators)
    assert 'id="legenda-ocr"' in table and f"di bawah {round(LOW * 100)}%" in table
    marked = re.findall(r'<td data-label="(Indikator|Target)" class="ocr[^"]*" title="([^"]*)"', table)
    assert len(marked) == 2 * len(indicators)
    sure = round(indicators[0]["keyakinan"]["uraian"] * 100)
    assert marked[0] == ("Indikator", f"dibaca dari pindaian; keyakinan {sure}%: periksa dengan dokumen asli")
    assert web.client.get(url).headers["Location"] == document_url  # the note is shown once; the link still opens it
    assert scans_listed(web) == ""


def test_an_image_waits_behind_a_scan_being_read_and_a_waiting_upload_can_be_cancelled(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data")
    with held(web.app):
        first = queued(web, scan(PN_PEKANBARU), "pertama.pdf")
        wait(web, first, lambda now: now["selesai"] == 1)
        second = queued(web, scan(DJP_BENDAHARA), "kedua.pdf")
        third = queued(web, photo(DJP_BENDAHARA), "ketiga.png")
        assert said(web.client.get(second).text) == (
            "Menunggu giliran: 1 berkas di depan. Pindaian dibaca satu per satu di server ini."
        )
        assert state(web, third)["di_depan"] == 2 and "2 berkas di depan" in said(web.client.get(third).text)
        assert all(name in scans_listed(web) for name in ("pertama.pdf", "kedua.pdf", "ketiga.png"))

        assert 'id="batal-pindaian"' not in web.client.get(first).text  # being read: it cannot be cancelled
        response = web.client.post(f"{first}/batal", data={"csrf_token": web.token}, follow_redirects=True)
        assert "sudah mulai dibaca" in response.text and state(web, first)["keadaan"] == "membaca"
        response = web.client.post(f"{second}/batal", data={"csrf_token": web.token}, follow_redirects=True)
        assert "Unggahan &#39;kedua.pdf&#39; dibatalkan" in response.text
        assert "kedua.pdf" not in scans_listed(web)
        assert "sudah dibatalkan" in web.client.get(second).text
        assert state(web, third)["di_depan"] == 1
    assert wait(web, third)["keadaan"] == "selesai"
    assert state(web, second)["keadaan"] == "dibatalkan"
    first_id, third_id = (int(opened(web, url)[0].rsplit("/", 1)[1]) for url in (first, third))
    assert first_id < third_id  # one after the other, in the order they came
    listed = web.client.get("/").text
    assert "pertama.pdf" in listed and "ketiga.png" in listed and "kedua.pdf" not in listed
    records = json.loads(web.download(f"/dokumen/{third_id}", "json"))
    assert records["tahun"] == 2021 and {i["sumber"] for s in records["sasaran"] for i in s["indikator"]} == {"ocr"}
    assert not list((tmp_path / "data" / "antrean").glob("*.berkas"))  # no upload is kept once it is read


def test_an_upload_is_seen_and_cancelled_only_by_the_one_who_sent_it(app) -> None:  # noqa: F811
    rina, pn, kepala = Akun(app, "rina"), Akun(app, "pn"), Akun(app, "pak kepala")
    with held(app):
        first = queued(rina, scan(PN_PEKANBARU), "kanwil.pdf")
        url = queued(rina, scan(DJP_BENDAHARA), "kanwil_kedua.pdf")
        for other in (pn, kepala):  # another office's planner; the same office's head
            assert other.client.get(url).status_code == 404
            assert other.client.get(f"{url}/keadaan").status_code == 404
            assert other.client.post(f"{url}/batal", data={"csrf_token": other.token}).status_code == 404
            assert scans_listed(other) == ""
        assert state(rina, url)["keadaan"] == "menunggu"
        assert "kanwil_kedua.pdf" in scans_listed(rina)
        assert rina.client.post(f"{url}/batal", data={"csrf_token": rina.token}).status_code == 303
    wait(rina, first)
    document_url, _ = opened(rina, first)
    assert pn.client.get(document_url).status_code == 404 and kepala.client.get(document_url).status_code == 200


def test_a_failed_upload_says_why_in_the_pages_words(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data")
    url = queued(web, _png(), "foto.png")
    assert wait(web, url)["keadaan"] == "gagal"
    assert "foto.png" in scans_listed(web) and "sebabnya" in scans_listed(web)  # until its page is seen
    page = web.client.get(url)
    message = re.search(r'id="galat-pindaian">(.*?)</p>', page.text, re.S).group(1)
    with pytest.raises(KinerjaError) as refused:  # what the command says of the same picture
        extract_bytes(_png(), "foto.png")
    assert message == escape(f"Berkas 'foto.png' tidak dapat dibaca: {refused.value.pesan}")
    assert "--" not in message and "Belum ada dokumen" in web.client.get("/").text and scans_listed(web) == ""
    job = tmp_path / "data" / "antrean" / f"{url.rsplit('/', 1)[1]}.json"
    os.utime(job, (time.time() - 29 * 86400,) * 2)
    assert Browser(tmp_path / "data").client.get(url).status_code == 200  # a restart keeps a recent one
    os.utime(job, (time.time() - 31 * 86400,) * 2)
    assert Browser(tmp_path / "data").client.get(url).status_code == 404  # and forgets it after 30 days
    assert not job.exists()


def test_a_text_pdf_is_read_at_once_and_a_scan_takes_the_year_typed_beside_it(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data")
    response = web.upload(ROOT / "samples" / "iku_kanwil_sulbar_2022.pdf")
    assert response.status_code == 303 and response.headers["Location"].startswith("/dokumen/")  # as before
    url = queued(web, scan(PN_PEKANBARU), "pindaian.pdf", tahun="2017")
    wait(web, url)
    assert json.loads(web.download(opened(web, url)[0], "json"))["tahun"] == 2017


def test_a_scan_whose_year_is_not_read_asks_for_it_on_its_page_and_is_not_read_again(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data")
    url = queued(web, (FIXTURES / "pindaian.pdf").read_bytes(), "pindaian.pdf")
    assert wait(web, url)["keadaan"] == "tertunda"
    assert "tahunnya tidak terbaca; buka untuk mengisinya" in scans_listed(web)
    assert "tahun dokumennya tidak terbaca; isi tahunnya di bawah" in web.client.get(url).text
    assert not list((tmp_path / "data" / "antrean").glob("*.berkas"))  # the records are kept, not the scan
    restarted = Browser(tmp_path / "data")
    assert "isi tahunnya di bawah" in restarted.client.get(url).text  # a restart keeps what waits for its sender
    refused = web.client.post(f"{url}/tahun", data={"csrf_token": web.token, "tahun": "22"})
    assert refused.status_code == 400 and "Tahun harus empat angka" in refused.text

    saved = web.client.post(f"{url}/tahun", data={"csrf_token": web.token, "tahun": "2022"})
    assert saved.status_code == 303 and saved.headers["Location"].startswith("/dokumen/")
    records = json.loads(web.download(saved.headers["Location"], "json"))
    assert records["tahun"] == 2022 and {i["sumber"] for s in records["sasaran"] for i in s["indikator"]} == {"ocr"}
    again = web.client.post(f"{url}/tahun", data={"csrf_token": web.token, "tahun": "2023"})  # the form sent twice
    assert again.headers["Location"] == url and web.client.get(url).headers["Location"] == saved.headers["Location"]
    assert web.client.get("/").text.count("pindaian.pdf ·") == 1 and scans_listed(web) == ""


def test_a_restarted_server_reads_the_uploads_it_had_and_says_which_must_be_sent_again(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data")
    with held(web.app):
        first = queued(web, scan(PN_PEKANBARU), "pertama.pdf")
        wait(web, first, lambda now: now["keadaan"] == "membaca")
        second = queued(web, scan(DJP_BENDAHARA), "kedua.pdf")
        locked = queued(web, scan(DJP_BENDAHARA), "terkunci.pdf", sandi="rahasia")
        # What a server stopped now leaves in its data folder (its database and its queue).
        left = tmp_path / "sesudah"
        left.mkdir()
        web.app.extensions[STORE].salin(left / "kinerja.sqlite")
        shutil.copytree(tmp_path / "data" / "antrean", left / "antrean")
        for url in (second, locked):  # this server reads only the first: its own test is above
            assert web.app.extensions[ANTREAN].batalkan(url.rsplit("/", 1)[1])
    wait(web, first)

    restarted = Browser(left)
    assert said(restarted.client.get(first).text).startswith(("Membaca", "Menunggu giliran"))
    page = restarted.client.get(locked).text
    assert "kata sandi PDF tidak disimpan di server; unggah lagi dengan kata sandinya" in page
    for url in (first, second):
        assert wait(restarted, url)["keadaan"] == "selesai"
    names = [opened(restarted, url)[1] for url in (first, second)]
    assert "pertama.pdf" in names[0] and "kedua.pdf" in names[1]


@pytest.mark.parametrize("confidence, strong", [(LOW - 0.08, True), (LOW, False)])
def test_a_cell_is_marked_stronger_below_the_warnings_confidence_until_checked(
    tmp_path: Path, confidence: float, strong: bool
) -> None:
    """A document read by OCR elsewhere comes back as its JSON, with how sure OCR was of each cell."""
    web = Browser(tmp_path / "data")
    doc = extract_bytes(SEED.read_bytes(), "iku.txt").to_dict()
    sure = {"uraian": 0.95, "target": round(confidence, 2)}
    for sasaran in doc["sasaran"]:
        sasaran.update(sumber="ocr", keyakinan={"uraian": 0.95, "target": round(confidence, 2)})
        for indikator in sasaran["indikator"]:
            indikator.update(sumber="ocr", keyakinan=sure)
    response = web.upload(data=json.dumps(doc).encode(), name="iku_ocr.json")
    assert response.status_code == 303
    url = response.headers["Location"]
    table = web.client.get(url).text
    row = re.search(r'<tr class="baris-indikator" id="ind-2-0">.*?</tr>', table, re.S).group(0)
    target = re.search(r'<td data-label="Target"([^>]*)>', row).group(1)
    assert (' class="ocr ocr-rendah"' in target) is strong and ' class="ocr' in target
    assert f"keyakinan {round(confidence * 100)}%: periksa dengan dokumen asli" in target
    assert 'class="ocr"' in re.search(r'<td data-label="Indikator"([^>]*)>', row).group(1)

    assert web.edit(url, 2, 0, "diperiksa", "ya").status_code == 200
    assert web.edit(url, 2, 1, "target", "82%").status_code == 200  # a corrected cell is checked too
    table = web.client.get(url).text
    row = re.search(r'<tr class="baris-indikator" id="ind-2-0">.*?</tr>', table, re.S).group(0)
    assert "ocr" not in re.search(r'<td data-label="Target"([^>]*)>', row).group(1)
    assert "Sudah diperiksa" not in row
    corrected = re.search(r'<tr class="baris-indikator" id="ind-2-1">.*?</tr>', table, re.S).group(0)
    assert "ocr" not in re.search(r'<td data-label="Target"([^>]*)>', corrected).group(1)
    assert 'class="ocr' in re.search(r'<td data-label="Indikator"([^>]*)>', corrected).group(1)
    assert "Sudah diperiksa" in corrected
    history = web.client.get(f"{url}/riwayat").text
    assert "sudah diperiksa dengan pindaian" in history
    assert web.edit(url, 2, 0, "diperiksa", "mungkin").status_code == 400
