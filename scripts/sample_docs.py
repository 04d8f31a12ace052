"""Issue 17 part of the sample archive: documents as a policy-document page shows them.

enrich() adds the second edition's fields to documents make_sample.documents() makes (the
panel's 索引号, 起草单位, 公开属性, 印发机关和印发日期, 附注; the register's 统一登记号,
合法性审核, 备案; attachments with files); write() writes the new records (a government
order, a provisional normative document, a policy interpretation of its own) and the
attachment files, small but real: a PDF, a Word and an Excel file made with the standard
library, byte for byte the same at every run (fixed zip timestamps).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

D = dt.date
# (nothing here is drawn at random: make_sample's shared rng is never touched)

# -- attachment files ------------------------------------------------------------------------


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF 1.4 showing one line of ASCII text, with a correct xref table."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


_CT = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def tiny_docx(paragraphs: list[str]) -> bytes:
    """A minimal Word document (OOXML) that Word and LibreOffice open."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return _zip({
        "[Content_Types].xml": _CT + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        "_rels/.rels": _CT + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"),
        "word/document.xml": _CT + (
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            f'main"><w:body>{body}</w:body></w:document>'),
    })


def tiny_xlsx(rows: list[list[str]]) -> bytes:
    """A minimal Excel workbook (OOXML, inline strings) that Excel and LibreOffice open."""
    cols = "ABCDEFGH"
    sheet = "".join(
        f'<row r="{r}">' + "".join(
            f'<c r="{cols[c]}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
            for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows, 1))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    return _zip({
        "[Content_Types].xml": _CT + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats'
            '-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
            'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": _CT + (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": _CT + (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Sheet1" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": _CT + (
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": _CT + (
            f'<worksheet xmlns="{main}"><sheetData>{sheet}</sheetData></worksheet>'),
    })


def tiny_ofd(text: str) -> bytes:
    """An OFD package (GB/T 33190-2016: a zip whose root is OFD.xml)."""
    ns = "http://www.ofdspec.org/2016"
    return _zip({
        "OFD.xml": _CT + (
            f'<ofd:OFD xmlns:ofd="{ns}" Version="1.0" DocType="OFD"><ofd:DocBody>'
            f"<ofd:DocInfo><ofd:DocID>{text}</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
        "Doc_0/Document.xml": _CT + (
            f'<ofd:Document xmlns:ofd="{ns}"><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID>'
            "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
            "</ofd:CommonData><ofd:Pages/></ofd:Document>"),
    })


ATTACHMENT_FILES: dict[str, bytes] = {
    "jzf-2023-6/tasks.pdf": tiny_pdf("Digital economy key tasks 2023-2025"),
    "jzbf-2026-17/minimum-wage.xlsx": tiny_xlsx([
        ["项目", "调整前（元）", "调整后（元）"],
        ["月最低工资", "2420", "2540"],
        ["非全日制小时最低工资", "26.4", "27.7"]]),
    "jzbf-2025-8/elevator-measures.docx": tiny_docx([
        "北京市老旧小区既有住宅加装电梯管理暂行办法",
        "第一条　为规范既有住宅加装电梯工作，制定本办法。"]),
    "jzbf-2025-8/elevator-measures.ofd": tiny_ofd("jzbf-2025-8"),
    "jzbf-2025-8/application-form.xlsx": tiny_xlsx([
        ["小区名称", "楼号", "单元", "业主同意比例"]]),
    # a restricted document's file: never copied into a site below restricted
    "jzbf-2026-20/rectification-list.pdf": tiny_pdf("Rectification list (restricted)"),
}

# -- fields for documents make_sample makes ------------------------------------------------

_PANEL: dict[str, dict[str, Any]] = {
    "doc-2021-012": {
        "index_no": "000014349/2021-00012", "drafter": "civil-affairs",
        "disclosure": "active", "printed": {"by": "general-office", "date": D(2021, 11, 5)},
        "note": "（此件公开发布）"},
    "doc-2023-006": {
        "index_no": "000014349/2023-00006", "drafter": "dev-reform", "disclosure": "active",
        "printed": {"by": "general-office", "date": D(2023, 2, 23)},
        "attachments": [{"title": "北京市数字经济重点任务清单（2023—2025年）",
                         "file": "jzf-2023-6/tasks.pdf"}]},
    "doc-2024-003": {"index_no": "000014349/2024-00003", "drafter": "justice",
                     "disclosure": "active"},
    "doc-2026-116": {
        "index_no": "000014349/2026-00017", "drafter": "hrss", "disclosure": "active",
        "printed": {"by": "general-office", "date": D(2026, 7, 29)},
        "note": "（此件公开发布）",
        "attachments": [{"title": "本市最低工资标准调整表",
                         "file": "jzbf-2026-17/minimum-wage.xlsx"}]},
    "doc-2026-104": {"index_no": "000014349/2026-00004", "disclosure": "not-disclosed",
                     "drafter": "general-office"},
    "doc-2026-117": {"disclosure": "not-disclosed", "drafter": "finance",
                     "attachments": [{"title": "审计查出问题整改进展滞后单位清单",
                                      "file": "jzbf-2026-20/rectification-list.pdf"}]},
    "doc-2026-118": {"index_no": "000014349/2026-00019", "disclosure": "active",
                     "drafter": "transport"},
    "doc-2026-115": {"disclosure": "on-request", "drafter": "transport"},
}

_REGISTER: dict[str, dict[str, Any]] = {
    "doc-2021-012": {"registration": "BJSZ-2021-0212",
                     "legality_review": {"date": D(2021, 10, 26), "by": "justice"},
                     "filing": {"date": D(2021, 12, 2), "number": "备〔2021〕118号"}},
    "doc-2024-003": {"registration": "BJSZ-2024-0031",
                     "legality_review": {"date": D(2024, 2, 20), "by": "justice"},
                     "filing": {"date": D(2024, 3, 26)}},
    "doc-2026-116": {"registration": "BJSZ-2026-0117",
                     "legality_review": {"date": D(2026, 7, 21), "by": "justice"},
                     "filing": {"date": D(2026, 8, 25), "number": "备〔2026〕73号"}},
}

BODY_2021_012 = """\
各区人民政府，市政府各委、办、局，各市属机构：

为加快发展社区养老服务，满足老年人就近就便的养老服务需求，现提出如下意见。

一、总体要求

（一）指导思想。坚持以人民为中心的发展思想，构建市、区、街道（乡镇）、社区（村）四级养老服务网络。

（二）工作目标。到2025年，基本实现社区养老服务驿站全覆盖，老年助餐服务覆盖城乡社区。

二、重点任务

（一）完善社区养老服务设施。

1. 新建住宅小区按标准配建社区养老服务设施，与住宅同步规划、同步建设、同步验收、同步交付。

2. 老旧小区通过购置、置换、租赁等方式补齐养老服务设施。

（二）发展老年助餐服务。

1. 鼓励社区养老服务驿站、餐饮企业开办老年餐桌，重点做好以下工作：

（1）对独居、失能老年人提供送餐上门服务；

（2）对经济困难老年人给予助餐补贴。

三、保障措施

各区政府要将社区养老服务设施建设纳入年度重点工作，市民政局会同有关部门加强督促指导。
"""


def enrich(docs: list[dict[str, Any]]) -> None:
    """The second edition's fields on documents make_sample.documents() makes."""
    by_id = {d["id"]: d for d in docs}
    for did, fields in _PANEL.items():
        by_id[did].update(fields)
    for did, fields in _REGISTER.items():
        by_id[did]["normative"].update(fields)
    by_id["doc-2021-012"]["body"] = BODY_2021_012


# -- new records ------------------------------------------------------------------------------

ORDER_BODY = """\
《北京市非机动车停放管理办法》已经市人民政府常务会议审议通过，现予公布，自2026年12月1日起施行。

第一条　为规范非机动车停放秩序，保障道路通行安全，根据有关法律、法规，结合本市实际，制定本办法。

第二条　本市行政区域内非机动车的停放及其管理活动，适用本办法。

第三条　市交通行政主管部门负责统筹协调全市非机动车停放管理工作；\
区人民政府负责本行政区域内非机动车停放设施的规划建设和日常管理。

第四条　本办法自2026年12月1日起施行。
"""

PROVISIONAL_BODY = """\
各区人民政府，市政府各委、办、局，各市属机构：

经市政府同意，现将《北京市老旧小区既有住宅加装电梯管理暂行办法》印发给你们，请认真贯彻落实。

一、适用范围

本办法适用于本市行政区域内已建成投入使用、未设电梯的四层以上既有住宅加装电梯。

二、实施程序

（一）业主协商。加装电梯应当经本单元房屋专有部分面积占比三分之二以上且人数占比三分之二以上的业主同意。

（二）申请审批。

1. 实施主体向所在区住房城乡建设部门提交申请材料。

2. 区住房城乡建设部门会同规划、市场监管等部门联合审查，在15个工作日内作出决定。

三、资金支持

对符合条件的加装电梯项目，市、区财政按每部电梯24万元的标准给予补贴。

本办法为暂行办法，自2025年3月1日起施行，有效期2年。
"""

INTERPRETATION_BODY = """\
一、调整的背景

根据国家有关规定，本市每两至三年调整一次最低工资标准。

二、调整的主要内容

（一）月最低工资标准由每月2420元调整为每月2540元。

（二）非全日制从业人员小时最低工资标准由每小时26.4元调整为每小时27.7元。

三、执行中需要注意的问题

用人单位应当按照调整后的标准支付工资，不得将加班工资、特殊工作环境津贴计入最低工资。
"""


def new_documents(all_districts: list[str], agencies: list[str], mayor: str
                  ) -> list[dict[str, Any]]:
    recipients = [*all_districts, *agencies]
    order = {
        "id": "doc-2026-301", "number": "北京市人民政府令第312号", "type": "order",
        "issuers": ["beijing-gov"], "signatory": mayor,
        "title": "北京市非机动车停放管理办法", "recipients": [],  # an order is promulgated
        "written": D(2026, 10, 16), "published": D(2026, 10, 20),
        "classification": "public", "topics": ["transport-topic"],
        "index_no": "000014349/2026-00312", "drafter": "transport", "disclosure": "active",
        "printed": {"by": "general-office", "date": D(2026, 10, 18)},
        "summary": "规范本市非机动车停放秩序，明确交通、规划和区政府的管理职责，"
                   "自2026年12月1日起施行。",
        "body": ORDER_BODY,
    }
    provisional = {
        "id": "doc-2025-301", "number": "京政办发〔2025〕8号", "type": "notice",
        "issuers": ["general-office"],
        "title": "北京市人民政府办公厅关于印发《北京市老旧小区既有住宅加装电梯管理暂行办法》的通知",
        "recipients": recipients, "written": D(2025, 2, 14), "published": D(2025, 2, 19),
        "classification": "public", "topics": ["housing-topic"],
        "index_no": "000014349/2025-00008", "drafter": "housing", "disclosure": "active",
        "printed": {"by": "general-office", "date": D(2025, 2, 17)},
        "note": "（此件公开发布）",
        "normative": {"effective": D(2025, 3, 1), "status": "in-force", "provisional": True,
                      "registration": "BJSZ-2025-0008",
                      "legality_review": {"date": D(2025, 2, 8), "by": "justice"},
                      "filing": {"date": D(2025, 3, 20), "number": "备〔2025〕21号"}},
        "summary": "规范老旧小区既有住宅加装电梯的协商、审批、建设和补贴，暂行2年。",
        "body": PROVISIONAL_BODY,
        "attachments": [
            {"title": "北京市老旧小区既有住宅加装电梯管理暂行办法",
             "file": "jzbf-2025-8/elevator-measures.docx"},
            {"title": "北京市老旧小区既有住宅加装电梯管理暂行办法（OFD版式文件）",
             "file": "jzbf-2025-8/elevator-measures.ofd"},
            {"title": "既有住宅加装电梯申请表", "file": "jzbf-2025-8/application-form.xlsx"},
            {"title": "加装电梯补贴资金申请流程图"}],
    }
    interpretation = {
        "id": "doc-2026-302", "number": "京政办函〔2026〕19号", "type": "letter",
        "issuers": ["general-office"],
        "title": "关于《北京市人民政府办公厅关于调整本市最低工资标准的通知》的政策解读",
        "recipients": [], "written": D(2026, 7, 29), "published": D(2026, 7, 30),
        "classification": "public", "topics": ["employment"], "drafter": "hrss",
        "disclosure": "active", "index_no": "000014349/2026-00018",
        "relations": [{"type": "interprets", "target": "doc-2026-116"}],
        "summary": "解读本市最低工资标准调整的背景、主要内容和执行中需要注意的问题。",
        "body": INTERPRETATION_BODY,
    }
    return [order, provisional, interpretation]


def write(out: Path) -> None:
    """The new records and every attachment file, into the records folder out."""
    from make_sample import AGENCY_IDS, ALL_DISTRICTS, MAYOR, yaml_dump

    for rel, data in sorted(ATTACHMENT_FILES.items()):
        path = out / "attachments" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for d in new_documents(list(ALL_DISTRICTS), list(AGENCY_IDS), MAYOR):
        yaml_dump(out / f"documents/{d['written'].year}/{d['id']}.yaml", d)
