"""The two editions of the portal: Chinese and English, published together."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from generators.catalog import build_catalog
from generators.cli import main
from generators.editions import PublishError, alternates, publish
from generators.models import Official
from generators.pages.common import Ctx
from generators.pages.indexes import officials_index
from generators.validate import validate

from .conftest import AS_OF, SAMPLE, SAMPLE_AS_OF, git, portal_repo


def test_the_officials_index_names_each_official_in_either_edition() -> None:
    """Not their post: the English edition listed "Vice Mayor" four times."""
    recs, _report = validate(SAMPLE, "records", SAMPLE_AS_OF)
    cat = build_catalog(recs, SAMPLE_AS_OF, "internal")
    officials = [o for o in cat.of(Official) if o.id not in cat.hidden]
    assert len({o.title for o in officials}) < len(officials)  # posts the sample shares
    for locale in ("en", "zh"):
        table = BeautifulSoup(officials_index(Ctx(cat, locale, "officials/index.md")),
                              "html.parser")
        names = [row.find("td").get_text() for row in table.select("tbody tr")]
        wanted = [o.name_zh or o.name if locale == "zh" else o.name for o in officials]
        assert sorted(names) == sorted(wanted)
        posts = [row.find_all("td")[1].get_text() for row in table.select("tbody tr")]
        assert all(posts), "each name comes with the post"


def _selector(html: str, base: str) -> dict[str, str]:
    """The language selector's entries: language -> the path its link leads to."""
    page = BeautifulSoup(html, "html.parser")
    return {a["hreflang"]: urlparse(urljoin(base, a["href"])).path
            for a in page.select("a.md-select__link[hreflang]")}


@pytest.mark.slow
def test_one_publish_makes_both_editions_and_the_selector_keeps_the_page(tmp_path: Path,
                                                                        ) -> None:
    """Chinese at the branch's root, English under en/, each with its versions.json; from
    any page, the language selector leads to the same page in the other language."""
    repo = portal_repo(tmp_path / "portal")
    officials = repo / "records/registry/officials.yaml"
    # a post that is not the name (the sample's officials all have one)
    officials.write_text(officials.read_text("utf-8").replace(
        "name: Vice Mayor One\n", "name: Vice Mayor One\n  title: Vice Mayor\n"), "utf-8")
    env = {"PORTAL_RECORDS": str(repo / "records"), "PORTAL_AS_OF": str(AS_OF),
           "HOME": str(repo)}
    publish(repo / "mkdocs.yml", "1.0", alias="latest", title="First", env=env)
    for at in ("", "en/"):
        versions = json.loads(git(repo, "show", f"gh-pages:{at}versions.json"))
        assert [(v["version"], v["aliases"]) for v in versions] == [("1.0", ["latest"])]
    pages = ["", "documents/2026/doc-b/", "officials/", "reference/records/"]
    for path in pages:
        zh = git(repo, "show", f"gh-pages:1.0/{path}index.html")
        en = git(repo, "show", f"gh-pages:en/1.0/{path}index.html")
        assert '<html lang="zh"' in zh and '<html lang="en"' in en
        assert _selector(zh, f"http://intranet/1.0/{path}") == {
            "zh": f"/1.0/{path}", "en": f"/en/1.0/{path}"}
        assert _selector(en, f"http://intranet/en/1.0/{path}") == {
            "zh": f"/1.0/{path}", "en": f"/en/1.0/{path}"}
    # read through the alias, a page's own language keeps the alias
    latest = git(repo, "show", "gh-pages:1.0/documents/2026/doc-b/index.html")
    assert _selector(latest, "http://intranet/latest/documents/2026/doc-b/")["zh"] == \
        "/latest/documents/2026/doc-b/"
    listed = BeautifulSoup(git(repo, "show", "gh-pages:en/1.0/officials/index.html"),
                           "html.parser").select("#officials tbody tr")
    names = [row.find("td").get_text(strip=True) for row in listed]
    assert "Vice Mayor One" in names and "Vice Mayor" not in names


@pytest.mark.slow
def test_publish_of_one_language_has_no_selector(tmp_path: Path) -> None:
    """And the language left out keeps its last edition: nothing of en/ is touched."""
    repo = portal_repo(tmp_path / "portal")
    env = {"PORTAL_RECORDS": str(repo / "records"), "PORTAL_AS_OF": str(AS_OF),
           "HOME": str(repo)}
    said = CliRunner().invoke(main, [
        "publish", "--version", "1.0", "--locales", "zh", "--records", str(repo / "records"),
        "--config", str(repo / "mkdocs.yml"), "--as-of", str(AS_OF)])
    assert said.exit_code == 0, said.output
    # in the portal's language: Chinese unless PORTAL_LOCALE says otherwise
    assert said.stdout.strip() == "已在gh-pages分支发布版本1.0：中文为1.0/"
    home = git(repo, "show", "gh-pages:1.0/index.html")
    assert _selector(home, "http://intranet/1.0/") == {}
    assert 'rel="alternate" href' not in home
    assert git(repo, "ls-tree", "--name-only", "gh-pages").split() == [
        ".nojekyll", "1.0", "versions.json"]
    with pytest.raises(PublishError, match="locale"):
        publish(repo / "mkdocs.yml", "1.1", env=env, locales=("fr",))
    assert len(git(repo, "log", "--format=%h", "gh-pages").split()) == 1


def test_each_language_links_to_the_other_editions_root_of_the_same_version() -> None:
    both = ("zh", "en")
    assert alternates("zh", both, "2026.11") == [
        {"name": "中文", "lang": "zh", "link": ""},
        {"name": "English", "lang": "en", "link": "../en/2026.11/"}]
    assert alternates("en", both, "2026.11") == [
        {"name": "中文", "lang": "zh", "link": "../../2026.11/"},
        {"name": "English", "lang": "en", "link": ""}]
    assert alternates("zh", ("zh",), "2026.11") == []


@pytest.mark.parametrize(("value", "ok"), [("zh,en", True), ("en", True), ("en, zh", True),
                                            ("fr", False), ("zh,zh", False), ("", False)])
def test_the_locales_option(value: str, ok: bool, tmp_path: Path) -> None:
    """Refused before anything is validated or built (a records folder that is not one)."""
    result = CliRunner().invoke(main, ["publish", "--version", "1", "--locales", value,
                                       "--records", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert ("--locales" in result.output) != ok, result.output
