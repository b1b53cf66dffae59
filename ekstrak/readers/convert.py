"""Older formats (.doc, .xls, .odt, .ods) converted to DOCX/XLSX by LibreOffice, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from inti.errors import BerkasRusak, MelebihiBatas, PerluProgram

# LibreOffice's start-up is slow on a cold machine; a hostile file gets no longer than this.
CONVERT_SECONDS = 120
PACKAGES = {"docx": "libreoffice-writer-nogui", "xlsx": "libreoffice-calc-nogui"}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _unlimited_memory() -> None:
    import resource

    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def convert(data: bytes, suffix: str, target: str, seconds: float = CONVERT_SECONDS) -> bytes:
    """`data` (a .doc/.xls/.odt/.ods, named by `suffix`) as `target` ('docx' or 'xlsx') bytes."""
    program = soffice()
    if program is None:
        raise PerluProgram(
            f"Berkas {suffix} perlu LibreOffice untuk dibaca; pasang paket {PACKAGES[target]} "
            f"(mis. 'apt-get install {PACKAGES[target]}') atau simpan ulang sebagai {target.upper()}."
        )
    with tempfile.TemporaryDirectory(prefix="kinerja-") as tmp:
        folder = Path(tmp)
        source = folder / f"masukan{suffix}"
        source.write_bytes(data)
        command = [
            program,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(folder / 'profil').as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(folder / "hasil"),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=seconds, check=False, preexec_fn=_unlimited_memory)
        except subprocess.TimeoutExpired as exc:
            raise MelebihiBatas(
                f"LibreOffice tidak selesai mengubah berkas {suffix} dalam {seconds:g} detik; "
                f"berkas mungkin rusak. Simpan ulang sebagai {target.upper()}."
            ) from exc
        result = folder / "hasil" / f"masukan.{target}"
        if not result.exists():
            raise BerkasRusak(
                f"LibreOffice tidak dapat membuka berkas {suffix} ini; berkas mungkin rusak. "
                f"Simpan ulang sebagai {target.upper()}."
            )
        return result.read_bytes()
