"""A report as a Word document in the administrative form of Nghị định 30/2020/NĐ-CP (Phụ lục I):

    UBND TỈNH THANH HÓA            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        VĂN PHÒNG                       Độc lập - Tự do - Hạnh phúc
    Số:      /BC-VP                 Thanh Hóa, ngày 15 tháng 6 năm 2020

                                 BÁO CÁO
                              <the title>
    <the table>
    <notes>
    Nơi nhận:                                   <SIGNER'S TITLE>
    - Như trên;                            (Ký, ghi rõ họ tên)
    - Lưu: VT.

A4, Times New Roman 13, margins 20/20/30/15 mm. The number and the names are left blank for the clerk.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tracker.core.text import one_line
from tracker.i18n import t
from tracker.reports.model import Report, cell_text

FONT = "Times New Roman"


def write_docx(report: Report, path: Path, lang: str = "vi") -> None:
    """Write ``report`` to ``path`` as a .docx a clerk can print after filling in the number and names."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    _east_asian_font(normal)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if len(report.header) > 6:  # wide tables read better across the page
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)

    as_of = report.dated or date.today()
    issuer = report.issuer or [t("docx.issuer_default", lang)]
    place = report.place or "……"
    head = document.add_table(rows=2, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = head.columns[0].cells, head.columns[1].cells
    _lines(left[0], [(line.upper(), index == len(issuer) - 1, False, False) for index, line in enumerate(issuer)])
    _lines(right[0], [(t("docx.motto_1", lang), True, False, False), (t("docx.motto_2", lang), True, False, True)])
    _lines(left[1], [(t("docx.number_line", lang), False, False, False)])
    dated = t("docx.date_line", lang, place=place, d=as_of.day, m=as_of.month, y=as_of.year)
    _lines(right[1], [(dated, False, True, False)])
    for row in head.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for text, size in ((t("docx.kind", lang), 14), (report.title, 13)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(one_line(text))
        run.bold = True
        run.font.size = Pt(size)

    table = document.add_table(rows=1, cols=len(report.header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, name in zip(table.rows[0].cells, report.header, strict=True):
        _lines(cell, [(name, True, False, False)], size=11)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _repeat_first_row_on_every_page(document)
    for index, values in enumerate(report.rows):
        bold = index in report.group_rows
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            _lines(cell, [(cell_text(value), bold, False, False)], size=11)
            if not isinstance(value, str) or len(value) <= 3:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    for note in report.notes:
        document.add_paragraph(one_line(note))

    foot = document.add_table(rows=1, cols=2)
    recipients = [
        (t("docx.recipients", lang), True, True, False),
        (t("docx.recipients_1", lang), False, False, False),
        (t("docx.recipients_2", lang), False, False, False),
    ]
    _lines(foot.rows[0].cells[0], recipients, size=11)
    foot.rows[0].cells[0].paragraphs[0].runs[0].font.size = Pt(12)
    signature = [
        (report.signer or t("docx.signer_default", lang), True, False, False),
        (t("docx.sign_hint", lang), False, True, False),
        *[("", False, False, False)] * 3,
        (t("docx.name_hint", lang), True, False, False),
    ]
    _lines(foot.rows[0].cells[1], signature)
    for paragraph in foot.rows[0].cells[1].paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.core_properties.title = one_line(report.title)
    document.save(str(path))


def _lines(cell: Any, lines: list[tuple[str, bool, bool, bool]], size: int = 13) -> None:
    """Fill ``cell`` with one paragraph per (text, bold, italic, underline) line."""
    from docx.shared import Pt

    first = True
    for text, bold, italic, underline in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(one_line(text))
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.size = Pt(size)


def _east_asian_font(style: Any) -> None:
    """Word takes Vietnamese letters from the east-Asian font slot unless it is set too."""
    from docx.oxml.ns import qn

    fonts = style.element.rPr.rFonts
    fonts.set(qn("w:eastAsia"), FONT)


def _repeat_first_row_on_every_page(document: Any) -> None:
    """Repeat the header row of the table just added on every printed page (``w:tblHeader``, which
    python-docx has no property for), through the document's public XML element."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    first_row = document.element.body.findall(qn("w:tbl"))[-1].find(qn("w:tr"))
    properties = first_row.find(qn("w:trPr"))
    if properties is None:
        properties = OxmlElement("w:trPr")
        # trPr comes first in a row, after the optional table-level exceptions (w:tblPrEx).
        first_row.insert(1 if first_row.find(qn("w:tblPrEx")) is not None else 0, properties)
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)
