"""The web application: pages and the calls they make, each a thin layer over ekstrak, laporan and the store."""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import tempfile
import threading
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from ekstrak import Dokumen, KinerjaError
from ekstrak.extract import extract_guarded
from ekstrak.formats import render as render_sheet
from inti import templat
from inti.detect import detect
from inti.limits import BAWAAN, Batas, MiB
from inti.numbers import format_number
from laporan.buat import render_laporan
from laporan.capaian import RUMUS_TURUN, SCALES
from laporan.load import read_budget_guarded
from laporan.profil import jenis_logo

from . import report
from .edits import (
    DIHAPUS,
    SASARAN_ITSELF,
    TRIWULAN,
    Bagian,
    check_edit,
    corrections,
    export_dict,
    new_indicator,
    row_of,
    susunan,
    tracks_quarters,
)
from .store import Simpanan, Tersimpan

WEB_TEMPLATES = templat.folder("web")
DATA_FORMATS = ("json", "csv", "xlsx")
REPORT_FORMATS = ("pdf", "docx", "html")
MEDIA = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}
BAD_REQUEST = "Permintaan tidak sah; muat ulang halaman lalu coba lagi."
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# One upload is parsed at a time: the parser runs in a forked child, and this is a one-person application.
_EXTRACTING = threading.Lock()


def _secret(folder: Path) -> str:
    """The key that signs the session (and so the CSRF token); kept in the data folder across restarts."""
    path = folder / "kunci_sesi"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32), encoding="ascii")
    return path.read_text(encoding="ascii").strip()


def _safe_name(name: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(name).stem).strip("._") or "dokumen"
    return stem[:60]


def create_app(folder: Path, batas: Batas = BAWAAN) -> Flask:
    """The application, saving into `folder` and reading uploads under `batas`."""
    store = Simpanan(folder)
    app = Flask(
        __name__,
        template_folder=str(WEB_TEMPLATES),
        static_folder=str(WEB_TEMPLATES / "static"),
        static_url_path="/aset",
    )
    app.config.update(
        SECRET_KEY=_secret(folder),
        MAX_CONTENT_LENGTH=batas.berkas + MiB,
        WTF_CSRF_TIME_LIMIT=None,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
    )
    app.extensions["kinerja_store"] = store
    app.jinja_env.globals["baca"] = _target_reading
    CSRFProtect(app)

    def saved(dokumen_id: int) -> Tersimpan:
        rec = store.ambil(dokumen_id)
        if rec is None:
            abort(404)
        return rec

    @app.before_request
    def only_this_computer() -> Any:
        # A page elsewhere may point a name at 127.0.0.1 (DNS rebinding); only local names are served.
        host = (request.host or "").rsplit(":", 1)[0] if not (request.host or "").startswith("[") else "[::1]"
        if host not in LOCAL_HOSTS:
            return _error_page("Alamat ini tidak dilayani. Buka Kinerja lewat http://127.0.0.1.", 400)
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.errorhandler(CSRFError)
    def csrf_error(_exc: CSRFError) -> Any:
        return _error(
            "Permintaan ditolak: halaman ini sudah kedaluwarsa atau dikirim dari situs lain. "
            "Muat ulang halaman lalu coba lagi.",
            400,
        )

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(_exc: RequestEntityTooLarge) -> Any:
        return _error(
            f"Berkas terlalu besar (batas {_size(batas.berkas)}). Kirim dokumen IKU/PK-nya saja, "
            "tanpa lampiran atau gambar pindaian.",
            413,
        )

    @app.errorhandler(404)
    def not_found(_exc: HTTPException) -> Any:
        return _error("Halaman atau dokumen ini tidak ada. Kembali ke daftar dokumen.", 404)

    @app.errorhandler(405)
    def wrong_method(_exc: HTTPException) -> Any:
        return _error("Cara membuka halaman ini tidak sah. Kembali ke daftar dokumen.", 405)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Any:
        if isinstance(exc, HTTPException):
            return _error("Permintaan tidak dapat dilayani. Kembali ke daftar dokumen.", exc.code or 400)
        app.logger.exception("kesalahan tak terduga")
        return _error(
            f"Kesalahan tak terduga ({type(exc).__name__}); perubahan yang sudah tersimpan tetap aman. "
            "Mohon laporkan bersama berkas masukannya.",
            500,
        )

    @app.get("/favicon.ico")
    def favicon() -> Any:
        return redirect(url_for("static", filename="favicon.svg"), 301)

    @app.get("/")
    def beranda() -> str:
        return _home()

    def _home(galat: str | None = None) -> Any:
        years: dict[int, list] = {}
        for row in store.daftar():
            years.setdefault(row.tahun, []).append(row)
        page = render_template("beranda.html", tahun=years, batas=_size(batas.berkas), galat=galat)
        return (page, 400) if galat else page

    @app.post("/unggah")
    def unggah() -> Any:
        upload = request.files.get("berkas")
        if upload is None or not upload.filename:
            return _home("Pilih berkas IKU/PK terlebih dahulu (TXT, PDF, DOCX, XLSX, CSV atau JSON).")
        tahun_teks = (request.form.get("tahun") or "").strip()
        if tahun_teks and not (tahun_teks.isdigit() and 2000 <= int(tahun_teks) <= 2100):
            return _home("Tahun harus empat angka, misalnya 2022.")
        with upload.stream:
            data = upload.stream.read(batas.berkas + 1)
        if len(data) > batas.berkas:
            return too_large(RequestEntityTooLarge())
        if not data:
            return _home(f"Berkas '{upload.filename}' kosong; pilih berkas yang benar.")
        try:
            doc = _extract(data, upload.filename, request.form.get("sandi") or None, batas)
        except KinerjaError as exc:
            return _home(f"Berkas '{upload.filename}' tidak dapat dibaca: {exc.pesan}")
        tahun = int(tahun_teks) if tahun_teks else doc["tahun"]
        if tahun is None:
            return _home("Tahun dokumen tidak tertulis di berkasnya; isi kolom Tahun lalu unggah lagi.")
        doc["tahun"] = tahun
        dokumen_id = store.tambah(tahun, upload.filename, doc, store.profil_terakhir(), store.logo_terakhir())
        return redirect(url_for("dokumen", dokumen_id=dokumen_id), 303)

    @app.get("/dokumen/<int:dokumen_id>")
    def dokumen(dokumen_id: int) -> str:
        state = report.keadaan(store, saved(dokumen_id))
        laporan = report.laporan(state, store)
        return render_template(
            "dokumen.html",
            rec=state.simpanan,
            doc=state.dokumen,
            bagian=state.bagian,
            laporan=laporan,
            angka=report.angka(laporan, state.keys),
            koreksi=corrections(state.asli, state.edits),
            triwulan=tracks_quarters(state.edits),
            triwulan_bidang=TRIWULAN,
            peringatan=_warnings_by_row(state.asli, state.bagian),
            lalu=state.lalu,
            anggaran_realisasi=report.realisasi_anggaran(state),
        )

    def _json_body() -> dict[str, Any]:
        body = request.get_json(silent=True)
        return body if isinstance(body, dict) else {}

    @app.post("/dokumen/<int:dokumen_id>/sunting")
    def sunting(dokumen_id: int) -> Any:
        rec = saved(dokumen_id)
        body = _json_body()
        try:
            key = (int(body["s"]), int(body["i"]), str(body["bidang"]))
            value = str(body.get("nilai") or "")
            checked = check_edit(Dokumen.from_dict(rec.asli), store.suntingan(dokumen_id), key, value)
        except (KeyError, TypeError, ValueError):
            return jsonify(pesan=BAD_REQUEST), 400
        except KinerjaError as exc:
            return jsonify(pesan=exc.pesan), 400
        waktu = store.sunting(dokumen_id, key, checked)
        state = report.keadaan(store, rec)
        out: dict[str, Any] = {
            "tersimpan": waktu[11:16],
            "angka": report.angka(report.laporan(state, store), state.keys),
        }
        s, i, name = key
        if s >= 0 and name in ("uraian", "target"):
            current = row_of(state.bagian, s, i)
            out["nilai"] = current.uraian if name == "uraian" else current.target.teks if current.target else ""
            out["asli"] = corrections(state.asli, state.edits).get((s, i), {}).get(name)
            if name == "target":
                out["terbaca"] = _target_reading(current.target)
        out["muat_ulang"] = name == DIHAPUS  # numbers and rows change: the page shows them again
        return jsonify(out)

    @app.post("/dokumen/<int:dokumen_id>/tambah")
    def tambah(dokumen_id: int) -> Any:
        rec = saved(dokumen_id)
        body = _json_body()
        try:
            s = int(body["s"])
            uraian, target = str(body.get("uraian") or ""), str(body.get("target") or "")
            added = new_indicator(Dokumen.from_dict(rec.asli), store.suntingan(dokumen_id), s, uraian, target)
        except (KeyError, TypeError, ValueError):
            return jsonify(pesan=BAD_REQUEST), 400
        except KinerjaError as exc:
            return jsonify(pesan=exc.pesan), 400
        for key, value in added:
            waktu = store.sunting(dokumen_id, key, value)
        return jsonify(tersimpan=waktu[11:16], muat_ulang=True, baris=f"{s}-{added[0][0][1]}")

    @app.route("/dokumen/<int:dokumen_id>/profil", methods=["GET", "POST"])
    def profil(dokumen_id: int) -> Any:
        rec = saved(dokumen_id)
        galat = None
        if request.method == "POST":
            data, logo, galat = _profile_from_form(rec)
            automatic = request.headers.get("X-Kinerja-Otomatis") == "1"
            if galat is None:
                waktu = store.simpan_profil(dokumen_id, data, logo, logo is not rec.logo)
                if automatic:
                    return jsonify(tersimpan=waktu[11:16])
                flash("Profil tersimpan.")
                return redirect(url_for("profil", dokumen_id=dokumen_id), 303)
            if automatic:
                return jsonify(pesan=galat), 400
            rec.profil = data
        parts = susunan(Dokumen.from_dict(rec.asli), store.suntingan(dokumen_id))
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

    def _profile_from_form(rec: Tersimpan) -> tuple[dict[str, Any], bytes | None, str | None]:
        """The profile typed in the form, the logo to keep (the saved one unless replaced), and any mistake."""
        form = request.form
        data: dict[str, Any] = {name: form.get(name, "").strip() for name in report.PROFIL_TEKS}
        for name in ("kata_pengantar", "bab1", "bab4"):
            data[name] = form.get(name, "").replace("\r\n", "\n")
        # Analyses of sasaran not on the form (deleted, and perhaps restored later) are kept.
        analisis = dict(rec.profil.get("analisis") or {})
        for key, value in form.items():
            if key.startswith("analisis_"):
                analisis[key.removeprefix("analisis_")] = value.replace("\r\n", "\n")
        data["analisis"] = {key: value for key, value in analisis.items() if value.strip()}
        data["aturan"] = {
            "skala": form.get("skala", "lkjip"),
            "batas": form.get("batas", "120"),
            "rumus_turun": form.get("rumus_turun", RUMUS_TURUN[0]),
        }
        tanggal = form.get("tanggal", "").strip()
        data["tanggal"] = tanggal
        galat = None
        try:
            dt.date.fromisoformat(tanggal or "2000-01-01")
        except ValueError:
            galat = "Tanggal penandatanganan harus tanggal yang sah (TTTT-BB-HH)."
        logo = rec.logo
        upload = request.files.get("logo")
        if "hapus_logo" in form:
            logo = None
        elif upload is not None and upload.filename:
            with upload.stream:
                logo = upload.stream.read(2 * MiB + 1)
            try:
                jenis_logo(logo, "Logo")
            except KinerjaError as exc:
                galat, logo = exc.pesan, rec.logo
        return data, logo, galat

    @app.get("/dokumen/<int:dokumen_id>/logo")
    def logo(dokumen_id: int) -> Response:
        rec = saved(dokumen_id)
        if not rec.logo:
            abort(404)
        return Response(rec.logo, mimetype=jenis_logo(rec.logo))

    @app.get("/dokumen/<int:dokumen_id>/unduh/<fmt>")
    def unduh(dokumen_id: int, fmt: str) -> Response:
        if fmt not in DATA_FORMATS + REPORT_FORMATS:
            abort(404)
        state = report.keadaan(store, saved(dokumen_id))
        name = _safe_name(state.simpanan.nama_berkas)
        if fmt in DATA_FORMATS:
            if fmt == "json":
                data = export_dict(state.asli, state.edits, state.bagian)
                body = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
            else:
                body = render_sheet(state.dokumen, fmt)
            filename = f"IKU_{state.simpanan.tahun}_{name}.{fmt}"
        else:
            body = render_laporan(report.laporan(state, store), [fmt]).berkas[fmt]
            filename = f"LAKIP_{state.simpanan.tahun}_{name}.{fmt}"
        response = Response(body, mimetype=MEDIA[fmt])
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @app.post("/dokumen/<int:dokumen_id>/hapus")
    def hapus(dokumen_id: int) -> Any:
        rec = saved(dokumen_id)
        store.hapus(dokumen_id)
        flash(f"Dokumen '{rec.nama_berkas}' tahun {rec.tahun} dihapus.")
        return redirect(url_for("beranda"), 303)

    return app


def _size(limit: int) -> str:
    return f"{limit // MiB} MiB" if limit >= MiB else f"{limit // 1024} KiB"


def _error(message: str, code: int) -> Any:
    """In JSON for the page's own script (it sends the CSRF token as a header), else as a page."""
    if request.is_json or "X-CSRFToken" in request.headers:
        return jsonify(pesan=message), code
    return _error_page(message, code)


def _error_page(message: str, code: int) -> Any:
    return render_template("galat.html", pesan=message), code


def _extract(data: bytes, filename: str, sandi: str | None, batas: Batas) -> dict[str, Any]:
    """The records of an upload, read under the limits; a filled sheet's budget realisasi is kept beside them."""
    suffix = Path(filename).suffix.lower()
    suffix = suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
    with tempfile.TemporaryDirectory(prefix="kinerja-") as folder, _EXTRACTING:
        path = Path(folder) / f"unggahan{suffix}"
        path.write_bytes(data)
        doc = extract_guarded(path, sandi, batas).to_dict()
        if detect(data) == "zip":
            spent = {row.uraian: row.realisasi for row in read_budget_guarded(path, batas)}
            for row in doc["anggaran"]:
                if spent.get(row["uraian"]) is not None:
                    row["realisasi"] = spent[row["uraian"]]
    return doc


def _target_reading(target: Any) -> str:
    """`nilai 80, satuan %` as the page shows under a target."""
    if target is None:
        return ""
    parts = []
    if target.batas_bawah is not None and target.batas_atas is not None:
        parts.append(f"rentang {format_number(target.batas_bawah)}–{format_number(target.batas_atas)}")
    elif target.nilai is not None:
        parts.append(f"nilai {format_number(target.nilai)}")
    if target.satuan:
        parts.append(f"satuan {target.satuan}")
    return ", ".join(parts) or "tidak terbaca sebagai angka"


def _warnings_by_row(asli: Dokumen, parts: list[Bagian]) -> dict[Any, list[str]]:
    """Each warning at its row: the sasaran it names, else the one indicator at its page and line, else the top."""
    by_place: dict[tuple, list[tuple[int, int]]] = {}
    for part in parts:
        for row in part.baris:
            by_place.setdefault((row.indikator.halaman, row.indikator.baris), []).append((part.s, row.i))
    by_number = {sasaran.nomor: s for s, sasaran in enumerate(asli.sasaran)}
    out: dict[Any, list[str]] = {}
    for warning in asli.peringatan:
        place: Any = "atas"
        if warning.sasaran in by_number:
            place = (by_number[warning.sasaran], SASARAN_ITSELF)
        elif warning.baris is not None and len(by_place.get((warning.halaman, warning.baris), [])) == 1:
            place = by_place[(warning.halaman, warning.baris)][0]
        out.setdefault(place, []).append(str(warning))
    return out
