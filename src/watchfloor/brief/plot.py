"""The brief's timeline plot: dated claims and documents in lanes (assertions, denials, kinds)."""

from __future__ import annotations

import io
from datetime import date

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot

import matplotlib.dates as mdates
import matplotlib.pyplot as plt

from watchfloor.brief.timeline import TimelineEntry

LANE_COLOURS = {"asserts": "#1f77b4", "denies": "#d62728"}
OTHER_COLOUR = "#7f7f7f"


def _lane(entry: TimelineEntry) -> str:
    if entry.kind == "claim":
        return "claim: denies" if entry.stance == "denies" else "claim: asserts"
    return entry.kind.replace("_", " ")


def timeline_png(entries: list[TimelineEntry], title: str) -> bytes | None:
    """PNG bytes of the plot, or None when nothing is dated."""
    dated = [(e, e.start) for e in entries if e.start is not None]
    if not dated:
        return None
    lanes = sorted({_lane(e) for e, _ in dated})
    figure, axes = plt.subplots(figsize=(9, 1.2 + 0.45 * len(lanes)), dpi=110)
    try:
        for e, start in dated:
            lane = _lane(e)
            colour = LANE_COLOURS.get(e.stance or "", OTHER_COLOUR) if e.kind == "claim" else OTHER_COLOUR
            marker = "o" if e.precision in {"day", "publication"} else "s"
            axes.scatter([_as_number(start)], [lanes.index(lane)], c=colour, marker=marker, s=36, alpha=0.8)
        axes.set_yticks(range(len(lanes)), lanes)
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        axes.set_title(title, fontsize=10, loc="left")
        axes.grid(axis="x", alpha=0.3)
        axes.set_ylim(-0.7, len(lanes) - 0.3)
        figure.autofmt_xdate()
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)


def _as_number(day: date) -> float:
    return float(mdates.date2num(day))
