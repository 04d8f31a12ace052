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
import html
import io
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from .escaping import xml_text
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

    # text.parse_math: a record's "$...$" is text, never TeX for matplotlib to parse (a
    # unit named "$\frac$" crashed the build)
    rc = {"svg.fonttype": "none", "svg.hashsalt": "general-office-portal",
          "text.parse_math": False,
          "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"], "font.size": 10,
          "axes.spines.top": False, "axes.spines.right": False,
          "axes.prop_cycle": cycler(color=_COLOURS)}
    return plt, rc


def _svg(fig: Any, title: str) -> str:
    plt, _ = _pyplot()
    buf = io.StringIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")  # CJK: the browser draws
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype: the SVG sits in HTML
    svg = re.sub(r"font-family:\s*'?DejaVu Sans'?", f"font-family:{_FONT_STACK}", svg)
    svg = re.sub(r'font-family="[^"]*"', f'font-family="{_FONT_STACK}"', svg)
    # an accessible name for the picture; the data table beside it carries the figures
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_attr(title)}" ', 1)


def _attr(text: str) -> str:
    """Text for an attribute or element of the SVG or of the page (both HTML and XML)."""
    return html.escape(xml_text(text), quote=True)


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart to draw: which drawing, with what figures (plain values), how tall.

    A page refers to the chart's file by a hash of these, so the page can be written
    before the chart is drawn: a large build draws its charts in the background worker
    (matplotlib costs 0.4 s to import and 0.06 s a chart), and a republish takes the ones
    whose figures did not change from its memo."""

    kind: str
    args: tuple[Any, ...]
    options: tuple[tuple[str, Any], ...]
    height: float
    """Inches; the width is always WIDTH."""

    @property
    def path(self) -> str:
        key = repr((self.kind, self.args, self.options, self.height)).encode()
        return f"assets/charts/{hashlib.sha256(key).hexdigest()[:16]}.svg"

    def svg(self) -> str:
        """The SVG element (for a page)."""
        return _DRAW[self.kind](*self.args, height=self.height, **dict(self.options))

    def file_text(self) -> str:
        """The SVG file."""
        return '<?xml version="1.0" encoding="utf-8"?>\n' + self.svg()


WIDTH = 7.2


def bar_chart(labels: Sequence[str], values: Sequence[float], title: str, *,
              colours: Sequence[str] | None = None, xlabel: str = "",
              horizontal: bool = False, limit: tuple[float, float] | None = None) -> Chart:
    height = max(2.4, 0.28 * len(labels) + 0.8) if horizontal else 3.2
    return Chart("bar", (_texts(labels), [float(v) for v in values], xml_text(title)),
                 (("colours", list(colours) if colours else None), ("xlabel", xml_text(xlabel)),
                  ("horizontal", horizontal), ("limit", limit)), height)


def line_chart(x: Sequence[str], series: dict[str, Sequence[float]], title: str, *,
               ylabel: str = "", limit: tuple[float, float] | None = None) -> Chart:
    return Chart("line", (_texts(x), {xml_text(k): [float(v) for v in vs]
                                      for k, vs in series.items()}, xml_text(title)),
                 (("ylabel", xml_text(ylabel)), ("limit", limit)), 3.4)


def stacked_bar_chart(labels: Sequence[str], stacks: dict[str, Sequence[float]], title: str,
                      *, ylabel: str = "") -> Chart:
    return Chart("stacked", (_texts(labels), {xml_text(k): [float(v) for v in vs]
                                              for k, vs in stacks.items()}, xml_text(title)),
                 (("ylabel", xml_text(ylabel)),), 3.2)


def _texts(labels: Sequence[str]) -> list[str]:
    """Labels the SVG can hold (matplotlib escapes markup in its text; it would write a
    control character as it is, and the picture would not load)."""
    return [xml_text(x) for x in labels]


def _figure(plt: Any, height: float) -> tuple[Any, Any]:
    # a fixed size (constrained layout keeps the labels inside): the page gives the
    # picture its width and height before the chart is drawn
    fig, ax = plt.subplots(figsize=(WIDTH, height), layout="constrained")
    return fig, ax


@remembered
def _bar(labels: list[str], values: list[float], title: str, *, height: float,
         colours: list[str] | None, xlabel: str, horizontal: bool,
         limit: tuple[float, float] | None) -> str:
    plt, rc = _pyplot()
    with plt.rc_context(rc):
        fig, ax = _figure(plt, height)
        if horizontal:
            ax.barh(labels[::-1], values[::-1], color=colours[::-1] if colours else None)
            ax.set_xlabel(xlabel)
            if limit:
                ax.set_xlim(*limit)
        else:
            ax.bar(labels, values, color=colours)
            ax.set_ylabel(xlabel)
            if limit:
                ax.set_ylim(*limit)
            plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
        ax.set_title(title)
        return _svg(fig, title)


@remembered
def _line(x: list[str], series: dict[str, list[float]], title: str, *, height: float,
          ylabel: str, limit: tuple[float, float] | None) -> str:
    plt, rc = _pyplot()
    with plt.rc_context(rc):
        fig, ax = _figure(plt, height)
        for name, ys in series.items():
            ax.plot(x, ys, marker="o", markersize=3, label=name)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        if limit:
            ax.set_ylim(*limit)
        ax.legend(loc="lower right", frameon=False)
        plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
        return _svg(fig, title)


@remembered
def _stacked(labels: list[str], stacks: dict[str, list[float]], title: str, *,
             height: float, ylabel: str) -> str:
    plt, rc = _pyplot()
    with plt.rc_context(rc):
        fig, ax = _figure(plt, height)
        bottom = [0.0] * len(labels)
        for name, values in stacks.items():
            ax.bar(labels, values, bottom=bottom, label=name)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        ax.legend(frameon=False, fontsize=8)
        return _svg(fig, title)


_DRAW: dict[str, Callable[..., str]] = {"bar": _bar, "line": _line, "stacked": _stacked}

_files: ContextVar[dict[str, Chart] | None] = ContextVar("chart_files", default=None)


@contextmanager
def collecting(store: dict[str, Chart]) -> Iterator[dict[str, Chart]]:
    """Charts shown inside this block become files in store (path -> chart to draw)."""
    token = _files.set(store)
    try:
        yield store
    finally:
        _files.reset(token)


def draw_all(store: dict[str, Chart]) -> dict[str, str]:
    """path -> SVG file text of each chart."""
    return {path: chart.file_text() for path, chart in sorted(store.items())}


def figure(chart: Chart, caption: str, table_html: str, page_src: str = "") -> str:
    """A chart with its caption and, beside it, the table of its data.

    When collecting, the chart becomes its own file and the page embeds it with <img>:
    pages stay small, the browser caches the picture.
    """
    store = _files.get()
    if store is None:
        picture = chart.svg()
    else:
        store[chart.path] = chart
        picture = (f'<img src="{relative(page_src, chart.path)}" alt="{_attr(caption)}" '
                   f'width="{round(WIDTH * 96)}" height="{round(chart.height * 96)}" '
                   f'loading="lazy">')
    return (f'<figure class="chart">{picture}<figcaption>{_attr(caption)}</figcaption>'
            f'</figure>\n<details class="chart-data" open><summary>{_attr(caption)}</summary>\n'
            f"{table_html}</details>\n")
