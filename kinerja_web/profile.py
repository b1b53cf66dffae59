"""A document's profile: who signs, where and when, the logo, the report's prose and the capaian rules.
Saved as the form is typed (the page's script posts it) or with the form's own button."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from flask import Blueprint, Response, abort, flash, jsonify, redirect, render_template, request, url_for
from werkzeug.datastructures import FileStorage, MultiDict

from ekstrak import Dokumen, KinerjaError
from laporan.capaian import RUMUS_TURUN, SCALES
from laporan.profil import MAX_LOGO_BYTES, jenis_logo

from . import report
from .db import get_store, saved
from .edits import susunan
from .store import Tersimpan
from .waktu import ZONA, jam, zona

bp = Blueprint("profile", __name__)
PROSA = ("kata_pengantar", "bab1", "bab4")  # Markdown the office writes; its line ends are kept
TANGGAL_SALAH = "Tanggal penandatanganan harus tanggal yang sah (TTTT-BB-HH)."


def profile_from_form(form: MultiDict, saved_analisis: dict[str, str]) -> tuple[dict[str, Any], str | None]:
    """The profile typed in the form (its texts, the analyses, the rules and the date), and any mistake in it.
    Analyses of sasaran not on the form (deleted, and perhaps restored later) are kept from `saved_analisis`."""
    data: dict[str, Any] = {name: form.get(name, "").strip() for name in report.PROFIL_TEKS}
    for name in PROSA:
        data[name] = form.get(name, "").replace("\r\n", "\n")
    analisis = dict(saved_analisis)
    for key, value in form.items():
        if key.startswith("analisis_"):
            analisis[key.removeprefix("analisis_")] = value.replace("\r\n", "\n")
    data["analisis"] = {key: value for key, value in analisis.items() if value.strip()}
    data["aturan"] = {
        "skala": form.get("skala", "lkjip"),
        "batas": form.get("batas", "120"),
        "rumus_turun": form.get("rumus_turun", RUMUS_TURUN[0]),
    }
    data["tanggal"] = form.get("tanggal", "").strip()
    data["zona"] = form.get("zona") if form.get("zona") in ZONA else "WIB"
    try:
        dt.date.fromisoformat(data["tanggal"] or "2000-01-01")
    except ValueError:
        return data, TANGGAL_SALAH
    return data, None


def logo_from_form(form: MultiDict, upload: FileStorage | None, kept: bytes | None) -> tuple[bytes | None, str | None]:
    """The logo to keep: none when the form asks to remove it, an uploaded PNG/JPEG, else the saved one (`kept`);
    and the mistake when the upload is refused (the saved one is then kept)."""
    if "hapus_logo" in form:
        return None, None
    if upload is None or not upload.filename:
        return kept, None
    with upload.stream:
        logo = upload.stream.read(MAX_LOGO_BYTES + 1)  # one byte more than allowed: refused as too large
    try:
        jenis_logo(logo, "Logo")
    except KinerjaError as exc:
        return kept, exc.pesan
    return logo, None


def _page(rec: Tersimpan, galat: str | None) -> Any:
    """The profile form, filled from `rec`; with the mistake (status 400) when one was refused."""
    parts = susunan(Dokumen.from_dict(rec.asli), get_store().suntingan(rec.id))
    return render_template(
        "profil.html",
        rec=rec,
        bagian=[part for part in parts if not part.dihapus],
        p=rec.profil,
        aturan=report.aturan(rec.profil),
        skala=list(SCALES),
        rumus=RUMUS_TURUN,
        galat=galat,
    ), (400 if galat else 200)


@bp.route("/dokumen/<int:dokumen_id>/profil", methods=["GET", "POST"])
def profil(dokumen_id: int) -> Any:
    rec = saved(dokumen_id)
    if request.method == "GET":
        return _page(rec, None)
    data, galat = profile_from_form(request.form, rec.profil.get("analisis") or {})
    logo, logo_galat = logo_from_form(request.form, request.files.get("logo"), rec.logo)
    galat = logo_galat or galat
    automatic = request.headers.get("X-Kinerja-Otomatis") == "1"  # the page's script, saving as it is typed
    if galat is None:
        waktu = get_store().simpan_profil(dokumen_id, data, logo, logo is not rec.logo)
        if automatic:
            return jsonify(tersimpan=jam(waktu, zona(data)))
        flash("Profil tersimpan.")
        return redirect(url_for("profile.profil", dokumen_id=dokumen_id), 303)
    if automatic:
        return jsonify(pesan=galat), 400
    return _page(replace(rec, profil=data), galat)  # the form again, as typed, with its mistake


@bp.get("/dokumen/<int:dokumen_id>/logo")
def logo(dokumen_id: int) -> Response:
    rec = saved(dokumen_id)
    if not rec.logo:
        abort(404)
    return Response(rec.logo, mimetype=jenis_logo(rec.logo))
