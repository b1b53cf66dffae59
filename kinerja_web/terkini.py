"""Each saved document's edits laid over its records, and its figures per sasaran, kept in the server's process
and brought up to date from the database's count of saves (`versi`): after a save only the sasaran whose edits
changed are laid out and computed again, not the whole document."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

from ekstrak import Dokumen, Indikator, Sasaran
from laporan.capaian import Aturan
from laporan.hasil import HasilAnggaran, HasilIndikator, HasilSasaran, Pasangan, hasil_indikator, hasil_sasaran

from .edits import Bagian, bagian, bagian_dengan, from_parts, per_sasaran
from .store import Key, Simpanan, Tersimpan

KEEP = 64  # documents kept per store; the oldest kept is dropped first


@dataclass(frozen=True)
class Tersusun:
    """A document as its edits stood at save count `versi`. Shared by the server's threads: never changed."""

    dibuat: str
    versi: int
    asli: Dokumen
    edits: dict[Key, str]
    kelompok: dict[int, dict[Key, str]]  # the edits per sasaran (per_sasaran)
    bagian: tuple[Bagian, ...]
    dokumen: Dokumen


@dataclass
class _Kept:
    """What is kept of one document: its latest layout, and per sasaran its figures and its indicators' with
    their inputs."""

    tersusun: Tersusun
    hasil: dict[int, tuple[tuple, HasilSasaran]] = field(default_factory=dict)
    indikator: dict[int, list[tuple[tuple, HasilIndikator]]] = field(default_factory=dict)  # per sasaran, in order


_KEPT: weakref.WeakKeyDictionary[Simpanan, dict[int, _Kept]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _kept(store: Simpanan, dokumen_id: int) -> _Kept | None:
    with _LOCK:
        return _KEPT.setdefault(store, {}).get(dokumen_id)


def tersusun(store: Simpanan, rec: Tersimpan, versi: int) -> Tersusun:
    """The document's edits laid over its records as they stood at save count `versi` or later (`rec.versi`:
    as they stood when `rec` was read)."""
    known = _kept(store, rec.id)
    if known is not None and known.tersusun.dibuat == rec.dibuat and known.tersusun.versi >= versi:
        return known.tersusun
    versi, edits = store.suntingan_berversi(rec.id)
    asli = store.dokumen_asli(rec)
    before = known.tersusun if known is not None and known.tersusun.dibuat == rec.dibuat else None
    if before is not None and before.asli is not asli:
        before = None
    groups = per_sasaran(edits)
    parts = tuple(
        before.bagian[s]
        if before is not None and before.kelompok.get(s, {}) == groups.get(s, {})
        else bagian(asli, s, groups.get(s, {}))
        for s in range(len(asli.sasaran))
    )
    made = Tersusun(rec.dibuat, versi, asli, edits, groups, parts, from_parts(asli, list(parts)))
    with _LOCK:
        kept = _KEPT.setdefault(store, {})
        current = kept.get(rec.id)
        if current is None or current.tersusun.dibuat != rec.dibuat:
            kept.pop(rec.id, None)
            if len(kept) >= KEEP:
                kept.pop(next(iter(kept)))
            kept[rec.id] = _Kept(made)
        elif current.tersusun.versi < versi:  # another thread may have kept a later one meanwhile
            current.tersusun = made
    return made


def sesudah(store: Simpanan, rec: Tersimpan, key: Key, nilai: str | None, versi: int) -> None:
    """After this process saved `key` (None: removed) as save number `versi`: the document kept as it stood just
    before is brought to `versi` by that one edit, not read again (otherwise the next request reads it)."""
    known = _kept(store, rec.id)
    before = known.tersusun if known is not None else None
    if before is None or before.dibuat != rec.dibuat or before.versi != versi - 1:
        return
    edits, s = dict(before.edits), key[0]
    group = dict(before.kelompok.get(s, {}))
    if nilai is None:
        edits.pop(key, None)
        group.pop(key, None)
    else:
        edits[key] = group[key] = nilai
    groups = {**before.kelompok, s: group}
    parts = before.bagian
    if 0 <= s < len(parts):
        parts = (*parts[:s], bagian_dengan(before.asli, parts[s], key, group), *parts[s + 1 :])
    made = Tersusun(rec.dibuat, versi, before.asli, edits, groups, parts, from_parts(before.asli, list(parts)))
    with _LOCK:
        if known.tersusun.versi == versi - 1:
            known.tersusun = made


def hasil(
    store: Simpanan,
    dokumen_id: int,
    s: int,
    sasaran: Sasaran,
    lalu: Pasangan,
    anggaran: tuple[HasilAnggaran, ...],
    aturan: Aturan,
) -> HasilSasaran:
    """`laporan.hasil.hasil_sasaran` of the document's `s`-th sasaran, computed again only when its inputs
    changed since it was last computed, and then only for the indicators whose own inputs changed."""
    inputs = (sasaran, lalu, anggaran, aturan)
    known = _kept(store, dokumen_id)
    remembered = known.hasil.get(s) if known is not None else None
    if remembered is not None and remembered[0] == inputs:
        return remembered[1]
    before = known.indikator.get(s, []) if known is not None else []
    now: list[tuple[tuple, HasilIndikator]] = []

    def each(ind: Indikator, pairs: list[tuple[int | None, Indikator | None]], rules: Aturan) -> HasilIndikator:
        """The indicator's figures, those of the same place kept while its inputs are the same (mostly the
        very same records: compared at once)."""
        key = (ind, tuple(pairs), rules)
        place = len(now)
        same = place < len(before) and before[place][0] == key
        now.append((key, before[place][1] if same else hasil_indikator(ind, pairs, rules)))
        return now[-1][1]

    made = hasil_sasaran(sasaran, lalu, anggaran, aturan, each)
    if known is not None:
        known.hasil[s], known.indikator[s] = (inputs, made), now
    return made


def lupakan(store: Simpanan, dokumen_id: int) -> None:
    """Drop what is kept of a deleted document."""
    with _LOCK:
        _KEPT.setdefault(store, {}).pop(dokumen_id, None)
