"""The evidence pages: each indicator's files and links, added and removed by who may fill that indicator (the
server checks every request), and downloaded, one by one or all of a year's as one ZIP, never shown inline."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, send_file, url_for

from ekstrak import KinerjaError

from . import akses, bukti_data, report
from .bukti_zip import buat_zip
from .db import get_store, saved
from .downloads import safe_name
from .errors import BATAS, error, size_text
from .jenis_bukti import DITERIMA, nama_berkas, periksa_berkas, periksa_tautan
from .store import Tersimpan
from .waktu import tampil, zona

bp = Blueprint("bukti", __name__)
SIAPA = "operator unit indikator ini, perencana atau admin"


def folder() -> Path:
    return current_app.config[bukti_data.CONFIG]


@bp.app_template_global("jumlah_bukti")
def jumlah_bukti(dokumen_id: int) -> dict[tuple[int, int], int]:
    """How many pieces of evidence each indicator of a document has (the table's links say so)."""
    return bukti_data.jumlah(get_store(), dokumen_id)


def _row(text: str) -> tuple[int, int] | None:
    """`2_0` (as the page's links name a row) as a key; None when it is not one."""
    parts = text.split("_")
    if len(parts) != 2 or not all(p.lstrip("-").isdigit() and len(p) < 10 for p in parts):
        return None
    return int(parts[0]), int(parts[1])


def _kept(state: report.Keadaan, key: tuple[int, int]) -> bool:
    """Whether the key names an indicator the document still has (not deleted, nor its sasaran)."""
    return any(part.s == key[0] and not part.dihapus and any(r.i == key[1] for r in part.kept) for part in state.bagian)


def _page(rec: Tersimpan, state: report.Keadaan, baris: tuple[int, int] | None, galat: str | None = None) -> Any:
    user = akses.current()
    page = render_template(
        "bukti.html",
        rec=rec,
        bagian=state.bagian,
        bukti=bukti_data.per_baris(bukti_data.daftar(get_store(), rec.id)),
        baris=baris,
        galat=galat,
        boleh=lambda s, i: akses.may_edit(user, rec, state.asli, (s, i, bukti_data.BIDANG)),
        waktu=lambda stored: tampil(stored, zona(rec.profil)),
        batas=size_text(current_app.config[BATAS].berkas),
        diterima=DITERIMA,
    )
    return (page, 400) if galat else page


@bp.get("/dokumen/<int:dokumen_id>/bukti")
def halaman(dokumen_id: int) -> Any:
    rec = saved(dokumen_id)
    state = report.keadaan(get_store(), rec, with_last_year=False)
    baris = _row(request.args.get("baris", ""))
    return _page(rec, state, baris if baris and _kept(state, baris) else None)


@bp.post("/dokumen/<int:dokumen_id>/bukti")
def tambah(dokumen_id: int) -> Any:
    store, rec, user = get_store(), saved(dokumen_id), akses.current()
    state = report.keadaan(store, rec, with_last_year=False)
    key = _row(request.form.get("baris", ""))
    if key is None or not _kept(state, key):
        return error("Indikator ini tidak ada (mungkin sudah dihapus); muat ulang halaman lalu coba lagi.", 400)
    if not akses.may_edit(user, rec, state.asli, (*key, bukti_data.BIDANG)):
        return error(akses.refusal(rec, SIAPA), 403)
    upload = request.files.get("berkas")
    tautan = (request.form.get("tautan") or "").strip()
    oleh = user.nama if user else ""
    try:
        if upload is not None and upload.filename:
            nama = nama_berkas(upload.filename)
            batas = current_app.config[BATAS]
            with upload.stream:
                data = upload.stream.read(batas.berkas + 1)
            jenis = periksa_berkas(data, nama, batas)
            bukti_data.tambah(store, folder(), dokumen_id, key, nama, data, jenis.media, oleh)
            flash(f"Bukti dukung '{nama}' ditambahkan.")
        elif tautan:
            link = periksa_tautan(tautan)
            bukti_data.tambah(store, folder(), dokumen_id, key, link, oleh=oleh)
            flash("Tautan bukti dukung ditambahkan.")
        else:
            raise KinerjaError("Pilih berkas bukti dukung, atau tulis tautannya, lalu tekan Tambahkan.")
    except KinerjaError as exc:
        return _page(rec, state, key, exc.pesan)
    return redirect(url_for("bukti.halaman", dokumen_id=dokumen_id, baris=f"{key[0]}_{key[1]}"), 303)


@bp.post("/dokumen/<int:dokumen_id>/bukti/<bukti_id>/hapus")
def hapus(dokumen_id: int, bukti_id: str) -> Any:
    store, rec, user = get_store(), saved(dokumen_id), akses.current()
    found = bukti_data.ambil(store, dokumen_id, bukti_id)
    if found is None:
        return error("Bukti dukung ini sudah tidak ada; muat ulang halaman.", 404)
    asli = store.dokumen_asli(rec)
    if not akses.may_edit(user, rec, asli, (found.sasaran, found.indikator, bukti_data.BIDANG)):
        return error(akses.refusal(rec, SIAPA), 403)
    if bukti_data.hapus(store, folder(), dokumen_id, found, user.nama if user else ""):
        flash(f"Bukti dukung '{found.nama}' dihapus.")
    return redirect(url_for("bukti.halaman", dokumen_id=dokumen_id, baris=f"{found.sasaran}_{found.indikator}"), 303)


@bp.get("/dokumen/<int:dokumen_id>/bukti/<bukti_id>")
def unduh(dokumen_id: int, bukti_id: str) -> Any:
    saved(dokumen_id)
    found = bukti_data.ambil(get_store(), dokumen_id, bukti_id)
    if found is None or found.jenis != bukti_data.BERKAS:
        return error("Bukti dukung ini tidak ada; kembali ke daftar bukti dukung.", 404)
    path = bukti_data.path_of(folder(), found.isi)
    if not path.is_file():
        return error(
            f"Berkas '{found.nama}' tidak ditemukan di folder data (mungkin terhapus di luar Kinerja); "
            "pulihkan folder 'bukti' dari cadangan, atau unggah berkasnya lagi.",
            410,
        )
    data = io.BytesIO(path.read_bytes())  # no file left open by a client that never reads the answer to its end
    return send_file(data, mimetype=found.media, as_attachment=True, download_name=found.nama, max_age=0)


@bp.get("/dokumen/<int:dokumen_id>/bukti.zip")
def zip_semua(dokumen_id: int) -> Any:
    store, rec = get_store(), saved(dokumen_id)
    state = report.keadaan(store, rec, with_last_year=False)
    found = bukti_data.per_baris(bukti_data.daftar(store, dokumen_id))
    missing = [
        b.nama for rows in found.values() for b in rows if b.isi and not bukti_data.path_of(folder(), b.isi).is_file()
    ]
    if missing:
        return error(
            f"Berkas bukti {', '.join(repr(n) for n in missing[:3])} tidak ditemukan di folder data; pulihkan folder "
            "'bukti' dari cadangan, atau hapus lalu unggah lagi bukti itu.",
            410,
        )
    package = buat_zip(state.bagian, found, folder(), zona(rec.profil))
    name = f"BUKTI_{rec.tahun}_{safe_name(rec.nama_berkas)}.zip"
    return send_file(package, mimetype="application/zip", as_attachment=True, download_name=name, max_age=0)
