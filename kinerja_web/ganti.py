"""A document-year replaced by its revised version (a revised PK mid-year): the indicators still there keep their
realisasi, keterangan, evidence, unit and history; those gone are listed with what was filled in, so nothing is
lost unseen, and the whole earlier version is kept beside the document."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from ekstrak import Dokumen
from laporan.load import match_tahun_lalu

from . import report
from .edits import ANGGARAN, DOKUMEN, SASARAN_ITSELF, TRIWULAN, field_value
from .store import PROFIL, Simpanan, catat, same_name, teks
from .waktu import sekarang

SEBELUM_REVISI = -4  # sasaran index of history and evidence of indicators the revision no longer has
KEPT_FIELDS = ("realisasi", *TRIWULAN, "keterangan", "polaritas", "triwulan_cara")
TEXT_FIELDS = ("uraian", "target")  # corrections kept only where the new file reads as the old one did
Key = tuple[int, int]


@dataclass
class Hasil:
    """What a revision did: the indicators gone (with what was filled in) and the new ones."""

    id: str
    nama_lama: str
    nama_baru: str
    oleh: str
    waktu: str
    hilang: list[dict[str, Any]] = field(default_factory=list)
    baru: list[dict[str, Any]] = field(default_factory=list)
    tetap: int = 0


def pasangan(lama: Dokumen, baru: Dokumen) -> dict[Key, Key]:
    """Each new indicator's place → the old one's it continues (places in each document): by kode where both
    have one, else by wording (laporan's matching of last year's indicators); each old one is taken once."""
    where = {id(ind): (s, i) for s, sas in enumerate(lama.sasaran) for i, ind in enumerate(sas.indikator)}
    by_kode = {
        same_name(ind.kode): (s, i)
        for s, sas in enumerate(lama.sasaran)
        for i, ind in enumerate(sas.indikator)
        if ind.kode
    }
    worded, _ = match_tahun_lalu(baru, lama)
    places = [(s, i, ind) for s, sas in enumerate(baru.sasaran) for i, ind in enumerate(sas.indikator)]
    out = {(s, i): by_kode[same_name(ind.kode)] for s, i, ind in places if ind.kode and same_name(ind.kode) in by_kode}
    taken = set(out.values())  # a kode decides first; the wording only pairs what is left
    for s, i, ind in places:
        found = worded.get((s, i))
        old = where[id(found)] if found is not None and (s, i) not in out else None
        if old is not None and ind.kode and lama.sasaran[old[0]].indikator[old[1]].kode:
            old = None  # both have a kode and they differ: not the same indicator
        if old is not None and old not in taken:
            out[(s, i)] = old
            taken.add(old)
    return out


def _as_read(state: report.Keadaan) -> Dokumen:
    """The corrected document, its extracted rows worded as their file read them: a revised file is read the same
    way, so a correction typed since does not hide an indicator the revision still has."""
    sasaran = []
    for part in state.bagian:
        if part.dihapus:
            continue
        read = state.asli.sasaran[part.s]
        rows = tuple(
            row.indikator if row.ditambahkan else replace(row.indikator, uraian=read.indikator[row.i].uraian)
            for row in part.kept
        )
        sasaran.append(replace(part.sasaran, uraian=read.uraian, indikator=rows))
    return replace(state.dokumen, sasaran=tuple(sasaran))


def _keys_of(state: report.Keadaan) -> dict[Key, Key]:
    """Each place in the corrected document → the key of its row (an added row's index follows the extracted)."""
    return {(si, ii): (s, i) for si, (s, kept) in enumerate(state.keys) for ii, i in enumerate(kept)}


def _budget_moves(old: Dokumen, new: Dokumen) -> dict[int, int]:
    """Each old budget row → the new one of the same wording."""
    by_text = {same_name(row.uraian): n for n, row in enumerate(new.anggaran)}
    return {n: by_text[same_name(row.uraian)] for n, row in enumerate(old.anggaran) if same_name(row.uraian) in by_text}


def _summary(
    state: report.Keadaan, moves: dict[Key, Key], new: Dokumen, found: dict[Key, list[str]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The indicators gone (with what was filled in and their evidence's names) and the new ones."""
    gone = []
    for part in state.bagian:
        for row in part.kept if not part.dihapus else []:
            if (part.s, row.i) in moves:
                continue
            lain = row.indikator.kolom_lain
            gone.append(
                {
                    "nomor": f"{part.sasaran.nomor}.{row.indikator.nomor}",
                    "uraian": row.indikator.uraian,
                    "target": row.indikator.target.teks if row.indikator.target else "",
                    "isian": {name: lain[name] for name in KEPT_FIELDS if lain.get(name)},
                    "bukti": found.get((part.s, row.i), []),
                }
            )
    continued = set(moves.values())
    added = [
        {"nomor": f"{sas.nomor}.{ind.nomor}", "uraian": ind.uraian, "target": ind.target.teks if ind.target else ""}
        for s, sas in enumerate(new.sasaran)
        for i, ind in enumerate(sas.indikator)
        if (s, i) not in continued
    ]
    return gone, added


def _moved_analyses(
    state: report.Keadaan, moves: dict[Key, Key], new: Dokumen
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The profile with each sasaran's analysis under the new sasaran most of its indicators went to (else the
    one worded the same); the analyses of sasaran the revision no longer has, to be listed with those gone."""
    where: dict[int, list[int]] = {}
    for (s, _), (new_s, _) in moves.items():
        where.setdefault(s, []).append(new_s)
    worded = {same_name(sas.uraian): n for n, sas in enumerate(new.sasaran)}
    for s, sas in enumerate(state.asli.sasaran):
        if s not in where and same_name(sas.uraian) in worded:
            where[s] = [worded[same_name(sas.uraian)]]
    analyses = state.simpanan.profil.get("analisis") or {}
    kept: dict[str, str] = {}
    lost = []
    for key, text in analyses.items():
        s = int(key) - 1 if key.isdigit() else -1
        if where.get(s):
            to = str(max(set(where[s]), key=where[s].count) + 1)
            kept[to] = f"{kept[to]}\n\n{text}" if to in kept else text  # two sasaran merged: both kept
            continue
        part = next((p for p in state.bagian if p.s == s), None)
        nomor = f"Sasaran {part.sasaran.nomor}" if part else f"Sasaran {key}"
        lost.append(
            {
                "nomor": nomor,
                "uraian": part.sasaran.uraian if part else "",
                "target": "",
                "isian": {"analisis": text},
                "bukti": [],
            }
        )
    return {**state.simpanan.profil, "analisis": kept}, lost


def _moved_edits(state: report.Keadaan, moves: dict[Key, Key], new: Dokumen) -> list[tuple[int, int, str, str]]:
    """The edits the revised document keeps, under its own keys."""
    budget = _budget_moves(state.asli, new)
    out = []
    for (s, i, name), value in state.edits.items():
        if s == DOKUMEN:
            out.append((s, i, name, value))
        elif s == ANGGARAN and i in budget:
            out.append((s, budget[i], name, value))
        elif (s, i) in moves and name in KEPT_FIELDS:
            out.append((*moves[(s, i)], name, value))
        elif (s, i) in moves and name in TEXT_FIELDS:
            s2, i2 = moves[(s, i)]
            if field_value(new, (s2, i2, name)) == field_value(state.asli, (s, i, name)) and i != SASARAN_ITSELF:
                out.append((s2, i2, name, value))
    return out


def _later(now: str, before: str) -> str:
    """`now`, or a second after `before` where the revision comes within the second the records were made: the
    records read are kept by when they were made (store.py), so that must change with them."""
    if now > before:
        return now
    return (dt.datetime.fromisoformat(before) + dt.timedelta(seconds=1)).isoformat(timespec="seconds")


def ganti(store: Simpanan, state: report.Keadaan, asli: dict[str, Any], nama_berkas: str, oleh: str) -> Hasil:
    """Put the revised document `asli` (records as read from `nama_berkas`) in the place of `state`'s."""
    rec = state.simpanan
    new = Dokumen.from_dict(asli)
    places = _keys_of(state)
    moves = {places[old]: (s, i) for (s, i), old in pasangan(_as_read(state), new).items()}  # old key → new key
    with store.koneksi() as db:
        evidence = db.execute(
            "SELECT id, sasaran, indikator, nama FROM bukti WHERE dokumen_id = ?", (rec.id,)
        ).fetchall()
    found: dict[Key, list[str]] = {}
    for _, s, i, nama in evidence:
        found.setdefault((s, i), []).append(nama)
    gone, added = _summary(state, moves, new, found)
    profil, lost = _moved_analyses(state, moves, new)
    gone += lost
    now = sekarang()
    made = _later(now, rec.dibuat)
    out = Hasil(uuid.uuid4().hex, rec.nama_berkas, nama_berkas, oleh, now, gone, added, len(moves))
    gone_keys = {key: n for n, key in enumerate(k for k in places.values() if k not in moves)}
    with store.tulis() as db:
        db.execute(
            "INSERT INTO revisi (id, dokumen_id, nama_lama, nama_baru, asli_lama, suntingan_lama, hilang, baru, oleh, "
            "waktu) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                out.id,
                rec.id,
                rec.nama_berkas,
                nama_berkas,
                json.dumps(rec.asli, ensure_ascii=False),
                json.dumps([[*k, v] for k, v in state.edits.items()], ensure_ascii=False),
                json.dumps(gone, ensure_ascii=False),
                json.dumps(added, ensure_ascii=False),
                oleh,
                now,
            ),
        )
        db.execute("DELETE FROM suntingan WHERE dokumen_id = ?", (rec.id,))
        for s, i, name, value in _moved_edits(state, moves, new):
            db.execute(
                "INSERT INTO suntingan (dokumen_id, sasaran, indikator, bidang, nilai, diubah, oleh) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (rec.id, s, i, name, value, now, oleh),
            )
        _move_rows(db, rec.id, moves, gone_keys)
        db.execute(
            # versi counts the document's changes: a server that keeps its layout (terkini.py) reads it anew
            "UPDATE dokumen SET asli = ?, nama_berkas = ?, dibuat = ?, diubah = ?, profil = ?, versi = versi + 1 "
            "WHERE id = ?",
            (
                json.dumps(asli, ensure_ascii=False),
                nama_berkas,
                made,
                now,
                json.dumps(profil, ensure_ascii=False),
                rec.id,
            ),
        )
        before, after = (teks(side.get("analisis", {})) for side in (rec.profil, profil))
        catat(db, rec.id, (PROFIL, -1, "analisis"), before, after, oleh, now)
        catat(db, rec.id, (DOKUMEN, -1, "revisi"), rec.nama_berkas, nama_berkas, oleh, now)
    return out


def _move_rows(db: Any, dokumen_id: int, moves: dict[Key, Key], gone: dict[Key, int]) -> None:
    """History, evidence and units follow their indicator to its new key; those of an indicator gone are kept
    (history and evidence) under SEBELUM_REVISI."""
    for table, key_column in (("riwayat", "id"), ("bukti", "id")):
        rows = db.execute(f"SELECT {key_column}, sasaran, indikator FROM {table} WHERE dokumen_id = ?", (dokumen_id,))
        for row_id, s, i in rows.fetchall():
            if (s, i) in moves:
                target = moves[(s, i)]
            elif s >= 0 and (s, i) in gone:
                target = (SEBELUM_REVISI, gone[(s, i)])
            elif s >= 0:
                target = (SEBELUM_REVISI, -1)  # a sasaran's own line, or a deleted row's
            else:
                continue
            db.execute(f"UPDATE {table} SET sasaran = ?, indikator = ? WHERE {key_column} = ?", (*target, row_id))
    units = db.execute("SELECT sasaran, indikator, unit FROM penugasan WHERE dokumen_id = ?", (dokumen_id,)).fetchall()
    db.execute("DELETE FROM penugasan WHERE dokumen_id = ?", (dokumen_id,))
    for s, i, unit in units:
        if (s, i) in moves:
            db.execute(
                "INSERT INTO penugasan (dokumen_id, sasaran, indikator, unit) VALUES (?, ?, ?, ?)",
                (dokumen_id, *moves[(s, i)], unit),
            )


def daftar(store: Simpanan, dokumen_id: int) -> list[Hasil]:
    """A document's revisions, newest first."""
    with store.koneksi() as db:
        rows = db.execute(
            "SELECT id, nama_lama, nama_baru, oleh, waktu, hilang, baru FROM revisi WHERE dokumen_id = ? "
            "ORDER BY waktu DESC, id",
            (dokumen_id,),
        ).fetchall()
    return [Hasil(*r[:5], json.loads(r[5]), json.loads(r[6])) for r in rows]
