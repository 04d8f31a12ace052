"""Record text made safe for the contexts outside HTML pages: JSON files, XML and iCalendar.

HTML is escaped where pages are rendered (pages/common.py: esc, prose, heading); these are
the other formats' rules.  The validator warns about control characters in text (it does
not refuse them), so they reach here and must not make a feed or a chart unreadable.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot hold, even as references: a feed or an SVG holding one is not
well-formed, and a reader rejects the whole file."""
_NOT_ICAL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
"""Control characters RFC 5545 TEXT may not hold (line breaks are escaped by icalendar, but a
bare one in a title is no one's intent: it becomes a space)."""
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EMBED = frozenset("\u202a\u202b\u202d\u202e")  # LRE RLE LRO RLO, closed by PDF
_ISOLATE = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI, closed by PDI
_JSON_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                            "\u2028": "\\u2028", "\u2029": "\\u2029"})


def bidi_closed(text: str) -> str:
    """The text with every right-to-left (or left-to-right) override, embedding or isolate
    it opens closed at its end: a record's U+202E may reverse the rest of its own field,
    never the text the page or feed puts after it (a title turning "... · 2026" around)."""
    if text.isascii() or not _BIDI.search(text):  # isascii costs nothing: a flag
        return text
    opened: list[str] = []  # the closer each open one needs, innermost last (UAX #9)
    for ch in text:
        if ch in _EMBED:
            opened.append("\u202c")
        elif ch in _ISOLATE:
            opened.append("\u2069")
        elif ch == "\u202c" and opened and opened[-1] == "\u202c":
            opened.pop()  # a PDF closes an embedding of its own isolate only
        elif ch == "\u2069" and "\u2069" in opened:
            # a PDI closes its isolate and the embeddings opened inside it
            del opened[len(opened) - 1 - opened[::-1].index("\u2069"):]
    return text + "".join(reversed(opened))


def xml_text(text: str) -> str:
    """Text that XML can hold (ElementTree escapes <, & and quotes; this drops the rest),
    its bidi controls closed."""
    return bidi_closed(_NOT_XML.sub("", text))


def ical_text(text: str) -> str:
    """Text for an iCalendar property (icalendar escapes \\, ; and , itself)."""
    return bidi_closed(_NOT_XML.sub("", _NOT_ICAL.sub(" ", text)))


def json_for_web(text: str) -> str:
    """JSON text with <, >, & and the JavaScript line separators written as \\u escapes:
    the same data to any JSON reader, and no markup if a browser or a page ever takes the
    file for HTML or embeds it in a <script>.  Valid on json.dumps output only (those
    characters can stand only inside its strings)."""
    # str.replace per character present, not str.translate: translate goes through a
    # Python dict per character, and the finders' data is megabytes at scale
    for char, escaped in _JSON_HTML.items():
        if chr(char) in text:
            text = text.replace(chr(char), escaped)
    return text
