"""The revision page: upload the revised version of a document-year (or take an identical upload) in its place,
and see each revision's indicators gone, with what had been filled in, and the new ones (ganti.py does it)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from ekstrak import KinerjaError
from inti.limits import Batas

from . import akses, ganti, report
from .db import get_store, saved
from .documents import on_the_page, read_upload
from .errors import BATAS, error, size_text
from .jenis_bukti import nama_berkas

bp = Blueprint("revisi", __name__)


def _page(dokumen_id: int, galat: str | None = None) -> Any:
    rec = saved(dokumen_id)
    page = render_template(
        "revisi.html",
        rec=rec,
        revisi=ganti.daftar(get_store(), dokumen_id),
        kelola=akses.may_change(akses.current(), rec),
        batas=size_text(current_app.config[BATAS].berkas),
        galat=galat,
    )
    return (page, 400) if galat else page


@bp.get("/dokumen/<int:dokumen_id>/revisi")
def halaman(dokumen_id: int) -> Any:
    return _page(dokumen_id)


def _year_mistake(found: int | None, tahun: int) -> str | None:
    if found is not None and found != tahun:
        return (
            f"Berkas ini untuk tahun {found}, bukan {tahun}; revisi harus dokumen tahun yang sama. Unggah sebagai "
            "dokumen baru di halaman depan bila memang untuk tahun lain."
        )
    return None


def _revised(dokumen_id: int) -> tuple[dict[str, Any] | None, str, str | None]:
    """The revised records and their file's name: an identical upload named by `dari` (then deleted once taken),
    or the uploaded file; or what is wrong."""
    dari = request.form.get("dari", "")
    if dari.isdigit() and len(dari) < 19:
        twin = saved(int(dari))
        if not akses.may_change(akses.current(), twin):
            return None, "", akses.refusal(twin)
        return twin.asli, twin.nama_berkas, None
    upload = request.files.get("berkas")
    if upload is None or not upload.filename:
        return None, "", "Pilih berkas versi revisi terlebih dahulu (PDF, DOCX, XLSX, TXT, CSV atau JSON)."
    batas: Batas = current_app.config[BATAS]
    with upload.stream:
        data = upload.stream.read(batas.berkas + 1)
    if len(data) > batas.berkas:
        raise RequestEntityTooLarge()
    nama = nama_berkas(upload.filename)
    try:
        return read_upload(data, nama, request.form.get("sandi") or None, batas), nama, None
    except KinerjaError as exc:
        return None, "", f"Berkas '{nama}' tidak dapat dibaca: {on_the_page(exc, request.form.get('sandi'))}"


@bp.post("/dokumen/<int:dokumen_id>/revisi")
def unggah(dokumen_id: int) -> Any:
    store, rec, user = get_store(), saved(dokumen_id), akses.current()
    if not akses.may_change(user, rec):
        return error(akses.refusal(rec), 403)
    asli, nama, galat = _revised(dokumen_id)
    galat = galat or _year_mistake(asli.get("tahun") if asli else None, rec.tahun)
    if galat or asli is None:
        return _page(dokumen_id, galat)
    asli = {**asli, "tahun": rec.tahun}
    done = ganti.ganti(store, report.keadaan(store, rec, with_last_year=False), asli, nama, user.nama if user else "")
    dari = request.form.get("dari", "")
    if dari.isdigit() and int(dari) != dokumen_id:
        store.hapus(int(dari))
    flash(
        f"Dokumen diganti dengan versi revisi '{nama}': {done.tetap} indikator tetap (realisasi, bukti dan riwayatnya "
        f"ikut), {len(done.hilang)} tidak ada lagi, {len(done.baru)} baru. Periksa daftarnya di bawah."
    )
    return redirect(url_for("revisi.halaman", dokumen_id=dokumen_id), 303)
