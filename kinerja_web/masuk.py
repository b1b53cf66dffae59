"""Signing in and out. Once an account exists every page asks who is there; sessions end after a working day,
when the password changes or the account is deactivated; failed sign-ins are limited per name and address."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import defaultdict, deque
from typing import Any

from flask import Blueprint, current_app, g, redirect, render_template, request, session, url_for

from . import pengguna
from .db import get_store
from .errors import error, error_page

bp = Blueprint("masuk", __name__)
SESI = dt.timedelta(hours=9)  # a session lasts a working day at most
TERBUKA = "KINERJA_TERBUKA"  # app.config: served beyond this computer, so accounts are required
OPEN_ENDPOINTS = ("masuk.masuk", "static", "favicon")
GAGAL = "Nama pengguna atau kata sandi salah."


class Pembatas:
    """Failed sign-ins remembered per key (a name, an address): more than `batas` within `jendela` seconds and
    the key must wait."""

    def __init__(self, batas: int, jendela: float) -> None:
        self.batas, self.jendela = batas, jendela
        self._gagal: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def tunggu(self, key: str) -> float:
        """Seconds `key` must still wait (0: it may try)."""
        with self._lock:
            times = self._gagal[key]
            while times and times[0] < time.monotonic() - self.jendela:
                times.popleft()
            return times[0] + self.jendela - time.monotonic() if len(times) >= self.batas else 0.0

    def gagal(self, key: str) -> None:
        with self._lock:
            self._gagal[key].append(time.monotonic())

    def berhasil(self, key: str) -> None:
        with self._lock:
            self._gagal.pop(key, None)


PEMBATAS = "kinerja_pembatas"  # app.extensions: the application's two limiters, per name and per address


def limiters() -> tuple[Pembatas, Pembatas]:
    if PEMBATAS not in current_app.extensions:
        current_app.extensions[PEMBATAS] = (Pembatas(5, 15 * 60), Pembatas(30, 15 * 60))
    return current_app.extensions[PEMBATAS]


def _valid(account: pengguna.Pengguna | None) -> bool:
    if account is None or not account.aktif or session.get("versi") != account.versi:
        return False
    return dt.datetime.fromisoformat(session.get("sampai", "2000-01-01T00:00:00+00:00")) > dt.datetime.now(dt.UTC)


def who_is_there() -> Any:
    """Before every request: the signed-in account in `g.pengguna`, or a sign-in asked for."""
    g.pengguna, g.akun = None, False
    store = get_store()
    if not pengguna.ada_akun(store):
        if current_app.config.get(TERBUKA):
            return error_page("Belum ada akun aktif; pengelola server perlu membuat akun admin lebih dulu.", 503)
        return None
    g.akun = True
    uid = session.get("uid")
    account = pengguna.menurut_id(store, uid) if isinstance(uid, int) else None
    if _valid(account):
        g.pengguna = account
        return None
    for key in ("uid", "versi", "sampai"):
        session.pop(key, None)
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    if request.method != "GET" or request.is_json or "X-CSRFToken" in request.headers:
        return error("Sesi Anda sudah berakhir; muat ulang halaman lalu masuk lagi. Isian ini belum tersimpan.", 401)
    return redirect(url_for("masuk.masuk", lanjut=request.full_path.rstrip("?")), 303)


def _next(lanjut: str) -> str:
    """Back to the page that asked, but only a page of this application."""
    return lanjut if lanjut.startswith("/") and not lanjut.startswith(("//", "/\\")) else url_for("documents.beranda")


@bp.route("/masuk", methods=["GET", "POST"])
def masuk() -> Any:
    lanjut = _next(request.values.get("lanjut", ""))
    if request.method == "GET":
        return render_template("masuk.html", lanjut=lanjut, galat=None)
    nama = (request.form.get("nama") or "").strip()
    keys = (nama.casefold(), request.remote_addr or "")
    per_name, per_address = limiters()
    wait = max(per_name.tunggu(keys[0]), per_address.tunggu(keys[1]))
    if wait:
        minutes = max(1, round(wait / 60))
        galat = f"Terlalu banyak percobaan masuk yang gagal; coba lagi dalam {minutes} menit."
        return render_template("masuk.html", lanjut=lanjut, galat=galat, nama=nama), 429
    account = pengguna.periksa(get_store(), nama, request.form.get("sandi") or "")
    if account is None:
        per_name.gagal(keys[0])
        per_address.gagal(keys[1])
        return render_template("masuk.html", lanjut=lanjut, galat=GAGAL, nama=nama), 401
    per_name.berhasil(keys[0])
    session.clear()  # a new session: nothing of the one before sign-in is carried over
    session.update(uid=account.id, versi=account.versi, sampai=(dt.datetime.now(dt.UTC) + SESI).isoformat())
    return redirect(lanjut, 303)


@bp.post("/keluar")
def keluar() -> Any:
    if not g.akun:  # the single-user mode has no one to sign out
        return redirect(url_for("documents.beranda"), 303)
    session.clear()
    return redirect(url_for("masuk.masuk"), 303)
