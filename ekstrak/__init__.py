"""Kinerja's `ekstrak`: IKU / Perjanjian Kinerja documents into structured records."""

from .errors import KinerjaError
from .extract import extract, extract_bytes, extract_text
from .model import Anggaran, Dokumen, Indikator, Peringatan, Sasaran, Target
from .sheet import render, save

__all__ = [
    "Anggaran",
    "Dokumen",
    "Indikator",
    "KinerjaError",
    "Peringatan",
    "Sasaran",
    "Target",
    "extract",
    "extract_bytes",
    "extract_text",
    "render",
    "save",
]
