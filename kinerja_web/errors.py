"""What every request passes through: only this computer is served, every answer carries the security
headers, and every failure is answered in one sentence (JSON for the page's own script, else a page)."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, Response, current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from inti.limits import MiB

from .store import DATABASE_ERRORS

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
BATAS = "KINERJA_BATAS"  # the key of the reading limits (inti.limits.Batas) in app.config
NAMA_HOST = "KINERJA_NAMA_HOST"  # the names besides this computer's that the server answers to (--nama-host)


def size_text(limit: int) -> str:
    """A size limit as the pages say it: `50 MiB`, `64 KiB`."""
    return f"{limit // MiB} MiB" if limit >= MiB else f"{limit // 1024} KiB"


def host_name(host: str) -> str | None:
    """The name in a Host header without its port (`[::1]` keeps its brackets); None when it is malformed."""
    match = re.fullmatch(r"(\[[0-9A-Fa-f:.]+\]|[^\[\]:]+)(?::\d{1,5})?", host)
    return match.group(1).lower() if match else None


def is_local(host: str, also: tuple[str, ...] = ()) -> bool:
    """Whether a request's Host names this computer, or one of the names `also` allowed (a page elsewhere may
    point its own name at 127.0.0.1)."""
    return host_name(host) in (*LOCAL_HOSTS, *also)


def error(message: str, code: int) -> Any:
    """In JSON for the page's own script (it sends the CSRF token as a header), else as a page."""
    if request.is_json or "X-CSRFToken" in request.headers:
        return jsonify(pesan=message), code
    return error_page(message, code)


def error_page(message: str, code: int) -> Any:
    return render_template("galat.html", pesan=message), code


def only_known_names() -> Any:
    names = current_app.config[NAMA_HOST]
    if not is_local(request.host or "", names):
        where = f"http://{names[0]}" if names else "http://127.0.0.1"
        return error_page(f"Alamat ini tidak dilayani. Buka Kinerja lewat {where}.", 400)
    return None


def security_headers(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response


def csrf_refused(_exc: CSRFError) -> Any:
    return error(
        "Permintaan ditolak: halaman ini sudah kedaluwarsa atau dikirim dari situs lain. "
        "Muat ulang halaman lalu coba lagi.",
        400,
    )


def too_large(_exc: RequestEntityTooLarge) -> Any:
    if request.endpoint == "bukti.tambah":
        return error(
            f"Berkas bukti terlalu besar (batas {size_text(current_app.config[BATAS].berkas)}). Perkecil dulu "
            "(misalnya simpan PDF dengan ukuran lebih kecil) atau bagi menjadi beberapa berkas.",
            413,
        )
    return error(
        f"Berkas terlalu besar (batas {size_text(current_app.config[BATAS].berkas)}). Kirim dokumen IKU/PK-nya "
        "saja, tanpa lampiran atau gambar pindaian.",
        413,
    )


def not_found(_exc: HTTPException) -> Any:
    return error("Halaman atau dokumen ini tidak ada. Kembali ke daftar dokumen.", 404)


def wrong_method(_exc: HTTPException) -> Any:
    return error("Cara membuka halaman ini tidak sah. Kembali ke daftar dokumen.", 405)


def database_failed(_exc: Exception) -> Any:
    current_app.logger.exception("basis data gagal")
    return error(
        "Basis data tidak dapat dibaca atau ditulis, jadi perubahan ini belum tersimpan. Minta pengelola Kinerja "
        "memeriksa berkas basis data dan ruang disknya, lalu muat ulang halaman.",
        503,
    )


def unexpected(exc: Exception) -> Any:
    if isinstance(exc, HTTPException):
        return error("Permintaan tidak dapat dilayani. Kembali ke daftar dokumen.", exc.code or 400)
    current_app.logger.exception("kesalahan tak terduga")
    return error(
        f"Kesalahan tak terduga ({type(exc).__name__}); perubahan yang sudah tersimpan tetap aman. "
        "Mohon laporkan bersama berkas masukannya.",
        500,
    )


def init_app(app: Flask) -> None:
    """Register the guards and the error answers on `app`."""
    app.config.setdefault(NAMA_HOST, ())
    app.before_request(only_known_names)
    app.after_request(security_headers)
    app.register_error_handler(CSRFError, csrf_refused)
    app.register_error_handler(RequestEntityTooLarge, too_large)
    app.register_error_handler(404, not_found)
    app.register_error_handler(405, wrong_method)
    for failure in DATABASE_ERRORS:
        app.register_error_handler(failure, database_failed)
    app.register_error_handler(Exception, unexpected)
