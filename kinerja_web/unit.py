"""The perencana's page dividing a document's indicators among the office's units (penugasan.py keeps it)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for

from . import akses, pengguna, report
from .db import get_store, saved
from .errors import error
from .penugasan import tetapkan, tugas, unit_kolom
from .store import Simpanan, Tersimpan, same_name

bp = Blueprint("unit", __name__)
MAX_UNIT = 200


def pilihan_unit(store: Simpanan, rec: Tersimpan, state: report.Keadaan) -> list[str]:
    """The units an indicator may be given: the document's kelompok and penanggung jawab names and the office's
    operators' units, each once (case and spaces ignored, spelled as the document spells it)."""
    names: list[str] = []
    for part in state.bagian:
        names.append(part.sasaran.kelompok or "")
        names += [row.indikator.kolom_lain.get("penanggung jawab", "") for row in part.baris]
    office = same_name(rec.instansi)
    names += [u for account in pengguna.daftar(store) if same_name(account.instansi) == office for u in account.unit]
    seen: dict[str, str] = {}
    for name in names:
        if name.strip():
            seen.setdefault(same_name(name), " ".join(name.split()))
    return sorted(seen.values(), key=str.casefold)


@bp.get("/dokumen/<int:dokumen_id>/unit")
def halaman(dokumen_id: int) -> Any:
    store, rec = get_store(), saved(dokumen_id)
    state = report.keadaan(store, rec, with_last_year=False)
    return render_template(
        "unit.html",
        rec=rec,
        bagian=state.bagian,
        tugas=tugas(store, dokumen_id),
        pilihan=pilihan_unit(store, rec, state),
        kolom=unit_kolom,
        kelola=akses.may_change(akses.current(), rec),
    )


@bp.post("/dokumen/<int:dokumen_id>/unit")
def simpan(dokumen_id: int) -> Any:
    store, rec, user = get_store(), saved(dokumen_id), akses.current()
    if not akses.may_change(user, rec):
        return error(akses.refusal(rec), 403)
    state = report.keadaan(store, rec, with_last_year=False)
    now = tugas(store, dokumen_id)
    changed = 0
    for part in state.bagian:
        for row in part.kept:
            given = request.form.get(f"unit-{part.s}-{row.i}")
            if given is None:
                continue
            unit = " ".join(given.split())[:MAX_UNIT]
            bawaan = unit_kolom(part.sasaran, row.indikator)
            unit = "" if same_name(unit) == same_name(bawaan) else unit
            if unit != now.get((part.s, row.i), ""):
                tetapkan(store, dokumen_id, (part.s, row.i), unit, bawaan, user.nama if user else "")
                changed += 1
    flash(
        f"Pembagian unit disimpan ({changed} indikator diubah)."
        if changed
        else "Tidak ada pembagian unit yang berubah."
    )
    return redirect(url_for("unit.halaman", dokumen_id=dokumen_id), 303)
