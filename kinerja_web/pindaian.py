"""Scans and images uploaded to the server: read by the OCR queue (antrean.py), one at a time, with a page for each
upload that shows its place in the queue or the pages read so far, and opens its document when it is done."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, abort, current_app, flash, jsonify, redirect, render_template, request, url_for

from ekstrak import KinerjaError
from ekstrak.keyakinan import LOW
from ekstrak.readers.scan import OTOMATIS

from . import akses, antrean, tanda
from .antrean import BERJALAN, DIBATALKAN, GAGAL, MENUNGGU, SELESAI, Hasil, Tertunda, Tugas, get_antrean
from .documents import keep, on_the_page, opened, read_upload, year_mistake
from .errors import BATAS, error

bp = Blueprint("pindaian", __name__)
NO_YEAR = "Pindaian ini sudah dibaca, tetapi tahun dokumennya tidak terbaca; isi tahunnya di bawah lalu simpan."


def baca(tugas: Tugas, data: bytes, sandi: str | None, progress: Callable[[int, int], None]) -> Hasil:
    """Read a queued upload by OCR (pages without a text layer, and images) and save it as its sender's."""
    try:
        doc = read_upload(data, tugas.nama_berkas, sandi, current_app.config[BATAS], OTOMATIS, progress)
    except KinerjaError as exc:
        raise KinerjaError(f"Berkas '{tugas.nama_berkas}' tidak dapat dibaca: {on_the_page(exc, sandi)}") from exc
    if not tugas.tahun and doc["tahun"] is None:  # asked for on its page: the scan is not read again
        raise Tertunda(doc, NO_YEAR)
    return keep(doc, tugas.nama_berkas, tugas.tahun, tugas.instansi)


def init_app(app: Flask, folder: Path) -> None:
    """The queue, the pages of its uploads, and the mark of OCR-read cells in the table."""
    antrean.init_app(app, folder, baca)
    app.register_blueprint(bp)
    app.add_template_global(tanda.tanda, "tanda_ocr")
    app.add_template_global(round(LOW * 100), "keyakinan_rendah")


def kabar(tugas: Tugas, ahead: int) -> str:
    """Where an upload is, in one sentence."""
    if tugas.keadaan == MENUNGGU:
        if ahead:
            return f"Menunggu giliran: {ahead} berkas di depan. Pindaian dibaca satu per satu di server ini."
        return "Menunggu giliran: berkas ini dibaca berikutnya."
    if tugas.jumlah:
        return f"Membaca dengan OCR: {tugas.selesai} dari {tugas.jumlah} halaman selesai."
    return "Membaca berkas…"


def _tugas(tugas_id: str) -> Tugas:
    """The upload this URL names; a 404 page when there is none or it is someone else's."""
    tugas = get_antrean().ambil(tugas_id)
    if tugas is None or not akses.may_see_upload(akses.current(), tugas.oleh, tugas.instansi):
        abort(404)
    return tugas


@bp.get("/pindaian/<tugas_id>")
def halaman(tugas_id: str) -> Any:
    tugas = _tugas(tugas_id)
    if tugas.keadaan == SELESAI and tugas.dokumen_id is not None:
        if tugas.diantar:
            return redirect(url_for("documents.tabel", dokumen_id=tugas.dokumen_id), 303)
        get_antrean().antar(tugas.id)
        return opened((tugas.dokumen_id, tugas.pesan, tugas.kembar))
    if tugas.keadaan == GAGAL and not tugas.diantar:
        get_antrean().antar(tugas.id)
    return _page(tugas)


def _page(tugas: Tugas, galat: str | None = None) -> Any:
    ahead = get_antrean().di_depan(tugas.id)
    page = render_template("pindaian.html", tugas=tugas, kabar=kabar(tugas, ahead), berjalan=BERJALAN, galat=galat)
    return (page, 400) if galat else page


@bp.post("/pindaian/<tugas_id>/tahun")
def tahun(tugas_id: str) -> Any:
    """The year of a scan whose year was not read: its records are saved with it."""
    tugas = _tugas(tugas_id)
    if not akses.may_manage(akses.current()):
        return error(akses.TIDAK_BERHAK.format(siapa="perencana atau admin"), 403)
    typed = (request.form.get("tahun") or "").strip()
    if galat := year_mistake(typed) or ("" if typed else "Isi tahun dokumennya, misalnya 2022."):
        return _page(tugas, galat)
    done = get_antrean().lengkapi(tugas.id, lambda doc: keep(doc, tugas.nama_berkas, typed, tugas.instansi))
    if done is None:  # saved already (sent twice), or no longer waiting
        return redirect(url_for("pindaian.halaman", tugas_id=tugas.id), 303)
    get_antrean().antar(tugas.id)
    return opened((done.dokumen_id, done.pesan, done.kembar))


@bp.get("/pindaian/<tugas_id>/keadaan")
def keadaan(tugas_id: str) -> Any:
    """How far the upload is, for its page's script."""
    tugas = _tugas(tugas_id)
    ahead = get_antrean().di_depan(tugas.id)
    return jsonify(
        keadaan=tugas.keadaan, selesai=tugas.selesai, jumlah=tugas.jumlah, di_depan=ahead, kabar=kabar(tugas, ahead)
    )


@bp.post("/pindaian/<tugas_id>/batal")
def batal(tugas_id: str) -> Any:
    tugas = _tugas(tugas_id)
    if get_antrean().batalkan(tugas.id):
        flash(f"Unggahan '{tugas.nama_berkas}' dibatalkan dan berkasnya dihapus dari server.")
        return redirect(url_for("documents.beranda"), 303)
    if tugas.keadaan == DIBATALKAN:
        return redirect(url_for("documents.beranda"), 303)
    flash("Berkas ini sudah mulai dibaca, jadi tidak dapat dibatalkan lagi; tunggu sampai selesai.")
    return redirect(url_for("pindaian.halaman", tugas_id=tugas.id), 303)
