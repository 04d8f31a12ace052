"""The Content-Security-Policy: which inline scripts it allows, and the README's header."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.theme import Theme

from generators import csp
from generators.escaping import bidi_closed, ical_text, json_for_web, xml_text
from generators.plugin import THEME

from .conftest import ROOT

OWN = "var own=1"
PAGE = (f'<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
        f"<script>{OWN}</script>"
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script></head><body>'
        "<script>alert(1)</script><script type='module'>alert(2)</script></body></html>")


def test_only_the_sites_own_inline_scripts_get_a_hash() -> None:
    out, foreign = csp.with_policy(PAGE, lambda s: s == OWN)
    assert foreign == ["alert(1)", "alert(2)"]
    policy = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', out)
    assert len(policy) == 1
    assert csp.script_hash(OWN) in policy[0]
    assert csp.script_hash("alert(1)") not in policy[0]
    assert "'unsafe-inline'" not in policy[0].split("script-src", 1)[1].split(";", 1)[0]
    assert "'wasm-unsafe-eval'" in policy[0]
    # first in <head> after the charset, before any script it governs
    assert out.index("Content-Security-Policy") < out.index("<script")
    assert out.replace(out[out.index("\n<meta http-equiv"):out.index("<title>")], "") == PAGE


def test_a_page_without_head_is_refused() -> None:
    try:
        csp.with_policy("<p>no head</p>", lambda s: True)
    except csp.PolicyError:
        return
    raise AssertionError("no PolicyError")


def test_the_hash_is_the_one_browsers_compute() -> None:
    # the example of the CSP Level 3 specification: "alert('Hello, world.');"
    assert csp.script_hash("alert('Hello, world.');") == \
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_template_scripts_with_jinja_are_not_allowed(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<script>var a="{{ base_url }}"</script>'
                                     "<script>var b=1</script>", encoding="utf-8")
    assert csp.template_scripts([tmp_path]) == {"var b=1"}


def test_the_readme_gives_the_policy_the_site_uses() -> None:
    """nginx and Apache get the same policy as the pages, with frame-ancestors (which a
    <meta> cannot carry), so the hashes in the README must follow the templates."""
    expected = csp.header_policy([str(THEME), *Theme(name="material").dirs],
                                 ROOT / "site_src")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    given = re.findall(r'Content-Security-Policy "([^"]*)"', readme)
    assert len(given) == 2, "one for nginx, one for Apache"
    assert given == [expected, expected]
    assert "frame-ancestors 'none'" in expected and "frame-ancestors" not in csp.policy([])
    for header in ("X-Content-Type-Options", "Referrer-Policy"):
        assert readme.count(header) >= 2, header


def test_formats_outside_html_keep_what_they_can_hold() -> None:
    assert xml_text("a\x07b\x00c\ufffed") == "abcd"
    assert bidi_closed("ab") == "ab"
    assert bidi_closed("\u202eab\u202c") == "\u202eab\u202c"
    opened = "\u202ea\u202eb\u202c\u2067c\u202d"  # RLO RLO PDF RLI LRO: three left open
    assert bidi_closed(opened) == opened + "\u202c\u2069\u202c"  # innermost first
    assert bidi_closed("\u2067\u202ex\u2069") == "\u2067\u202ex\u2069"  # PDI closes both
    assert ical_text("a\nb\x07c") == "a b c"
    text = '[{"t": "<img src=x onerror=alert(1)> & \u2028"}]'
    safe = json_for_web(text)
    assert "<" not in safe and ">" not in safe and "&" not in safe and "\u2028" not in safe
    assert json.loads(safe) == json.loads(text)


def test_the_live_preview_carries_no_policy() -> None:
    """`mkdocs serve` injects its live-reload script inline, anew for every request."""
    from generators.plugin import PortalPlugin

    plugin = PortalPlugin()
    plugin.on_startup(command="build", dirty=False)
    assert "Content-Security-Policy" in plugin._with_policy(PAGE, "page.md", "")
    plugin.on_startup(command="serve", dirty=False)
    assert plugin._with_policy(PAGE, "page.md", "") == PAGE
