"""Finding the agencies a text names, and the groups of agencies ("các sở, ban, ngành cấp tỉnh").

Names come from three places, tried in this order at each point of the text: the database's agencies
and aliases (:class:`KnownNames`, given by the caller), the usual names of a province's agencies
(:mod:`tracker.drafting.lexicon`), and a rule for other names (a capitalised head such as "Sở" or
"Đài" and the words of the name after it, up to the verb that follows: "Sở Tư pháp tham mưu …" gives
"Sở Tư pháp"). Matching is done on folded text, so names that lost their diacritics in a scan match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from tracker.core.text import clean_name, fold
from tracker.drafting.folding import fold_keep
from tracker.drafting.lexicon import DEPARTMENTS, GROUP_STARTS, GROUP_WORDS, HEADS, PLACE_TAKING


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    written: str
    """The name as the text writes it."""
    name: str
    """The name to put in the draft: the database's own name when it knows the agency."""
    group: bool = False
    known: bool = False
    """Whether the database knows the name (always False when it has no agencies)."""


@dataclass
class KnownNames:
    """The database's agency names and aliases: folded name -> the agency's name."""

    names: dict[str, str] = field(default_factory=dict)
    groups: set[str] = field(default_factory=set)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, entries: Iterable[tuple[str, Iterable[str], bool]]) -> KnownNames:
        """From (name, aliases, is a group) triples."""
        known = cls()
        for name, aliases, is_group in entries:
            for spelling in (name, *aliases):
                if spelling.strip():
                    known.names.setdefault(_normal(spelling), name)
            if is_group:
                known.groups.add(name)
        return known

    def pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.names:
            self._pattern = _pattern(self.names)
        return self._pattern

    def __bool__(self) -> bool:
        return bool(self.names)

    def resolve(self, written: str) -> str | None:
        """The database's name for ``written``: exactly, with or without "tỉnh", or the longest known
        name the written one starts with ("Sở Nội vụ tỉnh Bắc Giang" -> "Sở Nội vụ")."""
        folded = _normal(written)
        for candidate in (folded, folded.replace(" tinh", ""), folded + " tinh", folded.removesuffix(" tinh")):
            if candidate in self.names:
                return self.names[candidate]
        best = ""
        for key in self.names:
            if len(key) > len(best) and folded.startswith(key + " ") and len(key.split()) >= 2:
                best = key
        return self.names[best] if best else None


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\s*([,;&-])\s*", r"\1 ", fold(text)).replace("- ", " - ")).strip()


def _pattern(spellings: Iterable[str]) -> re.Pattern[str] | None:
    folded = sorted({_flexible(fold(s)) for s in spellings if s.strip()}, key=len, reverse=True)
    if not folded:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(folded) + r")(?![\w])")


def _flexible(folded: str) -> str:
    """A regex for a folded name that admits other spacing around punctuation and "ủy"/"uỷ" alike."""
    parts = re.split(r"(\s+|[,;&/-])", folded)
    out = []
    for part in parts:
        if not part:
            continue
        if part.isspace():
            out.append(r"\s+")
        elif part in ",;&/-":
            out.append(r"\s*" + re.escape(part) + r"\s*")
        else:
            out.append(re.escape(part))
    return "".join(out).replace(r"\s+\s*", r"\s*").replace(r"\s*\s+", r"\s*")


_LEXICON = _pattern(DEPARTMENTS)
_HEAD = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted((re.escape(fold(h)) for h in HEADS), key=len, reverse=True)) + r")(?![\w])"
)
_GROUP_START = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(s) for s in GROUP_STARTS) + r")(?![\w])")
_GROUP_WORD = re.compile(
    r"\s*(?:" + "|".join(sorted((re.escape(w) for w in GROUP_WORDS), key=len, reverse=True)) + r")(?![\w])"
)
_TOKEN = re.compile(r"\s*([^\W\d_][\w]*|&|-|–)")
_STOP = {
    fold(w)
    for w in [
        "chủ",
        "trì",
        "phối",
        "hợp",
        "tham",
        "mưu",
        "tổ",
        "chức",
        "thực",
        "hiện",
        "triển",
        "khai",
        "tiến",
        "hành",
        "báo",
        "cáo",
        "gửi",
        "trình",
        "hướng",
        "dẫn",
        "có",
        "là",
        "được",
        "để",
        "về",
        "theo",
        "trong",
        "tại",
        "của",
        "cho",
        "với",
        "ngoài",
        "xây",
        "tổng",
        "đề",
        "căn",
        "rà",
        "kiểm",
        "chỉ",
        "đôn",
        "khẩn",
        "nghiên",
        "quản",
        "bố",
        "cung",
        "tăng",
        "đẩy",
        "tiếp",
        "nâng",
        "hoàn",
        "phổ",
        "lập",
        "tập",
        "giải",
        "chịu",
        "đảm",
        "bảo",
        "thường",
        "ban",
        "hành",
        "cập",
        "công",
        "sớm",
        "rà",
        "lựa",
        "thẩm",
        "dự",
        "tuyên",
        "vận",
        "theo",
        "đã",
        "đang",
        "sẽ",
        "cần",
        "phải",
        "và",
        "các",
        "những",
        "này",
        "đó",
        "trên",
        "từ",
        "đến",
        "như",
        "khi",
        "nếu",
        "sau",
        "trước",
        "khảo",
        "đánh",
        "tự",
        "lấy",
        "thu",
        "mở",
        "phát",
        "chuẩn",
        "sắp",
        "ứng",
        "duy",
        "tạo",
        "làm",
        "giám",
        "hỗ",
        "quy",
        "kịp",
        "nắm",
        "quán",
        "chấn",
        "cử",
        "đăng",
        "tuyển",
        "xét",
        "thông",
        "xử",
    ]
}
_PLACE = _pattern(PLACE_TAKING)
_LOCAL = re.compile(r"(?<![\w])(?:ubnd|uy ban nhan dan)\s+(?:huyen|thi xa|thanh pho|quan|xa|phuong|thi tran)(?![\w])")


def _capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _extend_name(text: str, folded: str, end: int, place: bool) -> int:
    """Where a name found up to ``end`` really ends: over "tỉnh" and a place name ("tỉnh Thanh Hóa"),
    and for names that a place completes, over the place ("Báo Thanh Hóa")."""
    match = re.match(r"\s+tinh(?![\w])", folded[end:])
    if match:
        end += match.end()
        place = True
    if place:
        words = 0
        while words < 3:
            token = _TOKEN.match(text, end)
            if token is None or not _capitalised(token.group(1)) or _HEAD.match(folded, token.start(1)):
                break
            end = token.end()
            words += 1
    return end


def _rule_name(text: str, folded: str, start: int, head_end: int) -> int | None:
    """The end of a name that starts with a head word, or None when what follows is not a name.

    The name goes on over capitalised words, the lowercase words after one (at most three: "Giao
    thông vận tải"), "và", "-" and "&" between capitalised words, and a comma before a capitalised word
    that does not start another name ("Sở Văn hóa, Thể thao và Du lịch"); it stops at a verb."""
    end = head_end
    lowercase_run = 0
    words = 0
    position = head_end
    while True:
        comma = re.match(r"\s*,\s*", text[position:])
        at = position + comma.end() if comma else position
        token = _TOKEN.match(text, at)
        if token is None:
            break
        word = token.group(1)
        folded_word = folded[token.start(1) : token.end(1)]
        if comma and (not _capitalised(word) or _HEAD.match(folded, token.start(1)) or _TITLE.match(folded, at)):
            break
        if word in ("&", "-", "–") or folded_word in ("va",):
            after = _TOKEN.match(text, token.end())
            if after is None or not _capitalised(after.group(1)) or _HEAD.match(folded, after.start(1)):
                break
            position = token.end()
            continue
        if _capitalised(word):
            if words and _HEAD.match(folded, token.start(1)) and not comma:
                break
            lowercase_run = 0
        else:
            if folded_word in _STOP or lowercase_run >= 3 or words == 0:
                break
            lowercase_run += 1
        words += 1
        end = position = token.end()
    return end if words else None


_TITLE = re.compile(r"(?:chu tich|pho chu tich|giam doc|thu truong|truong ban|lanh dao)(?![\w])")
_PERSON = re.compile(r"(?:chu tich|pho chu tich|giam doc|thu truong|truong ban|lanh dao)\s+$")


def find_mentions(text: str, known: KnownNames | None = None) -> list[Mention]:
    """Every agency and group ``text`` names, in order, without overlaps (the longest name wins)."""
    folded = fold_keep(text)
    found: list[Mention] = []
    taken = [False] * len(text)

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    def add(start: int, end: int, group: bool) -> None:
        written = clean_name(text[start:end].strip(" ,;"))
        name = known.resolve(written) if known else None
        if name is None and group:
            name = _group_alias(written, known)
        is_group = group or (known is not None and name in known.groups)
        found.append(Mention(start, end, written, name or written, is_group, name is not None))
        for index in range(start, end):
            taken[index] = True

    for match in _GROUP_START.finditer(folded):
        if free(match.start(), match.end()):
            end = _group_end(folded, match.end())
            for start, stop in _split_groups(folded, match.start(), end):
                add(start, stop, True)
    spans: list[list[tuple[int, int]]] = [[], [], []]
    if known:
        pattern = known.pattern()
        if pattern is not None:
            spans[0].extend((m.start(), _extend_name(text, folded, m.end(), False)) for m in pattern.finditer(folded))
    if _LEXICON is not None:
        spans[1].extend((m.start(), _extend_name(text, folded, m.end(), False)) for m in _LEXICON.finditer(folded))
    if _PLACE is not None:
        for m in _PLACE.finditer(folded):
            end = _extend_name(text, folded, m.end(), True)
            if end > m.end() or " " in m.group(0):  # "Báo" alone is the start of "Báo cáo"
                spans[1].append((m.start(), end))
    for m in _LOCAL.finditer(folded):
        spans[1].append((m.start(), _extend_name(text, folded, m.end(), True)))
    for match in _HEAD.finditer(folded):
        if _capitalised(text[match.start()]):
            rule_end = _rule_name(text, folded, match.start(), match.end())
            if rule_end is not None:
                spans[2].append((match.start(), _extend_name(text, folded, rule_end, False)))
    # The database's names first, then the usual names, then the rule; the longest first within each.
    ranked = [(rank, start, end) for rank, group_spans in enumerate(spans) for start, end in group_spans]
    for _, start, end in sorted(ranked, key=lambda s: (s[0], -(s[2] - s[1]), s[1])):
        if free(start, end) and _capitalised(text[start]) and not _PERSON_ROLE(folded, start, end):
            add(start, end, False)
    return sorted(found, key=lambda m: m.start)


def _PERSON_ROLE(folded: str, start: int, end: int) -> bool:
    """ "Chủ tịch UBND tỉnh" is the province's chairman, whom reports go to, not an agency with tasks."""
    return bool(re.match(r"(?:ubnd|uy ban nhan dan) tinh", folded[start:end])) and bool(
        re.search(r"(?:chu tich|lanh dao)\s+$", folded[max(0, start - 20) : start])
    )


def _group_end(folded: str, end: int) -> int:
    while True:
        match = re.match(r"\s*[,]?\s*", folded[end:])
        at = end + (match.end() if match else 0)
        word = _GROUP_WORD.match(folded, at)
        if word is None:
            return end
        end = word.end()


def _split_groups(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "các sở, ban, ngành cấp tỉnh và các cơ quan Trung ương …" is two groups."""
    pieces = []
    for part in re.finditer(r"(?:(?!\s+va\s+cac\s|\s*;\s*).)+", folded[start:end]):
        text = part.group(0)
        stripped = re.sub(r"(?:[\s,]|\bva\b|\bcac\b|\bco\b|\bdong\b|\btren\b|\bthuoc\b)+$", "", text)
        if stripped.strip():
            lead = len(text) - len(text.lstrip(" ,"))
            if text[lead:].startswith("va cac "):
                lead += 3
            pieces.append((start + part.start() + lead, start + part.start() + len(stripped)))
    return pieces


def _group_alias(written: str, known: KnownNames | None) -> str | None:
    """A group written with or without "Các" at the start is the same group."""
    if not known:
        return None
    folded = _normal(written)
    for candidate in (folded.removeprefix("cac "), "cac " + folded):
        if candidate in known.names:
            return known.names[candidate]
    return None
