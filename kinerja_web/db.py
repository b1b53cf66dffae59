"""The store as every view reaches it, through the application (as `get_db` in Flask's tutorial app):
`init_app` opens it when the application is made, `get_store` hands it to a request, and `saved` gives the
saved document a URL names, or a 404 page when there is none or it is another office's."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, abort, current_app

from . import akses
from .store import DATABASE, Simpanan, Tersimpan

MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger one in a URL names no document
STORE = "kinerja_store"  # the key of the store in app.extensions


def init_app(app: Flask, folder: Path, nama: str = DATABASE) -> Simpanan:
    """Open (or create) the database `nama` in `folder` for `app`."""
    store = Simpanan(folder, nama)
    app.extensions[STORE] = store
    return store


def get_store() -> Simpanan:
    """The store of the application handling the current request."""
    return current_app.extensions[STORE]


def saved(dokumen_id: int) -> Tersimpan:
    """The saved document with this id; the request ends with a 404 page when there is none."""
    if dokumen_id > MAX_ID:
        abort(404)
    rec = get_store().ambil(dokumen_id)
    if rec is None or not akses.may_see(akses.current(), rec.instansi):  # another office's: as if none
        abort(404)
    return rec
