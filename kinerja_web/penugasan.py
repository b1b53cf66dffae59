"""Which unit answers for an indicator: its kelompok or penanggung jawab column, unless the perencana assigned
it to another unit (kept per document, each change in the history)."""

from __future__ import annotations

from typing import Any

from flask import current_app, g

from .store import Simpanan, Tersimpan, catat
from .waktu import sekarang

BIDANG = "unit"  # the field name of its lines of history


def tugas(store: Simpanan, dokumen_id: int) -> dict[tuple[int, int], str]:
    """The indicators assigned to a unit other than their columns say, and that unit."""
    with store.koneksi() as db:
        rows = db.execute(
            "SELECT sasaran, indikator, unit FROM penugasan WHERE dokumen_id = ?", (dokumen_id,)
        ).fetchall()
    return {(r[0], r[1]): r[2] for r in rows}


def tugas_kini(rec: Tersimpan) -> dict[tuple[int, int], str]:
    """`tugas` of the document, read once per request (every field of the page asks)."""
    cache = g.setdefault("kinerja_tugas", {})
    if rec.id not in cache:
        cache[rec.id] = tugas(current_app.extensions["kinerja_store"], rec.id)  # db.STORE (db imports akses)
    return cache[rec.id]


def tetapkan(store: Simpanan, dokumen_id: int, key: tuple[int, int], unit: str, bawaan: str, oleh: str) -> None:
    """Assign an indicator to `unit` (empty: back to its columns' `bawaan`), with a line of history."""
    now = sekarang()
    where = "dokumen_id = ? AND sasaran = ? AND indikator = ?"
    with store.tulis() as db:
        row = db.execute(f"SELECT unit FROM penugasan WHERE {where}", (dokumen_id, *key)).fetchone()
        before = row[0] if row else bawaan
        db.execute(f"DELETE FROM penugasan WHERE {where}", (dokumen_id, *key))
        if unit:
            db.execute(
                "INSERT INTO penugasan (dokumen_id, sasaran, indikator, unit) VALUES (?, ?, ?, ?)",
                (dokumen_id, *key, unit),
            )
        catat(db, dokumen_id, (*key, BIDANG), before, unit or bawaan, oleh, now)
        db.execute("UPDATE dokumen SET diubah = ? WHERE id = ?", (now, dokumen_id))


def unit_kolom(sasaran: Any, indikator: Any) -> str:
    """The unit an indicator's own columns name: its penanggung jawab, else its sasaran's kelompok."""
    return indikator.kolom_lain.get("penanggung jawab") or sasaran.kelompok or ""
