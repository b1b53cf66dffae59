"""Downloads: a document's data (JSON, CSV, XLSX) and its Laporan Kinerja (PDF, DOCX, HTML), with every edit.
Only files Kinerja makes itself are served, under names it makes itself."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from flask import Blueprint, Response, abort, request

from ekstrak import render
from laporan.buat import render_laporan

from . import akses, report, riwayat
from .db import get_store, saved
from .edits import export_dict
from .store import Simpanan

bp = Blueprint("downloads", __name__)
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


def safe_name(name: str) -> str:
    """An uploaded file's name, reduced to what is safe in a download's name (`dokumen` when nothing is left)."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(name).stem).strip("._") or "dokumen"
    return stem[:60]


def file_name(tahun: int, nama_berkas: str, fmt: str) -> str:
    """`IKU_2022_iku.json` for data, `LAKIP_2022_iku.pdf` for the report."""
    kind = "IKU" if fmt in DATA_FORMATS else "LAKIP"
    return f"{kind}_{tahun}_{safe_name(nama_berkas)}.{fmt}"


def content(state: report.Keadaan, store: Simpanan, fmt: str, with_history: bool = False) -> bytes:
    """The file of a document as it stands now, in `fmt` (one of DATA_FORMATS and REPORT_FORMATS); the JSON
    carries the history of every change too when asked (`riwayat`)."""
    if fmt == "json":
        data = export_dict(state.asli, state.edits, state.bagian)
        if with_history:
            data["riwayat"] = riwayat.as_data(riwayat.lines(store, state.simpanan.id))
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
    if fmt in DATA_FORMATS:
        return render(state.dokumen, fmt)
    laporan = replace(report.laporan(state, store), draf=akses.is_draft(state.simpanan))
    return render_laporan(laporan, [fmt]).berkas[fmt]


@bp.get("/dokumen/<int:dokumen_id>/unduh/<fmt>")
def unduh(dokumen_id: int, fmt: str) -> Response:
    if fmt not in DATA_FORMATS + REPORT_FORMATS:
        abort(404)
    store = get_store()
    state = report.keadaan(store, saved(dokumen_id))
    response = Response(content(state, store, fmt, request.args.get("riwayat") == "1"), content_type=MEDIA[fmt])
    filename = file_name(state.simpanan.tahun, state.simpanan.nama_berkas, fmt)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
