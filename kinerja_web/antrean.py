"""The OCR queue: scans and images uploaded to the server are read one at a time, in the order they came, by one
worker thread (one scan keeps every core busy). Each job's state and upload are kept in the data folder, so a
server that restarts carries on with the jobs it had."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from flask import Flask, current_app

from inti.errors import KinerjaError

MENUNGGU, MEMBACA, SELESAI, GAGAL, DIBATALKAN = "menunggu", "membaca", "selesai", "gagal", "dibatalkan"
TERTUNDA = "tertunda"  # read, and waiting for its sender to add what it lacks (its year) before it is saved
BERJALAN = (MENUNGGU, MEMBACA)
# In the data folder: <id>.json (the job), <id>.berkas (its upload, until it is read) and <id>.hasil.json (the
# records of a reading that waits for its sender).
FOLDER = "antrean"
KEPT_DAYS = 30  # an ended job's page answers this long (it opens its document, or says why it failed)
UNEXPECTED = (
    "Kesalahan tak terduga saat membaca berkas ini; tidak ada yang tersimpan. Mohon laporkan bersama berkasnya."
)
RESTARTED_LOCKED = (
    "Kinerja dimulai ulang sebelum berkas ini dibaca, dan kata sandi PDF tidak disimpan di server; unggah lagi "
    "dengan kata sandinya."
)
ANTREAN = "kinerja_antrean"  # the key of the queue in app.extensions
LOST_UPLOAD = "Berkas unggahan ini hilang dari folder data server sebelum dibaca; unggah lagi."


@dataclass
class Tugas:
    """One upload waiting to be read by OCR, being read, or done: whose it is, how far it is, and how it ended."""

    id: str
    nama_berkas: str
    tahun: str  # as typed beside the upload (empty: the document's own)
    oleh: str  # the account that sent it (empty in the single-user mode)
    instansi: str  # its office
    urutan: int  # order of arrival
    bersandi: bool = False  # sent with a PDF password (kept in memory only)
    keadaan: str = MENUNGGU
    selesai: int = 0  # pages read
    jumlah: int = 0  # pages to read (0: not known yet)
    dokumen_id: int | None = None
    pesan: str = ""  # why it failed; for a finished one, the note shown when its document opens
    kembar: int | None = None  # an earlier document read into the same records
    diantar: bool = False  # how it ended has been seen on its page (its document opened, or why it failed)


class Tertunda(Exception):
    """A reading that is saved only once its sender adds what it lacks: its records, and what to ask for."""

    def __init__(self, records: dict[str, Any], pesan: str) -> None:
        super().__init__(pesan)
        self.records, self.pesan = records, pesan


Hasil = tuple[int, str, int | None]  # the saved document's id, the note to show with it, an identical earlier one
Kerja = Callable[[Tugas, bytes, str | None, Callable[[int, int], None]], Hasil]


class Antrean:
    """The jobs of one server and the one thread that reads them. `work(tugas, data, sandi, progress)` reads and
    saves an upload (KinerjaError, in words for the page, when it cannot), inside `context()`."""

    def __init__(self, folder: Path, work: Kerja, context: Callable[[], AbstractContextManager[Any]]) -> None:
        self.folder = folder / FOLDER
        self.folder.mkdir(parents=True, exist_ok=True)
        self._work, self._context = work, context
        self._lock = threading.Lock()
        self._jobs: dict[str, Tugas] = {}
        self._waiting: deque[str] = deque()
        self._sandi: dict[str, str] = {}
        self._running: str | None = None
        self._worker: threading.Thread | None = None
        self._load()
        with self._lock:
            self._start()

    def _load(self) -> None:
        """The jobs a previous run left: unfinished ones wait again, in their order; ended ones are forgotten
        after KEPT_DAYS."""
        names = {f.name for f in fields(Tugas)}
        old = time.time() - KEPT_DAYS * 86400
        for path in self.folder.glob("*.json"):
            if path.name.endswith(".hasil.json"):
                continue
            with contextlib.suppress(OSError, ValueError, TypeError):
                tugas = Tugas(**{k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if k in names})
                if tugas.keadaan not in BERJALAN and path.stat().st_mtime < old:
                    self._records(tugas.id).unlink(missing_ok=True)
                    path.unlink()
                    continue
                self._jobs[path.stem] = tugas
        for tugas in sorted(self._jobs.values(), key=lambda t: t.urutan):
            if tugas.keadaan not in BERJALAN:
                continue
            if tugas.bersandi or not self._upload(tugas.id).exists():
                self._end(tugas, GAGAL, RESTARTED_LOCKED if tugas.bersandi else LOST_UPLOAD)
            else:
                tugas.keadaan, tugas.selesai = MENUNGGU, 0
                self._save(tugas)
                self._waiting.append(tugas.id)

    def _upload(self, tugas_id: str) -> Path:
        return self.folder / f"{tugas_id}.berkas"

    def _records(self, tugas_id: str) -> Path:
        return self.folder / f"{tugas_id}.hasil.json"

    def _save(self, tugas: Tugas) -> None:
        _write(self.folder / f"{tugas.id}.json", asdict(tugas))

    def _end(self, tugas: Tugas, keadaan: str, pesan: str) -> None:
        tugas.keadaan, tugas.pesan = keadaan, pesan
        self._save(tugas)
        self._upload(tugas.id).unlink(missing_ok=True)
        self._sandi.pop(tugas.id, None)

    def kirim(self, data: bytes, nama_berkas: str, tahun: str, sandi: str | None, oleh: str, instansi: str) -> Tugas:
        """Queue an upload; it is read once every job sent before it is done."""
        with self._lock:
            urutan = max((t.urutan for t in self._jobs.values()), default=0) + 1
            tugas = Tugas(secrets.token_urlsafe(12), nama_berkas, tahun, oleh, instansi, urutan, bool(sandi))
            partial = self.folder / f"{tugas.id}.berkas.tmp"
            partial.write_bytes(data)
            os.replace(partial, self._upload(tugas.id))
            self._save(tugas)
            self._jobs[tugas.id] = tugas
            if sandi:
                self._sandi[tugas.id] = sandi
            self._waiting.append(tugas.id)
            self._start()
            return replace(tugas)

    def ambil(self, tugas_id: str) -> Tugas | None:
        """A copy of the job as it is now."""
        with self._lock:
            tugas = self._jobs.get(tugas_id)
            return replace(tugas) if tugas else None

    def di_depan(self, tugas_id: str) -> int:
        """How many jobs are read before this one (the one being read included); 0 once it is being read."""
        with self._lock:
            if tugas_id not in self._waiting:
                return 0
            return self._waiting.index(tugas_id) + (self._running is not None)

    def milik(self, oleh: str, instansi: str) -> list[Tugas]:
        """The account's jobs still waiting or being read, or ended without its having seen how, in order."""
        with self._lock:
            mine = [t for t in self._jobs.values() if (t.oleh, t.instansi) == (oleh, instansi)]
            unseen = [t for t in mine if t.keadaan in BERJALAN or (t.keadaan != DIBATALKAN and not t.diantar)]
            return [replace(t) for t in sorted(unseen, key=lambda t: t.urutan)]

    def batalkan(self, tugas_id: str) -> bool:
        """Take a waiting job out of the queue (its upload is deleted); False when it is not waiting."""
        with self._lock:
            if tugas_id not in self._waiting:
                return False
            self._waiting.remove(tugas_id)
            self._end(self._jobs[tugas_id], DIBATALKAN, "")
            return True

    def lengkapi(self, tugas_id: str, save: Callable[[dict[str, Any]], Hasil]) -> Tugas | None:
        """Save the records of a reading that waited for its sender (`save` may refuse them: KinerjaError, and it
        waits on); None when it no longer waits. Once only, however often it is asked."""
        with self._lock:
            tugas = self._jobs.get(tugas_id)
            if tugas is None or tugas.keadaan != TERTUNDA:
                return None
            records = self._records(tugas_id)
            tugas.dokumen_id, tugas.pesan, tugas.kembar = save(json.loads(records.read_text(encoding="utf-8")))
            tugas.keadaan = SELESAI
            self._save(tugas)
            records.unlink()
            return replace(tugas)

    def antar(self, tugas_id: str) -> None:
        """Note that how the job ended was seen on its page (a finished one's note is shown once)."""
        with self._lock:
            tugas = self._jobs[tugas_id]
            tugas.diantar = True
            self._save(tugas)

    def _start(self) -> None:
        """Start the worker when there is work and none is running (the lock held)."""
        if self._waiting and self._worker is None:
            self._worker = threading.Thread(target=self._run, name="kinerja-ocr", daemon=True)
            self._worker.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._waiting:
                    self._worker = None
                    return
                tugas = self._jobs[self._waiting.popleft()]
                tugas.keadaan, self._running = MEMBACA, tugas.id
                self._save(tugas)
                sandi = self._sandi.get(tugas.id)
            try:
                self._read(tugas, sandi)
            finally:
                with self._lock:
                    self._running = None

    def _progress(self, tugas: Tugas) -> Callable[[int, int], None]:
        def heard(done: int, total: int) -> None:
            with self._lock:
                tugas.selesai, tugas.jumlah = done, total
                self._save(tugas)

        return heard

    def _read(self, tugas: Tugas, sandi: str | None) -> None:
        keadaan, pesan = GAGAL, UNEXPECTED
        try:
            data = self._upload(tugas.id).read_bytes()
            with self._context():
                tugas.dokumen_id, pesan, tugas.kembar = self._work(tugas, data, sandi, self._progress(tugas))
            keadaan = SELESAI
        except Tertunda as waiting:
            _write(self._records(tugas.id), waiting.records)
            keadaan, pesan = TERTUNDA, waiting.pesan
        except KinerjaError as exc:
            pesan = exc.pesan
        except Exception:  # the job ends in words; the server and the jobs behind it carry on
            logging.getLogger(__name__).exception("membaca pindaian gagal")
        with self._lock:
            self._end(tugas, keadaan, pesan)


def _write(path: Path, data: dict[str, Any]) -> None:
    """A JSON file, written whole or not at all."""
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, path)


def init_app(app: Flask, folder: Path, work: Kerja) -> Antrean:
    """The OCR queue of `app`, keeping its jobs in `folder`; `work` runs inside the application's context."""
    antrean = Antrean(folder, work, app.app_context)
    app.extensions[ANTREAN] = antrean
    return antrean


def get_antrean() -> Antrean:
    """The OCR queue of the application handling the current request."""
    return current_app.extensions[ANTREAN]
