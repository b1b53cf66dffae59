"""Reading inputs with clear errors, and writing outputs atomically (a temporary file, then a rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import BerkasRusak, BerkasTidakAda, KeluaranGagal, MelebihiBatas

MAX_INPUT_BYTES = 50 * 1024 * 1024


def read_input(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file, or a KinerjaError saying why it cannot be read."""
    if not path.exists():
        raise BerkasTidakAda(f"Berkas '{path}' tidak ditemukan; periksa nama dan foldernya.")
    if path.is_dir():
        raise BerkasTidakAda(f"'{path}' adalah folder, bukan berkas; sebutkan satu berkas IKU.")
    try:
        size = path.stat().st_size
        if size > limit:
            raise MelebihiBatas(
                f"Berkas '{path}' terlalu besar ({size // (1024 * 1024)} MiB; batasnya {limit // (1024 * 1024)} MiB)."
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise BerkasTidakAda(f"Berkas '{path}' tidak dapat dibaca: izin ditolak.") from exc
    except OSError as exc:
        raise BerkasTidakAda(f"Berkas '{path}' tidak dapat dibaca ({exc.strerror}).") from exc
    if not data.strip():
        raise BerkasRusak(f"Berkas '{path}' kosong; tidak ada yang dapat diekstrak.")
    return data


def check_output(path: Path) -> None:
    """Fail before any work when the output cannot be written where asked."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise KeluaranGagal(f"Folder '{folder}' untuk berkas keluaran tidak ada; buat dulu foldernya.")
    if not folder.is_dir():
        raise KeluaranGagal(f"'{folder}' bukan folder; pilih tempat lain untuk berkas keluaran.")
    if path.is_dir():
        raise KeluaranGagal(f"'{path}' adalah folder; sebutkan nama berkas keluaran.")
    if not os.access(folder, os.W_OK):
        raise KeluaranGagal(f"Folder '{folder}' tidak dapat ditulisi; pilih folder lain.")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed onto it only when the block finishes without error."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file; the old file stays as it was if anything fails."""
    try:
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)
    except PermissionError as exc:
        raise KeluaranGagal(f"Berkas '{path}' tidak dapat ditulis: izin ditolak.") from exc
    except OSError as exc:
        raise KeluaranGagal(f"Berkas '{path}' tidak dapat ditulis ({exc.strerror}).") from exc
