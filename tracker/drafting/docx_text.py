"""The text of a .docx file read from its XML (the standard library's ZIP and XML readers): paragraphs
and table rows in document order, each automatically numbered paragraph preceded by the number Word
shows for it ("2.1.", "a)", "(1)", "III."), since directives typed in Word often number that way."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstract id -> level -> format
    nums: dict[str, str] = field(default_factory=dict)  # num id -> abstract id
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, level: int) -> str:
        abstract = self.nums.get(num_id)
        if abstract is None or num_id == "0":
            return ""
        formats = self.levels.get(abstract, {})
        counts = self.counters.setdefault(abstract, {})
        counts[level] = counts.get(level, formats.get(level, _Level()).start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        own = formats.get(level, _Level())
        if own.fmt == "bullet":
            return "-"
        text = own.text
        for index in range(level + 1):
            value = counts.get(index, formats.get(index, _Level()).start)
            text = text.replace(f"%{index + 1}", _render(value, formats.get(index, _Level()).fmt))
        return text.strip()


def _render(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    parts = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for number, letters in parts:
        while value >= number:
            out += letters
            value -= number
    return out


def _numbering(archive: zipfile.ZipFile) -> _Numbering:
    found = _Numbering()
    if "word/numbering.xml" not in archive.namelist():
        return found
    root = ElementTree.fromstring(archive.read("word/numbering.xml"))
    for abstract in root.iter(f"{W}abstractNum"):
        levels: dict[int, _Level] = {}
        for lvl in abstract.iter(f"{W}lvl"):
            level = _Level()
            start, fmt, text = lvl.find(f"{W}start"), lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText")
            if start is not None:
                level.start = int(start.get(f"{W}val", "1"))
            if fmt is not None:
                level.fmt = fmt.get(f"{W}val", "decimal")
            if text is not None:
                level.text = text.get(f"{W}val", "")
            levels[int(lvl.get(f"{W}ilvl", "0"))] = level
        found.levels[abstract.get(f"{W}abstractNumId", "")] = levels
    for num in root.iter(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is not None:
            found.nums[num.get(f"{W}numId", "")] = ref.get(f"{W}val", "")
    return found


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)


def docx_lines(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        body = ElementTree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
        numbering = _numbering(archive)
    lines: list[str] = []
    if body is None:
        return lines
    for element in body:
        if element.tag == f"{W}p":
            text = _paragraph_text(element)
            num = element.find(f"{W}pPr/{W}numPr")
            if num is not None and text.strip():
                num_id, level = num.find(f"{W}numId"), num.find(f"{W}ilvl")
                label = numbering.label(
                    num_id.get(f"{W}val", "0") if num_id is not None else "0",
                    int(level.get(f"{W}val", "0")) if level is not None else 0,
                )
                text = f"{label} {text}" if label else text
            lines.extend(text.split("\n"))
            lines.append("")
        elif element.tag == f"{W}tbl":
            for row in element.iter(f"{W}tr"):
                cells = ["".join(_paragraph_text(p) for p in cell.iter(f"{W}p")).strip() for cell in row.iter(f"{W}tc")]
                lines.append("\t".join(dict.fromkeys(cells)))
            lines.append("")
    return lines
