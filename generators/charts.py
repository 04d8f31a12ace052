"""Static SVG charts made at build time with matplotlib.

Text stays text (``svg.fonttype: none``) so that Chinese labels render with the
reader's fonts and can be searched; ids are salted with a constant and the
date is left out, so the same figures give byte-identical SVG.  Because they are, a
republish takes a chart whose figures did not change from the last build (memo.py)
and imports matplotlib (slow to import) only when it must draw.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import math
import re
import unicodedata
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
STATUS_COLOURS = {"overdue": "#b42318", "report-late": "#f79009", "at-risk": "#dc6803",
                  "not-started": "#98a2b3",
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
    (matplotlib is slow to import, and each chart costs), and a republish takes the ones
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


FONT_PT = 10
"""rc's font.size; tick labels are drawn at it."""


def _text_width(text: str, size: float = FONT_PT) -> float:
    """Points a line of text takes, as matplotlib measures it with DejaVu Sans: a CJK
    character (which DejaVu lacks) 1.15 em, the width of its box for a missing glyph, more
    than the reader's CJK font draws; any other 0.62 em, DejaVu's widest common letters."""
    return sum(1.15 if unicodedata.east_asian_width(c) in "WF" else 0.62
               for c in text) * size


_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_TOKENS = re.compile(rf"\s+|[{_WIDE}]|[^\s{_WIDE}]+")
"""A run of spaces, one CJK character (a line may break after it), or a word."""


def _wrapped(label: str, width: float, size: float = FONT_PT) -> str:
    """The label in lines of at most `width` points: broken at spaces, and between
    characters in a run of CJK (which needs no space to break); a word longer than the
    line stays whole."""
    tokens = _TOKENS.findall(label)
    lines: list[str] = [""]
    for tok in tokens:
        if tok.isspace():
            if lines[-1]:
                lines[-1] += " "
            continue
        if lines[-1] and _text_width(lines[-1] + tok, size) > width:
            lines[-1] = lines[-1].rstrip()
            lines.append(tok)
        else:
            lines[-1] += tok
    return "\n".join(line.rstrip() for line in lines)


def _fit_ticks(ax: Any, labels: list[str], axes_width: float, *, timeline: bool = False
               ) -> None:
    """x tick labels that stay inside their slot, wrapped onto lines: labels never run into
    each other.  On a timeline whose labels cannot fit, every n-th is shown (the latest
    always); on bars, where each bar needs its name, a single word wider than its slot
    turns the labels aslant."""
    slot = axes_width / max(1, len(labels)) * 0.92
    wrapped = [_wrapped(x, slot) for x in labels]
    widest = max((_text_width(line) for x in wrapped for line in x.split("\n")), default=0.0)
    if timeline and widest > slot:
        step = math.ceil(widest / slot)
        shown = list(range(len(labels) - 1, -1, -step))[::-1]
        ax.set_xticks(shown, [labels[i] for i in shown])
        return
    ax.set_xticks(range(len(labels)), wrapped)
    if widest > slot:
        ax.tick_params(axis="x", labelrotation=30)
        for t in ax.get_xticklabels():
            t.set_horizontalalignment("right")


AXES_WIDTH = 0.86
"""What of the figure's width the plot takes, about (the rest: the y axis's labels)."""


def _figure(plt: Any, height: float) -> tuple[Any, Any]:
    # a fixed size (constrained layout keeps the labels inside): the page gives the
    # picture its width and height before the chart is drawn
    fig, ax = plt.subplots(figsize=(WIDTH, height), layout="constrained")
    # a margin of 7 pt: the reader's CJK font draws taller than DejaVu, whose boxes the
    # layout measures, and text at the edge of the picture was cut
    fig.get_layout_engine().set(w_pad=0.1, h_pad=0.1)
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
            ax.bar(range(len(labels)), values, color=colours)
            _fit_ticks(ax, labels, WIDTH * 72 * AXES_WIDTH)
            ax.set_ylabel(xlabel)
            if limit:
                ax.set_ylim(*limit)
        ax.set_title(title)
        return _svg(fig, title)


@remembered
def _line(x: list[str], series: dict[str, list[float]], title: str, *, height: float,
          ylabel: str, limit: tuple[float, float] | None) -> str:
    plt, rc = _pyplot()
    with plt.rc_context(rc):
        fig, ax = _figure(plt, height)
        for name, ys in series.items():
            ax.plot(range(len(x)), ys, marker="o", markersize=3, label=name)
        _fit_ticks(ax, x, WIDTH * 72 * AXES_WIDTH, timeline=True)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        if limit:
            ax.set_ylim(*limit)
        _legend_below(fig, len(series))
        return _svg(fig, title)


@remembered
def _stacked(labels: list[str], stacks: dict[str, list[float]], title: str, *,
             height: float, ylabel: str) -> str:
    plt, rc = _pyplot()
    with plt.rc_context(rc):
        fig, ax = _figure(plt, height)
        bottom = [0.0] * len(labels)
        for name, values in stacks.items():
            ax.bar(range(len(labels)), values, bottom=bottom, label=name)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        _fit_ticks(ax, labels, WIDTH * 72 * AXES_WIDTH)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        _legend_below(fig, len(stacks))
        return _svg(fig, title)


def _legend_below(fig: Any, entries: int) -> None:
    """The legend under the plot, outside it: it never covers a bar or a line (constrained
    layout makes room for it).  In one row while the entries fit, else in rows of fewer."""
    handles, names = fig.axes[0].get_legend_handles_labels()
    widest = max((_text_width(n, 8) for n in names), default=0.0) + 30  # the key and gap
    columns = max(1, min(entries, int(WIDTH * 72 * 0.95 // widest)))
    fig.legend(handles, names, loc="outside lower center", ncols=columns, frameon=False,
               fontsize=8)


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
