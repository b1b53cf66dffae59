"""The application factory, shaped as Flask's tutorial app (flaskr): `create_app` configures the application,
opens the store (db.py), adds the guards and error answers (errors.py) and registers one blueprint per part:

    documents.py   the list, the upload, a document's table, its edits and rows
    profile.py     a document's profile and logo
    downloads.py   its data and its Laporan Kinerja
    pindaian.py    scans and images, read by the OCR queue one at a time

Each is a thin layer over ekstrak, laporan and the store (store.py, edits.py, report.py)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, redirect, url_for
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response

from inti import templat
from inti.limits import BAWAAN, Batas, MiB

from . import db, documents, downloads, errors, masuk, persetujuan, pindaian, profile, riwayat, waktu
from .store import DATABASE

WEB_TEMPLATES = templat.folder("web")


@dataclass(frozen=True)
class Setelan:
    """How the server is reached: the names it answers to besides this computer's (--nama-host), whether a
    proxy forwards to it (--di-belakang-proxy), whether it listens beyond this computer (then accounts are
    required)."""

    nama_host: tuple[str, ...] = ()
    di_belakang_proxy: bool = False
    terbuka: bool = False
    nama_db: str = DATABASE  # the database file in the data folder (--db names another)


def secret_key(folder: Path) -> str:
    """The key that signs the session (and so the CSRF token); kept in the data folder across restarts."""
    path = folder / "kunci_sesi"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32), encoding="ascii")
    return path.read_text(encoding="ascii").strip()


def create_app(folder: Path, batas: Batas = BAWAAN, setelan: Setelan | None = None) -> Flask:
    """The application, saving into `folder` and reading uploads under `batas`, served as `setelan` says."""
    setelan = setelan or Setelan()
    app = Flask(
        __name__,
        template_folder=str(WEB_TEMPLATES),
        static_folder=str(WEB_TEMPLATES / "static"),
        static_url_path="/aset",
    )
    db.init_app(app, folder, setelan.nama_db)  # first: it creates the folder the key is kept in
    app.config.update(
        SECRET_KEY=secret_key(folder),
        MAX_CONTENT_LENGTH=batas.berkas + MiB,
        WTF_CSRF_TIME_LIMIT=None,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
    )
    app.config[errors.BATAS] = batas
    app.config[errors.NAMA_HOST] = tuple(name.lower() for name in setelan.nama_host)
    app.config[masuk.TERBUKA] = setelan.terbuka
    if setelan.di_belakang_proxy:  # the proxy's own address, scheme and Host are the request's
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]
    CSRFProtect(app)
    errors.init_app(app)
    app.before_request(masuk.who_is_there)
    app.register_blueprint(masuk.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(profile.bp)
    app.register_blueprint(downloads.bp)
    app.register_blueprint(persetujuan.bp)
    app.register_blueprint(riwayat.bp)
    pindaian.init_app(app, folder)
    app.add_url_rule("/favicon.ico", view_func=favicon)
    app.add_template_filter(waktu.tampil, "waktu")
    return app


def favicon() -> Response:
    return redirect(url_for("static", filename="favicon.svg"), 301)
