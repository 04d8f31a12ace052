"""portal schema and stats; the loader's treatment of odd files (portal new: test_new.py)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generators.asof import AsOfError, resolve_as_of
from generators.cli import main
from generators.cli_zh import HELP_ZH, width, wrap
from generators.labels import long_date
from generators.load import SourceFile, load_bytes
from generators.schema import render_schemas

from .conftest import AS_OF, INVALID, ROOT


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in render_schemas().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, \
            f"schemas/{name} is stale: run make schema"
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./schemas/document.schema.json"] == \
        "records/documents/*/*.yaml"


def test_schema_describes_fields_enums_and_aliases() -> None:
    doc = json.loads(render_schemas()["document.schema.json"])
    assert doc["additionalProperties"] is False
    assert "resolution" in json.dumps(doc["properties"]["type"])
    assert "发文字号" in doc["properties"]["number"]["description"]
    req = json.loads(render_schemas()["request.schema.json"])
    assert "from" in req["properties"] and "from_" not in req["properties"]
    units = json.loads(render_schemas()["unit.schema.json"])
    assert units["type"] == "array"


def test_schema_command_writes_files_and_vscode_settings(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _out = run("schema", "--out", "schemas")
    assert code == 0
    assert (tmp_path / "schemas/liaison.schema.json").exists()
    assert "yaml.schemas" in json.loads((tmp_path / ".vscode/settings.json").read_text())


def _stats(lang: str) -> dict[str, list[str]]:
    code, out = run("stats", "--records", str(ROOT / "tests/fixtures/valid/records"),
                    "--as-of", str(AS_OF), "--lang", lang)
    assert code == 0
    lines = out.splitlines()
    assert max(width(line) for line in lines) <= 80
    # a row's statuses go on below it, under their heading, when they do not fit
    rows: list[str] = []
    for line in lines[1:]:
        if line.startswith(" "):
            rows[-1] += (" " if lang == "en" else "") + line.strip()
        else:
            rows.append(line)
    # the count column lines up under its heading, Chinese characters counted two wide
    right = width(re.match(r"\S+\s+\S+", lines[0])[0])  # type: ignore[index]
    assert all(width(re.match(r"(.*?\d+)(\s|$)", row)[1]) == right  # type: ignore[index]
               for row in rows)
    return {name: rest for name, *rest in (re.split(r"\s{2,}", row) for row in rows)}


def test_stats_counts_types_and_statuses() -> None:
    rows = _stats("en")
    assert rows["Supervision item"][0] == "4"
    assert "Overdue 1" in rows["Supervision item"][1]
    # issue 16: duty office
    # a flag beside the states, which add up to the count
    assert rows["Incident"] == ["2", "Open 1, Closed 1 (of which reported late 2)"]
    assert rows["Total"] == ["37"]


def test_stats_speak_the_portals_language() -> None:
    """The editors' table in Chinese, as the validator's messages are (issue 14)."""
    rows = _stats("zh")
    assert rows["督办事项"][0] == "4"
    assert rows["突发事件"] == ["2", "未终报 1、已终报 1（其中迟报 2）"]
    # the statuses as the portal orders them, the most urgent first
    assert rows["督办事项"][1].startswith("已逾期 1")
    assert rows["合计"] == ["37"]


def test_bad_option_is_one_line() -> None:
    code, out = run("validate", "--as-of", "27/11/2026")
    assert code == 2 and "YYYY-MM-DD" in out and "Traceback" not in out


@pytest.mark.parametrize(("raw", "code"), [
    (b"\xef\xbb\xbfid: x\n", None),  # a UTF-8 byte-order mark is fine
    (b"", "YAML_EMPTY"),
    (b"id: x\n\x00\n", "YAML_CONTROL"),
    (b"\xff\xfei\x00d\x00", "YAML_ENCODING"),
    (b"a: &x [*x]\n", "YAML_ALIAS"),  # an alias of itself
    (b"id: 1\nid: 2\n", "YAML_DUPLICATE_KEY"),
])
def test_loader_reports_odd_bytes_as_problems(raw: bytes, code: str | None) -> None:
    _src, problems = load_bytes(SourceFile(Path("x.yaml"), "x.yaml"), raw)
    assert [p.code for p in problems] == ([code] if code else [])


@pytest.mark.parametrize(("raw", "where"), [
    (b'id: x\ntitle: "open\nkind: a\nmore: b\n', (2, 8)),  # libyaml notices at the end
    (b"id: x\nofficials: [a, b\nkind: a\n", (3, 5)),  # noticed there: said there
])
def test_a_syntax_error_points_where_the_editor_must_look(raw: bytes,
                                                           where: tuple[int, int]) -> None:
    """A quote or bracket left open is the line where it opens, not the end of the file."""
    _src, [found] = load_bytes(SourceFile(Path("x.yaml"), "x.yaml"), raw)
    assert found.code == "YAML_SYNTAX" and (found.line, found.col) == where


def test_loader_keeps_positions_of_nested_values() -> None:
    raw = b"a:\n  b:\n    - c: 1\n    - {d: 2}\n"
    src, problems = load_bytes(SourceFile(Path("x.yaml"), "x.yaml"), raw)
    assert problems == []
    assert (src.mark(("a", "b", 1, "d")).line, src.mark(("a", "b", 1, "d")).col) == (4, 11)
    assert src.mark(("a", "b", 0, "c"), key=True).col == 7


def test_the_installed_command_exits_with_the_commands_code_and_says_everything(
        tmp_path: Path) -> None:
    """`portal` leaves without tearing the interpreter down (cli.run): its output must still
    arrive whole, and its exit code must be the command's."""
    import subprocess
    import sys

    from .conftest import INVALID

    portal = Path(sys.executable).with_name("portal")
    bad = subprocess.run([str(portal), "validate", "--records",
                          str(INVALID / "REF_MISSING" / "records"), "--as-of", str(AS_OF)],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert "REF_MISSING" in bad.stdout + bad.stderr
    usage = subprocess.run([str(portal), "build", "--no-such-option"], capture_output=True,
                           text=True, check=False)
    assert usage.returncode == 2 and "no-such-option" in usage.stderr
    ok = subprocess.run([str(portal), "stats", "--records", str(ROOT / "records")],
                        capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and ok.stdout.strip()


# --- the as-of date: one rule for every command (asof.py) --------------------------------

def _epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()))


EARLY = dt.date(2026, 6, 1)  # before some events of the valid fixture: DATE_FUTURE


def test_as_of_is_the_option_else_source_date_epoch_else_today() -> None:
    env = {"SOURCE_DATE_EPOCH": _epoch(EARLY)}
    assert resolve_as_of(None, env) == EARLY
    assert resolve_as_of("2026-11-27", env) == dt.date(2026, 11, 27)
    assert resolve_as_of(dt.date(2026, 11, 27), env) == dt.date(2026, 11, 27)
    assert resolve_as_of(None, {}) == dt.date.today()
    assert resolve_as_of(None, {"SOURCE_DATE_EPOCH": ""}) == dt.date.today()


@pytest.mark.parametrize("bad", ["abc", "1.5", "-5", "1e9", "99999999999999999999", " ",
                                 "٣"])
def test_a_malformed_source_date_epoch_is_refused(bad: str) -> None:
    with pytest.raises(AsOfError, match="SOURCE_DATE_EPOCH"):
        resolve_as_of(None, {"SOURCE_DATE_EPOCH": bad})


@pytest.mark.parametrize("bad", ["27/11/2026", "2026-02-30", "20261127", "9999-12-31",
                                 "1900-01-01"])
def test_a_malformed_as_of_is_refused(bad: str) -> None:
    with pytest.raises(AsOfError):
        resolve_as_of(bad, {})


@pytest.mark.parametrize("command", [
    ["validate"], ["build", "--site-dir", "{tmp}/site"], ["stats"],
    ["export-md", "{tmp}/export"], ["publish", "--version", "1.0"],
])
def test_every_command_takes_the_day_of_source_date_epoch(
        command: list[str], valid_copy: Path, tmp_path: Path) -> None:
    """validate used to ignore SOURCE_DATE_EPOCH and pass records that build refused."""
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    env = {"SOURCE_DATE_EPOCH": _epoch(EARLY)}
    result = CliRunner().invoke(main, [*args, "--records", str(valid_copy)], env=env)
    if command[0] == "stats":  # figures, not a verdict: it names the errors it found
        assert result.exit_code == 0 and "运行portal validate查看" in result.output
    else:
        assert result.exit_code == 1, result.output
        assert "DATE_FUTURE" in result.output
        # in Chinese, the portal's language unless told otherwise
        assert f"晚于数据截至日期{long_date(EARLY, 'zh')}" in result.output
    # --as-of is stronger than the environment
    later = CliRunner().invoke(main, ["validate", "--records", str(valid_copy), "--as-of",
                                      str(AS_OF)], env=env)
    assert later.exit_code == 0, later.output


def test_publish_hands_mike_the_day_it_validated_with(valid_copy: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from generators import editions

    seen: dict[str, str] = {}

    def fake_publish(config: Path, version: str, **kwargs: object) -> str:
        seen.update(kwargs["env"])  # type: ignore[arg-type]
        return ""

    monkeypatch.setattr(editions, "publish", fake_publish)
    result = CliRunner().invoke(main, ["publish", "--version", "1.0", "--records",
                                       str(valid_copy)],
                                env={"SOURCE_DATE_EPOCH": _epoch(AS_OF)})
    assert result.exit_code == 0, result.output
    assert seen["PORTAL_AS_OF"] == str(AS_OF)


# --- every bad argument: a message and exit 2, never a traceback -------------------------

BAD_INVOCATIONS: list[tuple[list[str], dict[str, str], str]] = [
    # (arguments, environment, a word the message must hold)
    (["validate", "--as-of", "27/11/2026"], {}, "YYYY-MM-DD"),
    (["validate", "--as-of", "2026-02-30"], {}, "no real day"),
    (["validate", "--as-of", "9999-12-31"], {}, "1949"),
    (["validate"], {"SOURCE_DATE_EPOCH": "abc"}, "SOURCE_DATE_EPOCH"),
    (["validate"], {"SOURCE_DATE_EPOCH": "99999999999999999999"}, "SOURCE_DATE_EPOCH"),
    (["validate", "--format", "xml"], {}, "xml"),
    (["validate", "--records", "{tmp}/none"], {}, "does not exist"),
    (["validate", "--records", "{file}"], {}, "not a folder"),
    (["new", "briefing", "--year", "99999"], {}, "99999"),
    (["new", "briefing", "--year", "-1"], {}, "--year"),
    (["new", "briefing", "--year", "abc"], {}, "--year"),
    (["new", "memo"], {}, "memo"),
    (["new", "document", "--prefix", "ABC"], {}, "prefix"),
    (["new", "document"], {}, "--prefix"),
    (["new", "briefing", "--records", "{file}"], {}, "not a folder"),
    (["schema", "--out", "{file}/schemas"], {}, "is a file"),
    (["stats", "--as-of", "tomorrow"], {}, "YYYY-MM-DD"),
    (["stats"], {"SOURCE_DATE_EPOCH": "-1"}, "SOURCE_DATE_EPOCH"),
    (["build", "--audience", "everyone"], {}, "everyone"),
    (["build", "--locale", "fr"], {}, "fr"),
    (["build", "--config", "{tmp}/none.yml"], {}, "none.yml"),
    (["build", "--site-dir", "{file}/site"], {}, "is a file"),
    (["build", "--site-dir", "{file}"], {}, "is a file"),
    (["build"], {"SOURCE_DATE_EPOCH": "soon"}, "SOURCE_DATE_EPOCH"),
    (["build", "--no-such-option"], {}, "no-such-option"),
    (["serve", "--dev-addr", "nonsense"], {}, "HOST:PORT"),
    (["serve", "--dev-addr", "127.0.0.1:99999"], {}, "HOST:PORT"),
    (["serve", "--as-of", "someday"], {}, "YYYY-MM-DD"),
    (["serve", "--audience", "everyone"], {}, "everyone"),
    (["serve", "--config", "{tmp}/none.yml"], {}, "none.yml"),
    (["serve", "--config", "{badyaml}"], {}, "MkDocs"),
    (["serve"], {"SOURCE_DATE_EPOCH": "x"}, "SOURCE_DATE_EPOCH"),
    (["export-md", "{file}/out"], {}, "is a file"),
    (["export-md", "{nonempty}"], {}, "not empty"),
    (["export-md", "{tmp}/out", "--as-of", "2026-13-01"], {}, "no real day"),
    (["export-md", "{tmp}/out", "--config", "{tmp}/none.yml"], {}, "none.yml"),
    (["publish"], {}, "--version"),
    (["publish", "--version", "../x"], {}, "edition name"),
    (["publish", "--version", "1.0", "--alias", "a b"], {}, "edition name"),
    (["publish", "--version", "1.0"], {"SOURCE_DATE_EPOCH": "1.5"}, "SOURCE_DATE_EPOCH"),
    (["demo-data", "--records", "many", "--out", "{tmp}/demo"], {}, "many"),
    (["demo-data", "--records", "10", "--out", "{tmp}/demo"], {}, "10"),
    (["demo-data", "--records", "100", "--out", "{file}/demo"], {}, "is a file"),
    (["demo-data", "--records", "100", "--out", "{file}"], {}, "is a file"),
    (["demo-data", "--records", "100", "--out", "{nonempty}"], {}, "not empty"),
    (["demo-data", "--out", "{tmp}/demo", "--as-of", "2200-01-01"], {}, "1949"),
    (["demo-data", "--out", "{tmp}/demo", "--seed", "one"], {}, "one"),
    (["no-such-command"], {}, "no-such-command"),
]


@pytest.mark.parametrize(("args", "env", "word"), BAD_INVOCATIONS,
                         ids=[" ".join(a[:3]) for a, _e, _w in BAD_INVOCATIONS])
def test_every_bad_argument_is_a_message_and_exit_2(
        args: list[str], env: dict[str, str], word: str, tmp_path: Path,
        valid_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(valid_copy.parent)  # records/ and a mkdocs.yml are the defaults
    (valid_copy.parent / "mkdocs.yml").write_text(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    afile = tmp_path / "a-file"
    afile.write_text("x", encoding="utf-8")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x", encoding="utf-8")
    (tmp_path / "bad.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    places = {"{tmp}": str(tmp_path), "{file}": str(afile),
              "{nonempty}": str(tmp_path / "full"), "{badyaml}": str(tmp_path / "bad.yml")}
    for key, value in places.items():
        args = [a.replace(key, value) for a in args]
    result = CliRunner().invoke(main, args, env={**env, "PORTAL_LOCALE": "en"})
    # anything but click's own exit would be a traceback from the installed command
    assert isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert word in result.output
    # and in the portal's own language, Chinese: click's words and ours
    said = CliRunner().invoke(main, args, env={**env, "PORTAL_LOCALE": ""}).output
    assert said.startswith(("用法：", "错误：")) and "\n错误：" in f"\n{said}", said
    if args[0] == "new":  # and nothing was written
        assert not [p for p in valid_copy.rglob("*.yaml") if "TODO" in p.read_text("utf-8")]


def test_the_installed_command_answers_a_bad_environment_in_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    portal = Path(sys.executable).with_name("portal")
    for command in (["validate"], ["build", "--site-dir", str(tmp_path / "site")]):
        result = subprocess.run(
            [str(portal), *command, "--records", str(ROOT / "tests/fixtures/valid/records")],
            capture_output=True, text=True, check=False,
            env={**os.environ, "SOURCE_DATE_EPOCH": "yesterday"})
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        # in the portal's language (Chinese unless PORTAL_LOCALE says otherwise)
        assert result.stderr.strip().splitlines() == [
            "错误：SOURCE_DATE_EPOCH='yesterday'不是自1970-01-01起的秒数（应为非负整数）"
            "（取消该环境变量，或用--as-of YYYY-MM-DD指定日期）"]
    assert not (tmp_path / "site").exists()


def test_validate_files_are_matched_however_they_are_spelled(tmp_path: Path) -> None:
    records = INVALID / "REF_MISSING" / "records"
    args = ["validate", "--records", str(records), "--as-of", str(AS_OF)]
    everything = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).output)
    path = everything["problems"][0]["path"]
    relative = os.path.relpath(path)
    for spelling in (path, os.path.abspath(path), relative):
        result = CliRunner().invoke(main, [*args, "--format", "json", spelling])
        assert result.exit_code == 1
        assert {p["path"] for p in json.loads(result.output)["problems"]} == {path}
    # a folder stands for the files in it, at any depth
    for folder, found in ((os.path.dirname(os.path.dirname(path)), {path}),
                          (str(tmp_path), set())):
        result = CliRunner().invoke(main, [*args, "--format", "json", folder])
        assert {p["path"] for p in json.loads(result.output)["problems"]} == found
        assert result.exit_code == (1 if found else 0)
    missing = CliRunner().invoke(main, [*args, str(tmp_path / "gone.yaml")])
    assert missing.exit_code == 2 and "gone.yaml" in missing.output


def test_the_plugin_refuses_a_malformed_day_with_mkdocs_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Under plain `mkdocs build`, PORTAL_AS_OF and SOURCE_DATE_EPOCH reach the plugin."""
    from mkdocs.exceptions import PluginError

    from generators.plugin import PortalPlugin

    plugin = PortalPlugin()
    plugin.load_config({"as_of": "someday"})
    with pytest.raises(PluginError, match="someday"):
        plugin.build_key(None)  # type: ignore[arg-type]
    plugin.load_config({})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(PluginError, match="SOURCE_DATE_EPOCH"):
        plugin.build_key(None)  # type: ignore[arg-type]


def test_the_as_of_range_is_the_validators_range_for_dates() -> None:
    from generators import asof
    from generators.models import common

    assert (asof.FIRST_YEAR, asof.LAST_YEAR) == (common.FIRST_YEAR, common.LAST_YEAR)


# --- the command line in the editors' language (issue 14) ---------------------------------

def _helps() -> Iterator[tuple[str, click.Command]]:
    yield "", main
    yield from main.commands.items()


def test_every_help_text_has_its_chinese() -> None:
    """A command or option added without its Chinese help fails here (cli_zh.HELP_ZH)."""
    keys = set()
    for name, command in _helps():
        keys.add(name)
        keys |= {f"{name} {p.opts[0]}" for p in command.params
                 if isinstance(p, click.Option) and p.help}
        assert command.help, name
    assert keys == set(HELP_ZH)


# words of the command line that are names, not English: options, metavars, file names
_NAMES = {"portal", "options", "command", "args", "files", "text", "integer", "range", "type",
          "records", "site", "site_src", "mkdocs", "yaml", "json", "github", "codequality",
          "gitlab", "markdown", "schema", "schemas", "yml", "vscode", "settings", "locale",
          "source_date_epoch", "portal_locale", "port", "host", "editor", "commit", "mike",
          "latest", "public", "internal", "restricted", "true", "false", "path", "file",
          "directory", "http", "ctrl", "pre-commit", "strict", "full", "force", "lang", "format",
          "prefix", "year", "version", "alias", "title", "push", "branch", "audience", "config",
          "seed", "dev-addr", "as-of", "site-dir", "locales", "help", "git", "out", "yyyy-mm-dd",
          "gh-pages", "no-vscode", "code", "message", "hint", "line", "col"}


def test_the_help_speaks_chinese() -> None:
    from generators.scaffold import KINDS

    names = _NAMES | set(main.commands) | set(KINDS)  # portal new's TYPE: the files' names
    for name, _command in _helps():
        result = CliRunner().invoke(main, [*name.split(), "--help"], prog_name="portal",
                                    env={"PORTAL_LOCALE": ""})
        assert result.exit_code == 0
        assert result.output.startswith("用法：portal") and "\n选项：\n" in result.output
        english = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z_-]{2,}", result.output)}
        assert english <= names, (name, sorted(english - names))
        # a line of Chinese fits a terminal of 80 columns (click counted characters)
        assert max(width(line) for line in result.output.splitlines()) <= 80, name


def test_the_help_speaks_english_when_the_portal_does() -> None:
    result = CliRunner().invoke(main, ["validate", "--help"], prog_name="portal",
                                env={"PORTAL_LOCALE": "en"})
    assert result.output.startswith("Usage: portal validate")
    assert "List every problem of the records" in result.output


def test_a_mistyped_command_is_answered_in_chinese() -> None:
    result = CliRunner().invoke(main, ["valdate"], prog_name="portal",
                                env={"PORTAL_LOCALE": ""})
    assert result.exit_code == 2
    assert "运行“portal --help”查看帮助。" in result.output
    assert "错误：没有命令'valdate'。" in result.output and "是否应为'validate'？" in result.output


@pytest.mark.parametrize("columns", [20, 24, 26, 37, 50, 56, 63, 78])
def test_chinese_help_wraps_by_columns_and_never_opens_a_line_with_a_closing_mark(
        columns: int) -> None:
    for text in HELP_ZH.values():
        for para in text.split("\n\n"):
            lines = wrap(para, columns)
            assert "".join(lines).replace(" ", "") == para.replace(" ", "")
            assert not [line for line in lines if line[0] in "，。、；：？！）》”’"], lines
            assert not [line for line in lines if line[-1] in "（《“‘"], lines
            # a name or an option is never cut (SOURCE_DATE_EPOCH, --site-dir)
            for word in re.findall(r"[A-Za-z_][\w./:-]+", para, re.ASCII):
                assert any(word in line for line in lines), (word, lines)
            # a line runs over only where a word alone is longer than the line
            assert all(width(line) <= columns or " " not in line for line in lines), lines


@pytest.mark.parametrize("locale", ["", "en"])
def test_new_says_its_types_in_its_help(locale: str) -> None:
    from generators.scaffold import KINDS

    shown = CliRunner().invoke(main, ["new", "--help"], env={"PORTAL_LOCALE": locale}).output
    assert all(re.search(rf"\b{kind}\b", shown) for kind in KINDS), shown
