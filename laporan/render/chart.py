"""Charts of the report with matplotlib: capaian per sasaran against the 100% line, indicators per predikat."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

BAR = "#1F4E78"
OVER = "#2E7D32"
UNDER = "#C62828"


def _save(figure, fmt: str) -> bytes:
    out = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    figure.savefig(out, format=fmt, dpi=150, bbox_inches="tight", metadata=metadata)
    plt.close(figure)
    return out.getvalue()


def capaian_sasaran(labels: list[str], values: list[float | None], fmt: str = "png") -> bytes:
    """Horizontal bars of capaian per sasaran (measured ones) with the 100% line."""
    pairs = [(label, value) for label, value in zip(labels, values) if value is not None]
    height = max(2.2, 0.32 * len(pairs) + 1.0)
    figure, axis = plt.subplots(figsize=(6.3, height))
    names = [p[0] for p in pairs][::-1]
    numbers = [p[1] for p in pairs][::-1]
    colours = [OVER if v >= 100 else UNDER if v < 76 else BAR for v in numbers]
    axis.barh(names, numbers, color=colours, height=0.6)
    axis.axvline(100, color="black", linewidth=1, linestyle="--")
    axis.text(100, len(names) - 0.4, " 100%", fontsize=7, va="bottom")
    for y, value in enumerate(numbers):
        axis.text(value + 1, y, f"{value:.2f}%".replace(".", ","), va="center", fontsize=7)
    axis.set_xlim(0, max([120, *numbers]) * 1.12)
    axis.set_xlabel("Capaian (%)", fontsize=8)
    axis.tick_params(labelsize=7)
    axis.spines[["top", "right"]].set_visible(False)
    return _save(figure, fmt)


def jumlah_predikat(names: list[str], counts: list[int], fmt: str = "png") -> bytes:
    """Bars of the number of indicators per predikat."""
    figure, axis = plt.subplots(figsize=(6.3, 2.2))
    bars = axis.bar(names, counts, color=BAR, width=0.6)
    for bar, count in zip(bars, counts):
        axis.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), str(count), ha="center", va="bottom", fontsize=8)
    axis.set_ylabel("Indikator", fontsize=8)
    axis.tick_params(labelsize=8)
    axis.set_ylim(0, max([1, *counts]) * 1.25)
    axis.spines[["top", "right"]].set_visible(False)
    return _save(figure, fmt)
