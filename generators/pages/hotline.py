"""The hotline's streets and townships (issue 17): the monthly top and bottom ten, the
topics of the month (每月一题), the streets under special treatment (治理类街乡镇), and a page
per street with its trend.

Street names are record text (keys of `streets`), so a street's page is named by a hash
of its name: information/hotline/streets/<10 hex digits>.md, the same for the same name in
every build.  A street whose district this audience may not see has no row and no page;
the others keep the ranks the record gives them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

from .. import charts, deps
from ..catalog import Catalog
from ..figures import HOTLINE_WEIGHTS, StreetRank, street_ranking, top_and_bottom
from ..models.hotline import Hotline
from .common import Ctx, Page, esc, heading

STREETS_SRC = "information/hotline/streets.md"


def street_src(name: str) -> str:
    digest = hashlib.sha1(name.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]
    return f"information/hotline/streets/{digest}.md"


def weights_line(ctx: Ctx) -> str:
    """How the composite is made, in the page's language (HOTLINE_WEIGHTS)."""
    parts = " + ".join(f"{ctx.t(k)} × {w * 100:g}%" for k, w in HOTLINE_WEIGHTS.items())
    stop = "。" if ctx.locale == "zh" else ". "
    return (f'<p class="weights">{esc(ctx.t("composite"))} = {esc(parts)}{stop}'
            f'{esc(ctx.t("tie_rule"))}</p>\n')


def shown_streets(ctx: Ctx, month: Hotline) -> list[StreetRank]:
    """The month's ranking without the streets of districts this audience may not see."""
    return [s for s in street_ranking(month) if s.district not in ctx.cat.hidden]


def _street_rows(ctx: Ctx, rows: list[StreetRank], bottom: bool = False) -> list[list[object]]:
    return [[(str(s.rank_from_bottom if bottom else s.rank),
              s.rank_from_bottom if bottom else s.rank),
             ctx.page_link(street_src(s.name), s.name), ctx.link(s.district),
             (str(s.figures.calls), s.figures.calls), f"{s.figures.response_rate:g}",
             f"{s.figures.resolution_rate:g}", f"{s.figures.satisfaction_rate:g}",
             (f"{s.composite:.2f}", s.composite)] for s in rows]


STREET_HEADERS = ["rank", "street", "street_district", "calls", "response_rate",
                  "resolution_rate", "satisfaction_rate", "composite"]


def month_streets(ctx: Ctx, month: Hotline, full: bool) -> str:
    """Focus topics, special treatment, top and bottom ten (and, full, every street)."""
    t = ctx.t
    out = []
    # the hotline's overview repeats the newest month's topics: search finds them on the
    # month's own page (供暖 put the overview above the heating notice)
    ignore = "" if full else " data-pagefind-ignore"
    if month.focus:
        out.append(heading(t("focus"), 2) + f"<ul{ignore}>" + "".join(
            f"<li>{esc(f)}</li>" for f in month.focus) + "</ul>\n")
    ranks = shown_streets(ctx, month)
    hidden_names = {n for n, f in month.streets.items() if f.district in ctx.cat.hidden}
    special = [n for n in month.special_treatment if n not in hidden_names]
    if special:
        out.append(heading(t("special_treatment"), 2) + "<p>" + ctx.sep().join(
            ctx.page_link(street_src(n), n) if n in month.streets else esc(n)
            for n in special) + "</p>\n")
    if not ranks:
        return "".join(out)
    top, bottom = top_and_bottom(ranks)
    out.append(heading(t("top_ten"), 2))
    out.append(ctx.table(STREET_HEADERS, _street_rows(ctx, top), table_id="streets-top"))
    out.append(heading(t("bottom_ten"), 2))
    out.append(ctx.table(["rank_from_bottom", *STREET_HEADERS[1:]],
                         _street_rows(ctx, bottom, bottom=True), table_id="streets-bottom"))
    if full:
        out.append(heading(t("streets"), 2))
        out.append(ctx.table(STREET_HEADERS, _street_rows(ctx, ranks), table_id="streets",
                             filters=[2], search=True))
    out.append(f"<p>{ctx.page_link(STREETS_SRC, t('all_streets'))}</p>\n")
    return "".join(out)


def street_pages(cat: Catalog, locale: str) -> Iterator[Page]:
    """The streets index and one page per street with its months."""
    with deps.recording():
        months = sorted(cat.of(Hotline), key=lambda h: h.month)
        ctx = Ctx(cat, locale, STREETS_SRC)
        per_street: dict[str, list[tuple[str, StreetRank, int]]] = {}
        for h in months:
            ranks = shown_streets(ctx, h)
            for s in ranks:
                per_street.setdefault(s.name, []).append((h.month, s, len(h.streets)))
        if not per_street:
            return
        specials = {n for h in months[-1:] for n in h.special_treatment}
        t = ctx.t
        rows = []
        for name, hist in sorted(per_street.items(), key=lambda kv: (kv[1][-1][1].district,
                                                                     kv[0])):
            month, s, _n = hist[-1]
            rows.append([ctx.page_link(street_src(name), name), ctx.link(s.district),
                         esc(month), (f"{s.composite:.2f}", s.composite),
                         (str(s.rank), s.rank),
                         esc(t("yes")) if name in specials and month == months[-1].month
                         else ""])
        body = (weights_line(ctx) + f'<p>{esc(t("streets_intro"))}</p>\n'
                + ctx.table(["street", "street_district", "month", "composite", "rank",
                             "special_treatment"], rows, table_id="streets-index",
                            filters=[1], search=True))
    title = t("streets")
    yield Page(STREETS_SRC, title, heading(title) + body, in_nav=False)
    for name, hist in per_street.items():
        yield _street_page(cat, locale, name, hist)


def _street_page(cat: Catalog, locale: str, name: str,
                 hist: list[tuple[str, StreetRank, int]]) -> Page:
    src = street_src(name)
    ctx = Ctx(cat, locale, src)
    t = ctx.t
    title = t("street_trend", name=name)
    rates = ["response_rate", "resolution_rate", "satisfaction_rate"]
    out = [ctx.meta([("street_district", ctx.link(hist[-1][1].district))]), weights_line(ctx)]
    table = ctx.table(
        ["month", "calls", *rates, "composite", "rank", "rank_from_bottom"],
        [[ctx.page_link(f"information/hotline/{m}.md", m),
          (str(s.figures.calls), s.figures.calls),
          *[f"{getattr(s.figures, k):g}" for k in rates], f"{s.composite:.2f}",
          esc(t("rank_of", rank=s.rank, n=n)), str(s.rank_from_bottom)]
         for m, s, n in hist], sortable=False)
    if len(hist) > 1:
        series: dict[str, Sequence[float]] = {
            t(k): [getattr(s.figures, k) for _m, s, _n in hist] for k in rates}
        series[t("composite")] = [s.composite for _m, s, _n in hist]
        chart = charts.line_chart([m for m, _s, _n in hist], series, title, ylabel="%",
                                  limit=(50, 100))
        out.append(charts.figure(chart, title, table, page_src=src))
    else:
        out.append(table)
    out.append(f"<p>{ctx.page_link(STREETS_SRC, t('all_streets'))}</p>\n")
    return Page(src, title, heading(title) + "".join(out))
