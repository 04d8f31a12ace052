"""The appraisal page of one year: ranking per group, grades, scorecards, change, charts."""

from __future__ import annotations

from .. import charts
from ..models.appraisal import Appraisal
from ..summaries import grade_distribution
from .common import Ctx, esc, heading, prose_block


def appraisal_body(ctx: Ctx, a: Appraisal) -> str:
    t = ctx.t
    results = ctx.cat.appraisal.get(a.year, [])
    comma = "，" if ctx.locale == "zh" else ", "
    out = [ctx.meta([("indicator", esc(ctx.sep().join(
        f"{(i.name_zh if ctx.locale == 'zh' and i.name_zh else i.name)} {i.weight:g}%"
        for i in a.indicators))),
        ("grade", esc(f"{t('excellent')} ≥ {a.grades.excellent:g}{comma}"
                      f"{t('good')} ≥ {a.grades.good:g}{comma}{t('fair')} ≥ {a.grades.fair:g}"))])]
    if a.summary:
        out.append(prose_block(a.summary))
    for group in ("district", "agency"):
        rows = [r for r in results if r.group == group]
        if not rows:
            continue
        out.append(heading(f"{t('ranking')}{ctx.colon()}{t(group)}", 2))
        out.append(ctx.table(
            ["rank", "unit", "weighted", "adjustment", "total_score", "grade", "previous_year",
             "change"],
            [[(str(r.rank), r.rank), ctx.link(r.unit), f"{r.weighted:.2f}",
              f"{r.adjustment:+.2f}" if r.adjustment else "", (f"{r.total:.2f}", r.total),
              (ctx.badge(r.grade), r.grade),
              "" if r.previous_total is None else esc(t("previous_result", rank=r.previous_rank,
                                                        total=f"{r.previous_total:.2f}")),
              ("" if r.change is None else f"{r.change:+.2f}", r.change or 0)]
             for r in rows], table_id=f"ranking-{group}"))
        names = [ctx.name(ctx.cat.by_id[r.unit]) if r.unit in ctx.cat.by_id else r.unit
                 for r in rows]
        title = f"{a.year} {t('total_score')}{ctx.colon()}{t(group)}"
        chart = charts.bar_chart(names, [r.total for r in rows], title, horizontal=True,
                                 limit=(0, 100), xlabel=t("total_score"))
        out.append(charts.figure(chart, title, ctx.table(
            ["unit", "total_score"], [[esc(n), f"{r.total:.2f}"] for n, r in zip(names, rows,
                                                                          strict=True)],
            sortable=False), page_src=ctx.src))
    dist = grade_distribution(ctx.cat, a.year)
    out.append(heading(t("grade_distribution"), 2))
    out.append(ctx.table(["grade", "district", "agency"], [
        [ctx.badge(g), str(dist[g]["district"]), str(dist[g]["agency"])]
        for g in dist], sortable=False))
    out.append(heading(t("scorecards"), 2))
    inds = a.indicators
    cards = []
    for unit, scores in a.scores.items():
        if unit not in ctx.cat.by_id and unit in ctx.cat.hidden:
            continue
        cards.append([ctx.link(unit), *[f"{scores[i.id]:g}" for i in inds]])
    head_names = [(i.name_zh if ctx.locale == "zh" and i.name_zh else i.name) for i in inds]
    out.append(ctx.table(["unit", *head_names], cards, table_id="scorecards"))
    return "".join(out)
