"""kinerja-web's safety claims, each checked where a slip would hide: every POST route the application
registers refuses a request without the page's token (read from its URL map, so a new route is covered the
day it is added), only local names are served, every answer carries the security headers, the session cookie
and its key stay private; downloads are named by Kinerja; and the command's options, run as a user runs them."""

from __future__ import annotations

import html
import http.cookiejar
import io
import json
import os
import re
import select
import signal
import socket
import stat
import subprocess
import urllib.error
import urllib.request

import pytest
from conftest import BIN, SEED, run_command
from flask import url_for
from hostile import stream_pdf
from werkzeug.datastructures import FileStorage
from werkzeug.routing import IntegerConverter
from werkzeug.test import encode_multipart

from inti.limits import Batas, MiB
from kinerja_web.app import create_app

REFUSED = "dikirim dari situs lain"
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class Tab:
    """One browser tab: a test client holding its session and the token its page carries."""

    def __init__(self, app) -> None:
        self.app = app
        self.client = app.test_client()
        self.token = re.search(r'name="csrf-token" content="([^"]+)"', self.client.get("/").text).group(1)

    def upload(self, data: bytes, name: str, **form: str):
        fields = {"berkas": FileStorage(io.BytesIO(data), filename=name), "csrf_token": self.token, **form}
        boundary, body = encode_multipart(fields)
        return self.client.post("/unggah", data=body, content_type=f"multipart/form-data; boundary={boundary}")

    def upload_ok(self, data: bytes, name: str) -> str:
        response = self.upload(data, name)
        assert response.status_code == 303, response.text
        return response.headers["Location"]

    def edit(self, url: str, s: int, i: int, bidang: str, nilai: str):
        body = {"s": s, "i": i, "bidang": bidang, "nilai": nilai}
        return self.client.post(f"{url}/sunting", json=body, headers={"X-CSRFToken": self.token})


def _said(response) -> str:
    """The one sentence an answer gives: the script's JSON `pesan`, or the page's alert."""
    if response.is_json:
        return response.json["pesan"]
    alerts = re.findall(r'<p class="galat" role="alert"[^>]*>(.*?)</p>', response.text, re.S)
    assert len(alerts) == 1, response.text
    return html.unescape(alerts[0])


@pytest.fixture
def app(tmp_path):
    return create_app(tmp_path / "data")


def _post_urls(app, dokumen_id: int) -> list[str]:
    """A URL for every rule that accepts POST, its integer parts naming the saved document."""
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "POST" not in (rule.methods or ()):
                continue
            values = {
                name: dokumen_id if isinstance(converter, IntegerConverter) else "x"
                for name, converter in rule._converters.items()
            }
            urls.append(url_for(rule.endpoint, **values))
    return sorted(urls, key=lambda url: url.endswith("/hapus"))  # the one that deletes, last


def _state(tab: Tab, url: str) -> tuple:
    return (
        tab.client.get("/").text.count('href="/dokumen/'),
        tab.client.get(url).status_code,
        tab.client.get(f"{url}/unduh/json").data,
        tab.client.get(f"{url}/profil").text.count("value="),
    )


def test_every_post_route_refuses_a_request_without_the_pages_token(app, tmp_path):
    tab = Tab(app)
    url = tab.upload_ok(SEED.read_bytes(), "iku.txt")
    dokumen_id = int(url.rsplit("/", 1)[1])
    posts = _post_urls(app, dokumen_id)
    for known in ("/unggah", "/sunting", "/tambah", "/hapus", "/profil"):
        assert any(p.endswith(known) for p in posts), (known, posts)
    before = _state(tab, url)
    other_tab = Tab(create_app(tmp_path / "lain"))  # another application, another session
    for path in posts:
        seed = FileStorage(io.BytesIO(SEED.read_bytes()), filename="iku.txt")
        attempts = {
            "form without token": {"data": {"uraian": "x", "s": "0", "berkas": seed}},
            "form with a made-up token": {"data": {"csrf_token": "palsu", "s": "0"}},
            "form with another session's token": {"data": {"csrf_token": other_tab.token, "s": "0"}},
            "script without token": {"json": {"s": 0, "i": 0, "bidang": "realisasi", "nilai": "1", "uraian": "x"}},
            "script with a made-up token": {"json": {"s": 0, "uraian": "x"}, "headers": {"X-CSRFToken": "palsu"}},
        }
        for how, kwargs in attempts.items():
            response = tab.client.post(path, **kwargs)
            assert response.status_code == 400, (path, how, response.status_code)
            said = response.json["pesan"] if response.is_json else response.text
            assert REFUSED in said, (path, how)
            assert response.headers["X-Frame-Options"] == "DENY"
    assert _state(tab, url) == before, "nothing was changed by a refused request"
    # With the token each is taken (or refused for what it carries, never as forged).
    for path in posts:
        response = tab.client.post(path, json={}, headers={"X-CSRFToken": tab.token})
        said = response.json["pesan"] if response.is_json else response.text
        assert REFUSED not in said, path


def test_persentase_menurunnya_is_naik_on_the_page(app):
    tab = Tab(app)
    url = tab.upload_ok(SEED.read_bytes(), "iku.txt")
    figures = tab.edit(url, 2, 0, "realisasi", "90%").json["angka"]["indikator"]["2-0"]
    assert (figures["polaritas"], figures["capaian"]) == ("naik", "112,50%")  # as turun: 87,50%


@pytest.mark.parametrize(
    ("host", "served"),
    [
        ("127.0.0.1", True),
        ("127.0.0.1:8765", True),
        ("localhost", True),
        ("localhost:5000", True),
        ("[::1]:8765", True),
        ("[::1]", True),
        ("kinerja.example.com", False),
        ("127.0.0.1.nip.io", False),
        ("localhost.example.com:8765", False),
        ("evil.example.com:127.0.0.1", False),
        ("127.0.0.2", False),
        ("0.0.0.0:8765", False),
        ("localhost:80:90", False),
        ("127.0.0.1:8765:1", False),
        ("", False),
    ],
)
def test_only_local_names_are_served(app, host, served):
    response = app.test_client().get("/", headers={"Host": host})
    if served:
        assert response.status_code == 200 and 'class="merek"' in response.text
    else:
        assert response.status_code == 400
        assert _said(response) == "Alamat ini tidak dilayani. Buka Kinerja lewat http://127.0.0.1."
        assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_every_answer_carries_the_security_headers(app):
    tab = Tab(app)
    url = tab.upload_ok(SEED.read_bytes(), "iku.txt")
    with tab.client.get("/aset/web.css") as asset:
        assert asset.status_code == 200
        asset_headers = asset.headers
    answers = [
        tab.client.get("/"),
        tab.client.get(url),
        tab.client.get(f"{url}/unduh/json"),
        tab.client.get("/tidak/ada"),
        tab.client.get("/unggah"),
        tab.client.post("/unggah"),
        tab.edit(url, 0, 0, "realisasi", "3,1"),
        tab.client.get("/", headers={"Host": "kinerja.example.com"}),
    ]
    for headers in [asset_headers] + [response.headers for response in answers]:
        for name, value in HEADERS.items():
            assert headers.get(name) == value, name
        policy = headers["Content-Security-Policy"]
        for part in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"):
            assert part in policy


def test_errors_are_one_sentence_json_for_the_script_and_a_page_otherwise(app):
    tab = Tab(app)
    missing = "Halaman atau dokumen ini tidak ada. Kembali ke daftar dokumen."
    forged = (
        "Permintaan ditolak: halaman ini sudah kedaluwarsa atau dikirim dari situs lain. "
        "Muat ulang halaman lalu coba lagi."
    )
    method = "Cara membuka halaman ini tidak sah. Kembali ke daftar dokumen."
    for response, code, sentence, as_json in [
        (tab.client.get("/dokumen/999"), 404, missing, False),
        (tab.client.post("/dokumen/999/sunting", json={}, headers={"X-CSRFToken": tab.token}), 404, missing, True),
        (tab.client.post("/dokumen/999/hapus", data={"csrf_token": tab.token}), 404, missing, False),
        (tab.client.get("/unggah"), 405, method, False),
        (tab.client.get("/unggah", headers={"X-CSRFToken": tab.token}), 405, method, True),
        (tab.client.post("/unggah", data={}), 400, forged, False),
        (tab.client.post("/unggah", json={}), 400, forged, True),
        (tab.client.post("/unggah", data={}, headers={"X-CSRFToken": "palsu"}), 400, forged, True),
    ]:
        assert (response.status_code, response.is_json, _said(response)) == (code, as_json, sentence)


def test_the_favicon_is_the_applications_own(app):
    response = app.test_client().get("/favicon.ico")
    assert (response.status_code, response.headers["Location"]) == (301, "/aset/favicon.svg")


def test_a_bug_of_ours_is_one_sentence_and_no_trace(tmp_path, caplog):
    from werkzeug.exceptions import Conflict

    app = create_app(tmp_path / "data")

    def broken():
        raise ZeroDivisionError("rahasia dalam")

    def refused():
        raise Conflict("rincian dalam")

    app.add_url_rule("/rusak", view_func=broken)
    app.add_url_rule("/bentrok", view_func=refused)
    client = app.test_client()
    with caplog.at_level("ERROR"):
        response = client.get("/rusak")
    (logged,) = [r for r in caplog.records if r.name == app.logger.name]
    assert logged.getMessage() == "kesalahan tak terduga" and logged.exc_info[0] is ZeroDivisionError
    assert response.status_code == 500
    assert _said(response) == (
        "Kesalahan tak terduga (ZeroDivisionError); perubahan yang sudah tersimpan tetap aman. "
        "Mohon laporkan bersama berkas masukannya."
    )
    assert "rahasia dalam" not in response.text and "Traceback" not in response.text
    for headers in ({}, {"X-CSRFToken": "x"}):
        response = client.get("/bentrok", headers=headers)
        assert response.status_code == 409
        assert _said(response) == "Permintaan tidak dapat dilayani. Kembali ke daftar dokumen."
        assert "rincian dalam" not in response.text


@pytest.mark.parametrize(
    ("limit", "shown"), [(64 * 1024, "64 KiB"), (MiB - 1024, "1023 KiB"), (MiB, "1 MiB"), (2 * MiB, "2 MiB")]
)
def test_upload_size_cap_at_both_sizes_of_body(tmp_path, limit, shown):
    tab = Tab(create_app(tmp_path / "data", Batas(berkas=limit)))
    for size in (limit + 1, limit + MiB + 1024):  # read and refused by the view; refused before reading
        response = tab.upload(b"x" * size, "besar.txt")
        assert response.status_code == 413, size
        assert _said(response) == (
            f"Berkas terlalu besar (batas {shown}). Kirim dokumen IKU/PK-nya saja, tanpa lampiran atau gambar pindaian."
        )
    at_limit = tab.upload(b"x" * limit, "pas.txt")
    assert at_limit.status_code == 400 and "tidak dapat dibaca" in _said(at_limit)
    url = tab.upload_ok(SEED.read_bytes(), "iku.txt")
    # Any request over the limit is refused before it is read, the page's own calls too.
    huge = {"s": 0, "i": 0, "bidang": "keterangan", "nilai": "x" * (limit + MiB)}
    response = tab.client.post(f"{url}/sunting", json=huge, headers={"X-CSRFToken": tab.token})
    assert response.status_code == 413 and response.is_json


def test_the_session_cookie_and_its_key_stay_private(tmp_path):
    folder = tmp_path / "data"
    first = create_app(folder)
    response = first.test_client().get("/")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    key = folder / "kunci_sesi"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert re.fullmatch(r"[0-9a-f]{64}", key.read_text(encoding="ascii"))
    assert first.config["SECRET_KEY"] == key.read_text(encoding="ascii")
    assert create_app(folder).config["SECRET_KEY"] == first.config["SECRET_KEY"], "kept across restarts"
    assert create_app(tmp_path / "lain").config["SECRET_KEY"] != first.config["SECRET_KEY"]
    assert first.config["WTF_CSRF_TIME_LIMIT"] is None, "a page left open all day still saves"


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("<b>nakal</b>.txt", "b"),  # a name with a slash is a path: only its last part counts
        ("laporan <akhir>.txt", "laporan_akhir"),
        ("../../etc/passwd.txt", "passwd"),
        ("IKU 2022 (final).pdf", "IKU_2022_final"),
        ("....txt", "dokumen"),
        ("é.txt", "dokumen"),
        ("a" * 100 + ".txt", "a" * 60),
        ("XLSX_iku_X.txt", "XLSX_iku_X"),
        ("_.iku._.txt", "iku"),
    ],
)
def test_downloads_are_named_by_kinerja(app, name, stem):
    tab = Tab(app)
    url = tab.upload_ok(SEED.read_bytes(), name)
    for fmt, kind in (("json", "IKU"), ("csv", "IKU"), ("html", "LAKIP")):
        response = tab.client.get(f"{url}/unduh/{fmt}")
        assert response.status_code == 200
        assert response.headers["Content-Disposition"] == f'attachment; filename="{kind}_2022_{stem}.{fmt}"'


def test_downloads_are_only_the_six_formats(app):
    tab = Tab(app)
    url = tab.upload_ok(SEED.read_bytes(), "iku.txt")
    media = {
        "json": "application/json",
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "html": "text/html; charset=utf-8",
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
    got = {fmt: tab.client.get(f"{url}/unduh/{fmt}").headers["Content-Type"] for fmt in media}
    assert got == media
    for fmt in ("exe", "sqlite", "py", "JSON", "txt"):
        assert tab.client.get(f"{url}/unduh/{fmt}").status_code == 404, fmt
    data = json.loads(tab.client.get(f"{url}/unduh/json").data)
    assert len(data["sasaran"]) == 21


def test_the_json_download_is_readable_utf8_indented_by_two(app):
    tab = Tab(app)
    text = SEED.read_text(encoding="utf-8").replace("Peduli HAM", "Peduli HAM (café)")
    url = tab.upload_ok(text.encode(), "iku.txt")
    body = tab.client.get(f"{url}/unduh/json").data
    assert body.startswith(b'{\n  "judul": "INDIKATOR KINERJA UTAMA",\n  "instansi": ') and body.endswith(b"}\n")
    assert "Jumlah Kab/Kota Peduli HAM (café)".encode() in body and b"\\u00e9" not in body


# The command ------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`kinerja-web` started as a user starts it; stopped with Ctrl-C."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "kinerja-web"), "--tanpa-peramban", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 60)
        self.first_line = self.process.stdout.readline() if ready else ""  # type: ignore[union-attr]
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", self.first_line)
        if found is None:
            self.stop()
            raise AssertionError(f"kinerja-web did not start: {self.first_line!r}")
        self.url, self.port = found.group(0), int(found.group(1))
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str = "") -> str:
        with self.opener.open(self.url + path, timeout=30) as page:
            return page.read().decode()

    def upload(self, data: bytes, name: str) -> tuple[int, str]:
        token = re.search(r'name="csrf-token" content="([^"]+)"', self.get()).group(1)
        fields = {"berkas": FileStorage(io.BytesIO(data), filename=name), "csrf_token": token}
        boundary, body = encode_multipart(fields)
        request = urllib.request.Request(
            self.url + "unggah", data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
        )
        try:
            with self.opener.open(request, timeout=120) as page:
                return page.status, page.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def stop(self) -> tuple[int, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            _, err = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return self.process.returncode, err


@pytest.mark.sqlite_saja  # the SQLite file in the data folder
def test_port_data_and_a_time_limit_for_uploads(tmp_path):
    port, data = _free_port(), tmp_path / "data"
    server = Server("--port", str(port), "--data", str(data), "--batas-waktu", "1")
    try:
        assert server.first_line == (
            f"Kinerja berjalan di http://127.0.0.1:{port}/  (data: {data}). Tekan Ctrl-C untuk berhenti.\n"
        )
        assert 'class="merek"' in server.get()
        assert (data / "kinerja.sqlite").exists()
        code, page = server.upload(stream_pdf(b"1 0 0 1 0 0 cm ", 2_000_000), "lambat.pdf")
        assert code == 400 and "melebihi batas waktu 1 detik" in page
        code, page = server.upload(SEED.read_bytes(), "iku.txt")
        assert code == 200 and "Indeks kepuasan layanan internal" in page
        again = run_command("kinerja-web", "--port", str(port), "--tanpa-peramban", "--data", str(tmp_path / "x"))
        assert again.returncode == 0
        assert again.stdout.decode() == f"Kinerja sudah berjalan di http://127.0.0.1:{port}/; halaman itu dibuka.\n"
    finally:
        code, err = server.stop()
    assert code == 0 and err.endswith("kinerja-web: berhenti. Semua perubahan sudah tersimpan.\n")


@pytest.mark.sqlite_saja  # the SQLite file in the data folder
def test_a_memory_limit_for_uploads_and_the_data_folder_from_the_environment(tmp_path):
    data = tmp_path / "dari_env"
    server = Server("--port", "0", "--batas-memori", "64", env={"KINERJA_DATA": str(data)})
    try:
        assert f"(data: {data})" in server.first_line
        code, page = server.upload(stream_pdf(b" ", 300 * 1024 * 1024), "bom.pdf")
        assert code == 400 and "memerlukan lebih dari 64 MiB memori" in page
        assert (data / "kinerja.sqlite").exists()
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--port", "70000"], "kinerja-web: --port harus antara 0 dan 65535.\n"),
        (["--port", "-1"], "kinerja-web: --port harus antara 0 dan 65535.\n"),
        (
            ["--batas-waktu", "0"],
            "kinerja-web: --batas-waktu harus lebih dari 0 dan --batas-memori paling sedikit 64 MiB.\n",
        ),
        (
            ["--batas-memori", "32"],
            "kinerja-web: --batas-waktu harus lebih dari 0 dan --batas-memori paling sedikit 64 MiB.\n",
        ),
    ],
)
def test_options_that_make_no_sense_are_refused(tmp_path, args, sentence):
    result = run_command("kinerja-web", "--tanpa-peramban", "--data", str(tmp_path / "data"), *args)
    assert result.returncode == 2 and result.stderr.decode() == sentence
    assert not (tmp_path / "data").exists()
