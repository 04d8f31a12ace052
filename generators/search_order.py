"""Pagefind's filter files in a fixed order, so that the same pages give the same bytes.

Pagefind 1.5 gathers each filter's values in a randomly seeded hash map and writes them,
and the list of filters in the bundle's metadata, in that map's order: two runs over the
same pages write different filter files, under different names (a file is named by a hash
of its content), and so a different metadata file and pagefind-entry.json.  Every other
file of a bundle (word chunks, fragments) is already the same from run to run.  This
rewrites, after Pagefind, what it wrote in random order: each filter file's values sorted
by value, the metadata's filter list sorted by name, each file named again by a hash of
its new content (as Pagefind names them, language first) and the entry pointed at the new
metadata.  A page's numbers inside a value were already in page order.

Why not another way: no Pagefind option sorts them (its source says "TODO: Change filter
indexes to BTree to give them a stable hash"), no release does yet, and running Pagefind
under a fixed hash seed is not possible (the seed is drawn inside the binary).  The files
are gzip'd CBOR behind the signature "pagefind_dcd", arrays of strings and integers: the
small codec below reads and writes exactly that, and a file it cannot read whole, or a
layout it does not know, stops the build (SearchOrderError) rather than publishing an
index the browser cannot read.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
LAYOUT = "1.5."
"""Pagefind versions whose metadata layout this knows: [version, pages, index chunks,
filters, sorts, meta fields], filters a list of [name, file hash]."""
FILTERS = 3


class SearchOrderError(Exception):
    pass


def _decode(b: bytes, i: int) -> tuple[Any, int]:
    major, info = b[i] >> 5, b[i] & 31
    i += 1
    if info < 24:
        n = info
    elif 24 <= info <= 27:
        width = 1 << (info - 24)
        n = int.from_bytes(b[i:i + width], "big")
        i += width
    else:
        raise SearchOrderError(f"CBOR item {b[i - 1]:#x} at {i - 1} is not one Pagefind writes")
    if major == 0:
        return n, i
    if major == 3:
        if i + n > len(b):
            raise SearchOrderError("a CBOR string runs past the end of the file")
        return b[i:i + n].decode("utf-8"), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _decode(b, i)
            items.append(item)
        return items, i
    raise SearchOrderError(f"CBOR major type {major} at {i - 1} is not one Pagefind writes")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * width):
            return bytes([major << 5 | info]) + n.to_bytes(width, "big")
    raise SearchOrderError(f"{n} is too large for CBOR")


def encode(value: Any) -> bytes:
    """CBOR as Pagefind (minicbor) writes it: definite lengths, shortest integer heads."""
    if isinstance(value, bool) or not isinstance(value, int | str | list):
        raise SearchOrderError(f"cannot write {type(value).__name__} as Pagefind CBOR")
    if isinstance(value, int):
        if value < 0:
            raise SearchOrderError("negative integers are not in Pagefind's files")
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(encode(v) for v in value)


def decode(raw: bytes) -> Any:
    try:
        value, end = _decode(raw, 0)
    except IndexError:
        raise SearchOrderError("the CBOR value is cut short") from None
    if end != len(raw):
        raise SearchOrderError(f"{len(raw) - end} bytes after the CBOR value")
    return value


def read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise SearchOrderError(f"{path}: not a Pagefind file (no signature)")
    return decode(raw[len(SIGNATURE):])


def write(path: Path, body: bytes) -> None:
    # mtime=0: the gzip header holds no time, so the same content gives the same bytes
    path.write_bytes(gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0))


def _name(language: str, body: bytes, length: int, taken: set[str]) -> str:
    digest = hashlib.sha1(body).hexdigest()
    while f"{language}_{digest[:length]}" in taken and length < len(digest):
        length += 1
    return f"{language}_{digest[:length]}"


def _sorted_filter(value: Any, where: Path) -> list[Any]:
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)
            and isinstance(value[1], list)
            and all(isinstance(v, list) and len(v) == 2 and isinstance(v[0], str)
                    for v in value[1])):
        raise SearchOrderError(f"{where}: not a filter as Pagefind {LAYOUT}x writes it")
    return [value[0], sorted(value[1], key=lambda v: v[0])]


def order_bundle(bundle: Path) -> bool:
    """Rewrite the bundle's filter files and metadata in a fixed order (see the module
    docstring); return whether the bundle has filters (a bundle without is left as it is)."""
    entry_path = bundle / "pagefind-entry.json"
    entry_text = entry_path.read_text(encoding="utf-8")
    entry = json.loads(entry_text)
    if not str(entry.get("version", "")).startswith(LAYOUT):
        raise SearchOrderError(f"{bundle}: Pagefind {entry.get('version')} wrote this index; "
                               f"search_order.py knows the files of {LAYOUT}x only")
    any_filters = False
    for language, about in sorted(entry["languages"].items()):
        old_meta = bundle / f"pagefind.{about['hash']}.pf_meta"
        meta = read(old_meta)
        if not (isinstance(meta, list) and len(meta) > FILTERS
                and isinstance(meta[FILTERS], list)):
            raise SearchOrderError(f"{old_meta}: not metadata as Pagefind {LAYOUT}x writes it")
        if not meta[FILTERS]:
            continue
        any_filters = True
        # read all, then remove all, then write all: a new name may be an old one
        bodies = []
        for name, old in sorted(meta[FILTERS], key=lambda f: f[0]):
            old_path = bundle / "filter" / f"{old}.pf_filter"
            bodies.append((name, old_path, encode(_sorted_filter(read(old_path), old_path))))
        for _, old_path, _ in bodies:
            old_path.unlink()
        taken: set[str] = set()
        filters = []
        for name, _, body in bodies:
            new = _name(language, body, 7, taken)
            taken.add(new)
            write(bundle / "filter" / f"{new}.pf_filter", body)
            filters.append([name, new])
        meta[FILTERS] = filters
        body = encode(meta)
        new_meta = _name(language, body, 10, set())
        old_meta.unlink()
        write(bundle / f"pagefind.{new_meta}.pf_meta", body)
        old_ref = json.dumps({"hash": about["hash"]}, separators=(",", ":"))[1:-1]
        new_ref = json.dumps({"hash": new_meta}, separators=(",", ":"))[1:-1]
        if entry_text.count(old_ref) != 1:
            raise SearchOrderError(f"{entry_path}: the metadata {about['hash']} is not named "
                                   "once")
        entry_text = entry_text.replace(old_ref, new_ref)
    if any_filters:
        entry_path.write_text(entry_text, encoding="utf-8")
    return any_filters
