"""Indonesian words, from the word list of Debian's Tesseract model (`tesseract-ocr-ind`), for telling a
word a narrow column broke from two words."""

from __future__ import annotations

import functools
import gzip
from importlib.resources import files


@functools.cache
def kata() -> frozenset[str]:
    """The words, lower case (`make kamus` writes the file anew from the installed model)."""
    data = files("ekstrak").joinpath("data/kata_ind.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())
