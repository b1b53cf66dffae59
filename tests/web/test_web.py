"""The web application through Flask's test client: upload, correct, realisasi, profile, downloads, safety."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, SEED, load_json
from docx import Document as WordDocument
from hostile import stream_pdf
from openpyxl import load_workbook
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from inti.limits import Batas
from kinerja_web.app import create_app

SAMPLES = ROOT / "samples"


class Browser:
    """A test client that keeps the page's CSRF token, as the page's own script does."""

    def __init__(self, folder: Path, batas: Batas | None = None) -> None:
        self.app = create_app(folder, batas) if batas else create_app(folder)
        self.client = self.app.test_client()
        self.token = re.search(r'name="csrf-token" content="([^"]+)"', self.client.get("/").text).group(1)

    def upload(self, path: Path | None = None, *, data: bytes | None = None, name: str = "", **form: str):
        payload = data if data is not None else path.read_bytes()  # type: ignore[union-attr]
        upload = FileStorage(io.BytesIO(payload), filename=name or path.name)  # type: ignore[union-attr]
        fields = {"berkas": upload, "csrf_token": self.token, **form}
        # Encoded here, so that the test client does not spool a large body to a file it never closes.
        boundary, body = encode_multipart(fields)
        return self.client.post("/unggah", data=body, content_type=f"multipart/form-data; boundary={boundary}")

    def upload_ok(self, path: Path, **form: str) -> str:
        response = self.upload(path, **form)
        assert response.status_code == 303, response.text
        return response.headers["Location"]

    def edit(self, url: str, s: int, i: int, bidang: str, nilai: str):
        body = {"s": s, "i": i, "bidang": bidang, "nilai": nilai}
        return self.client.post(f"{url}/sunting", json=body, headers={"X-CSRFToken": self.token})

    def download(self, url: str, fmt: str) -> bytes:
        response = self.client.get(f"{url}/unduh/{fmt}")
        assert response.status_code == 200, response.text
        assert response.headers["Content-Disposition"].startswith("attachment; filename=")
        return response.data


@pytest.fixture
def web(tmp_path: Path) -> Browser:
    return Browser(tmp_path / "data")


def _png() -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure = pyplot.figure(figsize=(0.5, 0.5))
    stream = io.BytesIO()
    figure.savefig(stream, format="png")
    pyplot.close(figure)
    return stream.getvalue()


def _saved_at(said: str, hours: int, zona: str) -> bool:
    """Whether `08.13 WITA` is now in that zone (UTC + hours), give or take a minute."""
    now = dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)
    shown = [f"{(now + dt.timedelta(minutes=m)):%H.%M} {zona}" for m in (-1, 0, 1)]
    return said in shown


def _rows(page: str) -> list[str]:
    return re.findall(r'<tr class="baris-indikator[^"]*" id="ind-(\d+-\d+)"', page)


@pytest.mark.parametrize(
    "path",
    [SEED, SAMPLES / "iku_kanwil_sulbar_2022.pdf", SAMPLES / "iku_kanwil_sulbar_2022.docx", FIXTURES / "sulbar.xlsx"],
    ids=lambda p: p.name,
)
def test_every_format_uploads_into_the_same_53_rows_grouped_by_kelompok(web: Browser, path: Path) -> None:
    page = web.client.get(web.upload_ok(path)).text
    assert len(_rows(page)) == 53
    expected = load_json(ROOT / "tests" / "golden" / "iku_kanwil_sulbar_2022.json")
    groups = list(dict.fromkeys(s["kelompok"] for s in expected["sasaran"]))
    assert re.findall(r'<tr class="kelompok"><th colspan="12" scope="rowgroup">([^<]+)</th>', page) == groups
    assert page.count('class="baris-sasaran"') == len(expected["sasaran"])
    assert 'aria-label="Uraian indikator 4.8">Jumlah Narapidana yang mengikuti Pendidikan tinggi</textarea>' in page
    assert 'value="30 orang"' in page and "nilai 30, satuan orang" in page


def test_list_of_saved_documents_by_year(web: Browser) -> None:
    web.upload_ok(SAMPLES / "isian_2021_CONTOH.xlsx")
    web.upload_ok(SEED)
    page = web.client.get("/").text
    assert page.index("Tahun 2022") < page.index("Tahun 2021")
    assert "53 indikator" in page and "52 indikator" in page


def test_a_correction_keeps_the_extracted_text_beside_it_and_in_the_json(web: Browser) -> None:
    url = web.upload_ok(SEED)
    answer = web.edit(url, 3, 7, "uraian", "  Jumlah narapidana\nyang kuliah  ").json
    assert answer["nilai"] == "Jumlah narapidana yang kuliah"
    assert answer["asli"] == "Jumlah Narapidana yang mengikuti Pendidikan tinggi"
    answer = web.edit(url, 3, 7, "target", "35 Orang").json
    assert answer["terbaca"] == "nilai 35, satuan Orang" and answer["asli"] == "30 orang"
    web.edit(url, 2, -1, "uraian", "Sasaran tiga, diperbaiki")

    page = web.client.get(url).text
    assert 'id="asli-3-7-uraian">' in page and 'Teks asli: <q class="teks-asli">Jumlah Narapidana' in page
    assert 'id="asli-0-0-uraian" hidden' in page

    data = json.loads(web.download(url, "json"))
    indikator = data["sasaran"][3]["indikator"][7]
    assert indikator["uraian"] == "Jumlah narapidana yang kuliah"
    assert indikator["target"] == {"teks": "35 Orang", "nilai": 35, "satuan": "Orang"}
    assert indikator["asli"] == {"uraian": "Jumlah Narapidana yang mengikuti Pendidikan tinggi", "target": "30 orang"}
    assert data["sasaran"][2]["asli"] == {"uraian": "Meningkatnya Pelayanan Tahanan di wilayah sesuai standar"}
    assert "asli" not in data["sasaran"][3]["indikator"][6]

    sheet = load_workbook(io.BytesIO(web.download(url, "xlsx")))["Indikator"]
    assert "Jumlah narapidana yang kuliah" in [c.value for c in sheet["E"]]
    assert "Jumlah narapidana yang kuliah;35 Orang;35;Orang" in web.download(url, "csv").decode("utf-8-sig")

    # Typing the extracted text back drops the correction.
    assert web.edit(url, 3, 7, "uraian", "Jumlah Narapidana yang mengikuti Pendidikan tinggi").json["asli"] is None
    assert json.loads(web.download(url, "json"))["sasaran"][3]["indikator"][7]["asli"] == {"target": "30 orang"}


def test_realisasi_gives_capaian_predikat_and_the_sasaran_and_overall_figures(web: Browser) -> None:
    url = web.upload_ok(SEED)
    figures = web.edit(url, 2, 1, "realisasi", "72%").json["angka"]
    assert figures["indikator"]["2-1"] == {
        "capaian": "90,00%",
        "predikat": "Baik",
        "catatan": "",
        "polaritas": "naik",
        "lalu": "",
    }
    assert figures["indikator"]["2-0"]["capaian"] == "belum diisi"
    assert figures["sasaran"]["2"] == {"capaian": "90,00%", "predikat": "Baik"}
    # A save answers with its own sasaran's figures only; the page asks for the whole document's after.
    assert set(figures["sasaran"]) == {"2"} and figures["keseluruhan"] is None
    assert {key.split("-")[0] for key in figures["indikator"]} == {"2"}
    whole = web.client.get(f"{url}/angka").json["angka"]
    assert whole["sasaran"]["1"]["capaian"] == "belum diisi"
    assert whole["keseluruhan"] == {"capaian": "90,00%", "predikat": "Baik", "diukur": 1, "jumlah": 53}
    assert whole["indikator"]["2-1"] == figures["indikator"]["2-1"]

    figures = web.edit(url, 2, 2, "realisasi", "100%").json["angka"]
    assert figures["indikator"]["2-2"]["capaian"] == "120,00%"
    assert "capaian sebenarnya 125,00%" in figures["indikator"]["2-2"]["catatan"]
    assert figures["sasaran"]["2"]["capaian"] == "105,00%"

    figures = web.edit(url, 2, 1, "polaritas", "turun").json["angka"]
    assert figures["indikator"]["2-1"]["polaritas"] == "turun"
    assert figures["indikator"]["2-1"]["capaian"] == "110,00%"  # 2 - 72/80

    figures = web.edit(url, 2, 1, "realisasi", "").json["angka"]
    assert figures["indikator"]["2-1"]["capaian"] == "belum diisi"


def test_quarters_stand_in_for_the_year_until_it_is_filled_and_the_report_says_so(web: Browser) -> None:
    url = web.upload_ok(SEED)
    web.edit(url, -1, -1, "triwulan", "ya")
    web.edit(url, 1, 0, "realisasi_tw1", "20%")
    figures = web.edit(url, 1, 0, "realisasi_tw2", "40,5%").json["angka"]
    assert figures["indikator"]["1-0"]["capaian"] == "50,00%"  # 40,5 of 81
    assert 'class="iku tampil-tw"' in web.client.get(url).text
    html = web.download(url, "html").decode()
    assert "Realisasi s.d. triwulan II" in html
    figures = web.edit(url, 1, 0, "realisasi", "81%").json["angka"]
    assert figures["indikator"]["1-0"]["capaian"] == "100,00%"
    data = json.loads(web.download(url, "json"))
    assert data["sasaran"][1]["indikator"][0]["kolom_lain"] == {
        "realisasi_tw1": "20%",
        "realisasi_tw2": "40,5%",
        "realisasi": "81%",
    }


def test_last_years_saved_document_is_the_comparison(web: Browser) -> None:
    this_year = web.upload_ok(SEED)
    assert "Belum ada dokumen tahun 2021 tersimpan" in web.client.get(this_year).text
    web.upload_ok(SAMPLES / "isian_2021_CONTOH.xlsx")
    page = web.client.get(this_year).text
    assert "Dibandingkan dengan dokumen tahun 2021" in page and "isian_2021_CONTOH.xlsx" in page
    figures = web.edit(this_year, 0, 0, "realisasi", "3,1 Indeks").json["angka"]
    assert figures["indikator"]["0-0"]["lalu"] == "120,00%"  # 2021: 4 Indeks against 3,1
    html = web.download(this_year, "html").decode()
    assert '<th class="angka">Capaian 2021</th>' in html
    assert "Dibanding tahun 2021 (capaian 120,00%), capaian turun 20,00 poin." in html


def test_a_filled_sheet_keeps_its_realisasi_and_budget(web: Browser) -> None:
    url = web.upload_ok(SAMPLES / "isian_2022_CONTOH.xlsx")
    page = web.client.get(url).text
    assert 'value="3 Indeks"' in page
    assert "Sangat Baik" in page
    assert 'value="8.120.345.500"' in page and 'value="2.051.930.100"' in page
    assert "dicapai dengan penyerapan anggaran 94,73%" in web.download(url, "html").decode()
    web.edit(url, -2, 0, "realisasi", "")  # emptied on the page: no longer the sheet's figure
    assert re.search(r'value=""\s+data-s="-2" data-i="0"', web.client.get(url).text)
    web.edit(url, -2, 1, "realisasi", "Rp 1.250.000.000,00")
    assert "dicapai dengan penyerapan anggaran 27,53%" in web.download(url, "html").decode()


def test_edits_survive_a_restart(tmp_path: Path) -> None:
    first = Browser(tmp_path / "data")
    url = first.upload_ok(SEED)
    first.edit(url, 0, 0, "uraian", "Indeks kepuasan (diperbaiki)")
    first.edit(url, 0, 0, "realisasi", "3,1")
    second = Browser(tmp_path / "data")
    page = second.client.get(url).text
    assert "Indeks kepuasan (diperbaiki)</textarea>" in page and 'value="3,1"' in page
    assert re.search(r'id="cap-0-0">100,00%<', page)


def test_profile_form_reaches_the_report(web: Browser) -> None:
    url = web.upload_ok(SEED)
    form = {
        "csrf_token": web.token,
        "instansi": "Kanwil Kemenkumham Sulawesi Barat",
        "kota": "Mamuju",
        "tanggal": "2023-01-31",
        "kepala_jabatan": "Kepala Kantor Wilayah",
        "kepala_nama": "Budi <Santoso>",
        "kepala_nip": "19700101 199503 1 001",
        "kata_pengantar": "Puji syukur **kami** panjatkan.",
        "bab1": "",
        "bab4": "Target tercapai.",
        "analisis_3": "Capaian sasaran 3 didukung <b>petugas</b>.",
        "skala": "permenpan-6-2022",
        "batas": "100",
        "rumus_turun": "t/r",
        "logo": (io.BytesIO(_png()), "logo.png"),
    }
    response = web.client.post(f"{url}/profil", data=form, content_type="multipart/form-data")
    assert response.status_code == 303
    page = web.client.get(f"{url}/profil").text
    assert "Profil tersimpan." in page and 'value="Budi &lt;Santoso&gt;"' in page
    assert web.client.get(f"{url}/logo").mimetype == "image/png"
    assert "Skala predikat permenpan-6-2022, capaian per indikator dibatasi 100%" in web.client.get(url).text

    docx = WordDocument(io.BytesIO(web.download(url, "docx")))
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "Budi <Santoso>" in text and "NIP 19700101 199503 1 001" in text and "Mamuju, 31 Januari 2023" in text
    assert "Capaian sasaran 3 didukung <b>petugas</b>." in text
    assert len(docx.inline_shapes) >= 1
    html = web.download(url, "html").decode()
    assert "Puji syukur <strong>kami</strong> panjatkan." in html
    assert "&lt;b&gt;petugas&lt;/b&gt;" in html and "<b>petugas</b>" not in html

    # The page's own script saves the form as it is typed; a wrong logo is refused and the old one kept.
    auto = web.client.post(
        f"{url}/profil",
        data={**form, "kota": "Majene", "logo": (io.BytesIO(b"GIF89a..."), "logo.gif")},
        headers={"X-CSRFToken": web.token, "X-Kinerja-Otomatis": "1"},
        content_type="multipart/form-data",
    )
    assert auto.status_code == 400 and "PNG atau JPEG" in auto.json["pesan"]
    del form["logo"]
    auto = web.client.post(
        f"{url}/profil", data={**form, "kota": "Majene", "zona": "WITA"}, headers={"X-Kinerja-Otomatis": "1"}
    )
    assert auto.status_code == 200 and _saved_at(auto.json["tersimpan"], hours=8, zona="WITA")
    assert web.client.get(f"{url}/logo").status_code == 200
    assert 'value="Majene"' in web.client.get(f"{url}/profil").text

    # A date that does not exist is refused, and every page still opens.
    auto = web.client.post(f"{url}/profil", data={**form, "tanggal": "2023-02-30"}, headers={"X-Kinerja-Otomatis": "1"})
    assert auto.status_code == 400 and "tanggal yang sah" in auto.json["pesan"]
    assert web.client.get(url).status_code == 200 and web.client.get(f"{url}/unduh/html").status_code == 200
    # A refused token reaches the script as words it can show.
    without_field = {k: v for k, v in form.items() if k != "csrf_token"}
    auto = web.client.post(
        f"{url}/profil", data=without_field, headers={"X-CSRFToken": "palsu", "X-Kinerja-Otomatis": "1"}
    )
    assert auto.status_code == 400 and "dikirim dari situs lain" in auto.json["pesan"]


def test_a_new_document_starts_from_the_last_profile(web: Browser) -> None:
    url = web.upload_ok(SAMPLES / "isian_2021_CONTOH.xlsx")
    web.client.post(f"{url}/profil", data={"csrf_token": web.token, "kota": "Mamuju", "kepala_nama": "Ani"})
    second = web.upload_ok(SEED)
    assert 'value="Ani"' in web.client.get(f"{second}/profil").text


def test_deleting_a_document_asks_first_and_removes_it(web: Browser) -> None:
    url = web.upload_ok(SEED)
    assert "data-konfirmasi=" in web.client.get(url).text
    response = web.client.post(f"{url}/hapus", data={"csrf_token": web.token})
    assert response.status_code == 303
    assert web.client.get(url).status_code == 404
    assert "Belum ada dokumen" in web.client.get("/").text


# Bad input, safety


def test_a_file_that_is_no_iku_gets_the_same_message_as_the_command_and_nothing_is_saved(web: Browser) -> None:
    response = web.upload(data=b"Surat undangan rapat koordinasi\nTanggal 3 Maret\n", name="undangan.txt")
    assert response.status_code == 400
    assert "Berkas &#39;undangan.txt&#39; tidak dapat dibaca: Tidak ditemukan tabel IKU" in response.text
    assert "Belum ada dokumen" in response.text
    response = web.upload(data=b"", name="kosong.pdf")
    assert response.status_code == 400 and "kosong" in response.text


def test_locked_pdfs(web: Browser) -> None:
    response = web.upload(FIXTURES / "terkunci.pdf")
    assert response.status_code == 400 and "kata sandi" in response.text.lower()
    assert web.upload(FIXTURES / "terkunci.pdf", sandi="rahasia").status_code == 303


def test_a_year_is_asked_for_when_the_document_has_none(web: Browser) -> None:
    text = SEED.read_text(encoding="utf-8").replace("TAHUN ANGGARAN 2022", "")
    response = web.upload(data=text.encode(), name="tanpa_tahun.txt")
    assert response.status_code == 400 and "isi kolom Tahun" in response.text
    response = web.upload(data=text.encode(), name="tanpa_tahun.txt", tahun="2023")
    assert response.status_code == 303
    assert "Tahun 2023" in web.client.get("/").text
    assert web.upload(data=text.encode(), name="x.txt", tahun="20x3").status_code == 400


def test_upload_size_cap(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data", Batas(berkas=64 * 1024))
    response = web.upload(data=b"x" * (200 * 1024), name="besar.txt")
    assert response.status_code == 413 and "Berkas terlalu besar (batas 64 KiB)" in response.text


def test_a_hostile_pdf_is_stopped_by_the_same_limits(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data", Batas(detik=2.0))
    response = web.upload(data=stream_pdf(b"1 0 0 1 0 0 cm ", 2_000_000), name="lambat.pdf")
    assert response.status_code == 400 and "melebihi batas waktu 2 detik" in response.text


def test_document_text_is_always_escaped(web: Browser) -> None:
    text = SEED.read_text(encoding="utf-8").replace(
        "Indeks kepuasan layanan internal di lingkungan Kantor Wilayah",
        "Indeks <script>alert(1)</script> kepuasan <img src=x onerror=alert(2)> {{ 7*7 }}",
    )
    response = web.upload(data=text.encode(), name="<b>nakal</b>.txt")
    url = response.headers["Location"]
    page = web.client.get(url).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "Indeks &lt;script&gt;alert(1)&lt;/script&gt; kepuasan &lt;img src=x onerror=alert(2)&gt; {{ 7*7 }}" in page
    assert "&lt;b&gt;nakal&lt;/b&gt;.txt" in page and "<b>nakal" not in page
    listing = web.client.get("/").text
    assert "&lt;b&gt;nakal&lt;/b&gt;.txt" in listing and "<b>nakal" not in listing
    html = web.download(url, "html").decode()
    assert "<script>alert" not in html and "{{ 7*7 }}" in html and "49" not in re.findall(r"kepuasan[^<]*", html)[0]
    response = web.client.get(f"{url}/unduh/json")
    assert re.fullmatch(r'attachment; filename="IKU_2022_[\w.-]+\.json"', response.headers["Content-Disposition"])


def test_form_posts_need_the_pages_token(web: Browser) -> None:
    url = web.upload_ok(SEED)
    response = web.client.post("/unggah", data={"berkas": (io.BytesIO(SEED.read_bytes()), "iku.txt")})
    assert response.status_code == 400 and "dikirim dari situs lain" in response.text
    response = web.client.post(f"{url}/sunting", json={"s": 0, "i": 0, "bidang": "realisasi", "nilai": "1"})
    assert response.status_code == 400 and "dikirim dari situs lain" in response.json["pesan"]
    response = web.client.post(f"{url}/hapus", data={"csrf_token": "palsu"})
    assert response.status_code == 400
    assert web.client.get(url).status_code == 200


def test_only_local_names_are_served(web: Browser) -> None:
    response = web.client.get("/", headers={"Host": "kinerja.example.com"})
    assert response.status_code == 400 and "127.0.0.1" in response.text
    assert web.client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert web.client.get("/", headers={"Host": "localhost:8765"}).status_code == 200


def test_downloads_are_only_the_applications_own(web: Browser) -> None:
    url = web.upload_ok(SEED)
    for path in (
        f"{url}/unduh/exe",
        f"{url}/unduh/..%2F..%2Fkinerja.sqlite",
        "/aset/../kinerja.sqlite",
        "/aset/..%2Fkunci_sesi",
        "/dokumen/999/unduh/pdf",
        "/dokumen/999",
    ):
        response = web.client.get(path)
        assert response.status_code == 404, path
        assert "tidak ada" in response.text
    headers = web.client.get(url).headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"


def test_edits_that_cannot_be_taken_are_refused_in_words(web: Browser) -> None:
    url = web.upload_ok(SEED)
    for s, i, bidang, nilai, words in [
        (0, 0, "uraian", "   ", "tidak boleh kosong"),
        (0, 0, "nomor", "9", "tidak dikenal"),
        (0, 5, "uraian", "x", "tidak dikenal"),
        (99, 0, "uraian", "x", "tidak dikenal"),
        (0, 0, "polaritas", "ke atas", "naik, turun, stabil"),
        (0, 0, "keterangan", "x" * 5000, "terlalu panjang"),
    ]:
        response = web.edit(url, s, i, bidang, nilai)
        assert response.status_code == 400 and words in response.json["pesan"], (bidang, nilai)
    response = web.client.post(f"{url}/sunting", data="bukan json", headers={"X-CSRFToken": web.token})
    assert response.status_code == 400 and "muat ulang" in response.json["pesan"]
    assert "asli" not in json.dumps(json.loads(web.download(url, "json")))


def test_warnings_are_shown_at_their_row(web: Browser) -> None:
    text = SEED.read_text(encoding="utf-8").replace("80% 80% 80%", "80% 80%", 1)
    response = web.upload(data=text.encode(), name="kurang_target.txt")
    page = web.client.get(response.headers["Location"]).text
    row = page[page.index('id="sasaran-2"') : page.index('id="sasaran-3"')]
    assert "Periksa: [sasaran 3" in row and "tidak dapat dicocokkan" in row
    landscape = web.client.get(web.upload_ok(FIXTURES / "iku_dinas_landscape.pdf")).text
    top = landscape[landscape.index('id="judul-tabel"') : landscape.index('id="tabel-iku"')]
    assert "Periksa: " in top and "tidak sama dengan jumlah rinciannya" in top


def test_rows_can_be_deleted_restored_and_added_and_nothing_is_lost(web: Browser) -> None:
    url = web.upload_ok(SEED)
    deleted = "Persentase menurunnya tahanan yang overstaying"
    answer = web.edit(url, 2, 0, "dihapus", "ya").json
    assert answer["muat_ulang"] is True and "2-0" not in answer["angka"]["indikator"]
    page = web.client.get(url).text
    assert len(_rows(page)) == 52
    assert f"Indikator dihapus: <s>{deleted}</s>" in page
    # The sasaran's indicators are numbered again; their keys (and what was typed) stay with them.
    assert 'aria-label="Uraian indikator 3.1">Persentase Tahanan yang memperoleh Layanan Penyuluhan Hukum<' in page
    assert web.edit(url, 2, 1, "realisasi", "80%").json["angka"]["indikator"]["2-1"]["capaian"] == "100,00%"

    add = {"s": 0, "uraian": "  Indeks kepuasan\nmasyarakat ", "target": "3,5 Indeks"}
    answer = web.client.post(f"{url}/tambah", json=add, headers={"X-CSRFToken": web.token}).json
    assert answer["baris"] == "0-1" and answer["muat_ulang"] is True
    page = web.client.get(url).text
    assert 'aria-label="Uraian indikator 1.2">Indeks kepuasan masyarakat<' in page
    assert '<tr class="baris-indikator ditambahkan" id="ind-0-1">' in page
    assert web.edit(url, 0, 1, "realisasi", "3,5").json["angka"]["indikator"]["0-1"]["capaian"] == "100,00%"

    data = json.loads(web.download(url, "json"))
    assert sum(len(s["indikator"]) for s in data["sasaran"]) == 53
    assert [i["nomor"] for i in data["sasaran"][2]["indikator"]] == [1, 2]
    added = data["sasaran"][0]["indikator"][1]
    assert added["ditambahkan"] is True and added["target"] == {"teks": "3,5 Indeks", "nilai": 3.5, "satuan": "Indeks"}
    assert data["dihapus"] == [
        {
            "sasaran_nomor": 3,
            "indikator": {
                "nomor": 1,
                "uraian": deleted,
                "target": {"teks": "80%", "nilai": 80, "satuan": "%"},
                "halaman": 1,
                "baris": 14,
            },
        }
    ]
    html = web.download(url, "html").decode()
    assert deleted not in html and "Indeks kepuasan masyarakat" in html

    web.edit(url, 2, 0, "dihapus", "")
    page = web.client.get(url).text
    assert len(_rows(page)) == 54 and "Indikator dihapus" not in page
    assert "dihapus" not in json.loads(web.download(url, "json"))


def test_a_deleted_sasaran_leaves_the_report_and_the_analyses_stay_with_their_sasaran(web: Browser) -> None:
    from kinerja_web import report

    url = web.upload_ok(SEED)
    form = {"csrf_token": web.token, "analisis_3": "Analisis sasaran tiga.", "analisis_2": "Analisis sasaran dua."}
    web.client.post(f"{url}/profil", data=form)
    web.edit(url, 1, -1, "dihapus", "ya")
    profile_page = web.client.get(f"{url}/profil").text
    assert 'name="analisis_2"' not in profile_page and 'name="analisis_3"' in profile_page
    web.client.post(f"{url}/profil", data={"csrf_token": web.token, "analisis_3": "Analisis sasaran tiga, diubah."})

    store = web.app.extensions["kinerja_store"]
    state = report.keadaan(store, store.ambil(int(url.rsplit("/", 1)[1])))
    shown = report.laporan(state, store)
    assert [s.nomor for s in shown.sasaran[:3]] == [1, 3, 4]
    assert shown.sasaran[1].analisis == "Analisis sasaran tiga, diubah."
    assert all(s.analisis != "Analisis sasaran dua." for s in shown.sasaran)
    data = json.loads(web.download(url, "json"))
    assert data["dihapus"][0]["sasaran"]["uraian"].startswith("Terwujudnya penyelenggaraan pelayanan pemasyarakatan")

    web.edit(url, 1, -1, "dihapus", "")  # restored, with its analysis
    state = report.keadaan(store, store.ambil(int(url.rsplit("/", 1)[1])))
    assert report.laporan(state, store).sasaran[1].analisis == "Analisis sasaran dua."


def test_adding_rows_is_checked(web: Browser) -> None:
    url = web.upload_ok(SEED)
    post = web.client.post
    headers = {"X-CSRFToken": web.token}
    response = post(f"{url}/tambah", json={"s": 0, "uraian": "  ", "target": "1"}, headers=headers)
    assert response.status_code == 400 and "tidak boleh kosong" in response.json["pesan"]
    response = post(f"{url}/tambah", json={"s": 99, "uraian": "x"}, headers=headers)
    assert response.status_code == 400 and "tidak dikenal" in response.json["pesan"]
    response = post(f"{url}/tambah", json={"uraian": "x"}, headers=headers)
    assert response.status_code == 400 and "muat ulang" in response.json["pesan"]
    assert web.edit(url, 0, 1, "uraian", "belum ditambahkan").status_code == 400
    assert web.edit(url, 0, 0, "dihapus", "mungkin").status_code == 400
