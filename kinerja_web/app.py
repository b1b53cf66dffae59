"""The application factory, shaped as Flask's tutorial app (flaskr): `create_app` configures the application,
opens the store (db.py), adds the guards and error answers (errors.py) and registers one blueprint per part:

    documents.py   the list, the upload, a document's table, its edits and rows
    profile.py     a document's profile and logo
    downloads.py   its data and its Laporan Kinerja

Each is a thin layer over ekstrak, laporan and the store (store.py, edits.py, report.py)."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import Flask, redirect, url_for
from flask_wtf.csrf import CSRFProtect
from werkzeug.wrappers import Response

from inti import templat
from inti.limits import BAWAAN, Batas, MiB

from . import db, documents, downloads, errors, profile, waktu

WEB_TEMPLATES = templat.folder("web")


def secret_key(folder: Path) -> str:
    """The key that signs the session (and so the CSRF token); kept in the data folder across restarts."""
    path = folder / "kunci_sesi"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32), encoding="ascii")
    return path.read_text(encoding="ascii").strip()


def create_app(folder: Path, batas: Batas = BAWAAN) -> Flask:
    """The application, saving into `folder` and reading uploads under `batas`."""
    app = Flask(
        __name__,
        template_folder=str(WEB_TEMPLATES),
        static_folder=str(WEB_TEMPLATES / "static"),
        static_url_path="/aset",
    )
    db.init_app(app, folder)  # first: it creates the folder the key is kept in
    app.config.update(
        SECRET_KEY=secret_key(folder),
        MAX_CONTENT_LENGTH=batas.berkas + MiB,
        WTF_CSRF_TIME_LIMIT=None,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
    )
    app.config[errors.BATAS] = batas
    CSRFProtect(app)
    errors.init_app(app)
    app.register_blueprint(documents.bp)
    app.register_blueprint(profile.bp)
    app.register_blueprint(downloads.bp)
    app.add_url_rule("/favicon.ico", view_func=favicon)
    app.add_template_filter(waktu.tampil, "waktu")
    return app


def favicon() -> Response:
    return redirect(url_for("static", filename="favicon.svg"), 301)
