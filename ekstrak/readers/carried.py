"""A later page's columns in `pdftotext -layout` text: the page before's, moved to where this page's header
words and blank strips put them (pdftotext sets each page on its own, squeezing some columns more)."""

from __future__ import annotations

import itertools
import math
from collections import Counter

# How far (characters) a column's edge may stand from where the header words say it moved.
DRIFT = 4


def anchors(before: list[dict], now: list[dict]) -> list[tuple[float, float]]:
    """Header words that stand once in each header (`KODE`, `2026`), as (left before, left now), in order
    on both pages."""

    def once(words: list[dict]) -> dict[str, float]:
        counts = Counter(w["text"] for w in words)
        return {w["text"]: w["x0"] for w in words if counts[w["text"]] == 1}

    old, new = once(before), once(now)
    chain: list[tuple[float, float]] = []
    for x, y in sorted((old[t], new[t]) for t in old.keys() & new.keys()):
        if not chain or (x > chain[-1][0] and y > chain[-1][1]):
            chain.append((x, y))
    return chain


def _moved(x: float, pairs: list[tuple[float, float]]) -> float:
    """Where `x` of the page before stands on this page, between the header words around it."""
    if x <= pairs[0][0]:
        return x + pairs[0][1] - pairs[0][0]
    for (x0, y0), (x1, y1) in itertools.pairwise(pairs):
        if x <= x1:
            return y0 + (x - x0) * (y1 - y0) / (x1 - x0)
    return x + pairs[-1][1] - pairs[-1][0]


def moved_cuts(
    carried: list[float], before: list[dict], header: list[dict], body: list[list[dict]], char: float
) -> list[float] | None:
    """The page before's column edges, each moved as the header words around it moved, then to the
    character place nearby that the fewest body lines write across; None without two header words to go by."""
    pairs = anchors(before, header)
    if len(pairs) < 2:
        return None
    crossing: Counter[int] = Counter()
    for line in body:
        for word in line:
            crossing.update(range(round(word["x0"] / char), round((word["x1"] + 1) / char)))
    cuts: list[float] = []
    for cut in carried:
        expected = _moved(cut, pairs) / char - 0.5
        low = max(expected - DRIFT, cuts[-1] / char + 0.5 if cuts else 0.0)
        places = range(math.ceil(low), math.floor(expected + DRIFT) + 1)
        if not places:
            cuts.append(max(expected + 0.5, low + 0.5) * char)
            continue
        best = min(places, key=lambda p: (crossing[p], abs(p - expected)))
        cuts.append((best + 0.5) * char)
    return cuts
