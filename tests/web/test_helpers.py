"""The web application's parts on their own: the factory's blueprints and URLs, and each blueprint's helpers
(no request, or the smallest one)."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.exceptions import NotFound

from ekstrak import Dokumen, Indikator, KinerjaError, Peringatan, Sasaran, Target, parse_target
from inti.errors import MelebihiBatas
from inti.limits import MiB
from kinerja_web import db, documents, downloads, errors, profile, report
from kinerja_web.app import create_app, secret_key
from kinerja_web.edits import MAX_ADDED, MAX_LENGTH, check_edit, from_parts, new_indicator, susunan
from kinerja_web.store import Tersimpan
from laporan.hasil import hitung_hasil
from laporan.load import Masukan

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
URLS = {
    ("/", "GET"),
    ("/unggah", "POST"),
    ("/dokumen/<int:dokumen_id>", "GET"),
    ("/dokumen/<int:dokumen_id>/sunting", "POST"),
    ("/dokumen/<int:dokumen_id>/tambah", "POST"),
    ("/dokumen/<int:dokumen_id>/hapus", "POST"),
    ("/dokumen/<int:dokumen_id>/profil", "GET"),
    ("/dokumen/<int:dokumen_id>/profil", "POST"),
    ("/dokumen/<int:dokumen_id>/logo", "GET"),
    ("/dokumen/<int:dokumen_id>/unduh/<fmt>", "GET"),
    ("/favicon.ico", "GET"),
    ("/masuk", "GET"),
    ("/masuk", "POST"),
    ("/keluar", "POST"),
    ("/dokumen/<int:dokumen_id>/status", "POST"),
    ("/dokumen/<int:dokumen_id>/riwayat", "GET"),
    ("/dokumen/<int:dokumen_id>/angka", "GET"),
    ("/dokumen/<int:dokumen_id>/riwayat/<int:nomor>/pulihkan", "POST"),
    ("/aset/<path:filename>", "GET"),
    ("/pindaian/<tugas_id>", "GET"),
    ("/pindaian/<tugas_id>/keadaan", "GET"),
    ("/pindaian/<tugas_id>/batal", "POST"),
    ("/pindaian/<tugas_id>/tahun", "POST"),
}


def small_document() -> Dokumen:
    return Dokumen(
        "IKU",
        "INSTANSI",
        2024,
        (
            Sasaran(1, None, "Sasaran satu", (Indikator(1, "Indikator a", parse_target("80%"), halaman=1, baris=5),)),
            Sasaran(
                2,
                None,
                "Sasaran dua",
                (
                    Indikator(1, "Indikator b", parse_target("10"), halaman=1, baris=7),
                    Indikator(2, "Indikator c", parse_target("WTP"), halaman=1, baris=7),
                ),
            ),
        ),
        peringatan=(
            Peringatan("tentang sasaran dua", sasaran=2),
            Peringatan("di baris indikator a", halaman=1, baris=5),
            Peringatan("di baris dua indikator", halaman=1, baris=7),
            Peringatan("tanpa tempat"),
        ),
    )


# The factory


def test_the_factory_registers_seven_blueprints_and_the_same_urls(tmp_path: Path) -> None:
    app = create_app(tmp_path / "data")
    assert set(app.blueprints) == {"documents", "profile", "downloads", "masuk", "persetujuan", "riwayat", "pindaian"}
    urls = {(rule.rule, method) for rule in app.url_map.iter_rules() for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert urls == URLS
    with app.app_context():
        assert db.get_store() is app.extensions[db.STORE]
        with pytest.raises(NotFound):
            db.saved(1)


def test_the_session_key_is_made_once_and_kept_private(tmp_path: Path) -> None:
    key = secret_key(tmp_path)
    assert len(key) == 64 and secret_key(tmp_path) == key
    assert stat.S_IMODE((tmp_path / "kunci_sesi").stat().st_mode) == 0o600


# errors.py


def test_sizes_and_local_names() -> None:
    assert errors.size_text(50 * MiB) == "50 MiB" and errors.size_text(64 * 1024) == "64 KiB"
    for host in ("127.0.0.1", "127.0.0.1:8765", "localhost:8765", "[::1]:8765"):
        assert errors.is_local(host), host
    for host in ("", "kinerja.example.com", "127.0.0.1.nip.io:8765", "10.0.0.2"):
        assert not errors.is_local(host), host


# documents.py


def test_how_a_target_reads_under_its_box() -> None:
    assert documents.target_reading(parse_target("80%")) == "nilai 80, satuan %"
    assert documents.target_reading(parse_target("3,1 Indeks")) == "nilai 3,1, satuan Indeks"
    assert documents.target_reading(Target("80-90%", None, "%", 80, 90)) == "rentang 80–90, satuan %"
    assert documents.target_reading(parse_target("WTP")) == "tidak terbaca sebagai angka"
    assert documents.target_reading(None) == ""


def test_the_year_typed_beside_an_upload() -> None:
    assert documents.year_mistake("") is None and documents.year_mistake("2022") is None
    for wrong in ("20x3", "1999", "2101", "22"):
        assert documents.year_mistake(wrong), wrong


def test_warnings_go_to_their_row() -> None:
    doc = small_document()
    named, line, shared_line, nowhere = (str(w) for w in doc.peringatan)
    assert documents.warnings_by_row(doc, susunan(doc, {})) == {
        (1, -1): [named],  # the sasaran it names
        (0, 0): [line],  # the one indicator at its page and line
        "atas": [shared_line, nowhere],  # two indicators at that line: not one of them
    }


def _state(doc: Dokumen, edits: dict) -> report.Keadaan:
    rec = Tersimpan(1, 2024, "iku.txt", doc.to_dict(), {}, None, "", "")
    parts = susunan(doc, edits)
    return report.Keadaan(rec, doc, edits, parts, from_parts(doc, parts), None)


def test_what_the_script_gets_back_after_an_edit() -> None:
    doc = small_document()
    state = _state(doc, {(0, 0, "target"): "85 %", (1, -1, "uraian"): "Sasaran 2"})
    answer = documents.edit_answer(state, {"x": 1}, (0, 0, "target"))
    assert answer == {
        "angka": {"x": 1},
        "nilai": "85 %",
        "asli": "80%",
        "terbaca": "nilai 85, satuan %",
        "muat_ulang": False,
    }
    assert documents.edit_answer(state, {}, (1, -1, "uraian"))["asli"] == "Sasaran dua"
    assert documents.edit_answer(state, {}, (1, 0, "uraian"))["asli"] is None  # not corrected
    assert documents.edit_answer(state, {}, (0, 0, "realisasi")) == {"angka": {}, "muat_ulang": False}
    assert documents.edit_answer(state, {}, (0, 0, "dihapus"))["muat_ulang"] is True


def test_edits_refused_name_their_failure() -> None:
    doc = small_document()
    with pytest.raises(MelebihiBatas):
        check_edit(doc, {}, (0, 0, "keterangan"), "x" * (MAX_LENGTH + 1))
    full = {(0, i, "uraian"): f"tambahan {i}" for i in range(1, MAX_ADDED + 1)}
    with pytest.raises(MelebihiBatas):
        new_indicator(doc, full, 0, "satu lagi", "")
    with pytest.raises(KinerjaError):
        check_edit(doc, {}, (0, 0, "nomor"), "9")


def test_the_page_figures_come_from_the_reports_figures() -> None:
    blank = Indikator(1, "Indikator a", parse_target("80%"))
    dash = Indikator(1, "Indikator b", parse_target("10"), kolom_lain={"realisasi": "-"})
    grade = Indikator(2, "Indikator c", parse_target("WTP"), kolom_lain={"realisasi": "80"})
    doc = Dokumen("IKU", None, 2024, (Sasaran(1, None, "satu", (blank,)), Sasaran(2, None, "dua", (dash, grade))))
    shown = report.angka(hitung_hasil(Masukan(doc)), [(0, [0]), (1, [0, 1])])
    assert shown["indikator"]["0-0"]["capaian"] == "belum diisi"
    assert shown["indikator"]["1-0"]["capaian"] == "belum diisi"  # a bare dash is nothing filled in
    assert shown["indikator"]["1-1"]["capaian"] == "tidak dapat dihitung"
    assert shown["sasaran"] == {
        "0": {"capaian": "belum diisi", "predikat": "-"},
        "1": {"capaian": "tidak diukur", "predikat": "-"},
    }
    assert shown["keseluruhan"] == {"capaian": "tidak diukur", "predikat": "-", "diukur": 0, "jumlah": 3}


# profile.py


def test_the_profile_as_typed() -> None:
    form = MultiDict(
        {
            "instansi": "  Kanwil  ",
            "kata_pengantar": "Baris satu\r\nBaris dua",
            "analisis_1": "Analisis satu\r\n",
            "analisis_2": "   ",
            "skala": "biner",
            "tanggal": "2023-01-31",
        }
    )
    data, galat = profile.profile_from_form(form, {"2": "lama", "7": "dari sasaran yang dihapus"})
    assert galat is None
    assert data["instansi"] == "Kanwil" and data["kota"] == ""
    assert data["kata_pengantar"] == "Baris satu\nBaris dua"
    assert data["analisis"] == {"1": "Analisis satu\n", "7": "dari sasaran yang dihapus"}  # emptied: dropped
    assert data["aturan"] == {"skala": "biner", "batas": "120", "rumus_turun": "2-r/t"}
    assert data["tanggal"] == "2023-01-31"
    assert profile.profile_from_form(MultiDict({"tanggal": "2023-02-30"}), {})[1] == profile.TANGGAL_SALAH
    assert profile.profile_from_form(MultiDict(), {})[1] is None


def _upload(data: bytes, name: str) -> FileStorage:
    return FileStorage(io.BytesIO(data), filename=name)


def test_the_logo_to_keep() -> None:
    empty = MultiDict()
    assert profile.logo_from_form(empty, None, b"lama") == (b"lama", None)
    assert profile.logo_from_form(empty, _upload(b"", ""), b"lama") == (b"lama", None)
    assert profile.logo_from_form(MultiDict({"hapus_logo": "on"}), _upload(PNG, "x.png"), b"lama") == (None, None)
    assert profile.logo_from_form(empty, _upload(PNG, "logo.png"), b"lama") == (PNG, None)
    kept, galat = profile.logo_from_form(empty, _upload(b"GIF89a", "logo.gif"), b"lama")
    assert kept == b"lama" and galat
    kept, galat = profile.logo_from_form(empty, _upload(PNG + b"\x00" * (2 * MiB), "besar.png"), None)
    assert kept is None and galat


# downloads.py


def test_download_names_are_made_here() -> None:
    assert downloads.safe_name("iku kanwil (2022).pdf") == "iku_kanwil_2022"
    assert downloads.safe_name("../../kinerja.sqlite") == "kinerja"
    assert downloads.safe_name("###.txt") == "dokumen"
    assert downloads.safe_name("a" * 100 + ".txt") == "a" * 60
    assert downloads.file_name(2022, "iku.txt", "json") == "IKU_2022_iku.json"
    assert downloads.file_name(2022, "iku.txt", "pdf") == "LAKIP_2022_iku.pdf"
    assert set(downloads.MEDIA) == set(downloads.DATA_FORMATS + downloads.REPORT_FORMATS)
