"""The numbered outline of a directive: ``I.``/``II.``, ``1.``, ``2.1.``, ``a)``, ``(1)``, ``-``/``+``.

Each paragraph that starts with a number or a bullet opens a section; the paragraphs after it, up to
the next one, are its body. Nesting follows the order in which the numbering styles appear (a style
seen before closes the sections opened since), which is how Vietnamese administrative documents
number (Decree 30/2020/NĐ-CP), whatever style a given document starts with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.drafting.folding import fold_keep

_ROMAN = r"(?P<roman>[IVX]{1,5})\s*[.:)]"
_DOTTED = r"(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?"
_ARABIC = r"(?P<arabic>\d{1,2})\s*(?P<arabic_end>[.)])"
_LETTER = r"(?P<letter>[a-zđ])\s*(?P<letter_end>[).])"
_PAREN = r"\(\s*(?P<paren>\d{1,2}|[a-zđ])\s*\)"
_BULLET = r"(?P<bullet>[-–—•+*●○▪►❖✓])"
_ARTICLE = r"(?:Điều|ĐIỀU|Dieu|DIEU)\s+(?P<article>\d{1,3})\s*[.:]"
LABEL = re.compile(rf"^(?:{_ARTICLE}|{_ROMAN}|{_DOTTED}|{_ARABIC}|{_PAREN}|{_LETTER}|{_BULLET})(?=\s*\S)\s*")

_VALID_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")


@dataclass
class Section:
    style: str
    piece: str
    """This section's own part of the ref: "III", "2", "3.1", "b", "(1)"; bullets are numbered later."""
    heading: str
    body: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = None
    ref: str = ""
    long_ref: str = ""
    line: int = 0
    """Index of the paragraph that opens the section."""

    @property
    def text(self) -> str:
        return " ".join([self.heading, *self.body]).strip()

    def chain(self) -> list[Section]:
        """This section and its ancestors, outermost first."""
        found: list[Section] = []
        node: Section | None = self
        while node is not None:
            found.append(node)
            node = node.parent
        return found[::-1]

    def walk(self) -> list[Section]:
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


def read_label(paragraph: str) -> tuple[str, str, str] | None:
    """(style, piece, rest of the paragraph) when the paragraph starts with a number or a bullet."""
    match = LABEL.match(paragraph)
    if match is None:
        return None
    rest = paragraph[match.end() :].strip()
    groups = match.groupdict()
    if groups["article"]:
        return "article", groups["article"], rest
    if groups["roman"]:
        if not _VALID_ROMAN.match(groups["roman"]):
            return None
        return "roman", groups["roman"], rest
    if groups["dotted"]:
        if re.match(r"^\d{4}\b|^/", rest):  # a date or a number such as 1.5 2020
            return None
        return f"dotted{groups['dotted'].count('.') + 1}", groups["dotted"], rest
    if groups["arabic"]:
        if groups["arabic_end"] == "." and not rest[:1].isalpha() and rest[:1] not in '“"(':
            return None  # "2. 000 hồ sơ" is not a section
        return ("arabic" if groups["arabic_end"] == "." else "arabic_paren"), groups["arabic"], rest
    if groups["paren"]:
        return ("paren_number" if groups["paren"].isdigit() else "paren_letter"), f"({groups['paren']})", rest
    if groups["letter"]:
        if groups["letter_end"] == "." and not rest[:1].isupper():
            return None  # "a. b" in a sentence; "a. Tổ chức" opens a section
        return "letter", groups["letter"], rest
    bullet = groups["bullet"]
    return ("plus" if bullet == "+" else "bullet"), "", rest


def outline(paragraphs: list[str]) -> tuple[list[str], list[Section]]:
    """The paragraphs before the first section, and the top-level sections."""
    roots: list[Section] = []
    stack: list[Section] = []
    preamble: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        label = read_label(paragraph)
        if label is None:
            if stack:
                stack[-1].body.append(paragraph)
            else:
                preamble.append(paragraph)
            continue
        style, piece, rest = label
        section = Section(style, piece, rest, line=index)
        styles = [s.style for s in stack]
        if style in styles:
            del stack[styles.index(style) :]
        elif style.startswith("dotted") and stack:
            # "2.1." after "2." is its child; after "1.3." (a sibling level) it closes that level.
            depth = int(style[6:])
            while stack and stack[-1].style.startswith("dotted") and int(stack[-1].style[6:]) >= depth:
                stack.pop()
        if stack:
            section.parent = stack[-1]
            stack[-1].children.append(section)
        else:
            roots.append(section)
        stack.append(section)
    _number(roots)
    return preamble, roots


def _number(roots: list[Section]) -> None:
    """Give bullets a piece (a, b, c … or 1, 2, 3 … beside lettered siblings) and every section its ref."""

    def visit(siblings: list[Section]) -> None:
        lettered = any(s.style == "letter" for s in siblings)
        count = 0
        for section in siblings:
            if section.style in ("bullet", "plus"):
                count += 1
                section.piece = str(count) if lettered or count > 26 else chr(ord("a") + count - 1)
            visit(section.children)

    visit(roots)
    for root in roots:
        for section in root.walk():
            pieces = [s.piece for s in section.chain()]
            section.long_ref = ".".join(pieces)
            dotted = [i for i, s in enumerate(section.chain()) if s.style.startswith("dotted")]
            section.ref = ".".join(pieces[dotted[0] :]) if dotted else section.long_ref


def heading_words(section: Section) -> str:
    """The folded heading, for the rules that read what a section is about."""
    return fold_keep(section.heading)
