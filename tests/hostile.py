"""Hostile text planted in every text field of every record of a copy of the valid fixture.

Which fields are text is read from the models (a field typed Text or Markdown, alone, optional
or in a list, at any depth), so a text field added to the contract is planted without a word
here; ids, enums, dates and numbers stay as they were, so the archive still validates.  Optional
text fields the fixture leaves out are filled in too, where their record or entry exists.
"""

from __future__ import annotations

import json
import re
import shutil
import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generators.models import FOLDERS, KEYED, REGISTRY
from generators.models.common import Markdown, Text

MARK = "zqhostile"
"""Starts every payload: a browser test finds the pages that show one by it."""
EVALUATED = "zqevaluated"
"""What the Jinja in the payload prints if anything renders it as a template."""
PLAIN = (f"{MARK} \x07 </title></script><script>alert('title')</script>"
         "<img src=x onerror=alert(1)><svg onload=alert(2)> \"'&amp; "
         f"{{{{ 'zq' ~ 'evaluated' }}}} {{% raw %}} {{# c #}} $\\frac$ \u202eevil\u202c \u202eopen")
"""For plain text: markup, entities, quotes, Jinja (an unbalanced raw block fails any render
that evaluates it), a control character, a matplotlib mathtext trap and right-to-left
overrides, the last left open."""
PROSE = (PLAIN + "\n\n[js](javascript:alert(3)) [data](data:text/html;base64,"
         "PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==) <a href=\"javascript:alert(5)\">raw</a> "
         "![x](javascript:alert(6)) <iframe src=\"javascript:alert(7)\"></iframe>")
"""For Markdown: the same, with javascript: and data: links written as Markdown and HTML."""

RAW = ["<img src=x onerror", "<svg onload", "<script>alert", "</title></script>",
       "<iframe", EVALUATED]
"""Byte strings none of which may appear in any HTML, XML, SVG, iCalendar or JSON output."""
LINK = re.compile(rb"""<[a-z][^<>]*?\s(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*"""
                  rb"(?:javascript|data|vbscript):", re.I)
"""A link that runs script when followed (data: images of our own are not links to text)."""


def _args(hint: Any) -> tuple[Any, ...]:
    return typing.get_args(hint)


def _kind(hint: Any) -> tuple[str, Any]:
    """("text"|"prose"|"model"|"list"|"dict"|"other", inner) for a type hint."""
    if hint is Text:
        return "text", None
    if hint is Markdown:
        return "prose", None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in _args(hint):
            if arg is not type(None):
                return _kind(arg)
    if origin is list:
        return "list", _args(hint)[0]
    if origin is dict:
        return "dict", _args(hint)[1]
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return "model", hint
    return "other", None


def plant(model: type[BaseModel], data: dict[str, Any]) -> int:
    """Plant the payloads into data (a record or entry of this model); return how many."""
    hints = typing.get_type_hints(model, include_extras=True)
    n = 0
    for name, field in model.model_fields.items():
        key = field.alias or name
        kind, inner = _kind(hints[name])
        value = data.get(key)
        if kind in ("text", "prose"):
            payload = PLAIN if kind == "text" else PROSE
            if value is None and key == "number":  # one record's (NUMBER_DUPLICATE)
                payload = f"{payload} {data.get('id', '')}"
            data[key] = f"{value} {payload}" if value is not None else payload
            n += 1
        elif value is None:
            if kind == "list" and _kind(inner)[0] in ("text", "prose"):
                data[key] = [PLAIN]
                n += 1
            continue
        elif kind == "model":
            n += plant(inner, value)
        elif kind in ("list", "dict"):
            items = value if kind == "list" else list(value.values())
            sub, subinner = _kind(inner)
            if sub == "model":
                n += sum(plant(subinner, item) for item in items)
            elif sub in ("text", "prose") and kind == "list":
                data[key] = [f"{v} {PLAIN if sub == 'text' else PROSE}" for v in value]
                n += len(value)
            elif sub == "dict":
                _, deeper = _kind(_args(inner)[1]) if _args(inner) else ("other", None)
                if isinstance(deeper, type) and issubclass(deeper, BaseModel):
                    n += sum(plant(deeper, v) for item in items for v in item.values())
    return n


def hostile_archive(valid: Path, dst: Path) -> tuple[Path, dict[str, int]]:
    """A copy of the valid archive with every text field planted; (records, planted per
    record type)."""
    shutil.copytree(valid, dst)
    counts: dict[str, int] = {}
    for path in sorted(dst.rglob("*.yaml")):
        rel = path.relative_to(dst).parts
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if rel[0] == "registry":
            model = REGISTRY[path.stem]
            planted = sum(plant(model, entry) for entry in data)
        else:
            model = FOLDERS.get(rel[0]) or KEYED[rel[0]]
            planted = plant(model, data)
        counts[model.rtype] = counts.get(model.rtype, 0) + planted
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return dst, counts


def previous_edition(folder: Path) -> Path:
    """The manifest of an earlier edition whose records' titles, types and statuses are
    hostile too (it comes from the publishing branch): one record removed since, one
    changed."""
    path = folder / "previous.json"
    path.write_text(json.dumps({"as_of": "2026-10-01", "audience": "internal", "records": {
        "gone-a": {"type": PLAIN, "title": PLAIN, "hash": "0"},
        "sup-a": {"type": "supervision", "title": PLAIN, "hash": "0", "status": PLAIN},
    }}), encoding="utf-8")
    return path
