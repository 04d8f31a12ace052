"""The appraisal page of one year: ranking per group, grades, scorecards, change, charts;
each group's indicator set with its definitions and sources (issue 17)."""

from __future__ import annotations

from .. import charts
from ..models.appraisal import Appraisal
from ..summaries import grade_distribution
from .common import Ctx, esc, heading, prose, prose_block


def grade_label(ctx: Ctx, a: Appraisal | None, grade: str) -> str:
    """The grade's name: the year's own (grade_labels) in the Chinese edition, else the
    interface's (优秀 / 良好 / 一般 / 较差; Excellent, Good, Fair, Poor)."""
    if a is not None and a.grade_labels is not None and ctx.locale == "zh":
        return str(getattr(a.grade_labels, grade))
    return ctx.t(grade)


def grade_badge(ctx: Ctx, a: Appraisal | None, grade: str) -> str:
    return f'<span class="status status--{esc(grade)}">{esc(grade_label(ctx, a, grade))}</span>'


def _indicator_name(ctx: Ctx, i: object) -> str:
    name_zh = getattr(i, "name_zh", None)
    return str(name_zh if ctx.locale == "zh" and name_zh else getattr(i, "name", ""))


def appraisal_body(ctx: Ctx, a: Appraisal) -> str:
    t = ctx.t
    results = ctx.cat.appraisal.get(a.year, [])
    comma = "，" if ctx.locale == "zh" else ", "
    g = a.grades
    out = [ctx.meta([("grade", esc(
        f"{grade_label(ctx, a, 'excellent')} ≥ {g.excellent:g}{comma}"
        f"{grade_label(ctx, a, 'good')} ≥ {g.good:g}{comma}"
        f"{grade_label(ctx, a, 'fair')} ≥ {g.fair:g}{comma}"
        f"{grade_label(ctx, a, 'poor')} < {g.fair:g}"))])]
    if a.summary:
        out.append(prose_block(a.summary))
    sets = a.indicator_sets
    shared = isinstance(a.indicators, list)
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
              (grade_badge(ctx, a, r.grade), r.grade),
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
        [grade_badge(ctx, a, gr), str(dist[gr]["district"]), str(dist[gr]["agency"])]
        for gr in dist], sortable=False))
    # issue 17: each group's indicators, with their definitions and sources
    for group, inds in sets.items():
        if shared and group == "agency":
            break  # one list for both groups: shown once
        title = t("indicator_set") if shared else f"{t('indicator_set')}{ctx.colon()}{t(group)}"
        out.append(heading(title, 2))
        out.append(ctx.table(
            ["indicator", "weight", "definition", "indicator_source"],
            [[esc(_indicator_name(ctx, i)), f"{i.weight:g}%", prose(i.definition),
              ctx.link(i.source)] for i in inds],
            sortable=False, table_id=f"indicators-{group}" if not shared else "indicators",
            indexed=True))
    out.append(heading(t("scorecards"), 2))
    for group in ("district", "agency"):
        inds = sets.get(group, [])
        members = [u for u in getattr(a.groups, group) if u in a.scores]
        cards = []
        for unit in members:
            if unit not in ctx.cat.by_id and unit in ctx.cat.hidden:
                continue
            cards.append([ctx.link(unit), *[f"{a.scores[unit][i.id]:g}" for i in inds]])
        if not cards:
            continue
        if not shared:
            out.append(heading(t(group), 3))
        head_names = [_indicator_name(ctx, i) for i in inds]
        out.append(ctx.table(["unit", *head_names], cards,
                             table_id=f"scorecards-{group}"))
    return "".join(out)
