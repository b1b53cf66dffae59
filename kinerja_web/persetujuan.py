"""Approval of a document's year: the perencana submits it (Draf → Diajukan, which locks editing), the pimpinan
approves it (→ Disahkan) or returns it with a reason (→ Draf); only an admin reopens an approved year."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, url_for

from . import akses
from .db import get_store, saved
from .errors import error

bp = Blueprint("persetujuan", __name__)
MAX_ALASAN = 1000
SELESAI = {
    "ajukan": "Dokumen diajukan untuk disahkan; isiannya terkunci sampai disahkan atau dikembalikan.",
    "sahkan": "Dokumen disahkan; laporannya tidak lagi bertanda DRAF. Hanya admin yang dapat membukanya lagi.",
    "kembalikan": "Dokumen dikembalikan ke perencana beserta alasannya; isiannya dapat diubah lagi.",
    "buka": "Dokumen dibuka lagi sebagai draf; isiannya dapat diubah, laporannya kembali bertanda DRAF.",
}


@bp.post("/dokumen/<int:dokumen_id>/status")
def ubah(dokumen_id: int) -> Any:
    saved(dokumen_id)  # another office's is as if there were none
    user = akses.current()
    aksi = request.form.get("aksi", "")
    alasan = " ".join((request.form.get("alasan") or "").split())
    if aksi not in akses.TRANSISI:
        return error("Permintaan tidak sah; muat ulang halaman lalu coba lagi.", 400)
    dari, ke, roles = akses.TRANSISI[aksi]
    if user is None or user.peran not in roles:
        return error(akses.TIDAK_BERHAK.format(siapa=" atau ".join(roles)), 403)
    if aksi == "kembalikan" and not alasan:
        return error("Tulis alasan pengembaliannya, agar perencana tahu yang harus diperbaiki.", 400)
    if len(alasan) > MAX_ALASAN:
        return error(f"Alasan terlalu panjang (batas {MAX_ALASAN} huruf); persingkat.", 400)
    if not get_store().ubah_status(dokumen_id, dari, ke, user.nama, alasan):
        now = saved(dokumen_id)
        return error(f"Status dokumen ini sudah {now.status}; muat ulang halaman untuk melihatnya.", 409)
    flash(SELESAI[aksi])
    return redirect(url_for("documents.tabel", dokumen_id=dokumen_id), 303)
