"""laporan/load.py: last year's indicators paired by wording; the quick search gives what the plain
all-pairs comparison gives."""

from __future__ import annotations

import difflib
import random
from dataclasses import replace

import ekstrak
from laporan.load import SAME_WORDING, match_tahun_lalu

SEED = "samples/iku_kanwil_sulbar_2022.txt"


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _plain(dokumen, lalu):
    """The comparison of every pair, written out as the rule says."""
    candidates = [
        (i, _fold(i.uraian), _fold(s.uraian), (si, ii))
        for si, s in enumerate(lalu.sasaran)
        for ii, i in enumerate(s.indikator)
    ]
    matches, missing = {}, []
    for si, s in enumerate(dokumen.sasaran):
        for ii, ind in enumerate(s.indikator):
            wording, best, score = _fold(ind.uraian), None, (0.0, False, False)
            for other, text, sasaran, place in candidates:
                ratio = 1.0 if text == wording else difflib.SequenceMatcher(None, wording, text).ratio()
                rank = (ratio, sasaran == _fold(s.uraian), place == (si, ii))
                if rank > score:
                    best, score = other, rank
            if best is not None and score[0] >= SAME_WORDING:
                matches[(si, ii)] = best
            else:
                missing.append(f"{s.nomor}.{ind.nomor} {ind.uraian}")
    return matches, missing


def _reworded(doc, rng: random.Random):
    """Last year's document with some wordings changed a little, some a lot, some repeated elsewhere."""
    sasaran = []
    for s in doc.sasaran:
        indikator = []
        for ind in s.indikator:
            words = ind.uraian.split()
            roll = rng.random()
            if roll < 0.3 and len(words) > 2:
                words[rng.randrange(len(words))] = "berubah"
            elif roll < 0.4:
                words = list(reversed(words))
            elif roll < 0.5:
                words = doc.sasaran[0].indikator[0].uraian.split()
            indikator.append(replace(ind, uraian=" ".join(words)))
        sasaran.append(replace(s, indikator=tuple(indikator)))
    return replace(doc, sasaran=tuple(rng.sample(sasaran, len(sasaran))))


def test_the_quick_search_pairs_as_the_plain_comparison_does():
    doc = ekstrak.extract(SEED)
    for seed in range(6):
        lalu = _reworded(doc, random.Random(seed))
        assert match_tahun_lalu(doc, lalu) == _plain(doc, lalu)
