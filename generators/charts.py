"""Static SVG charts made at build time with matplotlib.

Text stays text (``svg.fonttype: none``) so that Chinese labels render with the
reader's fonts and can be searched; ids are salted with a constant and the
date is left out, so the same figures give byte-identical SVG.  Because they are, a
republish takes a chart whose figures did not change from the last build (memo.py)
and imports matplotlib (0.6 s) only when it must draw.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from .memo import remembered
from .urls import relative

_COLOURS = ["#1f5fa8", "#c0392b", "#2e8b57", "#e69f00", "#6a3d9a", "#7f7f7f"]
STATUS_COLOURS = {"overdue": "#b42318", "at-risk": "#dc6803", "not-started": "#98a2b3",
                  "on-track": "#1f5fa8", "suspended": "#667085", "completed-late": "#7a5af8",
                  "completed": "#12b76a"}
_FONT_STACK = ("'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',"
               "'DejaVu Sans',sans-serif")


@functools.cache
def _pyplot() -> tuple[Any, dict[str, Any]]:
    """matplotlib.pyplot and our rc settings, imported at the first chart drawn."""
    import matplotlib

    matplotlib.use("Agg")  # no display on build machines
    import matplotlib.pyplot as plt
    from cycler import cycler

    rc = {"svg.fonttype": "none", "svg.hashsalt": "general-office-portal",
          "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"], "font.size": 10,
          "axes.spines.top": False, "axes.spines.right": False,
          "axes.prop_cycle": cycler(color=_COLOURS)}
    return plt, rc


def _svg(fig: Any, title: str) -> str:
    plt, _ = _pyplot()
    buf = io.StringIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")  # CJK: the browser draws
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None},
                    bbox_inches="tight")
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype: the SVG sits in HTML
    svg = re.sub(r"font-family:\s*'?DejaVu Sans'?", f"font-family:{_FONT_STACK}", svg)
    svg = re.sub(r'font-family="[^"]*"', f'font-family="{_FONT_STACK}"', svg)
    # an accessible name for the picture; the data table beside it carries the figures
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_attr(title)}" ', 1)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@remembered
def bar_chart(labels: Sequence[str], values: Sequence[float], title: str, *,
              colours: Sequence[str] | None = None, xlabel: str = "",
              horizontal: bool = False, limit: tuple[float, float] | None = None) -> str:
    plt, rc = _pyplot()
    with plt.rc_context(rc):
        height = max(2.4, 0.28 * len(labels) + 0.8) if horizontal else 3.2
        fig, ax = plt.subplots(figsize=(7.2, height))
        if horizontal:
            ax.barh(list(labels)[::-1], list(values)[::-1],
                    color=list(colours)[::-1] if colours else None)
            ax.set_xlabel(xlabel)
            if limit:
                ax.set_xlim(*limit)
        else:
            ax.bar(list(labels), list(values), color=list(colours) if colours else None)
            ax.set_ylabel(xlabel)
            if limit:
                ax.set_ylim(*limit)
            plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
        ax.set_title(title)
        return _svg(fig, title)


@remembered
def line_chart(x: Sequence[str], series: dict[str, Sequence[float]], title: str, *,
               ylabel: str = "", limit: tuple[float, float] | None = None) -> str:
    plt, rc = _pyplot()
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(7.2, 3.4))
        for name, ys in series.items():
            ax.plot(list(x), list(ys), marker="o", markersize=3, label=name)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        if limit:
            ax.set_ylim(*limit)
        ax.legend(loc="lower right", frameon=False)
        plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
        return _svg(fig, title)


@remembered
def stacked_bar_chart(labels: Sequence[str], stacks: dict[str, Sequence[float]], title: str,
                      *, ylabel: str = "") -> str:
    plt, rc = _pyplot()
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(7.2, 3.2))
        bottom = [0.0] * len(labels)
        for name, values in stacks.items():
            ax.bar(list(labels), list(values), bottom=bottom, label=name)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        ax.legend(frameon=False, fontsize=8)
        return _svg(fig, title)


_files: ContextVar[dict[str, str] | None] = ContextVar("chart_files", default=None)


@contextmanager
def collecting(store: dict[str, str]) -> Iterator[dict[str, str]]:
    """Charts made inside this block become files in store (path -> SVG text)."""
    token = _files.set(store)
    try:
        yield store
    finally:
        _files.reset(token)


def figure(svg: str, caption: str, table_html: str, page_src: str = "") -> str:
    """A chart with its caption and, beside it, the table of its data.

    When collecting, the SVG becomes its own file (named by its content) and the page
    embeds it with <img>: pages stay small, the browser caches the picture.
    """
    store = _files.get()
    if store is None:
        picture = svg
    else:
        path = f"assets/charts/{hashlib.sha256(svg.encode()).hexdigest()[:16]}.svg"
        store[path] = '<?xml version="1.0" encoding="utf-8"?>\n' + svg
        size = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg)
        dims = (f' width="{round(float(size[1]) * 4 / 3)}" '
                f'height="{round(float(size[2]) * 4 / 3)}"') if size else ""
        picture = (f'<img src="{relative(page_src, path)}" alt="{_attr(caption)}"{dims} '
                   f'loading="lazy">')
    return (f'<figure class="chart">{picture}<figcaption>{_attr(caption)}</figcaption>'
            f'</figure>\n<details class="chart-data" open><summary>{_attr(caption)}</summary>\n'
            f"{table_html}</details>\n")
