"""Pages for editors generated from the models: the record reference and error catalogue.

Generated, so that they cannot drift from what the validator enforces
(tests/test_docs.py fails when a field or a code is missing from them).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..errors import CATALOGUE
from ..models import FOLDERS, RECORD_TYPES, REGISTRY
from ..scaffold import example as scaffold_example
from .common import Page, esc, heading

_WHERE = {**{m.rtype: f"records/registry/{k}.yaml (a list)" for k, m in REGISTRY.items()},
          **{m.rtype: f"records/{k}/<year>/<id>.yaml" for k, m in FOLDERS.items()},
          "appraisal": "records/appraisal/<year>.yaml", "hotline": "records/hotline/<YYYY-MM>.yaml"}


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


def _inner_model(tp: Any) -> type[BaseModel] | None:
    """The model inside a field's type (Foo, Foo | None, list[Foo], dict[str, Foo])."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    for arg in typing.get_args(tp):
        found = _inner_model(arg)
        if found:
            return found
    return None


def record_reference() -> str:
    out = [heading("Record reference"),
           "Generated from the models that `portal validate` enforces. Every record has "
           "`classification` (public, internal, restricted; default internal) and optional "
           "`topics`. Dates are `YYYY-MM-DD`; quote numbers that are text (`\"0123\"`) and "
           "times (`\"09:30\"`).\n\n"]
    for rtype, model in RECORD_TYPES.items():
        out.append(f"\n## {model.label} (`{rtype}`)\n\n")
        doc = (model.__doc__ or "").strip().splitlines()[0]
        out.append(f"{esc(doc)}  \nFile: `{_WHERE[rtype]}`\n\n")
        out.append("| field | required | type | meaning |\n|---|---|---|---|\n")
        for key, f, kind in _field_rows(model):
            req = "yes" if f.is_required() else ""
            desc = (f.description or "").replace("\n", " ").replace("|", "\\|")
            out.append(f"| `{key}` | {req} | {kind.replace('|', '/')} | {esc(desc)} |\n")
        example = scaffold_example(rtype)
        if example:
            out.append("\nExample (what `portal new " + rtype + "` writes):\n\n```yaml\n"
                       + example + "```\n\n")
    return "".join(out)


def error_catalogue() -> str:
    out = [heading("Error catalogue"),
           "Every problem `portal validate` reports, as `path:line:col: CODE message (hint)`. "
           "Codes are stable: CI annotations and scripts may rely on them. Warnings fail a run "
           "only with `--strict`.\n\n"]
    group = ""
    for c in CATALOGUE.values():
        if c.group != group:
            group = c.group
            out.append(f"## {group}\n\n")
        # a paragraph, not a heading, per code: the groups make the table of contents (a
        # heading each put the catalogue's entries twice more in every copy of the page's
        # navigation, past the size a page may have)
        out.append(f"**`{c.code}`** — {c.title}  \n*{c.severity}*. **When:** "
                   f"{esc(c.trigger)}  \n**Fix:** {esc(c.fix)}\n\n")
    return "".join(out)


def reference_pages() -> list[Page]:
    return [Page("reference/records.md", "Record reference", record_reference(), in_nav=True),
            Page("reference/errors.md", "Error catalogue", error_catalogue(), in_nav=True)]



