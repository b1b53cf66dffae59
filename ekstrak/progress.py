"""What a user sees while a folder is read (a progress bar, then a table of every file) or a scan is read
by OCR (a bar of its pages), with rich."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from inti.limits import Batas

from .batch import Outcome, Pilihan, find_inputs, run_folder
from .extract import extract_guarded
from .model import Dokumen


def summary_table(outcomes: list[Outcome]) -> Table:
    table = Table(title="Ringkasan ekstrak", show_lines=False)
    table.add_column("berkas", no_wrap=True)
    table.add_column("sasaran", justify="right")
    table.add_column("indikator", justify="right")
    table.add_column("peringatan", justify="right")
    table.add_column("kesalahan", overflow="fold")
    for o in outcomes:
        table.add_row(o.source, str(o.sasaran), str(o.indikator), str(o.peringatan), o.error or "")
    return table


def run_with_progress(
    folder: Path,
    outdir: Path,
    pilihan: Pilihan,
    *,
    workers: int | None,
    quiet: bool,
) -> list[Outcome]:
    """Run the folder with a progress bar on stderr; print the summary table and totals on stdout."""
    total = len(find_inputs(folder))
    err = Console(file=sys.stderr, quiet=quiet)
    with Progress(
        TextColumn("membaca"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=quiet,
    ) as progress:
        task = progress.add_task("berkas", total=total)
        outcomes = run_folder(folder, outdir, pilihan, workers=workers, done=lambda _: progress.advance(task))
    if not quiet:
        out = Console(width=max(100, Console().width))
        out.print(summary_table(outcomes))
        failed = sum(1 for o in outcomes if not o.clean)
        out.print(f"{len(outcomes)} berkas, {failed} gagal → {outdir}", markup=False, highlight=False)
    return outcomes


def read_with_progress(path: str, password: str | None, batas: Batas, ocr: str, quiet: bool) -> Dokumen:
    """Read one file; while its pages are read by OCR, a bar of pages on stderr (gone when done)."""
    shown: list[Progress] = []

    def pages(done: int, total: int) -> None:
        if not shown:
            console = Console(file=sys.stderr, quiet=quiet)
            columns = (TextColumn("OCR halaman"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            shown.append(Progress(*columns, console=console, transient=True, disable=quiet))
            shown[0].start()
            shown[0].add_task("ocr", total=total)
        shown[0].update(shown[0].task_ids[0], completed=done, total=total)

    try:
        return extract_guarded(path, password, batas, ocr, pages)
    finally:
        if shown:
            shown[0].stop()
