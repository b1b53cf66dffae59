"""Charts of the report with matplotlib, in the report's body font: capaian per sasaran against the 100% line,
indicators per predikat, and capaian over the years."""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.patches import Patch

from inti import templat
from inti.capaian import TIDAK_DIUKUR

BAR = "#1F4E78"
OVER = "#2E7D32"
UNDER = "#C62828"
GREY = "#9E9E9E"
FONT = "Liberation Sans"
LOW = 76  # below this a bar is red: under the lkjip scale's Baik band

for _name in ("Regular", "Bold"):
    font_manager.fontManager.addfont(str(templat.folder("fonts") / f"LiberationSans-{_name}.ttf"))
plt.rcParams.update({"font.family": FONT, "svg.fonttype": "path"})


def persen(value: float) -> str:
    """The tables' rounding: two decimals, a decimal comma."""
    return f"{value:.2f}%".replace(".", ",")


def _save(figure, fmt: str, tight: bool = True) -> bytes:
    """The chart's bytes; `tight` crops to what is drawn (a second drawing: only where labels vary in width)."""
    out = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    figure.savefig(out, format=fmt, dpi=150, bbox_inches="tight" if tight else None, metadata=metadata)
    plt.close(figure)
    return out.getvalue()


def _label(name: str) -> str:
    lines = textwrap.wrap(name, 48)
    return "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "")


def capaian_sasaran(labels: list[str], values: list[float | None], fmt: str = "png") -> bytes:
    """Horizontal bars of capaian per sasaran (named, wrapped) with the 100% line; unmeasured ones said so."""
    height = max(2.4, 0.42 * len(labels) + 1.2)
    figure, axis = plt.subplots(figsize=(6.3, height))
    names = [_label(label) for label in labels][::-1]
    numbers = values[::-1]
    colours = [GREY if v is None else OVER if v >= 100 else UNDER if v < LOW else BAR for v in numbers]
    axis.barh(range(len(names)), [v or 0 for v in numbers], color=colours, height=0.6)
    axis.set_yticks(range(len(names)), names)
    top = max([120.0, *(v for v in numbers if v is not None)]) * 1.18
    axis.axvline(100, color="black", linewidth=0.8, linestyle="--", zorder=0)
    for y, value in enumerate(numbers):
        text = TIDAK_DIUKUR if value is None else persen(value)
        axis.text((value or 0) + top * 0.01, y, text, va="center", fontsize=7, backgroundcolor="white")
    axis.set_xlim(0, top)
    axis.set_ylim(-0.6, len(names) - 0.4)
    axis.set_xlabel("Capaian (%); garis putus-putus: 100%", fontsize=8)
    axis.tick_params(labelsize=7)
    axis.spines[["top", "right"]].set_visible(False)
    legend = [
        Patch(color=OVER, label="≥ 100%"),
        Patch(color=BAR, label=f"{LOW}% – < 100%"),
        Patch(color=UNDER, label=f"< {LOW}%"),
    ]
    if None in numbers:
        legend.append(Patch(color=GREY, label=TIDAK_DIUKUR))
    axis.legend(handles=legend, fontsize=7, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=4, frameon=False)
    # Fixed margins (labels of at most 48 characters on two lines) spare the second drawing a tight crop costs.
    figure.subplots_adjust(left=0.42, right=0.97, top=1 - 0.35 / height, bottom=0.5 / height)
    return _save(figure, fmt, tight=False)


def jumlah_predikat(names: list[str], counts: list[int], fmt: str = "png") -> bytes:
    """Bars of the number of indicators per predikat."""
    figure, axis = plt.subplots(figsize=(6.3, 2.2))
    bars = axis.bar(names, counts, color=BAR, width=0.6)
    for bar, count in zip(bars, counts):
        axis.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), str(count), ha="center", va="bottom", fontsize=8)
    axis.set_ylabel("Jumlah indikator", fontsize=8)
    axis.tick_params(labelsize=8)
    axis.set_ylim(0, max([1, *counts]) * 1.25)
    axis.spines[["top", "right"]].set_visible(False)
    return _save(figure, fmt)


def capaian_tahunan(years: list[str], values: list[float | None], fmt: str = "png") -> bytes:
    """A line of capaian over the years with the 100% line; a year not measured is a gap, said so."""
    figure, axis = plt.subplots(figsize=(5.2, 2.0))
    xs = range(len(years))
    axis.plot(xs, [v if v is not None else float("nan") for v in values], marker="o", color=BAR, linewidth=1.5)
    axis.axhline(100, color="black", linewidth=0.8, linestyle="--", label="100%")
    measured = [v for v in values if v is not None]
    low, high = min([90.0, *measured]) * 0.85, max([110.0, *measured]) * 1.12
    for x, value in zip(xs, values):
        text = TIDAK_DIUKUR if value is None else persen(value)
        y = (value if value is not None else low) + (high - low) * 0.05
        axis.text(x, y, text, ha="center", fontsize=7, bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    axis.set_xticks(list(xs), years)
    axis.set_xlim(-0.5, len(years) - 0.5)
    axis.set_ylim(low, high)
    axis.set_ylabel("Capaian (%)", fontsize=8)
    axis.tick_params(labelsize=7)
    axis.spines[["top", "right"]].set_visible(False)
    axis.legend(fontsize=7, loc="lower right", frameon=False)
    figure.subplots_adjust(left=0.13, right=0.98, top=0.96, bottom=0.13)
    return _save(figure, fmt, tight=False)
