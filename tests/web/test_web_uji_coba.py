"""What an office's trial of kinerja-web found, as the office meets it: each profile stays with its own
instansi, the page never names a command's options, a database that failed its check is named and left
alone, addresses that name no document or no local host are refused, a deleted row cannot be typed into,
a unit from a SATUAN column survives a correction, the same file uploaded twice is asked about, and times
are said in Indonesian in the office's zone."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from unittest import mock

import pytest
from conftest import FIXTURES, SEED, run_command
from test_web import Browser

from ekstrak import KinerjaError, extract
from kinerja_web import errors, waktu
from kinerja_web.app import create_app

PENGADILAN = FIXTURES / "pk_pengadilan_satuan.txt"


@pytest.fixture
def web(tmp_path: Path) -> Browser:
    return Browser(tmp_path / "data")


def _flash(page: str) -> list[str]:
    return re.findall(r'<p class="kabar" role="status">(.*?)</p>', page, re.S)


def test_a_new_document_takes_only_its_own_offices_profile_and_says_which(web: Browser) -> None:
    sulbar = web.upload_ok(SEED)
    assert "masih kosong" in _flash(web.client.get(sulbar).text)[0]
    web.client.post(f"{sulbar}/profil", data={"csrf_token": web.token, "kepala_nama": "Ani", "kota": "Mamuju"})

    other = web.client.get(web.upload_ok(PENGADILAN))  # another office
    assert "masih kosong" in _flash(other.text)[-1]
    other_url = other.request.path
    assert 'value="Ani"' not in web.client.get(f"{other_url}/profil").text

    text = SEED.read_text(encoding="utf-8").replace("TAHUN ANGGARAN 2022", "TAHUN ANGGARAN 2023")
    response = web.upload(data=text.encode(), name="iku_2023.txt")
    page = web.client.get(response.headers["Location"]).text
    said = _flash(page)[-1]
    assert "disalin dari dokumen &#39;iku_kanwil_sulbar_2022.txt&#39; tahun 2022" in said
    assert 'value="Ani"' in web.client.get(f"{response.headers['Location']}/profil").text


def test_a_locked_pdf_is_explained_in_words_for_the_page(web: Browser) -> None:
    locked = web.upload(FIXTURES / "terkunci.pdf")
    assert "isi sandinya" in locked.text
    wrong = web.upload(FIXTURES / "terkunci.pdf", sandi="salah")
    assert "Kata sandi PDF salah" in wrong.text
    for response in (locked, wrong):
        assert response.status_code == 400
        assert "--" not in re.search(r'id="galat-unggah">(.*?)</p>', response.text, re.S).group(1)
        assert "ocrmypdf" not in response.text


def test_a_reading_limit_is_explained_without_the_commands_option(tmp_path: Path) -> None:
    from hostile import stream_pdf

    from inti.limits import Batas

    web = Browser(tmp_path / "data", Batas(detik=1.0))
    response = web.upload(data=stream_pdf(b"1 0 0 1 0 0 cm ", 2_000_000), name="lambat.pdf")
    said = re.search(r'id="galat-unggah">(.*?)</p>', response.text, re.S).group(1)
    assert "melebihi batas waktu 1 detik" in said and "minta pengelola Kinerja menaikkan batas waktu" in said
    assert "--batas" not in said


def _damaged_in_the_middle(folder: Path) -> Path:
    web = Browser(folder)
    for year in range(2015, 2023):  # pages enough that the middle is no header
        text = SEED.read_text(encoding="utf-8").replace("TAHUN ANGGARAN 2022", f"TAHUN ANGGARAN {year}")
        web.upload(data=text.encode(), name=f"iku_{year}.txt")
    path = folder / "kinerja.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    return path


def test_a_database_that_fails_its_check_is_named_and_never_written(tmp_path: Path) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    (empty / "kinerja.sqlite").write_bytes(b"")
    damaged = _damaged_in_the_middle(tmp_path / "rusak")
    for folder, words in [(empty, "kosong (0 byte)"), (damaged.parent, "rusak atau bukan basis data Kinerja")]:
        path = folder / "kinerja.sqlite"
        before = path.read_bytes()
        with pytest.raises(KinerjaError, match=re.escape(words)):
            create_app(folder)
        done = run_command("kinerja-web", "--port", "0", "--data", str(folder), "--tanpa-peramban")
        said = done.stderr.decode()
        assert done.returncode == 2 and words in said and "Pulihkan dari cadangan" in said, said
        assert b"Traceback" not in done.stderr
        assert path.read_bytes() == before


def test_a_read_only_database_is_named_with_what_to_do(tmp_path: Path) -> None:
    Browser(tmp_path / "data").upload_ok(SEED)
    # Tests run as root, whom no file refuses: the permission the check asks for is refused here.
    with mock.patch("os.access", return_value=False), pytest.raises(KinerjaError) as refused:
        create_app(tmp_path / "data")
    assert "hanya dapat dibaca" in refused.value.pesan and "izin menulis" in refused.value.pesan
    assert "readonly" not in refused.value.pesan


def test_a_database_failing_while_serving_is_one_sentence_saying_nothing_was_saved(web: Browser) -> None:
    url = web.upload_ok(SEED)
    with mock.patch("kinerja_web.store.Simpanan.sunting", side_effect=sqlite3.OperationalError("disk I/O error")):
        response = web.edit(url, 0, 0, "realisasi", "3")
    assert response.status_code == 503 and "belum tersimpan" in response.json["pesan"]
    assert "I/O" not in response.json["pesan"]


def test_an_address_naming_no_document_is_a_404(web: Browser) -> None:
    url = web.upload_ok(SEED)
    for huge in (2**63, 10**30):
        assert web.client.get(f"/dokumen/{huge}").status_code == 404
        assert web.client.get(f"/dokumen/{huge}/profil").status_code == 404
        assert web.edit(f"/dokumen/{huge}", 0, 0, "realisasi", "1").status_code == 404
    assert web.client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("host", "served"),
    [
        ("[::1]:8765", True),
        ("[::1]", True),
        ("[::2]:8765", False),
        ("[10.0.0.2]:8765", False),
        ("[fe80::1]", False),
        ("[::1]x:80", False),
    ],
)
def test_a_bracketed_host_passes_only_when_it_is_this_computer(web: Browser, host: str, served: bool) -> None:
    response = web.client.get("/", headers={"Host": host})
    assert (response.status_code == 200) is served, host
    assert errors.is_local(host) is served


def test_typing_into_a_row_another_tab_deleted_is_refused(web: Browser) -> None:
    url = web.upload_ok(SEED)
    other = web  # the same session in another tab
    assert other.edit(url, 0, 0, "dihapus", "ya").status_code == 200
    response = web.edit(url, 0, 0, "realisasi", "3")
    assert response.status_code == 400 and "sudah dihapus" in response.json["pesan"]
    assert other.edit(url, 1, -1, "dihapus", "ya").status_code == 200
    response = web.edit(url, 1, 0, "keterangan", "catatan")
    assert response.status_code == 400 and "sudah dihapus" in response.json["pesan"]
    data = json.loads(web.download(url, "json"))
    assert all("realisasi" not in str(d) for d in data["dihapus"])
    assert web.edit(url, 0, 0, "dihapus", "").status_code == 200  # restored: it takes edits again
    assert web.edit(url, 0, 0, "realisasi", "3").status_code == 200


def test_a_unit_from_the_satuan_column_stays_when_the_target_is_corrected(web: Browser) -> None:
    url = web.upload_ok(PENGADILAN)
    answer = web.edit(url, 0, 0, "target", "98").json
    assert answer["terbaca"] == "nilai 98, satuan %"
    assert web.edit(url, 0, 0, "realisasi", "49").json["angka"]["indikator"]["0-0"]["capaian"] == "50,00%"
    indikator = json.loads(web.download(url, "json"))["sasaran"][0]["indikator"][0]
    assert indikator["target"] == {"teks": "98", "nilai": 98, "satuan": "%"}
    # A unit written in the corrected target is the one taken.
    assert web.edit(url, 0, 0, "target", "7 Perkara").json["terbaca"] == "nilai 7, satuan Perkara"


def test_the_same_file_uploaded_twice_asks_to_keep_both_or_the_earlier(web: Browser) -> None:
    first = web.upload_ok(SEED)
    web.edit(first, 0, 0, "realisasi", "3,1")
    second = web.upload_ok(SEED)
    page = web.client.get(second).text
    assert "Berkas ini sudah pernah diunggah" in page and f'href="{first}"' in page
    assert "Berkas ini sudah pernah diunggah" not in web.client.get(second).text  # asked once
    response = web.client.post(f"{second}/hapus", data={"csrf_token": web.token, "buka": first.rsplit("/", 1)[1]})
    assert response.status_code == 303 and response.headers["Location"] == first
    assert web.client.get(second).status_code == 404
    assert 'value="3,1"' in web.client.get(first).text

    third = web.upload_ok(SEED)  # kept both: nothing else happens
    assert web.client.get("/").text.count('href="/dokumen/') == 2
    assert web.client.get(third).status_code == 200
    other_year = SEED.read_text(encoding="utf-8").replace("TAHUN ANGGARAN 2022", "TAHUN ANGGARAN 2023")
    fourth = web.upload(data=other_year.encode(), name="iku_2023.txt").headers["Location"]
    assert "Berkas ini sudah pernah diunggah" not in web.client.get(fourth).text


def test_times_are_said_in_indonesian_in_the_offices_zone() -> None:
    assert waktu.tampil("2026-11-28T01:13:09+00:00") == "28 November 2026, 08.13 WIB"
    assert waktu.tampil("2026-11-28T01:13:09+00:00", "WITA") == "28 November 2026, 09.13 WITA"
    assert waktu.tampil("2026-12-31T20:05:00+00:00", "WIT") == "1 Januari 2027, 05.05 WIT"
    assert waktu.tampil("2022-03-04T10:11:12") == "4 Maret 2022, 10.11"  # saved before: no zone is claimed
    assert waktu.zona({"zona": "WITA"}) == "WITA" and waktu.zona({"zona": "GMT"}) == "WIB"


def test_the_list_says_when_each_document_changed_in_its_zone(web: Browser) -> None:
    url = web.upload_ok(SEED)
    web.client.post(f"{url}/profil", data={"csrf_token": web.token, "zona": "WIT"})
    line = re.search(r"diubah ([^<]+)</span>", web.client.get("/").text).group(1)
    assert re.fullmatch(
        r"\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November"
        r"|Desember) \d{4}, \d\d\.\d\d WIT",
        line,
    ), line


def test_last_year_is_the_one_chosen_when_there_are_several(web: Browser) -> None:
    this_year = web.upload_ok(SEED)
    first = web.upload_ok(SEED.parent / "isian_2021_CONTOH.xlsx")
    page = web.client.get(this_year).text
    assert (
        "Dibandingkan dengan dokumen tahun 2021" in page
        and f'<option value="{first.rsplit("/", 1)[1]}" selected' in page
    )
    assert web.edit(this_year, 0, 0, "realisasi", "3,1 Indeks").json["angka"]["indikator"]["0-0"]["lalu"] == "120,00%"

    text = SEED.read_text(encoding="utf-8").replace("TAHUN ANGGARAN 2022", "TAHUN ANGGARAN 2021")
    second = web.upload(data=text.encode(), name="iku_2021_revisi.txt").headers["Location"]
    page = web.client.get(this_year).text
    assert "Ada 2 dokumen tahun 2021; pilih pembandingnya." in page  # none taken silently
    assert web.edit(this_year, 0, 0, "realisasi", "3,1 Indeks").json["angka"]["indikator"]["0-0"]["lalu"] == ""
    assert '<th class="angka">Capaian 2021</th>' not in web.download(this_year, "html").decode()

    answer = web.edit(this_year, -1, -1, "pembanding", first.rsplit("/", 1)[1]).json
    assert answer["muat_ulang"] is True
    assert answer["angka"]["indikator"]["0-0"]["lalu"] == "120,00%"
    assert '<th class="angka">Capaian 2021</th>' in web.download(this_year, "html").decode()
    assert f'<option value="{second.rsplit("/", 1)[1]}">iku_2021_revisi.txt' in web.client.get(this_year).text

    assert web.edit(this_year, -1, -1, "pembanding", "tidak").json["angka"]["indikator"]["0-0"]["lalu"] == ""
    assert '<option value="tidak" selected>' in web.client.get(this_year).text
    assert web.edit(this_year, -1, -1, "pembanding", "9; DROP").status_code == 400


def test_an_earlier_database_is_migrated_with_a_copy_kept_first(tmp_path: Path) -> None:
    from kinerja_web.store import SCHEMA, SCHEMA_VERSION

    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "kinerja.sqlite"
    with sqlite3.connect(path) as db:  # as the first release left it
        db.executescript(SCHEMA)
        db.execute(
            "INSERT INTO dokumen (tahun, nama_berkas, asli, profil, dibuat, diubah) VALUES (2022, 'iku.txt', ?, "
            "'{}', '2022-03-04T10:11:12', '2022-03-04T10:11:12')",
            (json.dumps(extract(SEED).to_dict()),),
        )
        db.execute("INSERT INTO suntingan VALUES (1, 0, 0, 'realisasi', '3,1', '2022-03-04T10:11:12')")
        db.execute("PRAGMA user_version = 1")
    store = create_app(folder).extensions["kinerja_store"]
    with sqlite3.connect(folder / "kinerja.sqlite.sebelum-v2") as copy:  # the database as it was
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT nilai FROM suntingan").fetchall() == [("3,1",)]
        assert "oleh" not in [row[1] for row in copy.execute("PRAGMA table_info(suntingan)")]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert store.suntingan(1) == {(0, 0, "realisasi"): "3,1"}
    assert store.ambil(1).instansi == "" and store.ambil(1).profil_versi == 0
    assert waktu.tampil(store.ambil(1).diubah) == "4 Maret 2022, 10.11"
    create_app(folder)  # opened again: nothing more to migrate, no copy taken again
    copies = sorted(p.name for p in folder.iterdir() if "sebelum" in p.name)
    assert copies == [f"kinerja.sqlite.sebelum-v{n}" for n in (2, 3, 4)]
