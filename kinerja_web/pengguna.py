"""Accounts: who may sign in, in which role, for which office (instansi) and units; passwords hashed with argon2."""

from __future__ import annotations

import json
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ekstrak import KinerjaError

from .store import Simpanan, same_name
from .waktu import sekarang

PERAN = ("admin", "perencana", "operator", "pimpinan", "pemeriksa")
PANJANG_SANDI = 10  # the shortest password taken
_HASHER = PasswordHasher()
# Checked against when the name is unknown, so that a wrong name takes as long as a wrong password.
_DUMMY = _HASHER.hash("kinerja-tanpa-pengguna")


@dataclass(frozen=True)
class Pengguna:
    """An account as the application acts on it."""

    id: int
    nama: str
    peran: str
    instansi: str  # empty: every office (a server-wide admin)
    unit: tuple[str, ...]
    aktif: bool
    versi: int  # raised when the password changes or the account is deactivated: its sessions end

    @property
    def seluruh_server(self) -> bool:
        return self.peran == "admin" and not self.instansi


_COLUMNS = "id, nama, peran, instansi, unit, aktif, versi"


def _row(row: tuple) -> Pengguna:
    return Pengguna(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])), bool(row[5]), row[6])


def check_fields(nama: str, peran: str, instansi: str, unit: list[str]) -> None:
    """KinerjaError, in words, for an account that cannot be made as given."""
    if not nama.strip() or len(nama) > 100 or any(c.isspace() and c != " " for c in nama):
        raise KinerjaError("Nama pengguna harus diisi (paling panjang 100 huruf).")
    if peran not in PERAN:
        raise KinerjaError(f"Peran '{peran}' tidak dikenal; pilih salah satu: {', '.join(PERAN)}.")
    if peran in ("perencana", "operator", "pimpinan", "pemeriksa") and not instansi.strip():
        raise KinerjaError(f"Peran {peran} memerlukan --instansi (nama kantornya).")
    if peran == "operator" and not any(u.strip() for u in unit):
        raise KinerjaError("Operator memerlukan paling sedikit satu --unit (kelompok atau penanggung jawab).")


def check_password(sandi: str) -> None:
    if len(sandi) < PANJANG_SANDI:
        raise KinerjaError(f"Kata sandi terlalu pendek; pakai paling sedikit {PANJANG_SANDI} karakter.")


def tambah(
    store: Simpanan, nama: str, peran: str, sandi: str, instansi: str = "", unit: list[str] | None = None
) -> int:
    units = [" ".join(u.split()) for u in unit or [] if u.strip()]
    check_fields(nama, peran, instansi, units)
    with store.koneksi() as db:
        if db.execute("SELECT 1 FROM pengguna WHERE lower(nama) = lower(?)", (nama.strip(),)).fetchone():
            raise KinerjaError(f"Pengguna '{nama.strip()}' sudah ada; ubah dengan 'pengguna ubah'.")
        check_password(sandi)
        cursor = db.execute(
            "INSERT INTO pengguna (nama, peran, instansi, unit, sandi, dibuat) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (nama.strip(), peran, " ".join(instansi.split()), json.dumps(units), _HASHER.hash(sandi), sekarang()),
        )
        return int(cursor.fetchone()[0])


def ambil(store: Simpanan, nama: str) -> Pengguna:
    with store.koneksi() as db:
        row = db.execute(f"SELECT {_COLUMNS} FROM pengguna WHERE lower(nama) = lower(?)", (nama.strip(),)).fetchone()
    if row is None:
        raise KinerjaError(f"Pengguna '{nama}' tidak ada; lihat 'kinerja-web pengguna daftar'.")
    return _row(row)


def menurut_id(store: Simpanan, pengguna_id: int) -> Pengguna | None:
    with store.koneksi() as db:
        row = db.execute(f"SELECT {_COLUMNS} FROM pengguna WHERE id = ?", (pengguna_id,)).fetchone()
    return _row(row) if row else None


def daftar(store: Simpanan) -> list[Pengguna]:
    with store.koneksi() as db:
        rows = db.execute(f"SELECT {_COLUMNS} FROM pengguna").fetchall()
    # Sorted here: a PostgreSQL server's collation would order names otherwise than SQLite.
    return sorted((_row(row) for row in rows), key=lambda account: (account.instansi, account.nama.lower()))


def ada_akun(store: Simpanan) -> bool:
    """Whether any active account exists: then every page asks who is there."""
    with store.koneksi() as db:
        return db.execute("SELECT 1 FROM pengguna WHERE aktif = 1 LIMIT 1").fetchone() is not None


def ada_admin(store: Simpanan) -> bool:
    with store.koneksi() as db:
        return db.execute("SELECT 1 FROM pengguna WHERE aktif = 1 AND peran = 'admin' LIMIT 1").fetchone() is not None


def ubah(
    store: Simpanan, nama: str, peran: str | None, instansi: str | None, unit: list[str] | None, aktif: bool | None
) -> Pengguna:
    """Change an account's role, office, units or whether it may sign in (deactivating ends its sessions)."""
    now = ambil(store, nama)
    units = [" ".join(u.split()) for u in unit if u.strip()] if unit is not None else list(now.unit)
    new_peran = peran or now.peran
    new_instansi = " ".join(instansi.split()) if instansi is not None else now.instansi
    check_fields(now.nama, new_peran, new_instansi, units)
    ends = aktif is False and now.aktif
    with store.koneksi() as db:
        db.execute(
            "UPDATE pengguna SET peran = ?, instansi = ?, unit = ?, aktif = ?, versi = versi + ? WHERE id = ?",
            (new_peran, new_instansi, json.dumps(units), now.aktif if aktif is None else aktif, int(ends), now.id),
        )
    return ambil(store, nama)


def atur_sandi(store: Simpanan, nama: str, sandi: str) -> None:
    """A new password; the account's open sessions end."""
    account = ambil(store, nama)
    check_password(sandi)
    with store.koneksi() as db:
        db.execute("UPDATE pengguna SET sandi = ?, versi = versi + 1 WHERE id = ?", (_HASHER.hash(sandi), account.id))


def periksa(store: Simpanan, nama: str, sandi: str) -> Pengguna | None:
    """The active account with this name and password, else None (the same time spent either way)."""
    with store.koneksi() as db:
        sql = f"SELECT {_COLUMNS}, sandi FROM pengguna WHERE lower(nama) = lower(?)"
        row = db.execute(sql, (nama.strip(),)).fetchone()
    try:
        _HASHER.verify(row[7] if row else _DUMMY, sandi)
    except (VerificationError, InvalidHashError):
        return None
    return _row(row) if row and row[5] else None


def unit_cocok(account: Pengguna, kelompok: str | None, penanggung_jawab: str | None) -> bool:
    """Whether an indicator is of one of the account's units: its kelompok or its penanggung jawab column names
    the unit (case and spaces ignored)."""
    names = {same_name(kelompok), same_name(penanggung_jawab)} - {""}
    return any(same_name(u) in names for u in account.unit)
