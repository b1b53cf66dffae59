"""Hostile files made on the spot (each under 64 KiB), shared by the tests of the commands and the web page."""

from __future__ import annotations

import zlib


def deflated(piece: bytes, times: int) -> bytes:
    """`piece` repeated `times` times, deflated without ever holding the whole in memory."""
    packer = zlib.compressobj(9)
    chunk = piece * max(1, (16 * 1024 * 1024) // len(piece))
    repeats, rest = divmod(times * len(piece), len(chunk))
    out = [packer.compress(chunk) for _ in range(repeats)]
    out.append(packer.compress(chunk[:rest]))
    out.append(packer.flush())
    return b"".join(out)


def stream_pdf(piece: bytes, times: int, filters: int = 2) -> bytes:
    """A one-page PDF whose content stream is `piece` × `times`, deflated `filters` times (a stream bomb)."""
    stream = deflated(piece, times)
    for _ in range(filters - 1):
        stream = zlib.compress(stream, 9)
    names = " ".join(["/FlateDecode"] * filters)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter [%s] >>\nstream\n" % (len(stream), names.encode()) + stream + b"\nendstream",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body
