"""Output formats: a document into JSON, CSV or XLSX bytes, and saved atomically."""

from __future__ import annotations

from pathlib import Path

from inti.errors import FormatTidakDikenal
from inti.files import write_atomic

from ..model import Dokumen
from .csvfile import csv_bytes
from .jsonfile import to_json
from .xlsxfile import xlsx_bytes

FORMATS = ("json", "csv", "xlsx")


def render(doc: Dokumen, fmt: str) -> bytes:
    """The document in `fmt` (json, csv or xlsx) as bytes."""
    if fmt == "json":
        return to_json(doc).encode("utf-8")
    if fmt == "csv":
        return csv_bytes(doc)
    if fmt == "xlsx":
        return xlsx_bytes(doc)
    raise FormatTidakDikenal(f"Format keluaran '{fmt}' tidak dikenal; pilih json, csv atau xlsx.")


def save(doc: Dokumen, path: Path, fmt: str) -> None:
    """Write the document to `path` in `fmt`, atomically."""
    write_atomic(path, render(doc, fmt))
