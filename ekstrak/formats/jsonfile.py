"""The document as JSON (the public contract), and read back."""

from __future__ import annotations

import json

from inti.errors import BerkasRusak, FormatTidakDikenal

from ..model import Dokumen


def to_json(doc: Dokumen) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"


def read_json_text(text: str) -> Dokumen:
    """A document as `ekstrak` writes it in JSON (perhaps corrected by hand) back into records."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
        if not isinstance(data, dict) or not isinstance(data.get("sasaran"), list):
            raise ValueError("no sasaran")
        return Dokumen.from_dict(data)
    except json.JSONDecodeError as exc:
        raise BerkasRusak(
            f"Berkas JSON ini tidak dapat dibaca (baris {exc.lineno}, kolom {exc.colno}); "
            "periksa tanda kurung dan koma."
        ) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FormatTidakDikenal(
            "Berkas JSON ini bukan dokumen Kinerja (harus berisi 'sasaran' dengan 'nomor', 'uraian', 'indikator')."
        ) from exc
