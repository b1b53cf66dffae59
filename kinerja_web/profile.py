"""A document's profile: who signs, where and when, the logo, the report's prose and the capaian rules.
Saved as the form is typed (the page's script posts it) or with the form's own button."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

from flask import Blueprint, Response, abort, flash, jsonify, redirect, render_template, request, url_for
from werkzeug.datastructures import FileStorage, MultiDict

from ekstrak import KinerjaError
from laporan.capaian import RUMUS_TURUN, SCALES
from laporan.profil import MAX_LOGO_BYTES, jenis_logo

from . import akses, report
from .db import get_store, saved
from .edits import susunan
from .errors import error
from .store import Bentrok, Tersimpan
from .waktu import ZONA, jam, tampil, zona

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


LABEL = {
    "instansi": "Nama instansi",
    "kota": "Kota",
    "tanggal": "Tanggal penandatanganan",
    "zona": "Zona waktu",
    "kepala_jabatan": "Jabatan kepala",
    "kepala_nama": "Nama kepala",
    "kepala_nip": "NIP kepala",
    "kata_pengantar": "Kata Pengantar",
    "bab1": "Bab I",
    "bab4": "Bab IV",
    "analisis": "Analisis per sasaran",
    "aturan": "Perhitungan capaian",
}


def profile_conflict(other: Bentrok, mine: dict[str, Any], office_zone: str) -> str:
    """The words of a profile save refused because someone saved it since the form was loaded: who, when,
    and what they wrote where the two differ."""
    theirs = json.loads(other.nilai)
    changed = [name for name in LABEL if theirs.get(name, "") != mine.get(name, "")]
    shown = "; ".join(
        f"{LABEL[n]}: '{theirs.get(n, '')}'" if isinstance(theirs.get(n, ""), str) else LABEL[n] for n in changed
    )
    who = f"oleh {other.oleh}" if other.oleh else "dari tab atau komputer lain"
    return (
        f"Profil belum tersimpan: profil ini sudah diubah {who} ({tampil(other.diubah, office_zone)})"
        f"{': ' + shown if shown else ''}. Muat ulang halaman untuk melihatnya, lalu ketik lagi isian Anda."
    )


def _page(rec: Tersimpan, galat: str | None, code: int = 400) -> Any:
    """The profile form, filled from `rec`; with the mistake (status 400) when one was refused."""
    parts = susunan(get_store().dokumen_asli(rec), get_store().suntingan(rec.id))
    return render_template(
        "profil.html",
        rec=rec,
        bagian=[part for part in parts if not part.dihapus],
        p=rec.profil,
        aturan=report.aturan(rec.profil),
        skala=list(SCALES),
        rumus=RUMUS_TURUN,
        galat=galat,
    ), (code if galat else 200)


@bp.route("/dokumen/<int:dokumen_id>/profil", methods=["GET", "POST"])
def profil(dokumen_id: int) -> Any:
    rec, user = saved(dokumen_id), akses.current()
    if request.method == "GET":
        return _page(rec, None)
    automatic = request.headers.get("X-Kinerja-Otomatis") == "1"  # the page's script, saving as it is typed
    if not akses.may_change(user, rec):
        return error(akses.refusal(rec), 403)
    data, galat = profile_from_form(request.form, rec.profil.get("analisis") or {})
    logo, logo_galat = logo_from_form(request.form, request.files.get("logo"), rec.logo)
    galat = logo_galat or galat
    versi = request.form.get("versi", "")
    if galat is None:
        try:
            waktu, baru = get_store().simpan_profil(
                dokumen_id, data, logo, logo is not rec.logo, user.nama if user else "", int(versi) if versi else None
            )
        except ValueError:
            return error("Permintaan tidak sah; muat ulang halaman lalu coba lagi.", 400)
        except Bentrok as other:
            said = profile_conflict(other, data, zona(rec.profil))
            if automatic:
                return jsonify(pesan=said), 409
            now = get_store().ambil(dokumen_id)  # the form again, as typed, on the profile saved meanwhile
            return _page(replace(rec, profil=data, profil_versi=now.profil_versi if now else 0), said, 409)
        if automatic:
            return jsonify(tersimpan=jam(waktu, zona(data)), versi=baru)
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
