"""History: every change of every field (who, when, the value before and after), per document and per row,
and any earlier value of a table field put back (itself a change, kept in the history too)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from ekstrak import KinerjaError

from . import akses, report
from .db import get_store, saved
from .documents import extracted_value
from .edits import ANGGARAN, DOKUMEN, SASARAN_ITSELF, Bagian, check_edit
from .errors import error
from .store import PROFIL, Key, Simpanan
from .waktu import tampil, zona

bp = Blueprint("riwayat", __name__)
NAMA_BIDANG = {
    "uraian": "uraian",
    "target": "target",
    "realisasi": "realisasi",
    "realisasi_tw1": "realisasi TW I",
    "realisasi_tw2": "realisasi TW II",
    "realisasi_tw3": "realisasi TW III",
    "realisasi_tw4": "realisasi TW IV",
    "polaritas": "polaritas",
    "keterangan": "keterangan",
    "dihapus": "dihapus",
    "diperiksa": "sudah diperiksa dengan pindaian",
    "triwulan": "catat per triwulan",
    "pembanding": "pembanding tahun lalu",
    "status": "status persetujuan",
}


@dataclass
class Perubahan:
    """One line of history."""

    id: int
    key: Key
    lama: str
    baru: str
    oleh: str
    waktu: str


def lines(store: Simpanan, dokumen_id: int, row: tuple[int, int] | None = None) -> list[Perubahan]:
    """A document's history, newest first; only one row's (sasaran, indicator) when `row` is given."""
    sql = "SELECT id, sasaran, indikator, bidang, lama, baru, oleh, waktu FROM riwayat WHERE dokumen_id = ?"
    args: tuple = (dokumen_id,)
    if row is not None:
        sql, args = sql + " AND sasaran = ? AND indikator = ?", (*args, *row)
    with store.koneksi() as db:
        found = db.execute(sql + " ORDER BY id DESC", args).fetchall()
    return [Perubahan(r[0], (r[1], r[2], r[3]), r[4], r[5], r[6], r[7]) for r in found]


def as_data(found: list[Perubahan]) -> list[dict[str, Any]]:
    """The history as the JSON download carries it, oldest first."""
    return [
        {
            "sasaran": c.key[0],
            "indikator": c.key[1],
            "bidang": c.key[2],
            "lama": c.lama,
            "baru": c.baru,
            "oleh": c.oleh,
            "waktu": c.waktu,
        }
        for c in reversed(found)
    ]


def restorable(key: Key) -> bool:
    """Whether an earlier value of this field may be put back: a table field's (not the profile's, nor the
    approval state, which has its own steps)."""
    return key[0] >= ANGGARAN and key[2] != "status"


def place(parts: list[Bagian], key: Key) -> str:
    """Where a change was made, as the page numbers it: `Indikator 2.1`, `Sasaran 3`, `Profil`, `Dokumen`."""
    s, i, _ = key
    if s == PROFIL:
        return "Profil"
    if s == DOKUMEN:
        return "Dokumen"
    if s == ANGGARAN:
        return f"Anggaran baris {i + 1}"
    part = parts[s] if 0 <= s < len(parts) else None
    number = part.sasaran.nomor if part else s + 1
    if i == SASARAN_ITSELF:
        return f"Sasaran {number}"
    row = next((r for r in part.baris if r.i == i), None) if part else None
    return f"Indikator {number}.{row.indikator.nomor if row else i + 1}"


@bp.get("/dokumen/<int:dokumen_id>/riwayat")
def halaman(dokumen_id: int) -> Any:
    store, rec, user = get_store(), saved(dokumen_id), akses.current()
    state = report.keadaan(store, rec, with_last_year=False)
    chosen = request.args.get("baris", "")
    try:
        row = tuple(int(n) for n in chosen.split("_")) if chosen else None
    except ValueError:
        row = None
    found = lines(store, dokumen_id, row if row and len(row) == 2 else None)  # type: ignore[arg-type]
    may_restore = {
        c.id
        for c in found
        if restorable(c.key)
        and akses.may_edit(user, rec, state.asli, c.key)
        and state.edits.get(c.key, extracted_value(rec, state.asli, c.key)) != c.lama
    }
    return render_template(
        "riwayat.html",
        rec=rec,
        perubahan=found,
        tempat=lambda key: place(state.bagian, key),
        bidang=lambda name: NAMA_BIDANG.get(name, name.replace("_", " ")),
        waktu=lambda stored: tampil(stored, zona(rec.profil)),
        pulihkan=may_restore,
        baris=row,
    )


@bp.post("/dokumen/<int:dokumen_id>/riwayat/<int:nomor>/pulihkan")
def pulihkan(dokumen_id: int, nomor: int) -> Any:
    store, rec, user = get_store(), saved(dokumen_id), akses.current()
    change = next((c for c in lines(store, dokumen_id) if c.id == nomor), None)
    if change is None or not restorable(change.key):
        return error("Perubahan ini tidak ada atau tidak dapat dipulihkan; muat ulang halaman.", 404)
    asli = get_store().dokumen_asli(rec)
    if not akses.may_edit(user, rec, asli, change.key):
        return error(akses.refusal(rec, "operator unit indikator ini, perencana atau admin"), 403)
    try:
        value = check_edit(asli, store.suntingan(dokumen_id), change.key, change.lama)
    except KinerjaError as exc:
        return error(exc.pesan, 400)
    store.sunting(dokumen_id, change.key, value, user.nama if user else "", extracted_value(rec, asli, change.key))
    flash(f"Nilai sebelumnya dipulihkan: '{change.lama}'.")
    return redirect(url_for("riwayat.halaman", dokumen_id=dokumen_id, baris=request.form.get("baris", "")), 303)
