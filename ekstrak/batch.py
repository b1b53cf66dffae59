"""A folder of documents: every supported file below it extracted in parallel, one output per input."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from inti.errors import KinerjaError
from inti.limits import BAWAAN, Batas

from .extract import extract_guarded
from .formats import save
from .readers.raster import IMAGE_SUFFIXES
from .readers.scan import OTOMATIS

SUFFIXES = {".txt", ".pdf", ".docx", ".xlsx", ".doc", ".xls", ".odt", ".ods", ".csv", ".json", *IMAGE_SUFFIXES}


@dataclass(frozen=True)
class Pilihan:
    """What the command line chose for every file of a folder, passed whole to each worker."""

    fmt: str = "json"
    strict: bool = False
    password: str | None = None
    batas: Batas = BAWAAN
    ocr: str = OTOMATIS


@dataclass
class Outcome:
    """What became of one file of the folder."""

    source: str
    output: str | None = None
    sasaran: int = 0
    indikator: int = 0
    peringatan: int = 0
    error: str | None = None

    @property
    def clean(self) -> bool:
        return self.error is None


def find_inputs(folder: Path, skip: Path | None = None) -> list[Path]:
    """Supported files below `folder` (hidden files and the output folder left out), in name order."""
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith((".", "~$")) for part in relative.parts):
            continue
        if skip is not None and path.is_relative_to(skip):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            found.append(path)
    return found


def output_for(source: Path, folder: Path, outdir: Path, fmt: str) -> Path:
    """The output beside its input's place in the tree, named after the whole input name (a.pdf.json)."""
    return outdir / source.relative_to(folder).parent / f"{source.name}.{fmt}"


def process(source: Path, folder: Path, outdir: Path, pilihan: Pilihan) -> Outcome:
    """Extract one file and write its output; any failure is kept in the outcome, never raised."""
    outcome = Outcome(str(source.relative_to(folder)))
    try:
        doc = extract_guarded(source, pilihan.password, pilihan.batas, pilihan.ocr)
        outcome.sasaran, outcome.indikator = len(doc.sasaran), doc.jumlah_indikator()
        outcome.peringatan = len(doc.peringatan)
        if pilihan.strict and doc.peringatan:
            outcome.error = f"{len(doc.peringatan)} peringatan (--ketat): tidak ditulis"
            return outcome
        target = output_for(source, folder, outdir, pilihan.fmt)
        target.parent.mkdir(parents=True, exist_ok=True)
        save(doc, target, pilihan.fmt)
        outcome.output = str(target)
    except KinerjaError as exc:
        outcome.error = exc.pesan
    except Exception as exc:  # one bad file must not stop the folder
        outcome.error = f"gagal tak terduga ({type(exc).__name__}); laporkan berkas ini"
    return outcome


def run_folder(
    folder: Path,
    outdir: Path,
    pilihan: Pilihan = Pilihan(),
    *,
    workers: int | None = None,
    done: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Extract every supported file below `folder` into `outdir`, on `workers` processes (all cores)."""
    inputs = find_inputs(folder, skip=outdir.resolve() if outdir.resolve().is_relative_to(folder.resolve()) else None)
    workers = max(1, workers or os.cpu_count() or 1)
    outcomes: list[Outcome] = []
    for outcome in _map(inputs, folder, outdir, pilihan, workers):
        outcomes.append(outcome)
        if done is not None:
            done(outcome)
    order = {str(p.relative_to(folder)): i for i, p in enumerate(inputs)}
    return sorted(outcomes, key=lambda o: order[o.source])


def _map(inputs: list[Path], folder: Path, outdir: Path, pilihan: Pilihan, workers: int) -> Iterator[Outcome]:
    if workers == 1 or len(inputs) < 2:
        for source in inputs:
            yield process(source, folder, outdir, pilihan)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(inputs))) as pool:
        futures = [pool.submit(process, s, folder, outdir, pilihan) for s in inputs]
        for future in as_completed(futures):
            yield future.result()
