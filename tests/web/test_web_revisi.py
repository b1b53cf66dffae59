"""A document-year replaced by its revised version (what stays, what is gone, what is new), the same file
uploaded twice put in the earlier one's place, indicators reassigned to another unit by the perencana, and the
quarters made into the year's realisasi cumulatively or summed."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

from conftest import SEED
from test_web import Browser
from test_web_akun import Akun
from test_web_akun import app as app  # the office's accounts (a fixture)
from test_web_akun import kanwil as kanwil  # SEED uploaded by the perencana (a fixture)
from test_web_bukti import PNG, add, listed
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from ekstrak import Dokumen, Indikator, Sasaran
from kinerja_web import ganti

GONE = "Indeks penyelenggaraan pemasyarakatan di wilayah\t81%"
NEW = "Jumlah sidang pembimbingan kemasyarakatan\t12 Kegiatan"


def revised_seed() -> bytes:
    """SEED revised mid-year: 1.1's target raised, 2.1 replaced by a new indicator, the rest as they were."""
    text = SEED.read_text(encoding="utf-8")
    assert GONE in text and "3,1 Indeks" in text
    return text.replace(GONE, NEW).replace("3,1 Indeks", "3,2 Indeks").encode()


def revise(tab: Browser, url: str, data: bytes, name: str = "iku_revisi.txt", **form: str):
    fields = {"csrf_token": tab.token, "berkas": FileStorage(io.BytesIO(data), filename=name), **form}
    boundary, body = encode_multipart(fields)
    return tab.client.post(f"{url}/revisi", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def indicator(tab: Browser, url: str, s: int, i: int) -> dict:
    return tab.client.get(f"{url}/unduh/json").json["sasaran"][s]["indikator"][i]


def test_a_revised_document_keeps_what_was_filled_in_and_lists_what_is_gone(app, kanwil: str) -> None:
    oki, rina, ima = Akun(app, "oki"), Akun(app, "rina"), Akun(app, "ima")
    oki.edit(kanwil, 0, 0, "realisasi", "3,1")
    oki.edit(kanwil, 0, 0, "keterangan", "survei Desember")
    add(oki, kanwil, "0_0", PNG, "survei.png")
    rina.edit(kanwil, 1, 0, "realisasi", "80%")
    add(rina, kanwil, "1_0", PNG, "lama.png")
    ima.edit(kanwil, 9, 1, "realisasi", "3,4")
    rina.edit(kanwil, 3, 7, "uraian", "Jumlah narapidana yang kuliah")  # a correction of text the file still has
    analyses = {"analisis_1": "Analisis sasaran satu", "analisis_2": "Analisis sasaran dua", "analisis_11": "Sebelas"}
    rina.client.post(f"{kanwil}/profil", data={"csrf_token": rina.token, **analyses})

    assert revise(oki, kanwil, revised_seed()).status_code == 403  # only a perencana (or admin) replaces it
    done = revise(rina, kanwil, revised_seed())
    assert done.status_code == 303 and done.headers["Location"].endswith("/revisi")
    page = html.unescape(rina.client.get(done.headers["Location"]).text)
    assert "iku_kanwil_sulbar_2022.txt → iku_revisi.txt" in page
    assert "52 indikator tetap" in page and "1 tidak ada lagi, 1 baru" in page
    gone = page[page.index("Indikator yang tidak ada lagi (1)") : page.index("Indikator baru (1)")]
    assert "2.1" in gone and "Indeks penyelenggaraan pemasyarakatan di wilayah" in gone
    assert "realisasi: 80%" in gone and "lama.png" in gone  # what was filled in, not lost unseen
    assert "Jumlah sidang pembimbingan kemasyarakatan (target 12 Kegiatan)" in page[page.index("Indikator baru (1)") :]

    first = indicator(rina, kanwil, 0, 0)
    assert first["target"]["teks"] == "3,2 Indeks"  # the revised target
    assert first["kolom_lain"] == {"realisasi": "3,1", "keterangan": "survei Desember"}
    assert indicator(rina, kanwil, 9, 1)["kolom_lain"] == {"realisasi": "3,4"}
    assert indicator(rina, kanwil, 3, 7)["uraian"] == "Jumlah narapidana yang kuliah"
    new = indicator(rina, kanwil, 1, 0)
    assert new["uraian"] == "Jumlah sidang pembimbingan kemasyarakatan" and "kolom_lain" not in new
    assert listed(rina, kanwil, "0_0") == ["survei.png"] and listed(rina, kanwil, "1_0") == []
    history = rina.client.get(f"{kanwil}/unduh/json?riwayat=1").json["riwayat"]
    own = [(c["oleh"], c["bidang"], c["baru"]) for c in history if (c["sasaran"], c["indikator"]) == (0, 0)]
    assert own == [
        ("oki", "realisasi", "3,1"),
        ("oki", "keterangan", "survei Desember"),
        ("oki", "bukti", "berkas: survei.png"),
    ]
    assert ("rina", "revisi", "iku_revisi.txt") in [(c["oleh"], c["bidang"], c["baru"]) for c in history]
    before = [c for c in history if c["sasaran"] == -4]
    assert {(c["bidang"], c["baru"]) for c in before} == {("realisasi", "80%"), ("bukti", "berkas: lama.png")}
    assert "Sebelum revisi · realisasi" in rina.client.get(f"{kanwil}/riwayat").text
    with rina.client.get(f"{kanwil}/bukti.zip") as response, zipfile.ZipFile(io.BytesIO(response.data)) as package:
        assert "sebelum revisi/lama.png" in package.namelist()  # the evidence of an indicator gone is kept
    assert oki.edit(kanwil, 0, 0, "realisasi", "3,3").status_code == 200  # the operator's indicator still theirs
    profile = rina.client.get(f"{kanwil}/profil").text  # each analysis stays with its sasaran
    assert re.search(r'name="analisis_1"[^>]*>Analisis sasaran satu<', profile)
    assert re.search(r'name="analisis_2"[^>]*>Analisis sasaran dua<', profile)


def test_a_revision_of_another_year_or_a_locked_one_is_refused(app, kanwil: str) -> None:
    rina = Akun(app, "rina")
    other_year = revised_seed().replace(b"TAHUN ANGGARAN 2022", b"TAHUN ANGGARAN 2023")
    refused = revise(rina, kanwil, other_year)
    assert refused.status_code == 400 and "untuk tahun 2023, bukan 2022" in refused.text
    refused = revise(rina, kanwil, b"bukan tabel IKU sama sekali", "catatan.txt")
    assert refused.status_code == 400 and "tidak dapat dibaca" in refused.text
    rina.client.post(f"{kanwil}/status", data={"csrf_token": rina.token, "aksi": "ajukan"})
    locked = revise(rina, kanwil, revised_seed())
    assert locked.status_code == 403 and "sedang diajukan" in locked.text
    assert indicator(rina, kanwil, 0, 0)["target"]["teks"] == "3,1 Indeks"


def test_the_same_file_uploaded_again_may_take_the_earlier_ones_place(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data")
    earlier = web.upload_ok(SEED)
    web.edit(earlier, 0, 0, "realisasi", "3,1")
    add(web, earlier, "0_0", PNG, "foto.png")
    again = web.upload_ok(SEED)
    page = web.client.get(again).text
    assert "Berkas ini sudah pernah diunggah" in page and "Ganti dokumen yang sudah ada dengan unggahan ini" in page
    twin = re.search(r'name="dari" value="(\d+)"', page).group(1)
    assert f'action="{earlier}/revisi"' in page and again.endswith(f"/{twin}")
    done = web.client.post(f"{earlier}/revisi", data={"csrf_token": web.token, "dari": twin})
    assert done.status_code == 303
    assert web.client.get(again).status_code == 404  # the new upload went into the earlier one's place
    assert indicator(web, earlier, 0, 0)["kolom_lain"] == {"realisasi": "3,1"}
    assert listed(web, earlier) == ["foto.png"]
    assert "Tidak ada; semua indikator lama masih ada." in web.client.get(f"{earlier}/revisi").text


def test_the_perencana_reassigns_an_indicator_and_the_server_follows(app, kanwil: str) -> None:
    oki, ima, rina = Akun(app, "oki"), Akun(app, "ima"), Akun(app, "rina")
    assert oki.edit(kanwil, 9, 0, "realisasi", "3").status_code == 403  # 10.1 is Keimigrasian's
    page = rina.client.get(f"{kanwil}/unit").text
    assert '<option value="" selected>sesuai dokumen (DIVISI KEIMIGRASIAN)</option>' in page
    assert "<option>DIVISI ADMINISTRASI</option>" in page and "<option>Divisi Keimigrasian</option>" not in page
    form = {"csrf_token": rina.token, "unit-9-0": "DIVISI ADMINISTRASI"}
    assert oki.client.post(f"{kanwil}/unit", data={**form, "csrf_token": oki.token}).status_code == 403
    assert rina.client.post(f"{kanwil}/unit", data=form).status_code == 303
    assert oki.edit(kanwil, 9, 0, "realisasi", "3").status_code == 200
    assert add(oki, kanwil, "9_0", PNG, "foto.png").status_code == 303
    assert ima.edit(kanwil, 9, 0, "realisasi", "4").status_code == 403
    assert ima.edit(kanwil, 9, 1, "realisasi", "4").status_code == 200  # 10.2 still hers
    assert "<option selected>DIVISI ADMINISTRASI</option>" in rina.client.get(f"{kanwil}/unit").text
    history = rina.client.get(f"{kanwil}/unduh/json?riwayat=1").json["riwayat"]
    assert {k: history[0][k] for k in ("sasaran", "indikator", "bidang", "lama", "baru", "oleh")} == {
        "sasaran": 9,
        "indikator": 0,
        "bidang": "unit",
        "lama": "DIVISI KEIMIGRASIAN",
        "baru": "DIVISI ADMINISTRASI",
        "oleh": "rina",
    }
    assert rina.client.post(f"{kanwil}/unit", data={**form, "unit-9-0": ""}).status_code == 303  # back to its column
    assert oki.edit(kanwil, 9, 0, "realisasi", "5").status_code == 403
    assert ima.edit(kanwil, 9, 0, "realisasi", "5").status_code == 200


def test_quarters_are_summed_for_counts_and_cumulative_for_levels_as_the_page_says(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data")
    url = web.upload_ok(SEED)
    web.edit(url, -1, -1, "triwulan", "ya")
    page = web.client.get(url).text
    assert "indikator <strong>kumulatif</strong>" in page and "semua triwulan dijumlahkan" in page
    default = r'aria-label="Cara triwulan indikator {}"[^>]*>\s*<option value="" selected>{} \(otomatis\)'
    assert re.search(default.format("4.8", "jumlah"), page)  # 30 orang: a count
    assert re.search(default.format("2.1", "kumulatif"), page)  # 81%: a level
    web.edit(url, 3, 7, "realisasi_tw1", "10 orang")
    figures = web.edit(url, 3, 7, "realisasi_tw2", "12").json["angka"]  # 30 orang a year: 22 so far
    assert figures["indikator"]["3-7"]["capaian"] == "73,33%"
    figures = web.edit(url, 3, 7, "triwulan_cara", "kumulatif").json["angka"]
    assert figures["indikator"]["3-7"]["capaian"] == "40,00%"  # 12 of 30
    web.edit(url, 3, 7, "triwulan_cara", "jumlah")
    report = web.download(url, "html").decode()
    assert "22 orang" in report and "Jumlah realisasi triwulan I, II" in report
    web.edit(url, 1, 0, "realisasi_tw1", "20%")
    figures = web.edit(url, 1, 0, "realisasi_tw2", "40,5%").json["angka"]
    assert figures["indikator"]["1-0"]["capaian"] == "50,00%"  # a percentage: the latest quarter
    assert web.edit(url, 1, 0, "triwulan_cara", "rata-rata").status_code == 400


def test_when_a_revision_drops_a_sasaran_each_analysis_follows_its_own_and_the_dropped_one_is_listed(
    tmp_path: Path,
) -> None:
    web = Browser(tmp_path / "data")
    url = web.upload_ok(SEED)
    analyses = {"analisis_1": "Analisis layanan internal", "analisis_3": "Analisis pelayanan tahanan"}
    web.client.post(f"{url}/profil", data={"csrf_token": web.token, **analyses})
    web.edit(url, 2, 0, "realisasi", "75%")
    text = SEED.read_text(encoding="utf-8")
    dropped = next(line for line in text.splitlines(keepends=True) if line.startswith("1\tTerwujudnya layanan"))
    assert revise(web, url, text.replace(dropped, "").encode()).status_code == 303
    page = html.unescape(web.client.get(f"{url}/revisi").text)
    assert "Sasaran 1" in page and "analisis: Analisis layanan internal" in page  # listed, not lost unseen
    assert "realisasi: " not in page.split("Indikator baru")[0].split("Sasaran 1")[0]  # 1.1 had none
    profile = web.client.get(f"{url}/profil").text
    assert re.search(r'name="analisis_2"[^>]*>Analisis pelayanan tahanan<', profile)  # sasaran 3 is now the second
    assert "Analisis layanan internal" not in profile
    assert indicator(web, url, 1, 0)["kolom_lain"] == {"realisasi": "75%"}


def test_indicators_are_paired_by_kode_where_both_have_one_else_by_wording() -> None:
    def doc(*rows: tuple[str | None, str]) -> Dokumen:
        indicators = tuple(Indikator(n, text, kode=kode) for n, (kode, text) in enumerate(rows, start=1))
        return Dokumen("PK", None, 2022, (Sasaran(1, None, "Sasaran satu", indicators),))

    old = doc(("IKU 1", "Indeks kepuasan layanan"), ("IKU 2", "Persentase remisi"), (None, "Jumlah lulusan"))
    new = doc(
        ("IKU 2", "Persentase narapidana yang memperoleh remisi tepat waktu"),  # reworded: its kode decides
        ("IKU 3", "Indeks kepuasan layanan"),  # worded as IKU 1, but another kode: a new indicator
        (None, "Jumlah  lulusan"),  # no kode: by wording
        ("iku 1", "Indeks kepuasan layanan publik"),  # the same kode, case and spaces ignored
    )
    assert ganti.pasangan(old, new) == {(0, 0): (0, 1), (0, 2): (0, 2), (0, 3): (0, 0)}
