"""Kinerja's `ekstrak`: IKU / Perjanjian Kinerja documents into structured records (its public API)."""

from inti.errors import KinerjaError

from .extract import extract, extract_bytes, extract_guarded, extract_text
from .formats import FORMATS, render, save
from .model import Anggaran, Dokumen, Indikator, Kolom, Peringatan, Sasaran, Target
from .targets import parse_target

__all__ = [
    "FORMATS",
    "Anggaran",
    "Dokumen",
    "Indikator",
    "KinerjaError",
    "Kolom",
    "Peringatan",
    "Sasaran",
    "Target",
    "extract",
    "extract_bytes",
    "extract_guarded",
    "extract_text",
    "parse_target",
    "render",
    "save",
]
