"""Reading directive files: text, Markdown, Word (typed and automatic numbers), PDF; bad files are one error."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tracker.core.errors import TrackerError
from tracker.drafting.build import draft_file
from tracker.drafting.reading import read_lines

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _paragraph(text: str, num: tuple[int, int] | None = None) -> str:
    props = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>' if num else ""
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx(path: Path, paragraphs: list[str], numbering: str = "") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {W}><w:body>{''.join(paragraphs)}</w:body></w:document>")
        if numbering:
            archive.writestr("word/numbering.xml", f"<w:numbering {W}>{numbering}</w:numbering>")
    return path


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def test_docx_with_automatic_numbers(tmp_path: Path) -> None:
    path = _docx(
        tmp_path / "kh.docx",
        [
            _paragraph("KẾ HOẠCH"),
            _paragraph("Tổng kết năm 2020"),
            _paragraph("NHIỆM VỤ", (1, 0)),
            _paragraph("Sở Y tế", (1, 1)),
            _paragraph("Xây dựng kế hoạch, báo cáo trước 30/4/2021.", (1, 2)),
            _paragraph("Tổ chức tập huấn.", (1, 2)),
            _paragraph("Sở Tư pháp rà soát văn bản.", (1, 1)),
        ],
        NUMBERING,
    )
    found = draft_file(path)
    assert [(t.ref, t.lead, t.deadline) for t in found.tasks] == [
        ("I.1.a", ["Sở Y tế"], "trước 30/4/2021"),
        ("I.1.b", ["Sở Y tế"], ""),
        ("I.2", ["Sở Tư pháp"], ""),
    ]


def test_docx_with_typed_numbers_and_a_table(tmp_path: Path) -> None:
    table = (
        "<w:tbl><w:tr><w:tc>" + _paragraph("STT") + "</w:tc><w:tc>" + _paragraph("Nội dung") + "</w:tc></w:tr></w:tbl>"
    )
    path = _docx(tmp_path / "kh.docx", [_paragraph("1. Sở Nội vụ tổng hợp."), table])
    assert read_lines(path)[:3] == ["1. Sở Nội vụ tổng hợp.", "", "STT\tNội dung"]


def _pdf(path: Path, text: str | None) -> Path:
    """A one-page PDF, with ``text`` in its text layer (or no content at all)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode() if text is not None else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "cv.pdf", "1. So Noi vu chu tri, phoi hop voi So Tu phap ra soat truoc 30/4/2021.")
    found = draft_file(path)
    assert [(t.ref, t.lead, t.coordinating, str(t.due_on)) for t in found.tasks] == [
        ("1", ["So Noi vu"], ["So Tu phap"], "2021-04-30")
    ]


def test_pdf_without_text_says_it_is_probably_a_scan(tmp_path: Path) -> None:
    with pytest.raises(TrackerError) as raised:
        read_lines(_pdf(tmp_path / "scan.pdf", None))
    assert raised.value.key == "draft.error.pdf_no_text" and "scan" in str(raised.value)


@pytest.mark.parametrize(
    ("content", "name", "key"),
    [
        (b"", "empty.txt", "draft.error.empty"),
        (b"   \n\n  \n", "blank.txt", "draft.error.empty"),
        (b"\x00\x01\x02binary\x00" * 20, "data.txt", "draft.error.binary"),
        ("Sở Nội vụ".encode("cp1258", errors="replace") + b"\xff\xfe\xfa", "old.txt", "draft.error.not_utf8"),
        (b"not a pdf", "fake.pdf", "draft.error.not_kind"),
        (b"PK\x03\x04 broken", "broken.docx", "draft.error.docx"),
        (b"hello", "notes.rtf", "draft.error.suffix"),
    ],
)
def test_bad_files_are_one_error_naming_the_file(tmp_path: Path, content: bytes, name: str, key: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TrackerError) as raised:
        read_lines(path)
    assert raised.value.key == key
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)


def test_markdown_marks_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "kh.md"
    path.write_text("# KẾ HOẠCH\n\n**1. Sở Y tế** tổ chức *tập huấn*.\n", encoding="utf-8")
    assert [line for line in read_lines(path) if line] == ["KẾ HOẠCH", "1. Sở Y tế tổ chức tập huấn."]


def test_utf16_text(tmp_path: Path) -> None:
    path = tmp_path / "kh.txt"
    path.write_text("1. Sở Y tế tổ chức.\n", encoding="utf-16")
    assert read_lines(path)[0] == "1. Sở Y tế tổ chức."
