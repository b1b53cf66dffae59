"""Parsing one input in a child process under a time and memory limit: a hostile file ends in a clear
error, never a hang or the whole machine out of memory."""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections.abc import Callable
from typing import Any

from . import errors
from .errors import BerkasRusak, KinerjaError, MelebihiBatas
from .limits import BAWAAN, Batas, MiB

NESTED = "Berkas ini bersarang terlalu dalam untuk dibaca; bukan dokumen biasa."


def _address_space() -> int:
    """This process's current virtual size in bytes (the child starts from it)."""
    with open("/proc/self/statm", encoding="ascii") as stream:
        return int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(connection, work: Callable[..., Any], args: tuple, memory: int) -> None:
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


def run_limited(work: Callable[..., Any], args: tuple, batas: Batas = BAWAAN) -> Any:
    """`work(*args)` in a forked child limited to `batas.detik` seconds and `batas.memori` more bytes;
    its result must pickle. Errors come back as KinerjaError in Indonesian."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, work, args, batas.memori), daemon=True)
    process.start()
    send.close()
    try:
        if not receive.poll(batas.detik):
            raise MelebihiBatas(
                f"Membaca berkas ini melebihi batas waktu {batas.detik:g} detik dan dihentikan; berkas mungkin "
                "rusak atau sengaja dibuat berat (bila memang sangat besar, naikkan dengan --batas-waktu)."
            )
        try:
            kind, payload = receive.recv()
        except (EOFError, OSError) as exc:
            raise BerkasRusak("Pembaca berkas berhenti mendadak; berkas mungkin rusak atau terlalu berat.") from exc
    finally:
        if process.is_alive():
            process.kill()
        process.join()
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
