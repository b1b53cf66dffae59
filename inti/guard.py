"""Parsing one input in a child process under a time and memory limit: a hostile file ends in a clear
error, never a hang or the whole machine out of memory. The child may tell its parent how far it is, and
ask for more time for work the limit scales with (pages read by OCR)."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable
from typing import Any

from . import errors
from .errors import BerkasRusak, KinerjaError, MelebihiBatas
from .limits import BAWAAN, Batas, MiB

NESTED = "Berkas ini bersarang terlalu dalam untuk dibaca; bukan dokumen biasa."
# The guarded child's end of the pipe to its parent (None outside a guarded child).
_channel = None
Progress = Callable[[int, int], None]


def report_progress(done: int, total: int) -> None:
    """Tell the parent how many of the steps of a long reading (pages) are done; nothing outside a guard."""
    if _channel is not None:
        _channel.send(("kemajuan", (done, total)))


def allow_more_time(seconds: float) -> None:
    """Ask the parent for `seconds` more than its time limit (work the limit scales with, such as OCR)."""
    if _channel is not None:
        _channel.send(("waktu", seconds))


def _address_space() -> int:
    """This process's current virtual size in bytes (the child starts from it)."""
    with open("/proc/self/statm", encoding="ascii") as stream:
        return int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(connection, work: Callable[..., Any], args: tuple, memory: int) -> None:
    global _channel
    os.setpgid(0, 0)  # its own process group: page workers it starts end with it
    _channel = connection
    limit = _address_space() + memory
    # The soft limit only: LibreOffice, started for old formats, lifts it for itself (it has a timeout).
    resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    try:
        connection.send(("ok", work(*args)))
    except KinerjaError as exc:
        connection.send(("error", (type(exc).__name__, exc.pesan)))
    except MemoryError:
        connection.send(("memory", ""))
    except RecursionError:
        connection.send(
            ("error", ("BerkasRusak", "Berkas ini bersarang terlalu dalam untuk dibaca; bukan dokumen biasa."))
        )
    except Exception as exc:  # reported to the user as one sentence by the parent
        connection.send(("bug", type(exc).__name__))
    finally:
        connection.close()


def _answer(receive, process, batas: Batas, progress: Progress | None) -> tuple[str, Any]:
    """The child's result, passing on its progress and granting the extra time it asks for, until the
    time limit (with what was granted) runs out."""
    allowed = batas.detik
    deadline = time.monotonic() + allowed
    while True:
        if not receive.poll(max(0.0, deadline - time.monotonic())):
            raise MelebihiBatas(
                f"Membaca berkas ini melebihi batas waktu {allowed:g} detik dan dihentikan; berkas mungkin "
                "rusak atau sengaja dibuat berat (bila memang sangat besar, naikkan dengan --batas-waktu)."
            )
        try:
            kind, payload = receive.recv()
        except (EOFError, OSError) as exc:
            raise BerkasRusak("Pembaca berkas berhenti mendadak; berkas mungkin rusak atau terlalu berat.") from exc
        if kind == "waktu":
            more = min(float(payload), batas.halaman * batas.detik_ocr)
            allowed, deadline = allowed + more, deadline + more
        elif kind == "kemajuan":
            if progress is not None:
                progress(*payload)
        else:
            return kind, payload


def run_limited(work: Callable[..., Any], args: tuple, batas: Batas = BAWAAN, progress: Progress | None = None) -> Any:
    """`work(*args)` in a forked child limited to `batas.detik` seconds (more where it asks for time its
    work scales with) and `batas.memori` more bytes; its result must pickle. Errors come back as
    KinerjaError in Indonesian; `progress(done, total)` hears how far a long reading is."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    # Not a daemon, so that it may start page workers; it and they are ended below whatever happens.
    process = context.Process(target=_child, args=(send, work, args, batas.memori), daemon=False)
    process.start()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.setpgid(process.pid, process.pid)  # as the child does first: no moment where it is in ours
    send.close()
    try:
        kind, payload = _answer(receive, process, batas, progress)
    finally:
        _end_group(process)
        receive.close()
    if kind == "ok":
        return payload
    if kind == "memory":
        raise MelebihiBatas(
            f"Membaca berkas ini memerlukan lebih dari {batas.memori // MiB} MiB memori dan dihentikan; berkas "
            "mungkin rusak atau sengaja dibuat berat (bila memang sangat besar, naikkan dengan --batas-memori)."
        )
    if kind == "error":
        name, pesan = payload
        kind = getattr(errors, name, KinerjaError)
        raise kind(pesan) if isinstance(kind, type) and issubclass(kind, KinerjaError) else KinerjaError(pesan)
    raise BerkasRusak(f"Berkas ini tidak dapat dibaca (kesalahan {payload}); mohon laporkan bersama berkasnya.")


def _end_group(process) -> None:
    """End the child and every page worker it started (its process group), and reap the child."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    if process.is_alive():
        process.kill()
    process.join()
