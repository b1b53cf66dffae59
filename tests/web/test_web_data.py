"""The data of kinerja-web kept safe: `cadangan` and `pulihkan` (database and evidence files in one archive),
`pindah` (an office's SQLite file into a shared PostgreSQL server), PostgreSQL's migrations with a copy taken first,
and database trouble said in words with nothing written."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import psycopg
import pytest
from conftest import SEED, run_command

from ekstrak import KinerjaError, extract
from kinerja_web import bukti_data, pengguna, postgres, store
from kinerja_web.store import Simpanan

SANDI = "sandi-yang-cukup-panjang"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
EVIDENCE = {"bukti/1/laporan triwulan.pdf": b"%PDF-1.7 isi", "bukti/2/foto/kegiatan.png": PNG}


def fill(data: Path, db: str, office: str, years: tuple[int, ...] = (2022, 2023)) -> None:
    """An office's accounts, documents, edits, a profile with a logo, an approval and their history."""
    kept = Simpanan(data, db)
    try:
        pengguna.tambah(kept, f"perencana {office}", "perencana", SANDI, office)
        pengguna.tambah(kept, f"operator {office}", "operator", SANDI, office, ["Bagian Umum"])
        asli = extract(SEED).to_dict()
        for tahun in years:
            dokumen_id = kept.tambah(tahun, f"iku {tahun}.txt", asli, {"instansi": office}, None, office)
            kept.sunting(dokumen_id, (0, 0, "realisasi"), f"3,{tahun % 10}", f"operator {office}", "", "")
            kept.sunting(dokumen_id, (0, 0, "realisasi"), "3,5", f"perencana {office}", "", f"3,{tahun % 10}")
            kept.sunting(dokumen_id, (1, -1, "uraian"), "Sasaran yang diperbaiki", f"perencana {office}")
            kept.simpan_profil(dokumen_id, {"instansi": office, "kota": "Mamuju"}, PNG, True, "perencana", 0)
            kept.ubah_status(dokumen_id, "draf", "diajukan", f"perencana {office}")
    finally:
        kept.tutup()


def everything(data: Path, db: str) -> dict[str, list[tuple]]:
    """Every row of every table, as the database holds it."""
    kept = Simpanan(data, db)
    try:
        with kept.koneksi() as conn:
            return {
                table: sorted(tuple(row) for row in conn.execute(f"SELECT * FROM {table}").fetchall())
                for table in kept.tabel()
            }
    finally:
        kept.tutup()


def files(data: Path) -> dict[str, bytes]:
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in (data / "bukti").rglob("*") if p.is_file()}


def database(basis_data: str) -> str:
    """The database the CLI is told about: the one KINERJA_DB names, or the SQLite file in --data."""
    return store.DATABASE if basis_data == "sqlite" else basis_data


def test_a_backup_restored_after_a_wipe_gives_the_same_data_and_evidence_files(tmp_path, basis_data, request):
    data, archive = tmp_path / "data", tmp_path / "cadangan kantor.zip"
    fill(data, database(basis_data), "Kanwil Sulbar")
    for name, content in EVIDENCE.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_bytes(content)
    before, evidence = everything(data, database(basis_data)), files(data)
    assert len(before["riwayat"]) == 2 * 5  # each year: 3 edits, a profile line (kota), a status

    done = run_command("kinerja-web", "cadangan", str(archive), "--data", str(data))
    assert done.returncode == 0, done.stderr.decode()
    said = done.stdout.decode()
    assert said.startswith("Cadangan ") and said.endswith(
        f" ditulis ke {archive}: 2 dokumen, 4 suntingan, 10 baris riwayat, 2 akun, 2 berkas bukti.\n"
    )
    assert SANDI not in said and "sandi-yang" not in said
    with zipfile.ZipFile(archive) as zipped:
        assert sorted(zipped.namelist()) == [*sorted(EVIDENCE), "cadangan.json", "kinerja.sqlite"]
        about = json.loads(zipped.read("cadangan.json"))
    assert about["versi_skema"] == store.SCHEMA_VERSION and about["baris"]["riwayat"] == 10

    shutil.rmtree(data)  # the data folder lost: the database with it, or the server's database dropped
    if basis_data != "sqlite":
        request.getfixturevalue("postgres_cluster").wipe(basis_data)
    done = run_command("kinerja-web", "pulihkan", str(archive), "--data", str(data))
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().endswith(": 2 dokumen, 4 suntingan, 10 baris riwayat, 2 akun, 2 berkas bukti.\n")
    assert everything(data, database(basis_data)) == before
    assert files(data) == evidence

    again = run_command("kinerja-web", "pulihkan", str(archive), "--data", str(data))
    assert again.returncode == 2 and again.stdout == b""
    assert "sudah berisi data; pemulihan hanya ke basis data kosong" in again.stderr.decode()
    assert b"Traceback" not in again.stderr
    assert everything(data, database(basis_data)) == before


def test_what_is_no_backup_is_refused_in_words(tmp_path):
    (tmp_path / "bukan.zip").write_bytes(b"PK bukan arsip")
    with zipfile.ZipFile(tmp_path / "luar.zip", "w") as zipped:
        zipped.writestr("cadangan.json", "{}")
        zipped.writestr("kinerja.sqlite", "")
        zipped.writestr("../di-luar.txt", "x")
    with zipfile.ZipFile(tmp_path / "baru.zip", "w") as zipped:
        zipped.writestr("cadangan.json", json.dumps({"versi_skema": 99}))
        zipped.writestr("kinerja.sqlite", "")
    for name, sentence in [
        ("baru.zip", "dibuat oleh Kinerja versi yang lebih baru; perbarui Kinerja."),
        ("tidak-ada.zip", "tidak ditemukan"),
        ("bukan.zip", "bukan arsip ZIP cadangan Kinerja"),
        ("luar.zip", "berisi '../di-luar.txt' di luar folder Kinerja"),
    ]:
        done = run_command("kinerja-web", "pulihkan", str(tmp_path / name), "--data", str(tmp_path / "data"))
        assert done.returncode == 2 and sentence in done.stderr.decode(), done.stderr
        assert not (tmp_path / "di-luar.txt").exists()


def _office(data: Path, db: str, office: str) -> dict:
    """An office as its users see it: documents with their edits, profile, logo, state and history; accounts."""
    kept = Simpanan(data, db)
    try:
        shown = {}
        for line in kept.daftar():
            if line.pemilik != office:
                continue
            rec = kept.ambil(line.id)
            with kept.koneksi() as conn:
                history = conn.execute(
                    "SELECT sasaran, indikator, bidang, lama, baru, oleh, waktu FROM riwayat WHERE dokumen_id = ? "
                    "ORDER BY id",
                    (line.id,),
                ).fetchall()
            shown[(rec.tahun, rec.nama_berkas)] = (
                rec.asli,
                rec.profil,
                rec.logo,
                rec.status,
                rec.dibuat,
                kept.suntingan(line.id),
                [tuple(h) for h in history],
            )
        accounts = [a for a in pengguna.daftar(kept) if a.instansi == office]
        with kept.koneksi() as conn:
            hashes = sorted(r[0] for r in conn.execute("SELECT sandi FROM pengguna WHERE instansi = ?", (office,)))
        return {"dokumen": shown, "akun": [(a.nama, a.peran, a.unit, a.aktif, a.versi) for a in accounts], "h": hashes}
    finally:
        kept.tutup()


def test_an_office_moves_from_its_sqlite_file_to_postgresql_once(tmp_path, postgres_cluster):
    office_file, server = tmp_path / "kantor", tmp_path / "server"
    fill(office_file, store.DATABASE, "Kanwil Sulbar")
    fill(office_file, store.DATABASE, "Kanwil Sulsel", (2024,))
    url = postgres_cluster.database()
    fill(server, url, "Kanwil Gorontalo", (2021, 2022, 2023))  # already on the server: the ids are taken
    source = office_file / store.DATABASE
    untouched = hashlib.sha256(source.read_bytes()).hexdigest()
    moving = _office(office_file, store.DATABASE, "Kanwil Sulbar")
    staying = _office(server, url, "Kanwil Gorontalo")

    done = run_command("kinerja-web", "pindah", "--dari", str(source), "--ke", url, "--instansi", "Kanwil Sulbar")
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode() == (
        f"Dipindahkan dari {source} ke {postgres.shown(url)} (instansi 'Kanwil Sulbar'): 2 dokumen, 4 suntingan, "
        "10 baris riwayat, 2 akun.\n"
        "Jumlah baris tiap tabel sudah diperiksa sama di kedua basis data; berkas asal tidak diubah.\n"
    )
    assert _office(server, url, "Kanwil Sulbar") == moving
    assert _office(server, url, "Kanwil Gorontalo") == staying
    assert _office(server, url, "Kanwil Sulsel")["dokumen"] == {}  # not asked for
    kept = Simpanan(server, url)
    try:
        assert pengguna.periksa(kept, "Operator Kanwil Sulbar", SANDI) is not None  # signs in with the same password
    finally:
        kept.tutup()

    before = everything(server, url)
    again = run_command("kinerja-web", "pindah", "--dari", str(source), "--ke", url, "--instansi", "Kanwil Sulbar")
    assert again.returncode == 2 and again.stdout == b""
    assert again.stderr.decode() == (
        f"kinerja-web pindah: Instansi 'Kanwil Sulbar' sudah ada di {postgres.shown(url)} (2 dokumen, 2 akun); tidak "
        "ada yang dipindahkan. Pindahkan tiap instansi sekali saja; bila ingin mengulang, hapus dulu datanya di sana.\n"
    )
    everyone = run_command("kinerja-web", "pindah", "--dari", str(source), "--ke", url)
    assert everyone.returncode == 2 and "Instansi 'Kanwil Sulbar' sudah ada" in everyone.stderr.decode()
    unknown = run_command("kinerja-web", "pindah", "--dari", str(source), "--ke", url, "--instansi", "Kanwil Bali")
    assert unknown.returncode == 2
    assert "Instansi 'Kanwil Bali' tidak ada di" in unknown.stderr.decode()
    assert "'Kanwil Sulbar', 'Kanwil Sulsel'" in unknown.stderr.decode()
    assert everything(server, url) == before
    assert hashlib.sha256(source.read_bytes()).hexdigest() == untouched


def test_postgresql_migrates_with_a_restorable_copy_taken_first(tmp_path, postgres_cluster, monkeypatch):
    data, url = tmp_path / "data", postgres_cluster.database()
    fill(data, url, "Kanwil Sulbar", (2022,))
    before = _office(data, url, "Kanwil Sulbar")
    added = store.SCHEMA_VERSION + 1
    monkeypatch.setitem(
        store.MIGRATIONS,
        added,
        "ALTER TABLE dokumen ADD COLUMN catatan TEXT NOT NULL DEFAULT 'belum';\n"
        "CREATE TABLE lampiran (\n    id INTEGER PRIMARY KEY,\n"
        "    dokumen_id INTEGER NOT NULL REFERENCES dokumen(id) ON DELETE CASCADE,\n    isi BLOB NOT NULL\n);",
    )
    monkeypatch.setattr(store, "SCHEMA_VERSION", added)

    kept = Simpanan(data, url)
    try:
        assert kept.versi() == added
        with kept.tulis() as conn:
            conn.execute("INSERT INTO lampiran (dokumen_id, isi) VALUES (1, ?)", (PNG,))
            assert conn.execute("SELECT catatan FROM dokumen").fetchall() == [("belum",)]
            assert conn.execute("SELECT isi FROM lampiran").fetchone()[0] == PNG
    finally:
        kept.tutup()
    copy = data / f"{postgres.database_name(url)}.sebelum-v{added}.zip"
    with zipfile.ZipFile(copy) as zipped:
        assert json.loads(zipped.read("cadangan.json"))["versi_skema"] == added - 1
    Simpanan(data, url).tutup()  # opened again: nothing more to migrate
    assert sorted(p.name for p in data.iterdir() if p.suffix == ".zip") == [copy.name]

    fresh = postgres_cluster.empty_database()
    done = run_command("kinerja-web", "pulihkan", str(copy), "--db", fresh, "--data", str(tmp_path / "lain"))
    assert done.returncode == 0, done.stderr.decode()
    assert _office(tmp_path / "lain", fresh, "Kanwil Sulbar") == before  # as it was before the migration
    assert everything(tmp_path / "lain", fresh)["lampiran"] == []


def _newer(postgres_cluster) -> str:
    """A database a later Kinerja has set up."""
    url = postgres_cluster.database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"UPDATE {postgres.VERSION_TABLE} SET versi = 99")
    return url


def _tables(url: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "ORDER BY table_name, column_name"
        ).fetchall()


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("no-server", "tidak dapat dihubungi; pastikan servernya berjalan dan alamat, port serta nama basis datanya"),
        ("wrong-password", "menolak pengguna 'bersandi'"),
        ("no-database", "Basis data 'belum_dibuat' belum ada di server"),
        ("newer", "dibuat oleh Kinerja versi yang lebih baru; perbarui Kinerja (data di dalamnya tidak diubah)."),
        ("no-rights", "tidak berhak membuat atau mengubah tabel Kinerja; jadikan pengguna itu pemilik basis datanya"),
    ],
    ids=["no-server", "wrong-password", "no-database", "newer", "no-rights"],
)
def test_database_trouble_is_said_plainly_and_nothing_is_written(tmp_path, postgres_cluster, where, said):
    import pg

    url = {
        "no-server": f"postgresql://kinerja:{SANDI}@/kinerja?host={tmp_path}",
        "wrong-password": postgres_cluster.url("postgres", pg.PASSWORD_USER, SANDI),
        "no-database": postgres_cluster.url("belum_dibuat"),
    }.get(where)
    if where == "no-rights":  # PostgreSQL 15: only the owner creates tables in a database's public schema
        empty = postgres.database_name(postgres_cluster.empty_database())
        url = postgres_cluster.url(empty, pg.PASSWORD_USER, pg.PASSWORD)
    url = url or _newer(postgres_cluster)
    tables = _tables(url) if where in ("newer", "no-rights") else None
    for command in (["pengguna", "daftar"], ["--port", "0", "--tanpa-peramban"], ["cadangan", str(tmp_path / "a.zip")]):
        done = run_command("kinerja-web", *command, "--db", url, "--data", str(tmp_path / "data"))
        message = done.stderr.decode()
        assert done.returncode == 2 and said in message and done.stdout == b"", (command, message)
        assert message.count("\n") == 1 and "Traceback" not in message and SANDI not in message
        assert not (tmp_path / "data").exists() and not (tmp_path / "a.zip").exists()
    with pytest.raises(KinerjaError):
        Simpanan(tmp_path / "data", url)
    if tables is not None:
        assert _tables(url) == tables


def test_a_backup_of_sqlite_restores_into_postgresql(tmp_path, postgres_cluster):
    data, archive, url = tmp_path / "kantor", tmp_path / "kantor.zip", postgres_cluster.empty_database()
    fill(data, store.DATABASE, "Kanwil Sulbar")
    before = _office(data, store.DATABASE, "Kanwil Sulbar")
    assert run_command("kinerja-web", "cadangan", str(archive), "--data", str(data)).returncode == 0
    done = run_command("kinerja-web", "pulihkan", str(archive), "--db", url, "--data", str(tmp_path / "server"))
    assert done.returncode == 0, done.stderr.decode()
    assert _office(tmp_path / "server", url, "Kanwil Sulbar") == before
    kept = Simpanan(tmp_path / "server", url)
    try:  # numbering goes on after the restored rows
        assert kept.tambah(2025, "baru.txt", extract(SEED).to_dict(), {}, None, "Kanwil Sulbar") == 3
    finally:
        kept.tutup()


def test_a_missing_postgresql_fails_the_tests_that_need_it(tmp_path, monkeypatch):
    import pg

    monkeypatch.setattr(pg, "DEBIAN", tmp_path)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(RuntimeError, match="PostgreSQL tidak terpasang"):
        pg.Cluster()


def test_a_save_on_postgresql_waits_for_another_writer_of_the_document_and_then_sees_its_value(
    tmp_path, postgres_cluster
):
    import threading
    import time

    url = postgres_cluster.database()
    kept = Simpanan(tmp_path, url)
    dokumen_id = kept.tambah(2024, "iku.txt", extract(SEED).to_dict(), {}, None, "Kanwil")
    outcome: list = []

    def save() -> None:
        try:
            outcome.append(kept.sunting(dokumen_id, (0, 0, "realisasi"), "80", "oki", "", ""))
        except store.Bentrok as refused:
            outcome.append(refused)

    try:
        with psycopg.connect(url) as other:  # another server's writer, in the middle of its save
            other.execute("SELECT 1 FROM dokumen WHERE id = %s FOR UPDATE", (dokumen_id,))
            writer = threading.Thread(target=save)
            writer.start()
            time.sleep(0.5)  # (a save that did not wait would be done by now, and its value lost below)
            other.execute(
                "INSERT INTO suntingan (dokumen_id, sasaran, indikator, bidang, nilai, diubah, oleh) "
                "VALUES (%s, 0, 0, 'realisasi', '75', '2026-11-28T10:00:00+00:00', 'rina')",
                (dokumen_id,),
            )
        writer.join(timeout=60)
        refused = outcome[0]
        assert isinstance(refused, store.Bentrok) and (refused.nilai, refused.oleh) == ("75", "rina")
        assert kept.suntingan(dokumen_id) == {(0, 0, "realisasi"): "75"}
    finally:
        kept.tutup()


def test_an_office_moves_with_its_evidence_rows_and_files(tmp_path, postgres_cluster):
    office_file, server = tmp_path / "kantor", tmp_path / "server"
    fill(office_file, store.DATABASE, "Kanwil Sulbar", (2022,))
    kept = Simpanan(office_file, store.DATABASE)
    try:
        dokumen_id = kept.daftar()[0].id
        added = bukti_data.tambah(
            kept, bukti_data.folder_of(office_file), dokumen_id, (0, 0), "survei.pdf", b"%PDF-1.4"
        )
        bukti_data.tambah(kept, bukti_data.folder_of(office_file), dokumen_id, (0, 0), "https://contoh.go.id/lapor")
    finally:
        kept.tutup()
    url = postgres_cluster.database()
    source = office_file / store.DATABASE
    done = run_command("kinerja-web", "pindah", "--dari", str(source), "--ke", url, "--data", str(server))
    assert done.returncode == 0, done.stderr.decode()
    assert "2 baris bukti" in done.stdout.decode() and "1 berkas bukti" in done.stdout.decode()
    moved = Simpanan(server, url)
    try:
        new_id = moved.daftar()[0].id
        rows = [(b.id, b.nama, b.isi) for b in bukti_data.daftar(moved, new_id)]
        assert rows == [(added.id, "survei.pdf", added.isi), (rows[1][0], "https://contoh.go.id/lapor", "")]
    finally:
        moved.tutup()
    assert bukti_data.path_of(bukti_data.folder_of(server), added.isi).read_bytes() == b"%PDF-1.4"

    (bukti_data.path_of(bukti_data.folder_of(office_file), added.isi)).unlink()  # a data folder that lost a file
    elsewhere = postgres_cluster.database()
    refused = run_command("kinerja-web", "pindah", "--dari", str(source), "--ke", elsewhere, "--data", str(server))
    assert refused.returncode == 2 and "1 berkas bukti dukung tidak ada di" in refused.stderr.decode()
