"""The documents: the list and the upload, a document's table, and the edits the table's script sends
(corrections, realisasi, deleted and added rows). Every figure on the page is read from the report's
figures (laporan.hasil through report.hasil), never from its wording."""

from __future__ import annotations

import contextlib
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, session, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from ekstrak import Dokumen, KinerjaError, Target, extract_guarded
from ekstrak.readers.scan import TIDAK
from inti.detect import detect
from inti.errors import PerluOCR, PerluSandi
from inti.guard import Progress
from inti.limits import Batas
from inti.numbers import format_number
from laporan.load import read_budget_guarded
from laporan.view import batas_teks

from . import akses, report
from .antrean import Hasil, get_antrean
from .db import get_store, saved
from .edits import (
    ANGGARAN,
    DIHAPUS,
    DIPERIKSA,
    DOKUMEN,
    PEMBANDING,
    SASARAN_ITSELF,
    TRIWULAN,
    Bagian,
    check_edit,
    corrections,
    field_value,
    new_indicator,
    row_of,
    tracks_quarters,
)
from .errors import BATAS, error, size_text
from .store import Bentrok, Key, Tersimpan
from .waktu import jam, tampil, zona

bp = Blueprint("documents", __name__)
KEMBAR = "kembar"  # the session's note of an upload identical to a saved document: [new id, earlier id]
BAD_REQUEST = "Permintaan tidak sah; muat ulang halaman lalu coba lagi."
# One upload is parsed at a time (in a forked child); scans wait in the OCR queue instead, one at a time too.
_EXTRACTING = threading.Lock()


@bp.app_template_global("baca")
def target_reading(target: Target | None) -> str:
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


def year_mistake(text: str) -> str | None:
    """What is wrong with the year typed beside an upload (empty is fine: the document's own is used)."""
    if text and not (text.isdigit() and 2000 <= int(text) <= 2100):
        return "Tahun harus empat angka, misalnya 2022."
    return None


def on_the_page(exc: KinerjaError, sandi: str | None) -> str:
    """What a refused upload tells the person at the page: the command's advice names its options, the page
    says what to do here instead."""
    if isinstance(exc, PerluSandi):
        if sandi:
            return "Kata sandi PDF salah; periksa lagi kata sandinya di bagian 'PDF-nya terkunci' lalu unggah lagi."
        return "PDF ini terkunci; buka bagian 'PDF-nya terkunci dengan kata sandi?', isi sandinya, lalu unggah lagi."
    return re.sub(
        r"\(bila memang sangat besar, naikkan dengan --batas-(waktu|memori)\)",
        r"(bila memang sangat besar, minta pengelola Kinerja menaikkan batas \1 membaca berkas)",
        exc.pesan,
    )


def read_upload(
    data: bytes, filename: str, sandi: str | None, batas: Batas, ocr: str = TIDAK, progress: Progress | None = None
) -> dict[str, Any]:
    """The records of an upload, read under the limits; a filled sheet's budget realisasi is kept beside them.
    KinerjaError when the file cannot be read. With `ocr` it is the OCR queue's reading, which keeps its own turn."""
    suffix = Path(filename).suffix.lower()
    suffix = suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ""
    turn = _EXTRACTING if ocr == TIDAK else contextlib.nullcontext()
    with tempfile.TemporaryDirectory(prefix="kinerja-") as folder, turn:
        path = Path(folder) / f"unggahan{suffix}"
        path.write_bytes(data)
        doc = extract_guarded(path, sandi, batas, ocr, progress).to_dict()
        if detect(data) == "zip":
            spent = {row.uraian: row.realisasi for row in read_budget_guarded(path, batas)}
            for row in doc["anggaran"]:
                if spent.get(row["uraian"]) is not None:
                    row["realisasi"] = spent[row["uraian"]]
    return doc


def keep(doc: dict[str, Any], filename: str, tahun_teks: str, pemilik: str) -> Hasil:
    """Save an upload's records as a new document of the office `pemilik`: its id, the note about its profile,
    and an earlier document read into the same records. KinerjaError when its year is not known."""
    tahun = int(tahun_teks) if tahun_teks else doc["tahun"]
    if tahun is None:
        raise KinerjaError("Tahun dokumen tidak tertulis di berkasnya; isi kolom Tahun lalu unggah lagi.")
    doc["tahun"] = tahun
    store = get_store()
    profil, logo, source = store.profil_terakhir(doc["instansi"], pemilik)
    dokumen_id = store.tambah(tahun, filename, doc, profil, logo, pemilik)
    if source is None:
        note = "Profil laporan dokumen ini masih kosong; isi di bagian 'Profil dan teks laporan'."
    else:
        note = (
            f"Profil laporan (penanda tangan, teks, logo) disalin dari dokumen '{source.nama_berkas}' tahun "
            f"{source.tahun} dari instansi yang sama; periksa di bagian 'Profil dan teks laporan'."
        )
    twin = store.sama(dokumen_id)
    return dokumen_id, note, twin.id if twin else None


def opened(hasil: Hasil) -> Any:
    """The saved upload's page, with its note; an identical earlier one is asked about on that page."""
    dokumen_id, note, twin = hasil
    flash(note)
    if twin is not None:  # asked on the page it opens: keep both, or the earlier one
        session[KEMBAR] = [dokumen_id, twin]
    return redirect(url_for("documents.tabel", dokumen_id=dokumen_id), 303)


def warnings_by_row(asli: Dokumen, parts: list[Bagian]) -> dict[Any, list[str]]:
    """Each warning at its row: the sasaran it names, else the one indicator at its page and line, else the top
    (`"atas"`). Rows are keyed as the page's are: (sasaran index, indicator index or SASARAN_ITSELF)."""
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


def edit_answer(state: report.Keadaan, figures: dict[str, Any], key: Key) -> dict[str, Any]:
    """What the page's script gets back after an edit: the new figures, and for a text it corrected, the text
    as saved, the extracted one (None once they agree again) and how a target now reads."""
    out: dict[str, Any] = {"angka": figures}
    s, i, name = key
    if s >= 0 and name in ("uraian", "target"):
        current = row_of(state.bagian, s, i)
        out["nilai"] = current.uraian if name == "uraian" else current.target.teks if current.target else ""
        out["asli"] = corrections(state.asli, state.edits).get((s, i), {}).get(name)
        if name == "target":
            out["terbaca"] = target_reading(current.target)
    out["muat_ulang"] = name in (DIHAPUS, PEMBANDING)  # rows or last year's column change: shown again
    return out


def _json_body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else {}


def _home(galat: str | None = None) -> Any:
    years: dict[int, list] = {}
    for row in akses.visible(akses.current(), get_store().daftar()):
        years.setdefault(row.tahun, []).append(row)
    limit = size_text(current_app.config[BATAS].berkas)
    manage = akses.may_manage(akses.current())
    reading = get_antrean().milik(*akses.owner(akses.current()))
    page = render_template("beranda.html", tahun=years, batas=limit, galat=galat, kelola=manage, pindaian=reading)
    return (page, 400) if galat else page


@bp.get("/")
def beranda() -> Any:
    return _home()


@bp.post("/unggah")
def unggah() -> Any:
    if not akses.may_manage(user := akses.current()):
        return error(akses.TIDAK_BERHAK.format(siapa="perencana atau admin"), 403)
    batas: Batas = current_app.config[BATAS]
    upload = request.files.get("berkas")
    if upload is None or not upload.filename:
        return _home("Pilih berkas IKU/PK terlebih dahulu (TXT, PDF, DOCX, XLSX, CSV atau JSON).")
    tahun_teks = (request.form.get("tahun") or "").strip()
    if galat := year_mistake(tahun_teks):
        return _home(galat)
    with upload.stream:
        data = upload.stream.read(batas.berkas + 1)
    if len(data) > batas.berkas:
        raise RequestEntityTooLarge()
    if not data:
        return _home(f"Berkas '{upload.filename}' kosong; pilih berkas yang benar.")
    sandi = request.form.get("sandi") or None
    try:
        doc = read_upload(data, upload.filename, sandi, batas)
    except PerluOCR:  # a scan or an image: read by the server's OCR queue, its page shows how far it is
        tugas = get_antrean().kirim(data, upload.filename, tahun_teks, sandi, *akses.owner(user))
        return redirect(url_for("pindaian.halaman", tugas_id=tugas.id), 303)
    except KinerjaError as exc:
        return _home(f"Berkas '{upload.filename}' tidak dapat dibaca: {on_the_page(exc, sandi)}")
    try:
        return opened(keep(doc, upload.filename, tahun_teks, akses.owner(user)[1]))
    except KinerjaError as exc:
        return _home(exc.pesan)


@bp.get("/dokumen/<int:dokumen_id>")
def tabel(dokumen_id: int) -> str:
    state = report.keadaan(get_store(), saved(dokumen_id))
    user = akses.current()
    twin = None
    if session.get(KEMBAR, [None])[0] == dokumen_id:
        twin = get_store().sama(session.pop(KEMBAR)[0])
    hasil = report.hasil(state, get_store())
    return render_template(
        "dokumen.html",
        rec=state.simpanan,
        doc=state.dokumen,
        bagian=state.bagian,
        angka=report.angka(hasil, state.keys),
        skala=hasil.aturan.skala,
        batas=batas_teks(hasil.aturan),
        koreksi=corrections(state.asli, state.edits),
        diperiksa={(s, i) for (s, i, name), value in state.edits.items() if name == DIPERIKSA and value == "ya"},
        triwulan=tracks_quarters(state.edits),
        triwulan_bidang=TRIWULAN,
        peringatan=warnings_by_row(state.asli, state.bagian),
        lalu=state.lalu,
        pilihan_lalu=state.pilihan_lalu,
        pembanding=state.edits.get((DOKUMEN, -1, PEMBANDING), ""),
        anggaran_realisasi=report.realisasi_anggaran(state),
        kembar=twin,
        boleh=lambda s, i, name: akses.may_edit(user, state.simpanan, state.asli, (s, i, name)),
        kelola=akses.may_change(user, state.simpanan),
        aksi_status=akses.actions(user, state.simpanan),
    )


@bp.post("/dokumen/<int:dokumen_id>/sunting")
def sunting(dokumen_id: int) -> Any:
    store, rec, user = get_store(), saved(dokumen_id), akses.current()
    body = _json_body()
    try:
        key = (int(body["s"]), int(body["i"]), str(body["bidang"]))
        value = str(body.get("nilai") or "")
        seen = None if body.get("lama") is None else str(body["lama"])
        asli = get_store().dokumen_asli(rec)
        if not akses.may_edit(user, rec, asli, key):
            return jsonify(pesan=akses.refusal(rec, "operator unit indikator ini, perencana atau admin")), 403
        checked = check_edit(asli, store.suntingan(dokumen_id), key, value)
    except (KeyError, TypeError, ValueError):
        return jsonify(pesan=BAD_REQUEST), 400
    except KinerjaError as exc:
        return jsonify(pesan=exc.pesan), 400
    extracted = extracted_value(rec, asli, key)
    try:
        waktu = store.sunting(dokumen_id, key, checked, user.nama if user else "", extracted, seen)
    except Bentrok as other:
        return jsonify(conflict(other, value, zona(rec.profil))), 409
    state = report.keadaan(store, rec)
    if key[0] >= 0:  # a sasaran's or an indicator's field: only that sasaran's figures change with it
        figures = report.angka_sasaran(state, store, key[0])
    else:
        figures = report.angka(report.hasil(state, store), state.keys)
    kini = extracted if checked is None else checked
    return jsonify(tersimpan=jam(waktu, zona(rec.profil)), kini=kini, **edit_answer(state, figures, key))


def extracted_value(rec: Tersimpan, asli: Dokumen, key: Key) -> str:
    """A field's value before any edit: as extracted, or for a budget row as the uploaded sheet said."""
    s, i, _ = key
    if s == ANGGARAN:
        rows = rec.asli.get("anggaran", [])
        spent = rows[i].get("realisasi") if 0 <= i < len(rows) else None
        return "" if spent is None else format_number(spent)
    return field_value(asli, key)


def conflict(other: Bentrok, mine: str, office_zone: str) -> dict[str, Any]:
    """A save refused because someone saved the field since the page was loaded: who, when, and their value."""
    who = f"oleh {other.oleh}" if other.oleh else "dari tab atau komputer lain"
    when = f" ({tampil(other.diubah, office_zone)})" if other.diubah else ""
    shown = f"'{other.nilai}'" if other.nilai else "kosong"
    return {
        "pesan": f"Belum tersimpan: isian ini sudah diubah {who}{when} menjadi {shown}. Periksa nilai itu; "
        f"bila isian Anda ('{mine}') yang benar, ketik atau simpan lagi.",
        "bentrok": {"nilai": other.nilai, "oleh": other.oleh, "waktu": tampil(other.diubah, office_zone)},
    }


@bp.get("/dokumen/<int:dokumen_id>/angka")
def angka(dokumen_id: int) -> Any:
    """The whole document's figures, which the page asks for once the saves typed in a row have settled."""
    state = report.keadaan(get_store(), saved(dokumen_id))
    return jsonify(angka=report.angka(report.hasil(state, get_store()), state.keys))


@bp.post("/dokumen/<int:dokumen_id>/tambah")
def tambah(dokumen_id: int) -> Any:
    store, rec = get_store(), saved(dokumen_id)
    if not akses.may_change(akses.current(), rec):
        return jsonify(pesan=akses.refusal(rec)), 403
    body = _json_body()
    try:
        s = int(body["s"])
        uraian, target = str(body.get("uraian") or ""), str(body.get("target") or "")
        added = new_indicator(get_store().dokumen_asli(rec), store.suntingan(dokumen_id), s, uraian, target)
    except (KeyError, TypeError, ValueError):
        return jsonify(pesan=BAD_REQUEST), 400
    except KinerjaError as exc:
        return jsonify(pesan=exc.pesan), 400
    user = akses.current()
    for key, value in added:
        waktu = store.sunting(dokumen_id, key, value, user.nama if user else "")
    return jsonify(tersimpan=jam(waktu, zona(rec.profil)), muat_ulang=True, baris=f"{s}-{added[0][0][1]}")


@bp.post("/dokumen/<int:dokumen_id>/hapus")
def hapus(dokumen_id: int) -> Any:
    rec = saved(dokumen_id)
    if not akses.may_change(akses.current(), rec):
        return error(akses.refusal(rec), 403)
    get_store().hapus(dokumen_id)
    flash(f"Dokumen '{rec.nama_berkas}' tahun {rec.tahun} dihapus.")
    kept = request.form.get("buka", "")  # a duplicate upload dropped: the earlier one is opened
    if kept.isdigit() and len(kept) < 19 and get_store().ambil(int(kept)) is not None:
        return redirect(url_for("documents.tabel", dokumen_id=int(kept)), 303)
    return redirect(url_for("documents.beranda"), 303)
