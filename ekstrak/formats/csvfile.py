"""The flat sheet as CSV (as Excel in an Indonesian locale opens it), safe from formula injection, and back."""

from __future__ import annotations

import csv
import io
import re
from typing import IO

from inti.errors import FormatTidakDikenal
from inti.numbers import format_number

from ..model import Dokumen
from .rows import NUMERIC, flat_rows, from_records, header, is_flat_header

# OWASP's CSV injection guidance: a text cell starting with one of these gets a leading `'`. Text that
# already starts with quotes before one of them gets one more, so reading back is exact.
_DANGER_RE = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPED_RE = re.compile(r"^'+[=+\-@\t\r]")


def escape(text: str) -> str:
    """A text cell as written into CSV: never read as a formula by a spreadsheet."""
    return "'" + text if _DANGER_RE.match(text) else text


def unescape(text: str) -> str:
    """A text cell read back from our CSV: the `'` that `escape` put before it removed."""
    return text[1:] if _ESCAPED_RE.match(text) else text


def write_csv(doc: Dokumen, stream: IO[str]) -> None:
    """`;` between fields and a decimal comma; text cells escaped, numeric columns stay numbers."""
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    names = header(doc)
    writer.writerow(names)
    for row in flat_rows(doc):
        value = row["nilai_target"]
        row["nilai_target"] = "" if value is None else format_number(value, thousands=False)
        cells = ["" if row.get(k) is None else row.get(k) for k in names]
        writer.writerow([c if name in NUMERIC else escape(str(c)) for name, c in zip(names, cells)])


def csv_bytes(doc: Dokumen) -> bytes:
    text = io.StringIO()
    write_csv(doc, text)
    return text.getvalue().encode("utf-8-sig")


def read_csv_text(text: str) -> Dokumen:
    """The flat sheet as CSV (`;` or `,` between fields) back into a document."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows or not is_flat_header(rows[0]):
        raise FormatTidakDikenal("Berkas CSV ini bukan lembar indikator Kinerja (kolom sasaran, indikator, target).")
    names = [h.strip().lower() for h in rows[0]]
    records = [
        {name: (c if name in NUMERIC else unescape(c)) for name, c in zip(names, r)}
        for r in rows[1:]
        if any(c.strip() for c in r)
    ]
    return from_records(records, start_line=2)
