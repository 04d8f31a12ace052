"""Pages for editors generated from the models: the record reference and error catalogue.

Generated, so that they cannot drift from what the validator enforces
(tests/test_docs.py fails when a field or a code is missing from them).
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..errors import CATALOGUE
from ..field_docs_zh import FIELD_DOCS_ZH
from ..labels import labels
from ..models import FOLDERS, RECORD_TYPES, REGISTRY
from ..scaffold import example as scaffold_example
from .common import Page, esc, heading

_WHERE = {**{m.rtype: f"records/registry/{k}.yaml" for k, m in REGISTRY.items()},
          **{m.rtype: f"records/{k}/<year>/<id>.yaml" for k, m in FOLDERS.items()},
          "appraisal": "records/appraisal/<year>.yaml", "hotline": "records/hotline/<YYYY-MM>.yaml",
          "duty": "records/duty/<YYYY-MM>.yaml"}  # issue 16: duty office


def describe_type(tp: Any) -> str:
    """A short human description of a field's type: text, date, one of a|b, list of ..."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return _by_validator(args[1:]) or describe_type(args[0])
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(describe_type(a) for a in args if a is not type(None))
    if origin is list:
        return f"list of {describe_type(args[0])}"
    if origin is dict:
        return f"mapping of {describe_type(args[0])} to {describe_type(args[1])}"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"mapping ({tp.__name__})"
    names = {str: "text", int: "whole number", float: "number", bool: "true/false"}
    if isinstance(tp, type):
        return names.get(tp, tp.__name__)
    return str(tp)


_VALIDATED = {"_id": "id", "_date": "date", "_time": 'time "HH:MM"', "_month": 'month "YYYY-MM"',
              "_classification": "one of `public`, `internal`, `restricted`"}


def _by_validator(metadata: Any) -> str:
    for m in metadata:
        name = getattr(getattr(m, "func", None), "__name__", "")
        if name in _VALIDATED:
            return _VALIDATED[name]
    return ""


def _describe(f: FieldInfo) -> str:
    kind = _by_validator(f.metadata) or describe_type(f.annotation)
    bounds = [f"{op} {getattr(m, attr)}" for m in f.metadata
              for attr, op in (("ge", "≥"), ("gt", ">"), ("le", "≤"))
              if getattr(m, attr, None) is not None]
    return kind + (f" ({', '.join(bounds)})" if bounds else "")


def _field_rows(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, FieldInfo, str]]:
    for name, f in model.model_fields.items():
        if f.exclude:
            continue
        key = prefix + (f.alias or name)
        yield key, f, _describe(f)
        inner = _inner_model(f.annotation)
        if inner is not None and inner is not model:
            yield from _field_rows(inner, key + ".")


def field_keys(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, str]]:
    """(row as the reference shows it, its key in FIELD_DOCS_ZH) for every field of
    model: the key is "Declarer.field", Declarer the class that declares the field."""
    for name, f in model.model_fields.items():
        if f.exclude:
            continue
        written = f.alias or name
        declarer = next((c for c in model.__mro__
                         if name in inspect.get_annotations(c)), model)
        yield prefix + written, f"{declarer.__name__}.{written}"
        inner = _inner_model(f.annotation)
        if inner is not None and inner is not model:
            yield from field_keys(inner, prefix + written + ".")


def _inner_model(tp: Any) -> type[BaseModel] | None:
    """The model inside a field's type (Foo, Foo | None, list[Foo], dict[str, Foo])."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    for arg in typing.get_args(tp):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _where(rtype: str, locale: str) -> str:
    """Where a type's records are kept, as a code span; a registry file is a list."""
    listed = rtype in {m.rtype for m in REGISTRY.values()}
    return f"`{_WHERE[rtype]}`" + (("（列表）" if locale == "zh" else " (a list)") if listed
                                   else "")


def md_text(text: str) -> str:
    """A text of ours with Markdown code spans (the catalogue's, the fields' docs), for a
    Markdown page: HTML-escaped outside the code spans, each span as written (Markdown shows
    a span's text literally: escaped, `"0123"` showed as &quot;0123&quot;)."""
    parts = text.split("`")
    return "`".join(part if i % 2 else esc(part) for i, part in enumerate(parts))


def code_html(text: str) -> str:
    """A text of ours with Markdown code spans, as HTML (for an HTML table, where Markdown
    is not read): each span a <code>, everything escaped once."""
    parts = text.replace("\n", " ").split("`")
    return "".join(f"<code>{esc(part)}</code>" if i % 2 else esc(part)
                   for i, part in enumerate(parts))


def _en(text: str, locale: str) -> str:
    """English text not translated yet, marked as English in the Chinese edition (a reader's
    browser and screen reader know; tests/test_locales.py leaves it out of its scan)."""
    return f'<span lang="en">{text}</span>' if locale != "en" and text else text


def record_reference(locale: str = "en") -> str:
    """The index of the record reference: one row per record type, its file and what it is,
    linking to the type's own page (one page for all types grew past the size a page may
    have: tests/test_scale.py)."""
    t = labels(locale)
    out = [heading(t("reference")), t("ref_intro") + "\n\n",
           f"| {t('record_type')} | {t('ref_file')} | {t('meaning')} |\n|---|---|---|\n"]
    for rtype in RECORD_TYPES:
        out.append(f"| [{esc(_type_title(rtype, locale))}](records/{rtype}.md) | "
                   f"{_where(rtype, locale)} | {_type_doc(rtype, locale)} |\n")
    return "".join(out)


def _type_title(rtype: str, locale: str) -> str:
    paren = ("（", "）") if locale == "zh" else (" (", ")")
    return f"{labels(locale)(f'rt-{rtype}')}{paren[0]}{rtype}{paren[1]}"


def _type_doc(rtype: str, locale: str) -> str:
    """The first line of the model's description, in the locale."""
    doc = (RECORD_TYPES[rtype].__doc__ or "").strip().splitlines()[0]
    said = _DOC_ZH.get(rtype) if locale == "zh" else None
    return said or _en(md_text(doc), locale)


def type_reference(rtype: str, locale: str = "en") -> str:
    """One record type's page: where its file is, every field with its type and meaning, and
    the example `portal new` writes."""
    t = labels(locale)
    model = RECORD_TYPES[rtype]
    out = [heading(_type_title(rtype, locale)),
           f"{_type_doc(rtype, locale)}  \n{esc(t('ref_file'))}{_colon(locale)}"
           f"{_where(rtype, locale)}  \n[{esc(t('reference'))}](../records.md)\n\n"]
    # an HTML table of the portal's kind (table.data): on a phone each field is a card,
    # its name leading (portal.css), where four squeezed columns were hard to read
    first = ' class="t"'
    head = "".join(f'<th scope="col"{first if i == 0 else ""}>{esc(t(k))}</th>'
                   for i, k in enumerate(("ref_field", "ref_required", "ref_type", "meaning")))
    rows = []
    doc_keys = dict(field_keys(model))
    for key, f, kind in _field_rows(model):
        req = esc(t("yes")) if f.is_required() else ""
        zh = FIELD_DOCS_ZH.get(doc_keys[key]) if locale == "zh" else None
        desc = code_html(zh) if zh else _en(code_html(f.description or ""), locale)
        rows.append(f'<tr><td class="t"><code>{esc(key)}</code></td><td>{req}</td>'
                    f"<td>{code_html(kind_in(kind, locale))}</td><td>{desc}</td></tr>")
    out.append(f'<div class="table-wrap"><table class="data ref-fields"><thead><tr>{head}'
               f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>\n\n')
    example = scaffold_example(rtype)
    if example:
        out.append("\n" + t("ref_example", rtype=rtype) + "\n\n```yaml\n" + example
                   + "```\n\n")
    return "".join(out)


_KIND_ZH = (("mapping of ", "映射，键为"), (" to ", "，值为"), ("list of ", "列表，元素为"),
            ("mapping", "映射"), ("one of ", "取值之一："),
            ("whole number", "整数"),
            ("number", "数值"), ("text", "文本"), ("true/false", "是/否"),
            ('time "HH:MM"', "时间（`HH:MM`）"), ('month "YYYY-MM"', "月份（`YYYY-MM`）"),
            ("date", "日期"), ("id", "系统编号"), (" or ", "或"), (" (", "（"), ("(", "（"),
            (")", "）"),
            (", ", "，"))
"""describe_type's words in Chinese, longest first where one holds another."""


def kind_in(kind: str, locale: str) -> str:
    """A field's type as describe_type says it, in the locale (code spans kept as written;
    a nested model's name, such as Closure, is the model's and stays)."""
    if locale != "zh":
        return kind
    # a nested model's fields are listed one by one (key.sub): its class name says nothing
    parts = re.sub(r"mapping \((\w+)\)", "mapping", kind).split("`")
    for i in range(0, len(parts), 2):  # outside the code spans
        text = parts[i]
        for en, zh in _KIND_ZH:
            text = text.replace(en, zh)
        parts[i] = text.replace("，`", "、`") if i else text
    return "`".join(parts).replace("`，`", "`、`")


_DOC_ZH = {
    "unit": "机构：市政府、市政府办公厅、各区政府、市级行政机关等。",
    "official": "市政府领导。",
    "topic": "两级主题分类中的一个主题。",
    "document": "市政府或市政府办公厅制发的公文。",
    "received": "国务院或国务院办公厅来文（收文）。",
    "request": "请示或商洽事项。",
    "meeting": "市政府全体会议、常务会议或专题会议。",
    "activity": "市领导的检查、调研、会议、会见或仪式等政务活动。",
    "supervision": "督办事项：交办、反馈、办结销号。",
    "briefing": "报送领导的重要政务信息或社会舆情。",
    "liaison": "人大代表建议或政协提案。",
    "appraisal": "一个年度的绩效考评，文件名为`<year>.yaml`。",
    "hotline": "一个月的接诉即办（12345热线）数据，文件名为`<YYYY-MM>.yaml`。",
    # issue 16: duty office
    "duty": "一个月的值班表（带班领导和值班员），文件名为`<YYYY-MM>.yaml`。",
    "incident": "报送市政府总值班室的突发事件：首报、续报、终报和领导批示。",
    "calendar": "一年的工作日历：法定节假日和调休上班日。",  # issue 16
}
"""The first line of each record type's description in Chinese (the models' docstrings)."""


def _colon(locale: str) -> str:
    return "：" if locale == "zh" else ": "


def error_catalogue(locale: str = "en") -> str:
    t = labels(locale)
    out = [heading(t("errors")), t("err_intro") + "\n\n"]
    group = ""
    for c in CATALOGUE.values():
        if c.group != group:
            group = c.group
            out.append(f"## {esc(t('errgroup-' + group))}\n\n")
        # a paragraph, not a heading, per code: the groups make the table of contents (a
        # heading each put the catalogue's entries twice more in every copy of the page's
        # navigation, past the size a page may have)
        colon = _colon(locale)  # inside the bold, its space outside: "**When:** ..."
        texts = c.zh if locale == "zh" and c.zh else None
        title, trigger, fix = ((md_text(texts.title), md_text(texts.trigger),
                                md_text(texts.fix)) if texts
                               else (_en(md_text(c.title), locale),
                                     _en(md_text(c.trigger), locale),
                                     _en(md_text(c.fix), locale)))
        out.append(f"**`{c.code}`** — {title}  \n"
                   f"*{esc(t(c.severity))}*{'。' if locale == 'zh' else '. '}"
                   f"**{esc(t('err_when'))}{colon.strip()}**{colon[1:]}{trigger}  \n"
                   f"**{esc(t('err_fix'))}{colon.strip()}**{colon[1:]}{fix}\n\n")
    return "".join(out)


def reference_pages(locale: str = "en") -> list[Page]:
    t = labels(locale)
    return [Page("reference/records.md", t("reference"), record_reference(locale), in_nav=True),
            *(Page(f"reference/records/{rtype}.md", _type_title(rtype, locale),
                   type_reference(rtype, locale)) for rtype in RECORD_TYPES),
            Page("reference/errors.md", t("errors"), error_catalogue(locale), in_nav=True)]
