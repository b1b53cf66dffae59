"""kinerja-web for a whole office, through Flask's test client: once an account exists every page asks who is
there; each account sees only its own office (a server-wide admin all); an operator fills only their unit's
indicators and the server refuses a crafted request for another's; sessions end; sign-ins are limited; a save
made on a stale value is refused with the other value and who wrote it; and the command manages accounts."""

from __future__ import annotations

import datetime as dt
import os
import re
import socket
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import BIN, FIXTURES, SEED, SEED_EXPECTED, load_json, run_command
from test_web import Browser

from kinerja_web import pengguna
from kinerja_web.app import create_app
from kinerja_web.db import STORE

SANDI = "sandi-yang-panjang"
KANWIL = "Kanwil Kemenkumham Sulawesi Barat"
PENGADILAN = "Pengadilan Negeri Mamuju"
# SEED's sasaran 0 is DIVISI ADMINISTRASI's, sasaran 9 DIVISI KEIMIGRASIAN's.
ACCOUNTS = [
    ("admin", "admin", "", []),
    ("rina", "perencana", KANWIL, []),
    ("oki", "operator", KANWIL, ["divisi  administrasi"]),  # case and spaces ignored
    ("ima", "operator", KANWIL, ["Divisi Keimigrasian"]),
    ("pak kepala", "pimpinan", KANWIL, []),
    ("ita", "pemeriksa", KANWIL, []),
    ("pn", "perencana", PENGADILAN, []),
]


class Akun(Browser):
    """A browser of its own (its own session), signed in as `nama`."""

    def __init__(self, app, nama: str | None = None) -> None:
        self.app = app
        self.client = app.test_client()
        self.token = ""
        if nama is not None:
            self.masuk(nama, SANDI)

    def refresh_token(self, path: str = "/masuk") -> None:
        self.token = re.search(r'name="csrf-token" content="([^"]+)"', self.client.get(path).text).group(1)

    def masuk(self, nama: str, sandi: str, lanjut: str = "/"):
        self.refresh_token()
        form = {"csrf_token": self.token, "nama": nama, "sandi": sandi, "lanjut": lanjut}
        response = self.client.post("/masuk", data=form)
        if response.status_code == 303:
            self.refresh_token("/")  # a new session, a new token
        return response


@pytest.fixture
def app(tmp_path: Path):
    app = create_app(tmp_path / "data")
    store = app.extensions[STORE]
    for nama, peran, instansi, unit in ACCOUNTS:
        pengguna.tambah(store, nama, peran, SANDI, instansi, unit)
    return app


@pytest.fixture
def kanwil(app) -> str:
    """SEED uploaded by the Kanwil's perencana: its URL."""
    return Akun(app, "rina").upload_ok(SEED)


def test_once_an_account_exists_every_page_asks_who_is_there(app, kanwil: str) -> None:
    stranger = Akun(app)
    response = stranger.client.get(kanwil)
    assert response.status_code == 303 and response.headers["Location"].startswith("/masuk?lanjut=/dokumen/")
    assert stranger.client.get(f"{kanwil}/unduh/json").status_code == 303
    stranger.refresh_token()
    refused = stranger.edit(kanwil, 0, 0, "realisasi", "3")
    assert refused.status_code == 401 and "masuk lagi" in refused.json["pesan"]

    wrong = stranger.masuk("rina", "bukan-sandinya")
    assert wrong.status_code == 401 and "Nama pengguna atau kata sandi salah." in wrong.text
    unknown = stranger.masuk("tidak-ada", SANDI)
    assert unknown.status_code == 401 and "Nama pengguna atau kata sandi salah." in unknown.text

    back = stranger.masuk("RINA", SANDI, lanjut=kanwil)  # names are not case-sensitive
    assert back.status_code == 303 and back.headers["Location"] == kanwil
    page = stranger.client.get(kanwil).text
    assert "rina · perencana · Kanwil Kemenkumham Sulawesi Barat" in page and "Keluar</button>" in page
    stranger.client.post("/keluar", data={"csrf_token": stranger.token})
    assert stranger.client.get(kanwil).status_code == 303


def test_a_sign_in_goes_back_only_to_a_page_of_this_application(app) -> None:
    for elsewhere in ("//contoh.id/masuk", "https://contoh.id/", "/\\contoh.id"):
        response = Akun(app).masuk("rina", SANDI, lanjut=elsewhere)
        assert response.headers["Location"] == "/", elsewhere


def test_failed_sign_ins_are_limited_per_name(app) -> None:
    tab = Akun(app)
    for _ in range(5):
        assert tab.masuk("rina", "salah-salah-salah").status_code == 401
    held = tab.masuk("rina", SANDI)  # even the right password waits
    assert held.status_code == 429 and "coba lagi dalam 15 menit" in held.text
    assert Akun(app).masuk("oki", SANDI).status_code == 303  # another name is not held


def test_sessions_end_after_a_day_a_new_password_or_deactivation(app, kanwil: str) -> None:
    store = app.extensions[STORE]
    day = Akun(app, "oki")
    with day.client.session_transaction() as session:
        session["sampai"] = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).isoformat()
    assert day.client.get(kanwil).status_code == 303

    changed = Akun(app, "oki")
    assert changed.client.get(kanwil).status_code == 200
    pengguna.atur_sandi(store, "oki", "sandi-baru-yang-panjang")
    assert changed.client.get(kanwil).status_code == 303
    assert Akun(app).masuk("oki", SANDI).status_code == 401
    assert Akun(app).masuk("oki", "sandi-baru-yang-panjang").status_code == 303

    off = Akun(app, "ima")
    pengguna.ubah(store, "ima", None, None, None, False)
    assert off.client.get(kanwil).status_code == 303
    assert Akun(app).masuk("ima", SANDI).status_code == 401


def test_an_operator_fills_only_their_units_indicators_and_a_crafted_request_is_refused(app, kanwil: str) -> None:
    oki = Akun(app, "oki")
    assert oki.edit(kanwil, 0, 0, "realisasi", "3,1").status_code == 200
    assert oki.edit(kanwil, 0, 0, "keterangan", "sesuai survei").status_code == 200
    for key in [
        (9, 0, "realisasi"),
        (3, 2, "realisasi_tw1"),
        (0, 0, "uraian"),
        (0, 0, "target"),
        (0, -1, "uraian"),
        (0, 0, "dihapus"),
        (-1, -1, "triwulan"),
        (-2, 0, "realisasi"),
        (0, 0, "polaritas"),
    ]:
        response = oki.edit(kanwil, *key, "99")
        assert response.status_code == 403 and "tidak berhak" in response.json["pesan"], key
    added = oki.client.post(f"{kanwil}/tambah", json={"s": 0, "uraian": "x"}, headers={"X-CSRFToken": oki.token})
    assert added.status_code == 403
    assert oki.client.post(f"{kanwil}/hapus", data={"csrf_token": oki.token}).status_code == 403
    assert oki.client.post(f"{kanwil}/profil", data={"csrf_token": oki.token, "kota": "X"}).status_code == 403
    assert oki.upload(SEED).status_code == 403

    rina = Akun(app, "rina")
    data = rina.client.get(f"{kanwil}/unduh/json").json
    first = data["sasaran"][0]["indikator"][0]
    assert first["kolom_lain"] == {"realisasi": "3,1", "keterangan": "sesuai survei"}
    assert first["uraian"] == load_json(SEED_EXPECTED)["sasaran"][0]["indikator"][0]["uraian"]
    assert "realisasi" not in data["sasaran"][9]["indikator"][0].get("kolom_lain", {})

    page = oki.client.get(kanwil).text  # what the operator may not change is shown read-only
    assert re.search(r'data-s="0" data-i="0" data-bidang="realisasi"[^>]*placeholder="belum diisi">', page)
    assert re.search(r'data-s="9" data-i="0" data-bidang="realisasi"[^>]*placeholder="belum diisi" readonly>', page)
    assert re.search(r'aria-label="Uraian indikator 1.1" readonly>', page)
    assert "Hapus dokumen ini" not in page and "Tambah indikator" not in page
    assert "Unggah dokumen tahun ini" not in oki.client.get("/").text

    ima = Akun(app, "ima")
    assert ima.edit(kanwil, 9, 1, "realisasi", "10").status_code == 200
    assert ima.edit(kanwil, 0, 0, "realisasi", "1").status_code == 403


def test_the_pimpinan_and_the_pemeriksa_read_everything_and_change_nothing(app, kanwil: str) -> None:
    for nama in ("pak kepala", "ita"):
        reader = Akun(app, nama)
        assert reader.client.get(kanwil).status_code == 200
        assert reader.client.get(f"{kanwil}/unduh/json").status_code == 200
        assert reader.edit(kanwil, 0, 0, "realisasi", "3").status_code == 403
        assert reader.client.post(f"{kanwil}/profil", data={"csrf_token": reader.token}).status_code == 403


def test_each_office_sees_only_its_own_and_the_server_wide_admin_all(app, kanwil: str) -> None:
    pn = Akun(app, "pn")
    pengadilan = pn.upload_ok(FIXTURES / "pk_pengadilan_satuan.txt")
    assert "Tahun 2022" not in pn.client.get("/").text
    for path in (kanwil, f"{kanwil}/profil", f"{kanwil}/unduh/json", f"{kanwil}/logo"):
        assert pn.client.get(path).status_code == 404, path
    assert pn.edit(kanwil, 0, 0, "realisasi", "3").status_code == 404
    assert pn.client.post(f"{kanwil}/hapus", data={"csrf_token": pn.token}).status_code == 404

    rina = Akun(app, "rina")
    assert rina.client.get(pengadilan).status_code == 404
    assert "Tahun 2023" not in rina.client.get("/").text

    admin = Akun(app, "admin")
    home = admin.client.get("/").text
    assert "Tahun 2022" in home and "Tahun 2023" in home
    assert admin.edit(pengadilan, 0, 0, "realisasi", "90").status_code == 200
    assert admin.client.get(f"{kanwil}/unduh/json").status_code == 200


def test_a_stale_save_is_refused_and_says_the_other_value_and_who_wrote_it(app, kanwil: str) -> None:
    oki, rina = Akun(app, "oki"), Akun(app, "rina")
    first = oki.client.post(
        f"{kanwil}/sunting",
        json={"s": 0, "i": 0, "bidang": "realisasi", "nilai": "3,1", "lama": ""},
        headers={"X-CSRFToken": oki.token},
    )
    assert first.status_code == 200 and first.json["kini"] == "3,1"
    stale = rina.client.post(  # loaded before oki's save: it still shows the field empty
        f"{kanwil}/sunting",
        json={"s": 0, "i": 0, "bidang": "realisasi", "nilai": "2,9", "lama": ""},
        headers={"X-CSRFToken": rina.token},
    )
    assert stale.status_code == 409
    assert stale.json["bentrok"]["nilai"] == "3,1" and stale.json["bentrok"]["oleh"] == "oki"
    assert "sudah diubah oleh oki" in stale.json["pesan"] and "'3,1'" in stale.json["pesan"]
    assert "'2,9'" in stale.json["pesan"]
    assert rina.client.get(f"{kanwil}/unduh/json").json["sasaran"][0]["indikator"][0]["kolom_lain"] == {
        "realisasi": "3,1"
    }
    again = rina.client.post(  # saved again on the value now shown: taken
        f"{kanwil}/sunting",
        json={"s": 0, "i": 0, "bidang": "realisasi", "nilai": "2,9", "lama": "3,1"},
        headers={"X-CSRFToken": rina.token},
    )
    assert again.status_code == 200


def test_a_stale_profile_save_is_refused_and_names_what_changed(app, kanwil: str) -> None:
    rina, admin = Akun(app, "rina"), Akun(app, "admin")
    form = {"kota": "Mamuju", "kepala_nama": "Ani", "versi": "0"}
    headers = {"X-Kinerja-Otomatis": "1"}
    first = admin.client.post(f"{kanwil}/profil", data={**form, "csrf_token": admin.token}, headers=headers)
    assert first.status_code == 200 and first.json["versi"] == 1
    stale = rina.client.post(
        f"{kanwil}/profil", data={**form, "kota": "Majene", "csrf_token": rina.token}, headers=headers
    )
    assert stale.status_code == 409 and "sudah diubah oleh admin" in stale.json["pesan"]
    assert "Kota: 'Mamuju'" in stale.json["pesan"] and "Nama kepala" not in stale.json["pesan"]
    assert 'value="Mamuju"' in rina.client.get(f"{kanwil}/profil").text
    form_page = rina.client.post(f"{kanwil}/profil", data={**form, "kota": "Majene", "csrf_token": rina.token})
    assert form_page.status_code == 409 and 'value="Majene"' in form_page.text  # what was typed stays
    assert 'name="versi" value="1"' in form_page.text


def test_the_same_field_saved_by_two_operators_at_once_keeps_one_and_refuses_the_other(app, kanwil: str) -> None:
    import threading

    oki, rina = Akun(app, "oki"), Akun(app, "rina")
    answers = {}
    start = threading.Barrier(2)

    def save(tab: Akun, value: str) -> None:
        start.wait()
        answers[value] = tab.client.post(
            f"{kanwil}/sunting",
            json={"s": 0, "i": 0, "bidang": "realisasi", "nilai": value, "lama": ""},
            headers={"X-CSRFToken": tab.token},
        )

    threads = [threading.Thread(target=save, args=pair) for pair in ((oki, "1"), (rina, "2"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    codes = sorted(response.status_code for response in answers.values())
    assert codes == [200, 409]
    winner = next(value for value, response in answers.items() if response.status_code == 200)
    loser = next(response for response in answers.values() if response.status_code == 409)
    assert loser.json["bentrok"]["nilai"] == winner
    saved = rina.client.get(f"{kanwil}/unduh/json").json["sasaran"][0]["indikator"][0]["kolom_lain"]
    assert saved == {"realisasi": winner}


# The command


def test_accounts_are_made_listed_changed_and_deactivated_by_the_command(tmp_path: Path) -> None:
    data = ["--data", str(tmp_path / "data")]
    done = run_command(
        "kinerja-web",
        "pengguna",
        "tambah",
        "rina",
        "--peran",
        "perencana",
        "--instansi",
        KANWIL,
        "--sandi-stdin",
        *data,
        stdin=f"{SANDI}\n".encode(),
    )
    assert done.returncode == 0 and "Akun dibuat: rina  perencana  Kanwil" in done.stdout.decode()
    done = run_command(
        "kinerja-web",
        "pengguna",
        *data,  # before the action too
        "tambah",
        "oki",
        "--peran",
        "operator",
        "--instansi",
        KANWIL,
        "--unit",
        "Divisi Administrasi",
        "--unit",
        "Divisi Keimigrasian",
        "--sandi-stdin",
        stdin=f"{SANDI}\n".encode(),
    )
    assert done.returncode == 0
    for args, words in [
        (["tambah", "x", "--peran", "operator", "--instansi", KANWIL, "--sandi-stdin"], "paling sedikit satu --unit"),
        (["tambah", "y", "--peran", "perencana", "--sandi-stdin"], "memerlukan --instansi"),
        (["tambah", "rina", "--peran", "admin", "--sandi-stdin"], "sudah ada"),
        (["tambah", "z", "--peran", "admin"], "--sandi-stdin"),  # no terminal to ask twice on
        (["atur-sandi", "rina", "--sandi-stdin"], "terlalu pendek"),
        (["nonaktifkan", "siapa"], "tidak ada"),
    ]:
        done = run_command("kinerja-web", "pengguna", *args, *data, stdin=b"pendek\n")
        assert done.returncode == 2 and words in done.stderr.decode(), (args, done.stderr)
        assert b"Traceback" not in done.stderr
    done = run_command("kinerja-web", "pengguna", "nonaktifkan", "oki", *data)
    assert done.returncode == 0
    done = run_command("kinerja-web", "pengguna", "ubah", "rina", "--peran", "pimpinan", *data)
    assert done.returncode == 0
    listing = run_command("kinerja-web", "pengguna", "daftar", *data).stdout.decode().splitlines()
    assert listing == [
        f"oki  operator  {KANWIL}  unit: Divisi Administrasi, Divisi Keimigrasian  [nonaktif]",
        f"rina  pimpinan  {KANWIL}",
    ]
    done = run_command("kinerja-web", "pengguna", "ubah", "oki", "--aktif", *data)
    assert "[nonaktif]" not in done.stdout.decode()
    done = run_command(
        "kinerja-web", "pengguna", "atur-sandi", "oki", "--sandi-stdin", *data, stdin=b"sandi-baru-yang-panjang\n"
    )
    assert done.returncode == 0
    store = create_app(tmp_path / "data").extensions[STORE]
    assert pengguna.periksa(store, "oki", "sandi-baru-yang-panjang") is not None
    assert pengguna.periksa(store, "oki", SANDI) is None
    with store.koneksi() as db:  # hashed, never kept as typed
        hashes = [row[0] for row in db.execute("SELECT sandi FROM pengguna")]
    assert all(h.startswith("$argon2id$") and SANDI not in h for h in hashes)


@pytest.mark.sqlite_saja  # a SQLite file named by --db (PostgreSQL's addresses: test_web_data.py)
def test_the_database_may_be_named_by_db_or_kinerja_db(tmp_path: Path) -> None:
    path = tmp_path / "kantor" / "kinerja-kantor.sqlite"
    done = _add_admin("--db", str(path))
    assert done.returncode == 0 and path.exists()
    env = dict(os.environ, KINERJA_DB=str(path))
    listing = subprocess.run([str(BIN / "kinerja-web"), "pengguna", "daftar"], capture_output=True, env=env, timeout=60)
    assert listing.stdout.decode() == "admin  admin  (semua instansi)\n"
    env["KINERJA_DB"] = "mysql://kinerja@localhost/kinerja"
    refused = subprocess.run([str(BIN / "kinerja-web"), "pengguna", "daftar"], capture_output=True, env=env, timeout=60)
    assert refused.returncode == 2 and refused.stderr.decode() == (
        "kinerja-web: alamat basis data 'mysql://…' tidak dikenal; pakai berkas SQLite (--db /folder/kinerja.sqlite) "
        "atau server PostgreSQL (--db postgresql://PENGGUNA:SANDI@SERVER/NAMA).\n"
    )


def _add_admin(*where: str):
    """`kinerja-web pengguna tambah admin --peran admin`, the password from standard input, on the database `where`
    names."""
    return run_command(
        "kinerja-web", "pengguna", "tambah", "admin", "--peran", "admin", "--sandi-stdin", *where,
        stdin=f"{SANDI}\n".encode(),
    )  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, host: str, **headers: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host, **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as page:
            return page.status, page.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def test_serving_beyond_this_computer_needs_an_admin_and_names_its_host(tmp_path: Path) -> None:
    data = ["--data", str(tmp_path / "data")]
    port = str(_free_port())
    done = run_command("kinerja-web", "--alamat", "0.0.0.0", "--port", port, "--tanpa-peramban", *data)
    assert done.returncode == 2 and "perlu akun admin lebih dulu" in done.stderr.decode()
    _add_admin(*data)
    server = subprocess.Popen(
        [
            str(BIN / "kinerja-web"),
            "--alamat",
            "0.0.0.0",
            "--port",
            port,
            "--tanpa-peramban",
            *data,
            "--nama-host",
            "kinerja.kantor.go.id",
            "--di-belakang-proxy",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith(f"Kinerja berjalan di http://kinerja.kantor.go.id:{port}/"), line
        url = f"http://127.0.0.1:{port}/masuk"
        assert _get(url, "kinerja.kantor.go.id")[0] == 200
        assert _get(url, "kinerja.kantor.go.id:443")[0] == 200
        assert _get(url, "lain.example.com")[0] == 400
        # Behind the proxy, the Host it was asked for is the one checked.
        assert _get(url, "127.0.0.1", **{"X-Forwarded-Host": "kinerja.kantor.go.id"})[0] == 200
        assert _get(url, "127.0.0.1", **{"X-Forwarded-Host": "lain.example.com"})[0] == 400
        status, page = _get(f"http://127.0.0.1:{port}/", "kinerja.kantor.go.id")
        assert status == 200 and "Masuk ke Kinerja" in page  # redirected to sign in
    finally:
        server.terminate()
        server.communicate(timeout=30)


def _status(tab: Akun, url: str, aksi: str, alasan: str = ""):
    return tab.client.post(f"{url}/status", data={"csrf_token": tab.token, "aksi": aksi, "alasan": alasan})


def _drafts(app, url: str, tab: Akun) -> bool:
    """Whether the report downloaded now is made as a draft (the view model the renderer is given)."""
    from unittest import mock

    from kinerja_web import downloads

    seen = []
    real = downloads.render_laporan
    with mock.patch.object(downloads, "render_laporan", side_effect=lambda lap, f: seen.append(lap) or real(lap, f)):
        assert tab.client.get(f"{url}/unduh/html").status_code == 200
    return seen[0].draf


def test_approval_locks_the_year_returns_it_with_a_reason_and_only_an_admin_reopens_it(app, kanwil: str) -> None:
    rina, oki, kepala, admin = Akun(app, "rina"), Akun(app, "oki"), Akun(app, "pak kepala"), Akun(app, "admin")
    assert oki.edit(kanwil, 0, 0, "realisasi", "3").status_code == 200
    assert _drafts(app, kanwil, rina) is True
    assert 'Persetujuan: <span id="status-dokumen">Draf</span>' in rina.client.get(kanwil).text

    assert _status(oki, kanwil, "ajukan").status_code == 403  # only the perencana (or an admin) submits
    assert _status(kepala, kanwil, "sahkan").status_code == 409  # not submitted yet
    assert _status(rina, kanwil, "ajukan").status_code == 303
    page = rina.client.get(kanwil).text
    assert "Diajukan</span>" in page and '<svg class="kunci"' in page and "Hapus dokumen ini" not in page
    locked = oki.edit(kanwil, 0, 0, "realisasi", "4")
    assert locked.status_code == 403 and "sedang diajukan" in locked.json["pesan"]
    assert rina.edit(kanwil, 0, 0, "uraian", "x").status_code == 403
    assert rina.client.post(f"{kanwil}/profil", data={"csrf_token": rina.token, "kota": "X"}).status_code == 403
    assert rina.client.post(f"{kanwil}/hapus", data={"csrf_token": rina.token}).status_code == 403

    no_reason = _status(kepala, kanwil, "kembalikan", "   ")
    assert no_reason.status_code == 400 and "alasan" in no_reason.text
    assert _status(kepala, kanwil, "kembalikan", "Realisasi IKM belum sesuai survei").status_code == 303
    page = rina.client.get(kanwil).text
    assert "Dikembalikan oleh pak kepala: Realisasi IKM belum sesuai survei" in page
    assert oki.edit(kanwil, 0, 0, "realisasi", "3,1").status_code == 200

    assert _status(rina, kanwil, "ajukan").status_code == 303
    assert _status(rina, kanwil, "sahkan").status_code == 403  # the perencana does not approve
    assert _status(kepala, kanwil, "sahkan").status_code == 303
    assert _drafts(app, kanwil, kepala) is False
    page = kepala.client.get(kanwil).text
    assert "Disahkan</span>" in page and "Disahkan oleh pak kepala pada" in page
    assert 'aria-label="Terkunci (disahkan)"' in kepala.client.get("/").text
    assert oki.edit(kanwil, 0, 0, "realisasi", "5").json["pesan"].startswith("Dokumen ini sudah disahkan")

    assert _status(kepala, kanwil, "buka").status_code == 403
    assert _status(rina, kanwil, "buka").status_code == 403
    assert _status(admin, kanwil, "buka").status_code == 303
    assert _drafts(app, kanwil, rina) is True
    assert oki.edit(kanwil, 0, 0, "realisasi", "5").status_code == 200
    assert _status(rina, kanwil, "terbang").status_code == 400
    assert _status(Akun(app, "pn"), kanwil, "ajukan").status_code == 404  # another office's


def test_the_single_user_mode_has_no_approval_and_no_draft_mark(tmp_path: Path) -> None:
    web = Browser(tmp_path / "data")
    url = web.upload_ok(SEED)
    assert "Persetujuan" not in web.client.get(url).text
    assert _drafts(web.app, url, web) is False  # type: ignore[arg-type]
    refused = web.client.post(f"{url}/status", data={"csrf_token": web.token, "aksi": "ajukan"})
    assert refused.status_code == 403


def _history(tab: Akun, url: str, baris: str = "") -> list[list[str]]:
    """The history page's rows as shown: who, which field, before, after, and the number of the change when it
    may be restored."""
    page = tab.client.get(f"{url}/riwayat" + (f"?baris={baris}" if baris else "")).text
    rows = []
    for nomor, row in re.findall(r'<tr id="perubahan-(\d+)">(.*?)</tr>', page, re.S):
        cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows.append([*cells[1:5], nomor if "Pulihkan" in row else ""])
    return rows


def test_every_change_is_kept_with_who_and_when_and_an_earlier_value_restored(app, kanwil: str) -> None:
    oki, rina, ima = Akun(app, "oki"), Akun(app, "rina"), Akun(app, "ima")
    oki.edit(kanwil, 0, 0, "realisasi", "3")
    oki.edit(kanwil, 0, 0, "realisasi", "3,1")
    rina.edit(kanwil, 0, 0, "uraian", "Indeks kepuasan (diperbaiki)")
    rina.edit(kanwil, 9, 0, "realisasi", "95%")
    rina.client.post(f"{kanwil}/profil", data={"csrf_token": rina.token, "kota": "Mamuju"})
    original = load_json(SEED_EXPECTED)["sasaran"][0]["indikator"][0]["uraian"]

    row = _history(oki, kanwil, "0_0")  # one row's, newest first; the operator may restore only its realisasi
    assert [line[:4] for line in row] == [
        ["rina", "Indikator 1.1 · uraian", original, "Indeks kepuasan (diperbaiki)"],
        ["oki", "Indikator 1.1 · realisasi", "3", "3,1"],
        ["oki", "Indikator 1.1 · realisasi", "kosong", "3"],
    ]
    assert row[0][4] == "" and row[1][4] and row[2][4]
    everything = _history(rina, kanwil)
    assert ["rina", "Profil · kota", "kosong", "Mamuju"] in [line[:4] for line in everything]
    assert ["rina", "Indikator 10.1 · realisasi", "kosong", "95%"] in [line[:4] for line in everything]
    assert re.search(
        r"<td>\d{1,2} \w+ \d{4}, \d\d\.\d\d WIB</td><td>oki</td>", rina.client.get(f"{kanwil}/riwayat").text
    )

    nomor = row[1][4]  # 3 -> 3,1: its earlier value 3 put back
    refused = ima.client.post(f"{kanwil}/riwayat/{nomor}/pulihkan", data={"csrf_token": ima.token})
    assert refused.status_code == 403  # not ima's unit
    done = oki.client.post(f"{kanwil}/riwayat/{nomor}/pulihkan", data={"csrf_token": oki.token})
    assert done.status_code == 303
    data = rina.client.get(f"{kanwil}/unduh/json?riwayat=1").json
    assert data["sasaran"][0]["indikator"][0]["kolom_lain"]["realisasi"] == "3"
    last = data["riwayat"][-1]
    assert {k: last[k] for k in ("sasaran", "indikator", "bidang", "lama", "baru", "oleh")} == {
        "sasaran": 0,
        "indikator": 0,
        "bidang": "realisasi",
        "lama": "3,1",
        "baru": "3",
        "oleh": "oki",
    }
    assert dt.datetime.fromisoformat(last["waktu"]).tzinfo is not None  # kept in UTC
    assert [line["baru"] for line in data["riwayat"] if line["bidang"] == "realisasi"] == ["3", "3,1", "95%", "3"]
    assert "riwayat" not in rina.client.get(f"{kanwil}/unduh/json").json  # only when asked
    assert Akun(app, "pn").client.get(f"{kanwil}/riwayat").status_code == 404  # another office's
