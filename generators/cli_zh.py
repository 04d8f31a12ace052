"""The command line in the editors' language: `portal --help`, each command's help and
click's own words (Usage, Options, Error, …) in Chinese when the portal's language is
(PORTAL_LOCALE, else zh: errors.portal_lang), as the validator's messages are.

The English texts stay where click declares them (cli.py); HELP_ZH gives each its Chinese,
keyed by command and option, and tests/test_cli.py fails when one is missing.  click says
its own words through gettext; CLICK_ZH holds those the portal's commands can show."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from .errors import portal_lang

_AUDIENCE = ("读者范围：只{verb}这些读者可见的记录（public仅公开记录，internal另含内部记录，"
             "restricted含全部）。")

HELP_ZH: dict[str, str] = {
    "": "市政府办公厅门户：记录以YAML保存，门户由MkDocs生成。",
    "validate": "检查全部记录，按“路径:行:列: 代码 说明（提示）”逐条列出问题。\n\n"
                "FILES（可选，pre-commit会传入）只报告这些文件的问题；"
                "因为记录之间相互引用，仍会读取整个档案。",
    "validate --records": "记录文件夹。",
    "validate --format": "json：同样的问题列表，数据格式；github：在合并请求的行上加注的"
                         "工作流命令；codequality：GitLab的代码质量报告。",
    "validate --strict": "有警告也视为不通过。",
    "validate --lang": "说明和提示的语言（默认：门户的语言PORTAL_LOCALE，否则为zh）；"
                       "两种语言的代码相同。",
    "validate --as-of": "数据截至日期YYYY-MM-DD（默认：SOURCE_DATE_EPOCH，否则为今天）。",
    "new": "按下一个空闲的系统编号新建记录骨架，并输出其路径。\n\n"
           "TYPE（记录类型）：document 公文、received 收文、request 请示、meeting 会议、"
           "activity 活动、supervision 督办事项、briefing 信息专报、liaison 建议提案、"
           "hotline 热线月度、appraisal 考评年度、duty 值班表、incident 突发事件。\n\n"
           "路径单独输出到标准输出（便于`$EDITOR \"$(portal new ...)\"`）；"
           "分配的系统编号和文号输出到标准错误。",
    "new --records": "记录文件夹。",
    "new --prefix": "发文字号的机关代字（如京政办发），用于取下一个空闲文号。",
    "new --year": "记录的年份（默认：今年）。",
    "schema": "为每类记录生成JSON Schema，供编辑器自动补全。",
    "schema --out": "JSON Schema文件存放的文件夹。",
    "schema --vscode": "同时在.vscode/settings.json中把这些Schema关联到records/。",
    "stats": "按记录类型和状态统计数量。",
    "stats --records": "记录文件夹。",
    "stats --lang": "统计表的语言（默认：门户的语言PORTAL_LOCALE，否则为zh）。",
    "stats --as-of": "数据截至日期YYYY-MM-DD（默认：SOURCE_DATE_EPOCH，否则为今天）。",
    "build": "先检查记录，再把门户生成到--site-dir（整体替换，不会留下半成品）。\n\n"
             "--site-dir中是同一批记录、同一日期和设置的上次生成结果时，只重新生成有变化的页面。",
    "build --records": "记录文件夹。",
    "build --site-dir": "门户生成到的文件夹。",
    "build --as-of": "数据截至日期YYYY-MM-DD（默认：SOURCE_DATE_EPOCH，否则为今天）。",
    "build --audience": _AUDIENCE.format(verb="发布"),
    "build --locale": "界面语言。",
    "build --config": "MkDocs配置文件。",
    "build --strict": "有校验警告也不生成。",
    "build --full": "重新生成每个页面（即使上次的结果可以沿用），且不读取任何缓存。",
    "build --force": "--site-dir不是门户生成的非空文件夹时，也替换它。",
    "serve": "实时预览：只重新生成编辑影响的页面，并显示记录中的问题。\n\n"
             "预览就绪后输出网址；问题按“路径:行:列: 代码 说明”输出，并在浏览器中显示，直至改正。",
    "serve --records": "记录文件夹。",
    "serve --config": "MkDocs配置文件。",
    "serve --dev-addr": "预览服务的主机:端口（端口为0时自动选取空闲端口）。",
    "serve --as-of": "数据截至日期YYYY-MM-DD（默认：SOURCE_DATE_EPOCH，否则为今天）。",
    "serve --audience": _AUDIENCE.format(verb="预览"),
    "serve --locale": "界面语言。",
    "serve --strict": "有校验警告也停止预览。",
    "preview": "在http://127.0.0.1:端口/上按读者所见展示已生成的门户（文件夹链接和搜索可用，"
               "用file://打开则不可用）；按Ctrl+C停止。",
    "preview --site-dir": "要展示的已生成门户（即portal build的--site-dir）。",
    "preview --port": "为0时自动选取空闲端口。",
    "export-md": "把生成的Markdown和site_src/写入OUT，可直接用MkDocs生成。",
    "export-md --records": "记录文件夹。",
    "export-md --config": "MkDocs配置文件。",
    "export-md --as-of": "数据截至日期YYYY-MM-DD（默认：SOURCE_DATE_EPOCH，否则为今天）。",
    "export-md --audience": _AUDIENCE.format(verb="导出"),
    "export-md --locale": "界面语言。",
    "publish": "检查、生成并用mike把一个编号的版本提交到git分支。\n\n"
               "先生成该版本的每种语言，再一并提交：中文为<版本>/，英文为en/<版本>/，"
               "各有版本选择器。",
    "publish --version": "版本号，如2026.11。",
    "publish --alias": "指向该版本的别名，如latest。",
    "publish --title": "版本选择器中显示的标题。",
    "publish --push": "提交后推送分支到远程仓库。",
    "publish --branch": "提交到的分支。",
    "publish --records": "记录文件夹。",
    "publish --config": "MkDocs配置文件。",
    "publish --as-of": "数据截至日期YYYY-MM-DD（默认：SOURCE_DATE_EPOCH，否则为今天）。",
    "publish --audience": _AUDIENCE.format(verb="发布"),
    "publish --locales": "要发布的语言：中文在分支根目录，英文在en/下；两种都发布时，"
                         "语言选择器从一页通往另一语言的同一页。",
    "demo-data": "生成可复现的模拟档案（同一种子生成同一档案，用于基准测试和规模测试）。",
    "demo-data --records": "大约生成多少条记录。",
    "demo-data --seed": "随机数种子：同一种子生成同一档案。",
    "demo-data --out": "写入档案的文件夹（须不存在或为空）。",
    "demo-data --as-of": "档案中所有带日期的事项都不晚于这一天。",
}
"""Each help text of cli.py in Chinese: "" for the group, "command", "command --option"."""

CLICK_ZH: dict[str, str] = {
    "Usage:": "用法：",  # click adds a space: Formatter.write_usage leaves it out
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Invalid value for {param_hint}: {message}": "{param_hint}的取值无效：{message}",
    "Invalid value: {message}": "取值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令{name!r}。",
    "No such option: {name}": "没有选项：{name}",
    "No such option {name!r}.": "没有选项{name!r}。",
    "Option {name!r} does not take a value.": "选项{name!r}不取值。",
    "Option {name!r} requires an argument.": "选项{name!r}需要一个值。",
    "Did you mean {possibility}?": "是否应为{possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否应为其中之一：{possibilities}？）",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    "{value!r} is not {choice}.": "{value!r}不是{choice}。",
    "{value!r} is not one of {choices}.": "{value!r}不是{choices}之一。",
    "{value!r} is not a valid {number_type}.": "{value!r}不是整数。",  # every number is one
    "{name} {filename!r} is a file.": "{filename!r}是文件，不是文件夹。",
    "{name} {filename!r} is a directory.": "{filename!r}是文件夹，不是文件。",
    "{name} {filename!r} does not exist.": "{filename!r}不存在。",
    "{value} is not in the range {range}.": "{value}不在{range}范围内。",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "Aborted!": "已中止！",
    "Choose from:\n\t{choices}": "可选：{choices}",
}
"""click's own words (gettext messages of click 8) that the portal's commands can show."""


def _zh() -> bool:
    return portal_lang() == "zh"


def _gettext(message: str) -> str:
    return CLICK_ZH.get(message, message) if _zh() else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def say_click_in_chinese() -> None:
    """click's words through CLICK_ZH, in the portal's language at the time they are said:
    click looks up its module-level gettext (`_`, `ngettext`) each time it speaks."""
    from click import core, decorators, exceptions, formatting, parser, types

    for module in (core, decorators, exceptions, formatting, parser, types):
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


def width(text: str) -> int:
    """Columns a terminal gives text: two for a wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_CLOSING = frozenset("，。、；：？！）》”’")
"""Punctuation that never begins a line of Chinese: it stays on the line it closes."""
_OPENING = frozenset("（《“‘")
"""Punctuation that never ends a line: it goes with what it opens."""


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def _pieces(text: str) -> Iterator[str]:
    """text cut where a line may break: after each Chinese character, at spaces; an
    opening mark is one with what follows it, a closing mark a piece of its own."""
    word = ""
    for c in text:
        if c == " " or c in _CLOSING:
            if word:
                yield word
            yield c
            word = ""
        elif c in _OPENING:
            if word:
                yield word
            word = c
        elif _wide(c):
            yield word + c
            word = ""
        else:
            word += c
    if word:
        yield word


def wrap(text: str, columns: int) -> list[str]:
    """text in lines of at most columns terminal columns (a word longer stays whole); a
    closing mark that does not fit takes the piece before it to the next line."""
    lines: list[str] = []
    line: list[str] = []
    for piece in _pieces(text):
        if not line or width("".join(line) + piece) <= columns:
            line.append(piece)
            continue
        down: list[str] = []
        if piece in _CLOSING:
            while line and line[-1] in _CLOSING:
                down.insert(0, line.pop())
            if line:
                down.insert(0, line.pop())
        if not "".join(line).strip():  # nothing would be left: it runs over the edge
            line += [*down, piece]
            continue
        lines.append("".join(line).rstrip())
        line = [p for p in [*down, piece] if p != " " or down]
    if "".join(line).strip():
        lines.append("".join(line).rstrip())
    return lines


class Formatter(click.HelpFormatter):
    """click's help layout, with a Chinese heading's full-width colon and Chinese text
    wrapped by the columns it takes (click counts characters: a line of Chinese ran to
    twice the terminal's width)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if _zh() and prefix is None:
            prefix = CLICK_ZH["Usage:"]
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if not _zh():
            super().write_heading(heading)
            return
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        if not _zh():
            super().write_text(text)
            return
        indent = " " * self.current_indent
        for n, para in enumerate(text.split("\n\n")):
            if n:
                self.write("\n")
            for line in wrap(" ".join(para.split()), self.width - self.current_indent):
                self.write(f"{indent}{line}\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        rows = list(rows)
        if not _zh():
            super().write_dl(rows, col_max, col_spacing)
            return
        first = min(max((width(r[0]) for r in rows), default=0), col_max)
        text_at = self.current_indent + first + col_spacing
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            lines = wrap(text, max(self.width - text_at, 20)) if text else []
            if width(term) <= first:
                self.write(" " * (first - width(term) + col_spacing))
            else:  # a long option: its help begins on the next line
                self.write("\n" + " " * text_at if lines else "")
            for n, line in enumerate(lines):
                self.write(f"{' ' * text_at if n else ''}{line}\n")
            if not lines:
                self.write("\n")


class Context(click.Context):
    formatter_class = Formatter


@contextmanager
def _in_chinese(command: click.Command) -> Iterator[None]:
    """The command's help texts (its options', and its subcommands' for their one-line
    summaries) in Chinese while its help is written, as declared again afterwards."""
    name = "" if isinstance(command, click.Group) else command.name or ""
    saved: list[tuple[Any, str | None]] = []

    def swap(obj: Any, key: str) -> None:
        if key in HELP_ZH:
            saved.append((obj, obj.help))
            obj.help = HELP_ZH[key]

    swap(command, name)
    for param in command.params:
        if isinstance(param, click.Option):
            swap(param, f"{name} {param.opts[0]}".strip())
    if isinstance(command, click.Group):
        for sub_name, sub in command.commands.items():
            swap(sub, sub_name)
    try:
        yield
    finally:
        for obj, text in saved:
            obj.help = text


class _Speaks:
    """A command whose help is said in the portal's language."""

    context_class: type[click.Context] = Context

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if not _zh():
            super().format_help(ctx, formatter)  # type: ignore[misc]
            return
        with _in_chinese(self):  # type: ignore[arg-type]
            super().format_help(ctx, formatter)  # type: ignore[misc]

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # click makes it once per command and keeps it: said again in today's language
        option: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _gettext("Show this message and exit.")
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        text = super().get_short_help_str(limit)  # type: ignore[misc]
        if _zh():  # the first sentence, whole (click cuts it at a count of characters)
            return str(self.help or "").split("。")[0].split("\n")[0] + "。"  # type: ignore[attr-defined]
        return str(text)


class Command(_Speaks, click.Command):
    pass


class Group(_Speaks, click.Group):
    command_class = Command


def en_or_zh(en: str, zh: str) -> str:
    """A message of the command line's own, in the portal's language."""
    return zh if _zh() else en
