"""Document numbers (发文字号) as GB/T 9704-2012 writes them: 京政发〔2026〕3号."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_NUMBER = re.compile(
    r"^(?P<prefix>[\u4e00-\u9fff]{1,12})〔(?P<year>\d{4})〕(?P<seq>[1-9]\d{0,4})号$")
# Brackets editors type instead of 〔〕 (the hexagonal brackets of the standard).
_LOOSE = re.compile(
    r"^\s*(?P<prefix>[\u4e00-\u9fff]{1,12})\s*[\[【(（〔{［]\s*(?P<year>\d{4})\s*[\]】)）〕}］]"
    r"\s*(?P<seq>\d{1,5})\s*号?\s*$")


@dataclass(frozen=True, slots=True)
class DocNumber:
    prefix: str
    year: int
    seq: int

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.seq}号"


def parse_number(text: str) -> DocNumber | None:
    m = _NUMBER.match(text)
    if not m:
        return None
    return DocNumber(m["prefix"], int(m["year"]), int(m["seq"]))


def next_free(numbers: Iterable[str], prefix: str, year: int) -> str:
    """The number after the highest of prefix and year among numbers (1号 when none):
    what `portal new document` assigns and a NUMBER_DUPLICATE hint proposes."""
    seqs = [n.seq for text in numbers
            if (n := parse_number(text)) and n.prefix == prefix and n.year == year]
    return str(DocNumber(prefix, year, max(seqs, default=0) + 1))


def corrected_number(text: str) -> str | None:
    """The standard form of a number written with other brackets or a zero-padded sequence."""
    m = _LOOSE.match(text)
    if not m or int(m["seq"]) == 0:
        return None
    return str(DocNumber(m["prefix"], int(m["year"]), int(m["seq"])))


# issue 17: government orders (政府令) are numbered in one series, with no year:
# 北京市人民政府令第312号 (the organ's name, 令, 第, the sequence, 号).
_ORDER = re.compile(r"^(?P<organ>[\u4e00-\u9fff]{2,20})令第(?P<seq>[1-9]\d{0,4})号$")


@dataclass(frozen=True, slots=True)
class OrderNumber:
    organ: str
    seq: int

    def __str__(self) -> str:
        return f"{self.organ}令第{self.seq}号"


def parse_order_number(text: str) -> OrderNumber | None:
    """北京市人民政府令第312号 -> OrderNumber('北京市人民政府', 312); None otherwise."""
    m = _ORDER.match(text)
    if not m:
        return None
    return OrderNumber(m["organ"], int(m["seq"]))
