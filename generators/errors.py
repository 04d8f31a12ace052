"""Problems are data: a stable code, a location and a message.

Every stage collects problems instead of raising, so that one run of
``portal validate`` lists everything an editor has to fix.  The catalogue
below is the single source of the error reference page and of the hints.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Zh:
    """A code's catalogue texts in Chinese, as the editors read them."""

    title: str
    trigger: str
    fix: str


@dataclass(frozen=True, slots=True)
class Code:
    """One code of the catalogue, in both languages.

    messages: every message and hint template said under this code, the English one (as
    the code passes it to problem()) -> the Chinese one.  A template names its values
    {name}; a value is record text as written, a Term (a word of ours, said in the
    message's language), a date, or a tuple (a list).  tests/test_validate.py fails when a
    code lacks its Chinese texts or a template passed to problem() is not here."""

    code: str
    group: str
    severity: Severity
    title: str
    trigger: str
    fix: str
    zh: Zh | None = None
    messages: dict[str, str] = field(default_factory=dict)


# A new code is one block, both languages in it (tests/test_validate.py fails otherwise):
#     Code("AREA_WHAT", "Group", "error", "Title", "When it is reported.", "What to do.",
#          zh=Zh("标题", "何时报告。", "怎么处理（以动词开头）。"),
#          messages={"'{value}' is wrong for {field}": "“{value}”不符合{field}的要求"}),
# and problem(..., "AREA_WHAT", "'{value}' is wrong for {field}", value=..., field=...).
_CATALOGUE: tuple[Code, ...] = (
    # -- the file and its YAML
    Code("FILE_UNREADABLE", "YAML", "error", "File cannot be read",
         "The file exists but cannot be opened (permissions, a broken link).",
         "Check the file's permissions, or remove the broken link.",
         zh=Zh("文件无法读取",
               "文件存在，但无法打开（没有读取权限，或链接已失效）。",
               "检查文件的读取权限，或删除失效的链接。"),
         messages={
             "cannot read: {why}":
                 "无法读取：{why}",
             "a link to '{target}', which leads nowhere ({why})":
                 "是指向“{target}”的链接，但链接目标不存在（{why}）",
         }),
    Code("FILE_LINK", "YAML", "error", "Link leaving the records folder",
         "A symbolic link in the records folder points outside it, or points at a folder. "
         "The validator never follows such a link: it would publish what is not in the "
         "archive.",
         "Put the file itself in the archive and remove the link (git stores a link as a "
         "link, not as the file it points at).",
         zh=Zh("链接指向记录目录以外",
               "记录目录中的符号链接指向目录以外，或指向一个文件夹。检查程序不会跟随这类链接，否"
               "则会发布档案以外的内容。",
               "把文件本身放入档案，删除链接（git保存的是链接本身，而不是链接指向的文件）。"),
         messages={
             "'{path}' is a link {where} ('{target}'); it is not followed":
                 "“{path}”是{where}的链接（“{target}”），检查时不跟随",
         }),
    Code("FILE_SPECIAL", "YAML", "error", "Not a regular file",
         "A FIFO (named pipe), socket or device lies in the records folder. It is never "
         "opened: reading a FIFO would wait forever.",
         "Remove it; records are plain text files.",
         zh=Zh("不是普通文件",
               "记录目录中有命名管道（FIFO）、套接字或设备文件。检查程序不会打开它：读取命名管道"
               "会一直等待。",
               "删除它；记录只能是纯文本文件。"),
         messages={
             "not a regular file; it is not read":
                 "不是普通文件，未读取",
             "'{path}' is {what}, not a regular file; it is not opened":
                 "“{path}”是{what}，不是普通文件，未打开",
         }),
    Code("FILE_SIZE", "YAML", "error", "Record file too large",
         "A .yaml file is larger than the limit for one record file (1 MiB by default; "
         "the environment variable PORTAL_MAX_RECORD_BYTES sets another). It is not read.",
         "Split the record, or move long texts and tables into attachments; raise the "
         "limit only if such a file is intended.",
         zh=Zh("记录文件过大",
               "一个`.yaml`文件超过单个记录文件的大小上限（默认1 MiB，可用环境变量"
               "`PORTAL_MAX_RECORD_BYTES`另行设定），未读取。",
               "拆分记录，或把长篇正文和表格改为附件；确需这么大的文件时，才提高上限。"),
         messages={
             "the file has {size} bytes, more than the limit of {limit} for one record file; it i"
             "s not read":
                 "文件有{size}字节，超过单个记录文件{limit}字节的上限，未读取",
         }),
    Code("FILE_PLACE", "YAML", "warning", "File outside the records contract",
         "A .yaml file lies in a folder the contract does not know, or a record file "
         "is not inside a year folder.",
         "Move it to the folder of its record type (documents/<year>/, ...), or delete it.",
         zh=Zh("文件不在记录约定的位置",
               "一个`.yaml`文件所在的文件夹不在记录约定之内，或记录文件没有放在年份文件夹中。",
               "把文件移到对应记录类型的文件夹（`documents/<年份>/`等），或删除它。"),
         messages={
             "'{path}' is not a place of the records contract; it is ignored":
                 "“{path}”不在记录约定的位置，已忽略",
         }),
    Code("YAML_ENCODING", "YAML", "error", "File is not UTF-8",
         "The file's bytes are not valid UTF-8 (editors on Chinese Windows often save GBK).",
         "Re-save the file as UTF-8 (in VS Code: 'Save with Encoding' > UTF-8).",
         zh=Zh("文件不是UTF-8编码",
               "文件内容不是有效的UTF-8编码（中文Windows上的编辑器常保存为GBK）。",
               "把文件用UTF-8编码重新保存（在编辑器中选“另存为”，编码选UTF-8）。"),
         messages={
             "file is not UTF-8 (byte 0x{byte}); it looks like {enc}":
                 "文件不是UTF-8编码（字节0x{byte}），看来是{enc}编码",
         }),
    Code("YAML_EMPTY", "YAML", "error", "Empty file",
         "The file holds nothing but white space or comments, or an empty document "
         "('---', 'null' or '~' alone).",
         "Write the record, or delete the file.",
         zh=Zh("空文件",
               "文件中只有空白或注释，或只有一个空文档（单独的`---`、`null`或`~`）。",
               "写入记录内容，或删除该文件。"),
         messages={
             "the file is empty":
                 "文件是空的",
             "the file holds an empty document ('{doc}') and no record":
                 "文件只有一个空文档（“{doc}”），没有记录",
         }),
    Code("YAML_SYNTAX", "YAML", "error", "YAML syntax error",
         "The YAML parser cannot read the file (a missing colon, bad indentation, "
         "an unclosed quote).",
         "Fix the YAML at the position given; quote values that contain ': ' or start with "
         "'[', '{', '*', '&', '!', '%', '@' or '`'.",
         zh=Zh("YAML语法错误",
               "YAML解析器无法读取文件（缺少冒号、缩进不对、引号未闭合等）。",
               "按所给位置修改YAML；值中含有“: ”或以“[”“{”“*”“&”“!”“%”“@”“`”开头时，要给值加引号"
               "。"),
         messages={
             "{detail}":
                 "YAML语法错误：{detail}",
         }),
    Code("YAML_CONTROL", "YAML", "error", "Control character in the file",
         "The file holds a NUL byte or another control character that YAML does not allow "
         "(a binary file saved as .yaml, or a bad copy and paste).",
         "Delete the character at the position given, or re-save the file as plain UTF-8 "
         "text.",
         zh=Zh("文件中有控制字符",
               "文件中有空字节或其他YAML不允许的控制字符（把二进制文件存成了`.yaml`，或复制"
               "粘贴出错）。",
               "删除所给位置的字符，或把文件重新保存为纯UTF-8文本。"),
         messages={
             "control character {char} in the file":
                 "文件中有控制字符{char}",
             "control character {char} in the file ({more} more after it)":
                 "文件中有控制字符{char}（其后还有{more}个）",
         }),
    Code("YAML_ALIAS", "YAML", "error", "Aliases expand too far",
         "YAML aliases (*name) repeat a value marked with &name; here they expand to more "
         "than 10,000 values, or an alias contains itself (a 'billion laughs' file).",
         "Write the values out; records need no aliases.",
         zh=Zh("别名展开过多",
               "YAML别名（*名称）重复引用用&名称标记的值；此处展开后超过10,000个值，或别名引用了"
               "自身（一种靠别名层层展开耗尽内存的恶意文件）。",
               "把值逐一写出；记录不需要使用别名。"),
         messages={
             "aliases expand to more than {n} values":
                 "别名展开后超过{n}个值",
             "an alias is used inside the value it names: it would repeat forever":
                 "别名用在它所指的值内部，会无限重复",
         }),
    Code("YAML_DEPTH", "YAML", "error", "Nesting too deep",
         "Lists and mappings are nested more than 50 levels deep; no record type nests "
         "deeper than five.",
         "Flatten the structure as the record reference shows it.",
         zh=Zh("嵌套层级过深",
               "列表和映射嵌套超过50层；任何记录类型的嵌套都不超过五层。",
               "按记录字段说明所示的结构改写，减少嵌套。"),
         messages={
             "lists and mappings nest more than {depth} levels deep":
                 "列表和映射嵌套超过{depth}层",
         }),
    Code("YAML_TAB", "YAML", "error", "Tab in indentation",
         "A line is indented with a tab; YAML allows spaces only.",
         "Replace the tab with spaces (two per level).",
         zh=Zh("缩进使用了制表符",
               "有一行用制表符缩进；YAML只允许用空格缩进。",
               "把制表符换成空格（每级两个空格）。"),
         messages={
             "tab used for indentation":
                 "缩进使用了制表符（Tab）",
         }),
    Code("YAML_COLON", "YAML", "error", "Full-width colon after a key",
         "A key is followed by the full-width colon ： (typed with a Chinese input method) "
         "instead of ':'; YAML then reads the line as text and fails a line later.",
         "Use the ASCII colon `:` followed by a space, as in `title: 关于…`.",
         zh=Zh("键后使用了全角冒号",
               "键后面用的是中文输入法打出的全角冒号“：”，而不是英文冒号“:”；YAML会把这一行当作文"
               "字，到下一行才报错。",
               "改用英文冒号“:”，后加一个空格，例如`title: 关于…`。"),
         messages={
             "the key '{key}' is followed by the full-width colon '：'":
                 "键“{key}”后面是全角冒号“：”",
             "use the ASCII colon `:` followed by a space: {key}: ...":
                 "改用英文冒号“:”，后加一个空格：{key}: ...",
         }),
    Code("YAML_DUPLICATE_KEY", "YAML", "error", "Duplicate key",
         "The same key appears twice in one mapping; YAML would silently keep the last.",
         "Remove one of the two, or merge them.",
         zh=Zh("键重复",
               "同一个映射中同一个键出现了两次；YAML会不加提示地只保留后一个。",
               "删除其中一个，或把两处合并。"),
         messages={
             "key '{key}' already appears on line {line}":
                 "键“{key}”已在第{line}行出现过",
         }),
    Code("YAML_TOP_LEVEL", "YAML", "error", "Wrong kind of top level",
         "A record file holds a list, or a registry file holds a single mapping.",
         "Write a record file as one mapping (key: value lines) and a registry file as a "
         "list of entries, each starting with '- id: ...'.",
         zh=Zh("顶层结构不对",
               "记录文件的内容是一个列表，或名录文件的内容是单个映射。",
               "把记录文件写成一个映射（每行“键: 值”），名录文件写成条目列表，"
               "每个条目以“- id: ...”开头。"),
         messages={
             "{file} must be a list of entries ('- id: ...'), not {kind}":
                 "{file}应当是条目列表（“- id: ...”），而不是{kind}",
             "{type} files hold one mapping (key: value lines), not {kind}":
                 "{type}文件应当是一个映射（每行“键: 值”），而不是{kind}",
             "each entry is a mapping, not {kind}":
                 "每个条目应当是一个映射，而不是{kind}",
         }),
    Code("YAML_UNQUOTED", "YAML", "error", "Unquoted value read as something else",
         "A YAML 1.1 surprise: 0123 is read as the octal number 83, 12:30 as the number 750, "
         "no/yes/on/off as booleans, 1.10 as the number 1.1, where the field wants text. "
         "Also a value the portal reads as text but YAML 1.2 editors as a number (0268 is "
         "268 to them), so that an editor's tools and the portal would disagree.",
         "Put the value in quotes, e.g. number: \"0123\", number: \"0268\", "
         "start: \"12:30\".",
         zh=Zh("未加引号的值被读成了别的类型",
               "YAML 1.1的意外规则：0123被读成八进制数83，12:30被读成数字750，"
               "`no`、`yes`、`on`、`off`被读成是/否，1.10被读成数字1.1，而该字段需要的是文本。"
               "门户读作文本、而遵循YAML 1.2的编辑器读作数字的值（0268在这些编辑器中是268）"
               "也在此列：编辑工具与门户读到的值会不一致。",
               '给值加上引号，例如`number: "0123"`、`number: "0268"`、`start: "12:30"`。'),
         messages={
             "{text} is read as text here, but as the number {value} by YAML 1.2 editors":
                 "{text}在此读作文本，但遵循YAML 1.2的编辑器读作数字{value}",
             "{text} was read as {kind} {value}{note}, but {want} belongs here":
                 "{text}被读成了{kind}{value}{note}，但此处应为{want}",
             "{text} was read as {kind} {value}{note}, but one of {want} belongs here":
                 "{text}被读成了{kind}{value}{note}，但此处应为{want}之一",
             'quote it: "{text}"':
                 '加上引号："{text}"',
             'write the day with the time, quoted: "YYYY-MM-DDT{time}"':
                 '连同日期一起写，并加上引号："YYYY-MM-DDT{time}"',
         }),
    # -- the schema
    Code("SCHEMA_UNKNOWN_FIELD", "Schema", "error", "Unknown field",
         "A field the record type does not have (often a misspelling).",
         "Use the field name from the record reference; the hint suggests the closest one.",
         zh=Zh("未知字段",
               "该记录类型没有这个字段（常见原因是拼写错误）。",
               "按记录字段说明中的字段名书写；提示会给出最接近的字段名。"),
         messages={
             "unknown field '{name}'":
                 "未知字段“{name}”",
             "did you mean '{close}'?":
                 "是否应为“{close}”？",
             "allowed here: {allowed}":
                 "此处可用的字段：{allowed}",
         }),
    Code("SCHEMA_MISSING_FIELD", "Schema", "error", "Missing required field",
         "A required field is absent or empty.",
         "Add the field; the record reference lists what each type requires.",
         zh=Zh("缺少必填字段",
               "必填字段缺失或为空。",
               "补上该字段并填写内容；记录字段说明列出了每种记录的必填字段。"),
         messages={
             "missing required field '{name}'":
                 "缺少必填字段“{name}”",
             "session needs term and meeting (e.g. term: 16, meeting: 4)":  # issue 17
                 "session需要写届次和会次（如term: 16, meeting: 4）",
             "add {name}: ... (see the record reference)":
                 "添加“{name}: ...”并填写内容，写法见记录字段说明",
             "{field} must not be empty":
                 "{field}不能为空",
             "write at least one item under {field}":
                 "在{field}下至少填写一项",
             "write its text": "填写其内容",
             "{field} is empty":
                 "{field}没有填写内容",
             "write a value after the dash, or remove the item":
                 "在短横线后填写内容，或删除这一项",
             "write a value after the colon, or remove the line":
                 "在冒号后填写内容，或删除这一行",
             "write one of: {allowed}": "写以下之一：{allowed}",
             "write a value after the colon: this field is required":
                 "在冒号后填写内容：这是必填字段，不能删除",
             "issuers: name at least one unit":
                 "issuers（发文机关）至少要填写一个单位",
             "write the issuing unit's id in the brackets, e.g. issuers: [general-office]":
                 "在方括号中填写发文机关的系统编号，如issuers: [general-office]",
         }),
    Code("SCHEMA_TYPE", "Schema", "error", "Wrong type",
         "A value of the wrong kind: text where a list belongs, a number where text belongs, "
         "a list where one value belongs.",
         "Write the value as the record reference shows it.",
         zh=Zh("类型不对",
               "值的类型不对：该写列表的地方写了文本，该写文本的地方写了数字，该写单个值的地方写"
               "了列表。",
               "按记录字段说明所示的形式书写该值。"),
         messages={
             "write {write}, without the % sign": "写作{write}，不带%",
             "{field} must be {want}, not {got}":
                 "{field}应为{want}，而不是{got}",
             "{field}: {detail}":
                 "{field}的值不符合要求：{detail}",
         }),
    Code("SCHEMA_ENUM", "Schema", "error", "Value not allowed",
         "A value outside the field's fixed list (e.g. a document type that is not one of the "
         "15 official types).",
         "Use one of the listed values, spelt exactly.",
         zh=Zh("取值不在允许范围内",
               "值不在该字段规定的取值表中（例如公文文种不属于15种法定文种）。",
               "从列出的取值中选一个，拼写完全一致。"),
         messages={
             "'{value}' is not allowed for {field}":
                 "“{value}”不是{field}允许的取值",
             "did you mean '{close}'? allowed: {allowed}":
                 "是否应为“{close}”？允许的取值：{allowed}",
             "allowed: {allowed}":
                 "允许的取值：{allowed}",
         }),
    Code("SCHEMA_RANGE", "Schema", "error", "Number out of range",
         "A percent outside 0-100, a negative count, a session number below 1.",
         "Correct the number.",
         zh=Zh("数值超出范围",
               "百分比不在0至100之间、计数为负数、会次小于1等。",
               "改正该数值。"),
         messages={
             "{field} is {value}, but must be at least {limit}":
                 "{field}为{value}，不能小于{limit}",
             "{field} is {value}, but must be greater than {limit}":
                 "{field}为{value}，必须大于{limit}",
             "{field} is {value}, but must be at most {limit}":
                 "{field}为{value}，不能大于{limit}",
             "{field} is {value}, but must be less than {limit}":
                 "{field}为{value}，必须小于{limit}",
         }),
    Code("SCHEMA_FORMAT", "Schema", "error", "Text in the wrong format",
         "A time that is not HH:MM, a hotline month that is not YYYY-MM, and alike.",
         "Write the value in the format the message gives.",
         zh=Zh("格式不对",
               "时间不是HH:MM，热线月份不是YYYY-MM等。",
               "按说明中给出的格式书写该值。"),
         messages={
             "'{value}' does not match {pattern}":
                 "“{value}”不符合格式{pattern}",
             '\'{v}\' is not a time: write "HH:MM"':
                 '“{v}”不是时间：写作"HH:MM"',
             '\'{v}\' is not a month: write "YYYY-MM"':
                 '“{v}”不是月份：写作"YYYY-MM"',
             # issue 16: duty office
             # issue 17: units (models/registry.py CREDIT_PROBLEMS)
             "unified social credit code '{v}' has {n} characters, not 18":
                 "统一社会信用代码“{v}”有{n}位，应为18位",
             "unified social credit code '{v}' holds {bad}: only 0-9 and the capitals A-Y "
             "without I, O, S, V, Z":
                 "统一社会信用代码“{v}”含有{bad}：只能用0-9和除I、O、S、V、Z以外的大写字母A-Y",
             "unified social credit code '{v}': characters 3-8 (the administrative "
             "division code) must be digits":
                 "统一社会信用代码“{v}”：第3至8位（登记管理机关行政区划码）必须是数字",
             "unified social credit code '{v}': check character is {got}, but the first 17 "
             "characters give {want}":
                 "统一社会信用代码“{v}”：校验码为{got}，按前17位计算应为{want}",
             "'{v}' is not a time of day as the duty office writes it: write "
             "\"YYYY-MM-DDTHH:MM\" (quoted, Beijing time, no seconds)":
                 "“{v}”不是值班室使用的时间格式：写作\"YYYY-MM-DDTHH:MM\"（加引号，北京时间，"
                 "不写秒）",
             "'{v}' is not a time: write \"YYYY-MM-DDTHH:MM\" (Beijing time)":
                 "“{v}”不是时间：写作\"YYYY-MM-DDTHH:MM\"（北京时间）",
         }),
    Code("SCHEMA_DATE", "Schema", "error", "Impossible or malformed date",
         "A date that is not YYYY-MM-DD or does not exist (2026-02-30, 2025-02-29).",
         "Write a real date as YYYY-MM-DD.",
         zh=Zh("日期有误或格式不对",
               "日期不是YYYY-MM-DD格式，或该日期不存在（2026-02-30、2025-02-29）。",
               "按YYYY-MM-DD写一个真实存在的日期。"),
         messages={
             "a date and time where only a date belongs: write YYYY-MM-DD":
                 "此处只填日期，不填时间：写作YYYY-MM-DD",
             "'{v}' is not a date: write YYYY-MM-DD":
                 "“{v}”不是日期：写作YYYY-MM-DD",
             "that is, {write}": "即{write}",
             "'{v}' is not a real date":
                 "“{v}”这个日期不存在",
             "'{v}' is not a day: write YYYY-MM-DD":  # issue 16: duty office
                 "“{v}”不是日期：写作YYYY-MM-DD",
         }),
    Code("SCHEMA_WEIGHTS", "Schema", "error", "Weights do not sum to 100",
         "An appraisal year's indicator weights do not add up to 100.",
         "Adjust the weights so that they sum to exactly 100.",
         zh=Zh("权重合计不是100",
               "某考评年度各项指标的权重相加不等于100。",
               "调整权重，使合计正好为100。"),
         messages={
             "indicator weights sum to {t}, not 100":
                 "指标权重合计为{t}，不是100",
             "indicator weights of the {g} group sum to {t}, not 100":  # issue 17
                 "{g}组的指标权重合计为{t}，不是100",
         }),
    Code("SCHEMA_RULE", "Schema", "error", "Record breaks a rule of its type",
         "A rule that ties fields together: a completed supervision item without its "
         "completion date, a supervision source without its ref, grade thresholds out of order, "
         "a unit scored but in no group.",
         "Follow the message: it names the fields the rule ties together and what each "
         "must be.",
         zh=Zh("记录不符合该类型的规则",
               "违反了字段之间的关联规则：督办事项已办结但没有办结日期、督办来源没有填写来源编号"
               "、考评等次分数线顺序不对、单位有得分却不在任何分组中等。",
               "按说明修改：说明中会指出规则所关联的字段及各自应满足的要求。"),
         messages={
             # issue 16: calendar, supervision as a process
             "{d} is a weekday: workdays lists only the Saturdays and Sundays worked (调休上班)":
                 "{d}是工作日：workdays只列调休上班的周六、周日",
             "state: completed needs completed: <date> (or an approved closure)":
                 "state: completed须写completed: <日期>（或已批准的销号）",
             # a rule's own hint (ctx "hint"), said in place of the catalogue's fix
             "write completed: <the day it was done>, or a closure: with its requested: and "
             "approved: days once approved":
                 "写completed: <办结日期>；或在销号获批后写closure:（含requested:申请日期和"
                 "approved:批准日期）",
             "if the closure is not yet approved, remove its approved: line, and completed: if "
             "written":
                 "销号尚未批准的，删去closure中的approved:一行，写了completed:的也一并删去",
             "write completed: {write}, or remove the completed: line":
                 "写completed: {write}，或删去completed:一行",
             "write state: completed, or remove the completed: line":
                 "写state: completed，或删去completed:一行",
             "add {u} to groups.district or groups.agency, or remove its scores":
                 "把{u}加入groups.district或groups.agency，或删去其得分",
             "give {u} a score for each indicator of its group, and no other":
                 "为{u}逐项填写其所在分组每项指标的得分，不写其他指标",
             "write both (a closed unit), or neither (a unit in service)":
                 "两者都写（已撤并的单位），或都不写（现有单位）",
             "the closure is approved: the item is completed (state: completed)":
                 "销号已批准：该事项已办结，应写state: completed",
             "completed {c} differs from closure.approved {a}: the approved closure is the "
             "completion":
                 "completed（{c}）与closure.approved（{a}）不同：批准销号之日即为办结日期",
             "grade thresholds must fall: excellent > good > fair":
                 "等次分数线必须依次降低：优秀 > 良好 > 一般",
             # issue 17: appraisal groups, hotline streets, liaison sessions
             "indicator {i} is listed twice": "指标{i}重复列出",
             "the {g} group has units but no indicators": "{g}组有单位，但没有指标",
             "street {s}: district {d} has no figures this month":
                 "街乡镇{s}：所属的{d}本月没有数据",
             "special_treatment names {s}, which is not among the month's streets":
                 "special_treatment中的{s}不在本月的街乡镇中",
             "a session is a term and a meeting, or a year, not both":
                 "session写届次和会次，或只写年份，不能同时写",
             "rehandling follows a reply whose feedback is dissatisfied":
                 "只有答复反馈为不满意的，才能再次办理（rehandling）",
             "{u} is in both groups":
                 "{u}同时在两个分组中",
             "{u} is scored but in no group":
                 "{u}有得分，但不在任何分组中",
             "scores of {u}: missing {m}; unknown {x}":
                 "{u}的得分：缺少{m}；多出未知指标{x}",
             "scores of {u}: missing {m}": "{u}的得分：缺少指标{m}的得分",
             "scores of {u}: unknown {x}": "{u}的得分：多出未知指标{x}",
             "status: closed and a closed: {{date, reason}} block go together":
                 "status: closed与closed:（含date和reason）必须同时填写",
             "the topic tree has two levels only":
                 "主题分类只有两级",
             "add ref: <the id of the record it comes from> beside kind:":
                 "在kind:旁添加ref: <来源记录的系统编号>",
             "source kind {k} needs a ref: the id it comes from":
                 "来源类型{k}需要填写ref：来源记录的系统编号",
             "state: completed needs completed: <date>":
                 "state: completed（已办结）需要填写completed:（办结日期）",
             "completed: is set but state is {s}":
                 "填写了completed:（办结日期），但状态是{s}",
             "feedback without a reply":
                 "有反馈意见，但没有答复",
         }),
    # issue 17: suggestions and proposals by session
    Code("SESSION_YEAR", "Schema", "warning", "Session written as a year",
         "A deputy's suggestion or CPPCC proposal gives its session as a year "
         "(session: 2026), the first edition's form. It is still read, but numbers and "
         "rates are kept per session (市十六届人大四次会议), which a year does not name.",
         "Write the session as its term and meeting: session: {term: 16, meeting: 4}.",
         zh=Zh("会议写成了年份",
               "人大代表建议或政协提案的`session`写的是年份（`session: 2026`），这是第一版的写法。"
               "仍可读取，但编号和各项比率按会议（如市十六届人大四次会议）统计，年份不能指明是哪次会议。",
               "把`session`写成届次和会次：`session: {term: 16, meeting: 4}`。"),
         messages={
             "session given as the year {year}": "session写的是年份{year}",
             "write the session as its term and meeting, e.g. session: {{example}} "
             "for {name}": "把session写成届次和会次，例如{name}写作session: {{example}}",
         }),
    Code("TEXT_TODO", "Schema", "error", "Placeholder left by portal new",
         "A value still starts with TODO: portal new writes TODO where the editor must "
         "fill in a title, a summary, a name or an official's or unit's id.",
         "Write the real value in place of the TODO placeholder.",
         zh=Zh("`portal new`留下的占位内容",
               "某个值仍以TODO开头：`portal new`在需要编辑填写标题、摘要、名称或领导、单位系统编号"
               "的地方写入TODO。",
               "把TODO占位内容换成实际内容。"),
         messages={
             "{field} is still the placeholder '{value}' written by portal new":
                 "{field}仍是占位内容“{value}”",
         }),
    # -- identity
    Code("ID_FORMAT", "Identity", "error", "Malformed id",
         "An id that is not lowercase ASCII letters, digits and hyphens (1-64, starting with a "
         "letter or digit).",
         "Rename the id (and the file) to e.g. doc-2026-014.",
         zh=Zh("系统编号格式不对",
               "系统编号不是由小写英文字母、数字和连字符组成（1至64个字符，以字母或数字开头）。",
               "把系统编号（和文件名）改成如`doc-2026-014`的形式。"),
         messages={
             "'{v}' is not a valid id: lowercase a-z, 0-9 and '-', at most 64":
                 "“{v}”不是有效的系统编号：只能用小写字母a-z、数字0-9和“-”，最多64个字符",
             "write the id, not a name: registry/units.yaml, officials.yaml and topics.yaml "
             "give each its id, a record's file name is its id":
                 "写系统编号，不写名称：单位、领导、主题的系统编号见registry/units.yaml、"
                 "officials.yaml和topics.yaml，记录的系统编号即其文件名",
             "write {close}, the id of {named}": "应写作{close}，即“{named}”的系统编号",
             "set id: {close}, as the file is named":
                 "写作id: {close}，与文件名一致",
             "write it as {close}, and name the file {close}.yaml":
                 "写作{close}，并把文件名改为{close}.yaml",
             "{what} '{v}' holds the invisible character {c}":
                 "{what}“{v}”中有不可见字符{c}",
         }),
    Code("ID_FILENAME", "Identity", "error", "File name does not match id",
         "A record's file name is not <id>.yaml (or <year>.yaml, <YYYY-MM>.yaml).",
         "Rename the file, or correct the id.",
         zh=Zh("文件名与系统编号不一致",
               "记录的文件名不是`<系统编号>.yaml`（或`<年份>.yaml`、`<YYYY-MM>.yaml`）。",
               "改文件名或改系统编号，使两者一致；提示会说明改哪一个。"),
         messages={
             "id '{id}' differs from the file name '{file}'":
                 "系统编号“{id}”与文件名“{file}”不一致",
             "{field} {named} differs from the file name '{file}'":
                 "{field}为{named}，与文件名“{file}”不一致",
             "set {field}: {stem} — {named}.yaml already exists, so this looks like a copy whose "
             "id was not changed":
                 "把{field}改为{stem}：{named}.yaml已经存在，这看来是复制后没有改系统编号的文件",
             "{named}.yaml already exists, so this looks like a copy: give it a new id "
             "(lowercase a-z, 0-9 and '-') and name the file after it":
                 "{named}.yaml已经存在，这看来是复制的文件：另取一个由小写字母a-z、数字0-9和“-”"
                 "组成的系统编号，并按它给文件命名",
             "rename the file to {named}.yaml":
                 "把文件改名为{named}.yaml",
             "rename the file to {named}.yaml, or set {field}: {stem}":
                 "把文件改名为{named}.yaml，或把{field}改为{stem}",
         }),
    Code("ID_YEAR_FOLDER", "Identity", "warning", "Record in another year's folder",
         "A record's date falls in a year other than its folder's.",
         "Move the file to the folder of its year.",
         zh=Zh("记录放在了其他年份的文件夹",
               "记录的日期所在年份与所在年份文件夹不一致。",
               "把文件移到对应年份的文件夹。"),
         messages={
             "dated {date} but kept in the {year} folder":
                 "日期为{date}，却放在{year}年的文件夹中",
             "move it to {folder}/{to}/":
                 "把文件移到{folder}/{to}/",
         }),
    Code("ID_DUPLICATE", "Identity", "error", "Duplicate id",
         "Two records (or a record and a meeting decision) share an id; ids are unique "
         "across the whole archive.",
         "Give one of them a new id (portal new TYPE prints the next free one).",
         zh=Zh("系统编号重复",
               "两条记录（或一条记录与一项会议决定）使用了同一个系统编号；系统编号在整个档案中必"
               "须唯一。",
               "给其中一条换一个新的系统编号（`portal new 类型`会给出下一个可用编号）。"),
         messages={
             "id '{id}' is also used in {other}":
                 "系统编号“{id}”在{other}中也用过",
             "ids are unique across the archive; choose another":
                 "系统编号在整个档案中必须唯一，请另选一个",
         }),
    Code("NUMBER_DUPLICATE", "Identity", "error", "Duplicate number",
         "Two documents share a document number, two received documents share their "
         "issuer's number, two liaison items of one kind and session share a number, or "
         "two supervision items share a supervision number.",
         "Correct one of the numbers: the hint names the next number free in its series (a "
         "received document recorded twice: keep one file).",
         zh=Zh("文号重复",
               "两份公文的发文字号相同，两份收文的来文文号相同，同一届次同一类型的两件建议提案编号相同，"
               "或两个督办事项的督办编号相同。",
               "改正其中一个编号：提示中给出该序列下一个可用编号（同一份收文录入了两次的，保留一个文件）。"),
         messages={
             "{what} {number} is also used by {other}":
                 "{what}{number}已被{other}使用",
             "give one of them the next free number, {free}":
                 "把其中一个改为下一个可用编号{free}",
             "a received document's number is its issuer's: if both files are one document "
             "keep one, else correct the number as the document gives it":
                 "收文的文号是来文机关编的：两个文件若是同一份来文，保留其一；否则按来文改正文号",
         }),
    Code("NUMBER_YEAR", "Identity", "error", "Number's year differs from written date",
         "The year in 〔〕 of a document number is not the year of its written date.",
         "Correct the year in the number or the written date.",
         zh=Zh("文号年份与成文日期不符",
               "发文字号〔〕中的年份与成文日期的年份不一致。",
               "改正文号中的年份或成文日期。"),
         messages={
             "number {number} is of {year} but written is {written}":
                 "发文字号{number}的年份是{year}年，但成文日期是{written}",
             "write {fixed} or correct the date":
                 "改为{fixed}，或改正成文日期",
         }),
    Code("NUMBER_FORMAT", "Identity", "error", "Malformed document number",
         "A document number not of the form 京政发〔2026〕3号: ASCII or other brackets, "
         "a sequence with leading zeros, a missing 号.",
         "Write the number as the hint shows: organ prefix, year in 〔〕, sequence, 号.",
         zh=Zh("发文字号格式不对",
               "发文字号不是京政发〔2026〕3号的形式：用了英文方括号或其他括号、序号前面补了0、缺"
               "少“号”字等。",
               "按提示书写：机关代字、〔年份〕、序号、“号”。"),
         messages={
             "'{v}' is malformed: write '{fixed}'":
                 "“{v}”格式不对：应写作“{fixed}”",
             "an order (type: order) is numbered as one, like 北京市人民政府令第312号, "
             "not '{v}'":
                 "政府令（type: order）应编为令号，如北京市人民政府令第312号，而不是“{v}”",
             "'{v}' is an order's number (令第N号): only type: order takes one; other "
             "documents are numbered like 京政发〔2026〕3号":  # issue 17
                 "“{v}”是政府令的令号（令第N号）：只有type: order（政府令）用令号，其他公文"
                 "应编为京政发〔2026〕3号这样的发文字号",
             "'{v}' is not a document number like 京政发〔2026〕3号":
                 "“{v}”不是京政发〔2026〕3号这样的发文字号",
             "{what} '{v}' holds the invisible character {c}":
                 "{what}“{v}”中有不可见字符{c}",
         }),
    # issue 17: documents
    Code("INDEX_DUPLICATE", "Identity", "error", "Duplicate index number",
         "Two documents share an index number (索引号), which names one document in the "
         "disclosure catalogue.",
         "Correct one of the index numbers.",
         zh=Zh("索引号重复",
               "两份公文使用同一索引号；索引号在政府信息公开目录中只对应一份公文。",
               "改正其中一份公文的索引号。"),
         messages={
             "index number {n} is also used by {other}": "索引号{n}已被{other}使用",
         }),
    Code("REF_ATTACHMENT", "References", "error", "Attachment file missing",
         "A document's attachment names a file (attachments[].file) that is not a regular "
         "file inside the records' attachments/ folder: not there, misspelt, a folder, or a "
         "link leading out of the folder.",
         "Put the file in attachments/ at the path given (relative to that folder, e.g. "
         "jzf-2026-3/tasks.pdf), or correct the path.",
         zh=Zh("附件文件不存在",
               "公文附件的文件路径（`attachments[].file`）在记录目录的`attachments/`文件夹中找不到"
               "对应的普通文件：文件缺失、路径拼写有误、指向文件夹，或为指向该文件夹以外的链接。",
               "把文件放在`attachments/`下所写的路径（相对于该文件夹，如`jzf-2026-3/tasks.pdf`），"
               "或改正路径。"),
         messages={
             "no file '{file}' in {folder}/": "{folder}/中没有文件“{file}”",
             "put the file at {folder}/{file} in the records folder, or correct the path":
                 "把文件放到记录目录的{folder}/{file}，或更正路径",
         }),
    # -- references
    Code("REF_MISSING", "References", "error", "Reference to nothing",
         "A unit, official, topic, document, decision, supervision item, liaison item or other "
         "record that a record names does not exist (or exists as another type).",
         "Correct the id; the hint suggests the closest existing one where there is one.",
         zh=Zh("引用的记录不存在",
               "记录所引用的单位、领导、主题、公文、决定、督办事项、建议提案或其他记录不存在（或"
               "存在但类型不同）。",
               "改正系统编号；有相近的现有编号时，提示会给出。"),
         messages={
             "no {kind} '{target}'":
                 "没有系统编号为“{target}”的{kind}",
             "no {kind} '{target}' ('{target}' is a {actual})":
                 "没有系统编号为“{target}”的{kind}：“{target}”是{actual}",
             "write a {kind}'s id here; if the {actual} is meant, correct the field that says "
             "its kind (such as source.kind)":
                 "此处应写{kind}的系统编号；如确指这一{actual}，请改正说明其类型的字段（如source.kind）",
             "did you mean '{close}'?":
                 "是否应为“{close}”？",
             "correct the id: no {kind} of the records has one like it":
                 "改正系统编号：记录中没有与之相近的{kind}",
             "correct the id, or add the {kind} to {file}: none there is like it":
                 "改正系统编号，或在{file}中添加该{kind}：其中没有与之相近的{kind}",
         }),
    Code("REF_REPEALED", "References", "error", "Repealed without a repealing document",
         "A normative document has status repealed but no document repeals it.",
         "Add relations: [{type: repeals, target: <this id>}] to the repealing document.",
         zh=Zh("已废止但没有废止文件",
               "规范性文件的状态为已废止，但没有任何公文废止它。",
               "在废止它的公文中添加`relations: [{type: repeals, target: <本文件的系统编号>}]`。"),
         messages={
             "{number} is marked repealed but no document repeals it":
                 "{number}标为已废止，但没有公文废止它",
         }),
    Code("REF_CYCLE", "References", "error", "Cycle in a supersedes or parent chain",
         "Documents supersede each other in a circle, or units are each other's parents "
         "(a unit above itself).",
         "Remove the supersedes relation or the parent that closes the circle.",
         zh=Zh("替代关系或上级关系形成循环",
               "公文之间相互替代形成闭环，或单位互为上级（单位成了自己的上级）。",
               "删除造成循环的替代关系或上级单位。"),
         messages={
             "units are each other's parents: {chain}":
                 "单位互为上级：{chain}",
             "supersedes chain loops: {chain}":
                 "替代关系形成循环：{chain}",
         }),
    Code("REF_SELF", "References", "error", "Record refers to itself",
         "A unit is its own parent or its own successor, or a document amends, repeals, "
         "supersedes or implements itself.",
         "Name the other record meant, or remove the reference.",
         zh=Zh("记录引用了自身",
               "单位的上级或职责承接单位是它自己，或公文修改、废止、替代或贯彻它自己。",
               "写明实际要引用的另一条记录，或删除该引用。"),
         messages={
             "'{target}' is this {type} itself":
                 "“{target}”就是本{type}自身",
         }),
    Code("REF_CLASSIFICATION", "References", "warning", "Link to a less visible record",
         "A record links to a record of a higher classification; lower audiences will see "
         "'(not published)' in its place.",
         "Align the two classifications, or leave it so if the lower audiences need not "
         "follow the link.",
         zh=Zh("链接到知悉范围更小的记录",
               "记录链接到知悉范围更小的记录；较低范围的读者在该处只会看到“（未发布）"
               "”。",
               "统一两条记录的知悉范围；如果较低范围的读者不需要打开该链接，可以保持不变。"),
         messages={
             "links to {to} '{target}' from a {from_} record":
                 "{from_}记录链接到了{to}记录“{target}”",
         }),
    Code("REPLY_ADDRESSEE", "References", "error", "Reply not addressed to its requester",
         "A reply (批复, type reply) responds to a request, but the unit that submitted the "
         "request is not among the reply's recipients.",
         "Add the requesting unit to the reply's recipients, or correct the responds-to "
         "target.",
         zh=Zh("批复没有主送请示单位",
               "批复（`type: reply`）答复一件请示，但提交请示的单位不在批复的主送单位中。",
               "把请示单位加入批复的主送单位，或改正所答复的请示。"),
         messages={
             "this reply answers '{request}' from {unit}, which is not among its recipients":
                 "本批复答复的是{unit}的请示“{request}”，但{unit}不在主送单位中",
             "add {unit} to recipients":
                 "把{unit}加入recipients（主送单位）",
         }),
    # issue 16: requests submitted to a meeting
    Code("REF_AGENDA_ITEM", "References", "error", "Agenda item the meeting does not have",
         "A request's agenda names a meeting whose agenda has no item of that number.",
         "Correct agenda.item to the number of the meeting's item that took up the request.",
         zh=Zh("会议议程中没有该项议题",
               "请示的`agenda`写了一次会议，但该会议的议程中没有这个序号的议题。",
               "把`agenda.item`改为会议审议该请示的议题序号。"),
         messages={
             "meeting {meeting} has no agenda item {item} (its items: {items})":
                 "会议{meeting}的议程中没有第{item}项议题（其议题为：{items}）",
         }),
    # -- dates
    Code("DATE_ORDER", "Dates", "error", "Dates in the wrong order",
         "A deadline before the assignment, a reply before receipt, a completion before "
         "assignment, an end before a start.",
         "Correct one of the two dates.",
         zh=Zh("日期先后顺序不对",
               "办理期限早于交办日期、答复早于收到日期、办结早于交办日期、结束早于开始等。",
               "改正两个日期中的一个。"),
         messages={
             # issue 16: calendar, requests, received documents, supervision as a process
             "holiday {n} ends before it starts": "假期“{n}”的结束日期早于开始日期",
             "printed ({p}) before written ({w})": "印发日期（{p}）早于成文日期（{w}）",
             # issue 17: liaison contacts and re-handling
             "contact ({c}) before receipt ({d})": "沟通日期（{c}）早于收到日期（{d}）",
             "rehandling requested ({q}) before the reply ({r})":
                 "要求再次办理的日期（{q}）早于答复日期（{r}）",
             "second reply ({r}) before the rehandling was requested ({q})":
                 "再次答复日期（{r}）早于要求再次办理的日期（{q}）",
             "due {d} before receipt": "办理时限{d}早于收文日期",
             "instruction of {d} before receipt": "{d}的批示早于收文日期",
             "due {d} before submission ({s})": "办理时限（{d}）早于报送日期（{s}）",
             "closure requested before assignment": "申请销号日期早于交办日期",
             "closure approved {a} before it was requested": "批准销号日期{a}早于申请销号日期",
             "reminder of {d} before assignment": "{d}的催办早于交办日期",
             "ends ({e}) before it starts ({s})":
                 "结束时间（{e}）早于开始时间（{s}）",
             "expires before it takes effect":
                 "失效日期早于施行日期",
             "published ({p}) before written ({w})":
                 "发布日期（{p}）早于成文日期（{w}）",
             "reply ({r}) before receipt ({d})":
                 "答复日期（{r}）早于收到日期（{d}）",
             "due before receipt":
                 "办理时限早于收到日期",
             "handling step on {d} before receipt":
                 "办理环节日期（{d}）早于收文日期",
             "term ends ({to}) before it starts ({fr})":
                 "任职结束日期（{to}）早于开始日期（{fr}）",
             "{what} dated {d}, before submission ({s})":
                 "{what}日期（{d}）早于报送日期（{s}）",
             "deadline {d} before assignment {a}":
                 "办理期限{d}早于交办日期{a}",
             "completed before assignment":
                 "办结日期早于交办日期",
             "update of {d} before assignment":
                 "{d}的进展反馈早于交办日期",
         }),
    Code("DATE_FUTURE", "Dates", "error", "Date after the as-of date",
         "Something that has happened dated after the build's as-of date: a document or "
         "liaison item received, a request submitted, a briefing reported, a progress "
         "update, review, decision, instruction, reply, completion or handling step.",
         "Correct the date, or build with a later --as-of.",
         zh=Zh("日期晚于数据截至日期",
               "已发生的事项的日期晚于本次生成的数据截至日期（as-of）：公文或建议提案的收到、请示的报"
               "送、信息的报送、进展反馈、审核、审批、批示、答复、办结或办理环节。",
               "改正日期，或用更晚的--as-of重新运行。"),
         messages={
             "{what} dated {date}, after the as-of date {as_of}":
                 "{what}日期为{date}，晚于数据截至日期{as_of}",
         }),
    Code("DATE_TERM", "Dates", "error", "Official acting outside the term",
         "An official signs a document, chairs or attends a meeting, reviews or decides a "
         "request, instructs on a briefing, verifies a supervision item or takes part in "
         "an activity on a date before the term's from or after its to "
         "(registry/officials.yaml).",
         "Correct the date, name the official in office on that day, or correct the term "
         "in registry/officials.yaml.",
         zh=Zh("领导在任期以外履职",
               "某位领导签发公文、主持或出席会议、审核或审批请示、批示信息、核销督办事项或参加活"
               "动的日期，早于任职开始日期或晚于任职结束日期（`registry/officials.yaml`）。",
               "改正日期，改为当天在任的领导，或改正`registry/officials.yaml`中的任期。"),
         messages={
             # the official by name, as the editor knows them, and by id, as the file has it
             "{name} ({who}) {what} on {date}, outside the term (from {start} to {end})":
                 "{name}（{who}）于{date}{what}，不在任期内（{start}至{end}）",
             "{name} ({who}) {what} on {date}, outside the term (which begins on {start})":
                 "{name}（{who}）于{date}{what}，不在任期内（任期自{start}开始）",
         }),
    Code("DATE_IMPLEMENTS", "Dates", "error", "Implementing document older than its source",
         "A document implements a document written, or a received document received, after "
         "its own written date: a document cannot implement what did not yet exist.",
         "Correct the written date of one of the two, or the implements target.",
         zh=Zh("贯彻落实的公文早于其依据",
               "公文贯彻落实的公文成文日期（或收文的收到日期）晚于它自己的成文日期：不能贯彻落实"
               "尚未存在的文件。",
               "改正两份公文中一份的成文日期，或改正`implements`（贯彻落实）的对象。"),
         messages={
             "written {written}, but implements '{target}', {what} {since}":
                 "成文日期为{written}，但所贯彻落实的“{target}”{what}于{since}",
             "'{doc}' is written {written}, before this document was received ({received})":
                 "“{doc}”的成文日期为{written}，早于本收文的收到日期（{received}）",
         }),
    Code("DATE_OUTCOME", "Dates", "error", "Outcome of a meeting not yet held",
         "An agenda item of a meeting dated after the as-of date has an outcome other than "
         "planned: what a meeting decides is known only once it has met.",
         "Write outcome: planned until the meeting has been held, or correct its date.",
         zh=Zh("会议未召开就有了结果",
               "会议日期晚于数据截至日期，但议题的结果不是`planned`（拟议）：会议的决定要等开会之后才能"
               "知道。",
               "把议题结果写为`outcome: planned`（拟议），会议召开后再写实际结果；"
               "或改正会议日期。"),
         messages={
             "item {item} is {outcome}, but the meeting of {date} is after the as-of date {as_of}":
                 "议题{item}的结果为{outcome}，但{date}的会议晚于数据截至日期{as_of}",
             "write outcome: planned":
                 "写为outcome: planned（拟议）",
         }),
    Code("DATE_PLANNED", "Dates", "warning", "Planned item of a past meeting",
         "An agenda item of a meeting dated before the as-of date is still planned.",
         "Record what the meeting did with the item (approved, deferred, noted, ...).",
         zh=Zh("已开会议的议题仍为拟议",
               "会议日期早于数据截至日期，但议题仍为`planned`（拟议）。",
               "写明会议对该议题的处理结果（通过、暂缓、听取等）。"),
         messages={
             "item {item} is still planned, but the meeting was held on {date}":
                 "议题{item}仍为拟议，但会议已于{date}召开",
         }),
    Code("DATE_RANGE", "Dates", "error", "Date outside the years the portal handles",
         "A date before 1949 or after 2100 (often a typo such as 9999 or 2206); the "
         "portal computes expiry and due dates, ages and calendars within these years.",
         "Correct the year.",
         zh=Zh("日期超出门户处理的年份",
               "日期早于1949年或晚于2100年（常见于9999、2206之类的笔误）；门户在这个年份范围内计"
               "算失效日期、期限、时长和日历。",
               "改正年份。"),
         messages={
             "{v} lies outside {a}-{b}, the years the portal handles":
                 "{v}不在门户处理的年份范围（{a}—{b}年）内",
         }),
    # issue 16: duty office
    Code("DUTY_DAY", "Dates", "error", "Roster day outside its month",
         "A day of a duty roster (duty/<YYYY-MM>.yaml) lies outside the month the file "
         "covers: 2026-11-31 or 2026-12-01 in the roster of 2026-11.",
         "Correct the day, or move it to the roster of its own month.",
         zh=Zh("值班日期不在本月",
               "值班表（`duty/<YYYY-MM>.yaml`）中的某一天不在该文件所属的月份内，例如`2026-11`的"
               "值班表中出现`2026-12-01`。",
               "改正日期，或把这一天移到其所属月份的值班表中。"),
         messages={"day {d} is not in the roster's month {m}":
                   "{d}不在本值班表所属的月份（{m}）内"}),
    Code("DATE_REPORT", "Dates", "error", "Incident report not after the occurrence",
         "An incident's report (首报, 续报 or 终报) is dated at or before the minute the "
         "incident occurred: the duty office cannot hear of it before it happens, and the "
         "reporting minutes would be zero or negative.",
         "Correct the report's at, or the incident's occurred (both \"YYYY-MM-DDTHH:MM\", "
         "Beijing time).",
         zh=Zh("报告时间不晚于事发时间",
               "突发事件的某次报告（首报、续报或终报）时间早于或等于事发时间：值班室不可能在"
               "事发前收到报告，报告用时也会是零或负数。",
               "改正该次报告的`at`，或事件的`occurred`（均写作`\"YYYY-MM-DDTHH:MM\"`，北京时间）。"),
         messages={"report at {a} is not after the occurrence at {o}":
                   "报告时间{a}不晚于事发时间{o}"}),
    Code("UNIT_CLOSED", "Dates", "warning", "Closed unit used after closing",
         "A record dated after a unit's closing date names that unit.",
         "Use the unit that replaced it (see the unit's replaced_by).",
         zh=Zh("使用了已撤并的单位",
               "记录的日期晚于某单位的撤并日期，却仍写了该单位。",
               "改用职责承接单位（见该单位的`replaced_by`）。"),
         messages={
             "unit '{unit}' closed on {date} ({reason})":
                 "单位“{unit}”已于{date}{reason}",
             "unit '{unit}' closed on {date} ({reason}); use {successor}":
                 "单位“{unit}”已于{date}{reason}；请改用{successor}",
         }),
    # -- safety
    Code("SAFETY_CLASSIFICATION", "Safety", "error", "Classification not allowed",
         "A classification other than public, internal, restricted.  State secrets "
         "(secret/confidential/top-secret, 秘密/机密/绝密) must never enter this repository.",
         "Use public, internal or restricted; remove classified material from git entirely "
         "(including its history) and report it to the security officer.",
         zh=Zh("知悉范围不允许",
               "知悉范围不是`public`、`internal`、`restricted`之一。国家秘密（秘密、机密、绝密）绝不能"
               "进入本仓库。",
               "使用`public`（公开）、`internal`（内部）或`restricted`（限定范围）；把涉密材料从git中彻"
               "底删除（包括历史记录），并报告保密员。"),
         messages={
             "'{v}' is a state-secret level: classified material must never enter this repository":
                 "“{v}”是国家秘密密级：涉密材料绝不能进入本仓库",
             "classification '{v}' is not one of public, internal, restricted":
                 "知悉范围“{v}”不是public、internal、restricted之一",
             "write {write}": "应写作{write}",
             "write public, internal or restricted":
                 "写public（公开）、internal（内部）或restricted（限定范围）",
         }),
    Code("SAFETY_PATH", "Safety", "error", "Path escapes its folder",
         "An attachment path that is absolute or home-relative (/, ~), contains '..' (also "
         "percent-encoded), names a URL scheme or a drive (file:, C:) or holds a control "
         "character; or a record id that would write outside its folder.",
         "Use a path relative to the attachments folder, without '..'.",
         zh=Zh("路径超出所在文件夹",
               "附件路径是绝对路径或以用户目录开头（/、~），含有“..”（包括百分号编码形式），写了U"
               "RL协议或盘符（`file:`、`C:`），或含有控制字符；或者记录的系统编号会写到文件夹以外。",
               "使用相对于附件文件夹的路径，不要含“..”。"),
         messages={
             "attachment path '{v}' leaves its folder":
                 "附件路径“{v}”超出了所在文件夹",
         }),
    Code("TEXT_CONTROL", "Safety", "warning", "Invisible control character in text",
         "A text holds a control character or a Unicode direction override (U+202A-U+202E, "
         "U+2066-U+2069 and alike), which can make a title read differently from what it "
         "is. Ids and numbers refuse them outright (ID_FORMAT, NUMBER_FORMAT).",
         "Delete the character (messages show it as <U+XXXX>); retype the text if in doubt.",
         zh=Zh("文本中有不可见的控制字符",
               "文本中有控制字符或Unicode方向控制符（U+202A至U+202E、U+2066至U+2069等），会使标题"
               "看起来与实际内容不同。系统编号和文号直接拒收这类字符（ID_FORMAT、NUMBER_FORMAT）"
               "。",
               "删除该字符（说明中显示为`<U+XXXX>`）；拿不准时重新输入该文本。"),
         messages={
             "{field} holds the invisible character {char}":
                 "{field}中有不可见字符{char}",
         }),
)

CATALOGUE: dict[str, Code] = {c.code: c for c in _CATALOGUE}

# issue 17: documents -- the codes' texts in Chinese (title, trigger, fix)



Lang = Literal["en", "zh"]


def portal_lang(locale: str | None = None) -> Lang:
    """The language problems are said in: the locale given (validate's --lang, build's and
    serve's --locale), else the portal's (PORTAL_LOCALE, as mkdocs.yml reads it), else
    Chinese: the office works in Chinese."""
    chosen = locale or os.environ.get("PORTAL_LOCALE", "")
    return "en" if chosen == "en" else "zh"


class Term(str):
    """A word of ours inside a message (a record type, what happened on a date, a kind of
    value): said in the message's language.  Record text is never a Term: it is quoted as
    the editor wrote it."""

    __slots__ = ()


class Name(str):
    """A person's name in a message: the registry's name, said in Chinese as name_zh."""

    zh: str

    def __new__(cls, en: str, zh: str) -> Name:
        said = super().__new__(cls, en)
        said.zh = zh
        return said

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return str(self), self.zh


class YearMonth(str):
    """A month a message names, written YYYY-MM as the files name it: in Chinese prose
    2026年11月, as dates are said."""

    __slots__ = ()


Value = str | int | dt.date | tuple[str, ...]
"""A value a message names: text as written, a Term, a number, a date (in Chinese prose as
2026年12月1日) or a list (joined by ", " or "、")."""

TERMS_ZH: dict[str, str] = {
    # NUMBER_DUPLICATE: the number's name as GLOSSARY.md gives it
    "document number": "发文字号", "suggestion number": "建议号", "proposal number": "提案号",
    "supervision number": "督办编号",
    # issue 16: duty office
    "duty": "值班表", "duty roster": "值班表", "incident": "突发事件",
    "incident report": "突发事件报告", "briefing or incident": "信息专报或突发事件",
    "leads the duty": "带班", "instructs on the incident": "批示突发事件",
    # issue 16: processes; issue 17: key items
    "approves the request": "签批请示", "approves the closure": "审核销号",
    "instructs on the document": "批示来文", "leads the key item": "牵头督办重点建议提案",
    # kinds of value (SCHEMA_TYPE, YAML_TOP_LEVEL, YAML_UNQUOTED)
    "text": "文本", "a whole number": "整数", "a number": "数值",
    "true/false": "是/否（true/false）",
    "a list": "列表", "a mapping": "映射（“键: 值”）", "nothing": "空值", "a date": "日期",
    "a single value": "单个值", "the integer": "整数", "the number": "数值",
    "the boolean": "布尔值", "record": "记录", "the file": "文件", "none": "无",
    " (YAML 1.1 reads HH:MM as base 60)": "（YAML 1.1把HH:MM当作六十进制数）",
    " (YAML 1.1 reads a leading 0 as octal)": "（YAML 1.1把以0开头的数当作八进制数）",
    # record types and the kinds a reference names (REF_MISSING, REF_SELF)
    "unit": "单位", "official": "领导", "topic": "主题", "document": "公文",
    "received": "收文", "received document": "收文", "request": "请示", "meeting": "会议",
    "activity": "活动", "supervision": "督办事项", "supervision item": "督办事项",
    "briefing": "信息专报", "liaison": "建议提案", "liaison item": "建议提案",
    "appraisal": "考评年度", "appraisal year": "考评年度", "hotline": "热线月度",
    "hotline month": "热线月度", "decision": "会议决定", "unit or official": "单位或领导",
    "id": "系统编号", "number": "编号",
    # access levels (REF_CLASSIFICATION)
    "public": "公开", "internal": "内部", "restricted": "限定范围",
    # what happened on a date (DATE_FUTURE, DATE_ORDER, DATE_IMPLEMENTS)
    "instruction": "批示", "receipt": "收到", "handling step": "办理环节",
    "submission": "报送", "review": "审核", "reply": "答复", "progress update": "进展反馈",
    "completion": "办结", "written": "成文", "published": "发布",
    "request decision": "审批决定", "co-signing opinion": "会签意见", "approval": "审批",
    # what an official does (DATE_TERM)
    "signs": "签发公文", "chairs the meeting": "主持会议", "attends the meeting": "出席会议",
    "reviews the request": "审核请示", "decides the request": "审批请示",
    "instructs on the briefing": "批示信息", "verifies the completion": "核销督办事项",
    "takes part in the activity": "参加活动",
    # a unit's closing (UNIT_CLOSED)
    "merged": "撤并", "split": "拆分", "renamed": "更名", "abolished": "撤销",
    # files (FILE_LINK, FILE_SPECIAL, FILE_UNREADABLE)
    "outside the records folder": "指向记录目录以外",
    "to a folder inside the records folder": "指向记录目录内的文件夹",
    "not a file": "非文件", "a FIFO (named pipe)": "命名管道（FIFO）", "a socket": "套接字",
    "a device": "设备文件", "a special file": "特殊文件",
    "Permission denied": "没有读取权限", "No such file or directory": "文件不存在",
    "Is a directory": "是文件夹", "Too many levels of symbolic links": "符号链接层级过多",
    "GBK/GB18030 (Chinese Windows)": "GBK/GB18030（中文Windows）",
    "Latin-1 or another single-byte encoding": "Latin-1或其他单字节",
}
"""Our words inside messages, in Chinese (lookup by the English word, then lowercased)."""

_PHRASES_ZH = (
    ("while scanning a simple key", "扫描键时"),
    ("could not find expected ':'", "找不到应有的冒号“:”"),
    ("mapping values are not allowed here", "此处不能出现“键: 值”（值中含“: ”时要加引号）"),
    ("while parsing a block mapping", "解析映射时"),
    ("while parsing a block collection", "解析列表时"),
    ("while parsing a flow sequence", "解析方括号列表时"),
    ("while parsing a flow mapping", "解析花括号映射时"),
    ("while parsing a flow node", "解析方括号或花括号内容时"),
    ("while scanning a quoted scalar", "扫描带引号的值时"),
    ("while scanning for the next token", "扫描下一个记号时"),
    ("while scanning an alias", "扫描别名时"), ("while scanning an anchor", "扫描锚点时"),
    ("while scanning a block scalar", "扫描多行文本时"),
    ("while parsing a node", "解析内容时"),
    ("found unexpected end of stream", "文件意外结束（引号或括号未闭合）"),
    ("found unknown escape character", "遇到未知的转义字符"),
    ("did not find expected key", "找不到应有的键"),
    ("did not find expected '-' indicator", "找不到应有的“-”"),
    ("did not find expected node content", "找不到应有的内容"),
    ("expected <block end>, but found", "应在此结束，却遇到"),
    ("expected ',' or ']', but got", "应为“,”或“]”，却遇到"),
    ("did not find expected ',' or ']'", "找不到应有的“,”或“]”"),
    ("did not find expected ',' or '}'", "找不到应有的“,”或“}”"),
    ("expected ',' or '}', but got", "应为“,”或“}”，却遇到"),
    ("found undefined alias", "遇到未定义的别名"),
    ("found character", "遇到字符"), ("that cannot start any token", "，不能用在值的开头"),
    ("found unexpected ':'", "遇到多余的冒号“:”"),
    ("found a tab character where an indentation space is expected", "缩进处有制表符"),
    ("found incompatible YAML document", "遇到不兼容的YAML文档"),
)
"""PyYAML's phrases (YAML_SYNTAX quotes them) in Chinese, replaced where they occur."""


def _said(value: Value, lang: Lang) -> str:
    if isinstance(value, Term):
        if lang != "zh":
            return str(value)
        said = TERMS_ZH.get(value) or TERMS_ZH.get(value.lower())
        if said is not None:
            return said
        from .labels import _V, in_language  # a value of a record's field: its label

        if (pair := _V.get(str(value))) is not None:
            return in_language(pair, "zh")
        text = str(value)
        for en, zh in _PHRASES_ZH:
            text = text.replace(en, zh)
        return text.replace("时 ", "时，")  # PyYAML's "while ... <problem>"
    if isinstance(value, Name):
        return value.zh if lang == "zh" else str(value)
    if isinstance(value, YearMonth) and lang == "zh" and _MONTH_TEXT.fullmatch(value):
        return f"{value[:4]}年{int(value[5:])}月"
    if isinstance(value, dt.date):
        if lang == "zh":
            from .labels import long_date

            return long_date(value, "zh")
        return value.isoformat()
    if isinstance(value, tuple):
        return ("、" if lang == "zh" else ", ").join(_said(v, lang) for v in value)
    return str(value)


_MONTH_TEXT = re.compile(r"\d{4}-(0[1-9]|1[0-2])")

_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, args: tuple[tuple[str, Value], ...], lang: Lang = "en") -> str:
    """template with each {name} of args said in lang (other braces kept as written; one
    pass, so a value holding '{x}' is never filled in again)."""
    values = dict(args)
    return _SLOT.sub(lambda m: _said(values[m[1]], lang) if m[1] in values else m[0],
                     template)


_CODE_SPAN = re.compile(r"`([^`]+)`")


def _quoted(text: str) -> str:
    """A catalogue text (Markdown, for the error catalogue page) as a line of Chinese says
    it: a code span in quotation marks, as the messages quote what an editor wrote."""
    return _CODE_SPAN.sub(r"“\1”", text)


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the records, pointing at a file, line and column (1-based).

    message and hint are the English texts; template, hint_template and args keep what
    they were made of, so that message_in and hint_in say them in another language."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = field(default="", compare=False)
    template: str = field(default="", compare=False, repr=False)
    hint_template: str = field(default="", compare=False, repr=False)
    args: tuple[tuple[str, Value], ...] = field(default=(), compare=False, repr=False)

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code].severity

    def message_in(self, lang: Lang) -> str:
        if lang != "zh":
            return self.message
        c = CATALOGUE[self.code]
        zh = c.messages.get(self.template or self.message)
        if zh is None:  # a message with no Chinese template (a test says which): its title
            title = c.zh.title if c.zh else c.title
            return f"{title}（{self.message}）"
        return visible(fill(zh, self.args, "zh"))

    def hint_in(self, lang: Lang) -> str:
        if lang != "zh":
            return self.hint
        c = CATALOGUE[self.code]
        if not self.hint_template:
            return _quoted(c.zh.fix) if c.zh and self.hint == c.fix else self.hint
        zh = c.messages.get(self.hint_template)
        return visible(fill(zh, self.args, "zh")) if zh is not None else self.hint

    def said(self, lang: Lang = "en") -> str:
        """The message and its hint, as one line says them."""
        hint = self.hint_in(lang)
        if hint:  # in Chinese, no full stop inside the brackets
            hint = f"（{hint.removesuffix('。')}）" if lang == "zh" else f" ({hint})"
        return self.message_in(lang) + hint

    def format(self, lang: Lang = "en") -> str:
        """path:line:col: CODE message (hint); a warning says so before its code, as a
        compiler does (an editor read SESSION_YEAR as an error that stops the build)."""
        mark = "" if self.severity == "error" else ("警告：" if lang == "zh" else "warning: ")
        return f"{self.path}:{self.line}:{self.col}: {mark}{self.code} {self.said(lang)}"

    def as_dict(self, lang: Lang = "en") -> dict[str, object]:
        return {"path": self.path, "line": self.line, "col": self.col, "code": self.code,
                "message": self.message_in(lang), "hint": self.hint_in(lang),
                "severity": self.severity}


INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                       "\u202a-\u202e\u2066-\u2069]")
"""Characters a text should not hold: C0 and C1 controls (tab and line ends aside) and the
Unicode direction marks and overrides, which make text read other than it is."""
# and in messages also line ends and tabs, and the lone surrogates by which Python keeps a
# file name's bytes that are not UTF-8
_UNSHOWN = re.compile(f"{INVISIBLE.pattern[:-1]}\\t\\n\\r\\u2028\\u2029\\ud800-\\udfff]")


def visible(text: str) -> str:
    """text with every invisible character written as <U+XXXX>: a message quotes what an
    editor wrote, and must not be reordered by an override or broken by a line end."""
    return _UNSHOWN.sub(lambda m: f"<U+{ord(m[0]):04X}>", text)


def problem(path: str, line: int, col: int, code: str, message: str, hint: str = "", /,
            **args: Value) -> Problem:
    """A Problem of code at path:line:col.  message and hint are English templates of the
    code's catalogue entry, filled in with args ({name}); no hint: the code's fix."""
    if code not in CATALOGUE:  # a typo in our own code must not invent a new public code
        raise KeyError(f"unknown problem code {code}")
    pairs = tuple(args.items())
    return Problem(visible(path), line, col, code, visible(fill(message, pairs)),
                   visible(fill(hint, pairs) if hint else CATALOGUE[code].fix),
                   message, hint, pairs)


_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")


def from_pydantic(code: str, message: str, ctx: dict[str, Any]) -> tuple[str, dict[str, Value]]:
    """The template and values of a message a model raised (PydanticCustomError(code,
    template, ctx)): the code's template that ctx fills in to message.  A date the model
    passed as text becomes a date again (said as 2026年12月1日), save 'v' (the value as the
    editor wrote it) and 'write' (a value a hint tells the editor to write); 'what' is a
    word of ours.  No such template: message as it is."""
    args: dict[str, Value] = {}
    for k, v in ctx.items():
        if k in ("field", "at_key", "hint"):  # where, and what to do: not what is wrong
            continue
        if isinstance(v, dt.date):
            args[k] = v
        elif k not in ("v", "write") and isinstance(v, str) and _DATE_TEXT.fullmatch(v):
            args[k] = dt.date.fromisoformat(v)
        elif isinstance(v, YearMonth):
            args[k] = v
        elif k == "what" or v == "none":
            args[k] = Term(v)
        else:
            args[k] = v if isinstance(v, str | int) else str(v)
    said = {k: str(v) for k, v in ctx.items()}
    for template in CATALOGUE[code].messages:
        text = template
        for k, v in said.items():  # as pydantic fills in its templates
            text = text.replace("{" + k + "}", v)
        if text == message:
            return template, args
    return message, {}


@dataclass(slots=True)
class Report:
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def text(self, lang: Lang = "en") -> str:
        lines = [p.format(lang) for p in self.sorted()]
        e, w = len(self.errors), len(self.warnings)
        if lang == "zh":
            lines.append(f"{e}个错误，{w}个警告")
        else:
            lines.append(f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}")
        return "\n".join(lines)

    def json(self, lang: Lang = "en") -> str:
        return json.dumps(
            {"problems": [p.as_dict(lang) for p in self.sorted()],
             "errors": len(self.errors), "warnings": len(self.warnings)},
            ensure_ascii=False, indent=2)


def flatten(problems: Iterable[Problem], *fields: str) -> list[list[object]]:
    """[[path, line, code], ...] for one-line assertions in tests (after frictionless)."""
    fields = fields or ("path", "line", "code")
    return [[getattr(p, f) for f in fields] for p in sorted(problems)]
