"""The `portal` command: validate, build, serve, publish, and the editors' helpers."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

import click

from .asof import FIRST_YEAR, LAST_YEAR, AsOfError, in_range, parse_date, resolve_as_of
from .cli_zh import Group, en_or_zh, say_click_in_chinese
from .errors import Lang, Report, portal_lang
from .labels import labels
from .scaffold import KINDS

say_click_in_chinese()

RECORDS_HELP = "Records folder."
CONFIG_HELP = "MkDocs configuration file."
AS_OF_HELP = "Reference date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)."
AUDIENCES = click.Choice(["public", "internal", "restricted"])
LOCALES = click.Choice(["en", "zh"])


class ArgumentError(click.ClickException):
    """A bad argument or setting: one line on stderr and exit 2, as click's own usage
    errors (never a traceback)."""

    exit_code = 2


class _RecordType(click.Choice):
    """A record type by its name in the files (supervision) or as the help and the
    portal say it (督办事项)."""

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        said = {labels("zh")(f"rt-{kind}"): kind for kind in self.choices}
        return super().convert(said.get(str(value).strip(), value), param, ctx)


class _Date(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> dt.date:
        try:
            if isinstance(value, dt.date):
                return in_range(value)
            return parse_date(str(value), "")
        except AsOfError as exc:
            self.fail(exc.in_language(portal_lang()).strip(), param, ctx)


DATE = _Date()


def _as_of(_ctx: click.Context, _param: click.Parameter, value: dt.date | None) -> dt.date:
    """Every command that computes figures takes its day by one rule (asof.py)."""
    try:
        return resolve_as_of(value)
    except AsOfError as exc:
        raise ArgumentError(exc.in_language(portal_lang())) from None


def as_of_option(func: Any) -> Any:
    return click.option("--as-of", type=DATE, default=None, callback=_as_of,
                        help=AS_OF_HELP)(func)


def _shown(records: str) -> str:
    """The records folder as problems show it: as the user gave it, without a slash."""
    return records.rstrip("/\\") or "."


def _records_dir(records: str) -> Path:
    path = Path(records)
    if not path.is_dir():
        what = en_or_zh("is not a folder", "不是文件夹") if path.exists() else en_or_zh(
            "does not exist", "不存在")
        raise click.UsageError(en_or_zh(f"records folder '{records}' {what} (give one with "
                                    "--records DIR)",
                                    f"记录文件夹“{records}”{what}（用--records DIR指定）"))
    return path


def _config(config_file: str) -> Path:
    path = Path(config_file)
    if not path.is_file():
        raise ArgumentError(en_or_zh(f"no MkDocs configuration at '{config_file}' (give one "
                                 "with --config FILE)",
                                 f"“{config_file}”处没有MkDocs配置（用--config FILE指定）"))
    return path


def _file_in_the_way(path: Path) -> Path | None:
    """The file (not folder) that path or one of its parents is, if any."""
    for p in (path, *path.parents):
        if p.exists() or p.is_symlink():
            return None if p.is_dir() else p
    return None


def _new_folder(out: str, option: str) -> Path:
    """out made ready to be written into: new or empty, and writable."""
    folder = Path(out)
    blocking = _file_in_the_way(folder.absolute())
    if blocking is not None:
        raise ArgumentError(en_or_zh(f"{option} '{out}': '{blocking}' is a file, not a folder",
                                 f"{option}“{out}”：“{blocking}”是文件，不是文件夹"))
    try:
        if folder.is_dir() and any(folder.iterdir()):
            raise ArgumentError(en_or_zh(f"{option} '{out}' is not empty; give a new folder",
                                     f"{option}“{out}”不是空文件夹：请给一个新文件夹"))
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as exc:
        raise ArgumentError(en_or_zh(f"cannot write into {option} '{out}': ",
                                 f"无法写入{option}“{out}”：") + str(exc.strerror or exc)) \
            from None
    return folder


def _writable_parent(out: str, option: str) -> None:
    """The folder that will hold out exists (made if need be) and can be written."""
    blocking = _file_in_the_way(Path(out).absolute())
    if blocking is not None:
        raise ArgumentError(en_or_zh(f"{option} '{out}': '{blocking}' is a file, not a folder",
                                 f"{option}“{out}”：“{blocking}”是文件，不是文件夹"))
    parent = Path(out).absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        if not os.access(parent, os.W_OK | os.X_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as exc:
        raise ArgumentError(en_or_zh(f"cannot write {option} '{out}': ",
                                 f"无法写入{option}“{out}”：") + str(exc.strerror or exc)) \
            from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """General Office Portal: records in YAML, a portal built with MkDocs."""


@main.command("validate")
@click.option("--records", default="records", show_default=True, help=RECORDS_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "codequality"]),
              default="text", show_default=True,
              help="json: the same list as data; github: workflow commands that annotate "
                   "the lines of a pull request; codequality: GitLab's Code Quality report.")
@click.option("--strict", is_flag=True, help="Warnings fail the run too.")
@click.option("--lang", type=LOCALES, default=None,
              help="Language of the messages and hints (default: the portal's locale, "
                   "PORTAL_LOCALE, else zh); codes are the same in both.")
@as_of_option
@click.argument("files", nargs=-1, required=False)
def validate_cmd(records: str, fmt: str, strict: bool, lang: str | None, as_of: dt.date,
                 files: tuple[str, ...]) -> None:
    """List every problem of the records as path:line:col: CODE message (hint).

    FILES (optional, as pre-commit passes them) limit the report to those files; the
    whole archive is still read, because references cross files.
    """
    folder = _records_dir(records)
    display = _shown(records)
    missing = [f for f in files if not os.path.lexists(f)]
    if missing:
        raise ArgumentError(en_or_zh(f"no such file: '{missing[0]}'",
                                 f"没有文件“{missing[0]}”"))
    from . import cache

    # nothing changed since the last run: answer from the cache without reading a record
    cached = cache.quick_report(folder, str(as_of), display)
    if cached is not None:
        report = Report(cached)
    else:
        from .validate import validate

        _records, report = validate(folder, display, as_of)
    if files:  # however they are spelled: pre-commit gives paths from the repository's root
        wanted = {os.path.realpath(f) for f in files}
        # a folder stands for every file in it (never for none: that reported nothing)
        folders = tuple(os.path.join(w, "") for w in wanted if os.path.isdir(w))
        report.problems = [p for p in report.problems
                           if (real := os.path.realpath(p.path)) in wanted
                           or real.startswith(folders)]
    said = portal_lang(lang)
    if fmt in ("github", "codequality"):
        from . import annotations

        click.echo(getattr(annotations, fmt)(report.sorted(), said))
    else:
        click.echo(report.json(said) if fmt == "json" else report.text(said))
    sys.exit(1 if report.failed(strict) else 0)


@main.command("new")
@click.argument("record_type", metavar="TYPE", type=_RecordType(list(KINDS)))
@click.option("--records", default="records", show_default=True, help=RECORDS_HELP)
@click.option("--prefix", default=None,
              help="Document number prefix (e.g. 京政办发) for the next free number.")
@click.option("--year", type=click.IntRange(FIRST_YEAR, LAST_YEAR), default=None,
              help="Year of the record (default: this year).")
def new_cmd(record_type: str, records: str, prefix: str | None, year: int | None) -> None:
    """Write a record skeleton with the next free id, and print its path.

    TYPE: document, received, request, meeting, activity, supervision, briefing,
    liaison, hotline, appraisal, duty or incident.

    The path goes to stdout alone (for `$EDITOR "$(portal new ...)"`); the id and the
    document number assigned, to stderr."""
    from . import scaffold

    folder = _records_dir(records)
    try:
        made = scaffold.new_record(folder, record_type, year or dt.date.today().year, prefix)
    except scaffold.ScaffoldError as exc:  # about the archive, not how the command is typed
        raise ArgumentError(exc.in_language(portal_lang())) from None
    except OSError as exc:
        raise ArgumentError(en_or_zh(f"cannot write a record into '{records}': ",
                                 f"无法在“{records}”中写入记录：")
                            + str(exc.strerror or exc)) from None
    click.echo(made.path)
    if portal_lang() == "zh":  # the editors' language (PORTAL_LOCALE, else Chinese)
        called = {"supervision": "督办编号", "liaison": "编号"}.get(record_type, "文号")
        number = f"，{called}{made.number}" if made.number else ""
        said = (f"已新建{labels('zh')(f'rt-{record_type}')}{made.id}{number}：填写全部TODO后，"
                "运行portal validate")
    else:
        number = f", number {made.number}" if made.number else ""
        said = f"new {record_type} {made.id}{number}: fill in every TODO, then run portal validate"
    click.echo(said, err=True)


@main.command("schema")
@click.option("--out", "out", default="schemas", show_default=True,
              help="Folder for the JSON Schema files.")
@click.option("--vscode/--no-vscode", default=True, show_default=True,
              help="Also wire the schemas to records/ in .vscode/settings.json.")
def schema_cmd(out: str, vscode: bool) -> None:
    """Write a JSON Schema per record type, for editor autocompletion."""
    from .schema import write_schemas

    settings = Path(".vscode/settings.json")
    for folder in (Path(out), settings.parent):
        blocking = _file_in_the_way(folder.absolute())
        if blocking is not None:
            raise ArgumentError(en_or_zh(f"cannot write into '{folder}': '{blocking}' is a "
                                     "file, not a folder",
                                     f"无法写入“{folder}”：“{blocking}”是文件，不是文件夹"))
    try:
        written = write_schemas(Path(out), vscode_settings=settings if vscode else None)
    except ValueError as exc:  # settings that are not plain JSON (VS Code allows comments)
        raise ArgumentError(en_or_zh(f"{settings} is not plain JSON ({exc}); fix it, or give "
                                 "--no-vscode",
                                 f"{settings}不是标准JSON（{exc}）：改正它，或加--no-vscode")) \
            from None
    except OSError as exc:
        raise ArgumentError(en_or_zh(f"cannot write '{exc.filename or out}': ",
                                 f"无法写入“{exc.filename or out}”：")
                            + str(exc.strerror or exc)) from None
    for path in written:
        click.echo(path)


@main.command("stats")
@click.option("--records", default="records", show_default=True, help=RECORDS_HELP)
@click.option("--lang", type=LOCALES, default=None,
              help="Language of the table (default: the portal's locale, PORTAL_LOCALE, "
                   "else zh).")
@as_of_option
def stats_cmd(records: str, lang: str | None, as_of: dt.date) -> None:
    """Counts per record type and status."""
    from .catalog import build_catalog
    from .stats import stats_table
    from .validate import validate

    folder = _records_dir(records)
    recs, report = validate(folder, _shown(records), as_of)
    catalog = build_catalog(recs, as_of)
    said = portal_lang(lang)
    click.echo(stats_table(catalog, said))
    if report.errors:  # figures of the records that are sound: the others are not counted
        click.echo(f"（另有{len(report.errors)}个错误的记录未计入：运行portal validate查看）"
                   if said == "zh" else
                   f"({len(report.errors)} errors: run portal validate)", err=True)


class _ToStderr(logging.Handler):
    """MkDocs' warnings and errors, on stderr as `mkdocs build` shows them (MkDocs counts
    them with a handler of its own, so without one of ours Python would print none, and
    a failed build would say only "Aborted with a BuildError!")."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"{record.levelname} - {self.format(record)}", err=True)


def _show_mkdocs_messages() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _ToStderr) for h in logger.handlers):
        handler = _ToStderr(logging.WARNING)
        logger.addHandler(handler)


def _print_problems(report: Report, lang: Lang) -> None:
    click.echo(report.text(lang), err=True)


@main.command("build")
@click.option("--records", default="records", show_default=True, help=RECORDS_HELP)
@click.option("--site-dir", default="site", show_default=True, help="Where the portal goes.")
@as_of_option
@click.option("--audience", type=AUDIENCES, default=None,
              help="Publish only records at or below this level.")
@click.option("--locale", type=LOCALES, default=None, help="Interface language.")
@click.option("--config", "config_file", default="mkdocs.yml", show_default=True,
              help=CONFIG_HELP)
@click.option("--strict", is_flag=True, help="Validation warnings fail the build too.")
@click.option("--full", is_flag=True,
              help="Rebuild every page, even where the last build could be reused, and "
                   "read no cache.")
@click.option("--force", is_flag=True,
              help="Replace --site-dir even if it is a non-empty folder that the portal "
                   "did not make.")
def build_cmd(records: str, site_dir: str, as_of: dt.date, audience: str | None,
              locale: str | None, config_file: str, strict: bool, full: bool,
              force: bool) -> None:
    """Validate the records, then build the portal into --site-dir (atomically).

    When --site-dir holds the last build of the same records, date and settings, only
    the pages that changed are rebuilt."""
    from mkdocs.exceptions import MkDocsException

    from . import incremental
    from .build import BuildError, build_site
    from .validate import validate

    folder = _records_dir(records)
    config = _config(config_file)
    _writable_parent(site_dir, "--site-dir")
    inputs = incremental.inputs_digest(folder)  # before the records are read
    recs, report = validate(folder, _shown(records), as_of, use_cache=not full)
    if report.failed(strict):
        # in the edition's language, as the pages: whoever builds the Chinese edition
        # reads Chinese, and one switch (--locale / PORTAL_LOCALE) says which
        lang = portal_lang(locale)
        _print_problems(report, lang)
        click.echo(labels(lang)("val_nothing_built"), err=True)
        sys.exit(1)
    _show_mkdocs_messages()
    # the records live to the end of this process: the cyclic collector need not walk
    # them at every full collection
    gc.freeze()
    said = labels(portal_lang(locale))  # the edition's language, as its problems
    try:
        out = build_site(config, Path(site_dir), records=records, as_of=as_of,
                         audience=audience, locale=locale, strict=strict,
                         preloaded=recs, full=full, force=force, inputs=inputs)
    except (BuildError, MkDocsException) as exc:  # MkDocs': a bad mkdocs.yml
        click.echo(said("build_failed", why=str(exc)), err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo(said("build_interrupted"), err=True)
        sys.exit(130)
    except OSError as exc:
        click.echo(said("build_failed", why=str(exc.strerror or exc)), err=True)
        sys.exit(1)
    click.echo(said("build_done", path=str(out)))


@main.command("serve")
@click.option("--records", default="records", show_default=True, help=RECORDS_HELP)
@click.option("--config", "config_file", default="mkdocs.yml", show_default=True,
              help=CONFIG_HELP)
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="HOST:PORT to serve on (port 0: a free one).")
@as_of_option
@click.option("--audience", type=AUDIENCES, default=None,
              help="Preview only records at or below this level.")
@click.option("--locale", type=LOCALES, default=None, help="Interface language.")
@click.option("--strict", is_flag=True, help="Validation warnings stop the preview too.")
def serve_cmd(records: str, config_file: str, dev_addr: str, as_of: dt.date,
              audience: str | None, locale: str | None, strict: bool) -> None:
    """Live preview: rebuilds what an edit changed, and shows the records' problems.

    Prints the URL once the preview is ready; problems are printed as
    path:line:col: CODE message and shown in the browser until they are fixed."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .build import portal_env
    from .history import commit_files
    from .serve import Preview, parse_address, serve

    folder = _records_dir(records).resolve()
    config = _config(config_file)
    try:
        host, port = parse_address(dev_addr)
    except ValueError as exc:
        raise ArgumentError(en_or_zh(str(exc), f"--dev-addr“{dev_addr}”不是“主机:端口”（如"
                                           "127.0.0.1:8000；端口为0时自动选取空闲端口）")) from None
    try:
        with portal_env(records_dir=str(folder), audience=audience, locale=locale,
                        as_of=str(as_of)):
            cfg = load_config(str(config))
    except MkDocsException as exc:
        raise ArgumentError(f"{config_file}: {exc}") from None
    watched = [folder, Path(cfg.docs_dir), config.resolve(),
               *(Path(w) for w in cfg.watch), *commit_files(folder)]
    if cfg.theme.custom_dir:
        watched.append(Path(cfg.theme.custom_dir))
    _show_mkdocs_messages()
    preview = Preview(config, folder, _shown(records), as_of, audience, locale, strict,
                      echo=lambda line, err: click.echo(line, err=err))
    try:
        serve(preview, host, port, cfg.site_url or "", watched)
    except OSError as exc:  # the address: in use, not this machine's, a privileged port
        raise ArgumentError(en_or_zh(f"cannot serve on {dev_addr}: ",
                                 f"无法在{dev_addr}上提供预览：") + str(exc.strerror or exc)) \
            from None


@main.command("preview")
@click.option("--site-dir", default="site", show_default=True,
              help="The built site to show (portal build's --site-dir).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="0 takes a free port.")
def preview_cmd(site_dir: str, port: int) -> None:
    """Show the built site on http://127.0.0.1:PORT/ as readers see it (links to folders
    and search work, which they do not from file://); Ctrl+C stops."""
    from .preview import PreviewError, preview_server, url

    try:
        server = preview_server(Path(site_dir), port)
    except PreviewError as exc:
        raise click.UsageError(en_or_zh(str(exc), f"“{site_dir}”中没有已生成的门户（没有"
                                              "index.html）：请先运行make portal或portal build"))\
            from None
    except OSError as exc:  # the port: in use, or privileged
        raise click.UsageError(en_or_zh(f"cannot serve on port {port}: ",
                                    f"无法在端口{port}上提供预览：")
                               + str(exc.strerror or exc)) from None
    click.echo(en_or_zh(f"Serving {site_dir} on {url(server)} (Ctrl+C stops)",
                    f"正在{url(server)}上展示{site_dir}（按Ctrl+C停止）"))
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command("export-md")
@click.argument("out", type=click.Path(file_okay=False))
@click.option("--records", default="records", show_default=True, help=RECORDS_HELP)
@click.option("--config", "config_file", default="mkdocs.yml", show_default=True,
              help=CONFIG_HELP)
@as_of_option
@click.option("--audience", type=AUDIENCES, default=None,
              help="Export only records at or below this level.")
@click.option("--locale", type=LOCALES, default=None, help="Interface language.")
def export_md_cmd(out: str, records: str, config_file: str, as_of: dt.date,
                  audience: str | None, locale: str | None) -> None:
    """Write the generated Markdown and site_src/ into OUT, buildable by plain MkDocs."""
    from mkdocs.exceptions import MkDocsException

    from .build import BuildError, export_markdown

    _records_dir(records)
    config = _config(config_file)
    _new_folder(out, "OUT")
    _show_mkdocs_messages()
    try:
        n = export_markdown(config, Path(out), records=records, as_of=as_of,
                            audience=audience, locale=locale)
    except BuildError as exc:
        if exc.report:
            _print_problems(exc.report, portal_lang(locale))
        raise click.ClickException(str(exc)) from None
    except MkDocsException as exc:
        raise click.ClickException(f"{config_file}: {exc}") from None
    except OSError as exc:
        raise click.ClickException(en_or_zh("the export failed: ", "导出失败：")
                                   + str(exc.strerror or exc)) from None
    click.echo(en_or_zh(f"wrote {n} generated pages and site_src/ to {out} (build: cd {out} && "
                    "mkdocs build)",
                    f"已把{n}个生成的页面和site_src/写入{out}（生成：cd {out} && mkdocs build）"))


def _edition_name(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """mike makes a folder of each edition and alias: a plain name, no path."""
    if value is not None and not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z._-]{0,63}", value):
        raise click.BadParameter(en_or_zh(f"'{value}' is not an edition name: letters, digits, "
                                      "'.', '_' and '-', beginning with a letter or digit",
                                      f"“{value}”不是版本名：只能用字母、数字、“.”、“_”和“-”，"
                                      "以字母或数字开头"), param=param)
    return value


def _locales(_ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    """zh,en (any order, no repeats) as a tuple; the editions' order is editions.LOCALES."""
    given = [v.strip() for v in value.split(",") if v.strip()]
    wrong = [v for v in given if v not in ("zh", "en")]
    if wrong or not given or len(set(given)) < len(given):
        raise click.BadParameter(en_or_zh(f"'{value}': give zh, en or zh,en",
                                      f"“{value}”：请写zh、en或zh,en"), param=param)
    return tuple(given)


@main.command("publish")
@click.option("--version", "version", required=True, callback=_edition_name,
              help="Edition number, e.g. 2026.11.")
@click.option("--alias", default=None, callback=_edition_name,
              help="Alias to point at it, e.g. latest.")
@click.option("--title", default=None, help="Title shown in the edition selector.")
@click.option("--push", is_flag=True, help="Push the branch to its remote afterwards.")
@click.option("--branch", default="gh-pages", show_default=True,
              help="The branch to commit to.")
@click.option("--records", default="records", show_default=True, help=RECORDS_HELP)
@click.option("--config", "config_file", default="mkdocs.yml", show_default=True,
              help=CONFIG_HELP)
@as_of_option
@click.option("--audience", type=AUDIENCES, default="internal", show_default=True,
              help="Publish only records at or below this level.")
@click.option("--locales", default="zh,en", show_default=True, callback=_locales,
              help="The languages to publish: Chinese at the branch's root, English under "
                   "en/; with both, the language selector leads to the same page in the "
                   "other.")
def publish_cmd(version: str, alias: str | None, title: str | None, push: bool, branch: str,
                records: str, config_file: str, as_of: dt.date, audience: str,
                locales: tuple[str, ...]) -> None:
    """Validate, build and commit a numbered edition with mike onto a git branch.

    Each language of the edition is built before any is committed: Chinese as
    <version>/, English as en/<version>/, each with its own edition selector."""
    from .editions import PublishError, publish
    from .validate import validate

    folder = _records_dir(records)
    config = _config(config_file)
    _recs, report = validate(folder, _shown(records), as_of)
    if report.failed():
        lang = portal_lang(locales[0])  # the edition at the branch's root
        _print_problems(report, lang)
        click.echo(labels(lang)("val_nothing_published"), err=True)
        sys.exit(1)
    # mike's build takes the day validate took, whatever the clock says by then
    env = {"PORTAL_RECORDS": str(folder.resolve()), "PORTAL_AUDIENCE": audience,
           "PORTAL_AS_OF": str(as_of)}
    try:
        publish(config, version, alias=alias, title=title, push=push,
                branch=branch, env=env, audience=audience, locales=locales)
    except PublishError as exc:
        click.echo(en_or_zh("Publishing failed, nothing was committed: ",
                            "发布失败，未提交任何内容：") + str(exc), err=True)
        sys.exit(1)
    from .editions import PREFIX

    where = [(loc, f"{PREFIX[loc] + '/' if PREFIX[loc] else ''}{version}/")
             for loc in ("zh", "en") if loc in locales]
    named = f" ({alias})" if alias else ""
    click.echo(en_or_zh(f"Published edition {version}{named} on {branch}: "
                    + ", ".join(f"{loc} as {path}" for loc, path in where),
                    f"已在{branch}分支发布版本{version}{named}："
                    + "，".join(f"{dict(zh='中文', en='英文')[loc]}为{path}"
                               for loc, path in where)))


@main.command("demo-data")
@click.option("--records", "count", type=click.IntRange(50, 1_000_000), default=1000,
              show_default=True, help="About how many records to write.")
@click.option("--seed", type=int, default=1, show_default=True,
              help="Random seed: one seed, one archive.")
@click.option("--out", type=click.Path(file_okay=False), required=True,
              help="Folder to write the archive into (must not exist or be empty).")
@click.option("--as-of", type=DATE, default="2026-11-27", show_default=True,
              help="No dated event of the archive lies after this day.")
def demo_data_cmd(count: int, seed: int, out: str, as_of: dt.date) -> None:
    """Write a deterministic synthetic archive (for benchmarks and scale tests)."""
    from .demo import generate

    folder = _new_folder(out, "--out")
    try:
        n = generate(count, seed, folder, as_of)
    except OSError as exc:
        raise click.ClickException(en_or_zh("writing the archive failed: ", "写入档案失败：")
                                   + str(exc.strerror or exc)) from None
    click.echo(en_or_zh(f"wrote {n} files to {folder}", f"已向{folder}写入{n}个文件"))


def run() -> None:
    """The `portal` command.  Once the command is done, the process leaves without
    tearing the interpreter down: freeing the records, the catalog and MkDocs' pages one
    by one would cost a large republish a good share of its time (bench/RESULTS.md,
    "Measurements behind the code").  (Tests call main.)"""
    try:
        main()
        code = 0
    except SystemExit as exc:  # click ends every command this way
        if isinstance(exc.code, str):
            click.echo(exc.code, err=True)
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
