"""Provinces and centrally-run cities: reading one from an issuer ("UBND tỉnh Quảng Ninh") or a code
("quang-ninh"), and the names a document gives it ("Tỉnh Quảng Ninh", "UBND tỉnh Quảng Ninh",
"Quảng Ninh, ngày …").

The known names are the 63 provincial-level units before the 2025 arrangement and the 34 after it
(the later ones are among the earlier names, with Huế now a city); an issuer naming a province that
is not in the list ("UBND tỉnh Xyz") is still read from its capitalised words. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.core.text import clean_name, fold

CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
"""Centrally-run cities (thành phố trực thuộc trung ương)."""

PROVINCES = (
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
)
"""Provinces (tỉnh), as named before and after the 2025 arrangement."""

_VARIANTS = {
    "ho chi minh": ("hcm", "tp hcm", "tphcm", "sai gon"),
    "thua thien hue": ("thua thien - hue",),
    "dak lak": ("dac lac", "dak lac", "dac lak"),
    "dak nong": ("dac nong",),
    "bac kan": ("bac can",),
    "ba ria vung tau": ("ba ria - vung tau", "vung tau"),
}
"""Other spellings, folded, of some names."""

_PROVINCE_WORDS = ("tinh",)
_CITY_WORDS = ("thanh pho", "tp.", "tp")
_SEPARATORS = re.compile(r"[,;:()\[\]/\n]| - | – ")


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city: ``place`` is the bare name ("Quảng Ninh")."""

    place: str
    city: bool = False

    @property
    def name(self) -> str:
        """The jurisdiction's name: "Tỉnh Quảng Ninh", "Thành phố Hà Nội"."""
        return f"{'Thành phố' if self.city else 'Tỉnh'} {self.place}"

    @property
    def code(self) -> str:
        """The code scripts use: "quang-ninh", "ho-chi-minh"."""
        return slug(self.place)


def _key(text: str) -> str:
    """Folded, with hyphens and dots as spaces: "Bà Rịa-Vũng Tàu" and "Bà Rịa - Vũng Tàu" are one."""
    return " ".join(re.sub(r"[-–.]", " ", fold(text)).split())


def slug(text: str) -> str:
    """A code for a name: "Quảng Ninh" -> "quang-ninh"."""
    return "-".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def _known() -> dict[str, Province]:
    found: dict[str, Province] = {}
    for place in PROVINCES:
        found[_key(place)] = Province(place)
    for place in CITIES:
        found[_key(place)] = Province(place, city=True)
    for key, variants in _VARIANTS.items():
        for variant in variants:
            found.setdefault(_key(variant), found[key])
    return found


KNOWN = _known()
"""Every known province and city by its folded name (and other spellings)."""

_BY_CODE = {province.code: province for province in KNOWN.values()}


def by_code(code: str) -> Province | None:
    """The province whose code (or name, "Quảng Ninh", "Tỉnh Quảng Ninh") this is; None when unknown."""
    text = code.strip()
    found = _BY_CODE.get(text.lower()) or _BY_CODE.get(slug(text))
    if found is not None:
        return found
    return from_name(text)


def from_name(text: str) -> Province | None:
    """The province a name gives: "Quảng Ninh", "tỉnh Quảng Ninh", "TP. Hồ Chí Minh"; None when unknown."""
    key = _key(text)
    for word in (*_PROVINCE_WORDS, *(_key(w) for w in _CITY_WORDS)):
        if key.startswith(word + " ") and key[len(word) + 1 :] in KNOWN:
            return KNOWN[key[len(word) + 1 :]]
    return KNOWN.get(key)


def from_issuer(issuer: str) -> Province | None:
    """The province (or centrally-run city) whose body issued a directive, from the issuer as written.

    "UBND tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Lào Cai", "Chủ tịch UBND tỉnh Bắc Giang", "HĐND tỉnh
    Lai Châu", "Văn phòng UBND tỉnh Hà Giang", "UBND thành phố Hà Nội", "UBND TP. Hồ Chí Minh" name one;
    "Văn phòng Chính phủ", "Bộ Nội vụ" or "UBND thành phố Hạ Long" (a city within a province) do not.
    """
    text = clean_name(issuer)
    if not text:
        return None
    key = _key(text)
    words = key.split()
    for index in range(len(words)):
        for marker in (*_PROVINCE_WORDS, "thanh pho", "tp"):
            size = len(marker.split())
            if words[index : index + size] != marker.split():
                continue
            rest = words[index + size :]
            for end in range(len(rest), 0, -1):  # the longest known name that follows
                found = KNOWN.get(" ".join(rest[:end]))
                if found is not None and (marker == "tinh") != found.city:
                    return found
            if marker == "tinh":
                unknown = _unknown_province(text, index)
                if unknown is not None:
                    return unknown
    return None


def _unknown_province(text: str, word_index: int) -> Province | None:
    """A province not in the list, from the capitalised words after "tỉnh" ("UBND tỉnh Xyz Abc")."""
    words = text.split()
    if word_index >= len(words) or fold(words[word_index]) != "tinh":
        return None
    tail = _SEPARATORS.split(" ".join(words[word_index + 1 :]), maxsplit=1)[0].split()
    name: list[str] = []
    for word in tail:
        if not word[:1].isupper() or not word.replace("-", "").isalpha():
            break
        name.append(word)
    if not name or len(name) > 4:
        return None
    return Province(" ".join(w[:1].upper() + w[1:].lower() for w in name))


def letterhead(name: str) -> tuple[str, str]:
    """The issuing body and the place line's name for a jurisdiction called ``name``:
    "Tỉnh Quảng Ninh" -> ("UBND tỉnh Quảng Ninh", "Quảng Ninh"); "Thành phố Hồ Chí Minh" ->
    ("UBND Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"); any other name is used as it is."""
    name = clean_name(name)
    province = from_name(name)
    if province is None:
        return f"UBND {name}", name
    if province.city:
        place = province.name if province.place == "Hồ Chí Minh" else province.place
        return f"UBND {province.name}", place
    return f"UBND tỉnh {province.place}", province.place


def display_name(code: str, name: str) -> str:
    """What a person reads for a jurisdiction: its name, or the province's name when the stored name is
    only the code (jurisdictions created by older versions)."""
    if name and name != code:
        return name
    province = by_code(code)
    return province.name if province is not None else name or code


_KIND_PREFIXES = (
    # The provincial police and military commands: the province's documents list them with its own
    # departments (sở, ban, ngành cấp tỉnh), though their ministries run them.
    ("department", ("cong an tinh ", "bo chi huy quan su tinh ", "bo chi huy bo doi bien phong tinh ")),
    # Agencies of the central government, or run by it from the centre (ngành dọc): ministries, the tax,
    # customs, statistics, treasury, social insurance and state bank branches, courts and procuracies.
    (
        "central",
        (
            "bo ",
            "tong cuc ",
            "van phong chinh phu ",
            "van phong quoc hoi ",
            "cuc ",
            "chi cuc thue ",
            "chi cuc hai quan ",
            "chi cuc thong ke ",
            "kho bac ",
            "bao hiem xa hoi ",
            "ngan hang nha nuoc ",
            "ngan hang chinh sach ",
            "kiem toan nha nuoc ",
            "vien kiem sat ",
            "toa an ",
        ),
    ),
    # The province's own departments, offices and inspectorate, and the units of its departments.
    (
        "department",
        (
            "so ",
            "ban ",
            "chi cuc ",
            "van phong ubnd ",
            "van phong uy ban nhan dan ",
            "van phong hdnd ",
            "van phong hoi dong nhan dan ",
            "van phong doan dbqh ",
            "van phong doan dai bieu quoc hoi ",
            "thanh tra tinh ",
        ),
    ),
    (
        "district",
        tuple(
            f"{body} {unit} "
            for body in ("ubnd", "uy ban nhan dan")
            for unit in ("huyen", "quan", "thi xa", "thanh pho", "tp", "tx", "xa", "phuong", "thi tran")
        ),
    ),
    ("media", ("bao ", "dai phat thanh ", "dai truyen hinh ", "dai pt ", "tap chi ")),
)
"""The kind an agency's name shows, by how its name (folded, punctuation as spaces, a space after)
begins; the first that matches wins: "Bộ Chỉ huy Quân sự tỉnh" before "Bộ ", "Chi cục Thuế" before
"Chi cục ", "Bảo hiểm xã hội" before "Báo "."""

_CITY_UNITS = ("thanh pho", "tp")

_PROVINCIAL_BODIES = tuple(
    f"{body} {unit} " for body in ("cong an", "bo chi huy quan su", "thanh tra") for unit in _CITY_UNITS
)
"""Of a centrally-run city, the province's own ("Công an thành phố Hà Nội"); of a city within a
province, not ("Công an thành phố Hạ Long")."""

_CITY_BODIES = tuple(f"{body} {unit} " for body in ("ubnd", "uy ban nhan dan") for unit in _CITY_UNITS)
"""Of a centrally-run city, the city itself ("UBND thành phố Hà Nội"); else a district ("UBND thành
phố Hạ Long")."""

_NOT_AN_AGENCY_OF_ITS_KIND = ("ban chi huy quan su ",)
"""Names that begin as a kind's do but are not of it: a district's military command."""


def agency_kind_from_name(name: str) -> str:
    """The kind an agency's name shows ("Sở Nội vụ", "Công an tỉnh": department; "UBND huyện Vân Đồn":
    district; "Cục Thuế tỉnh", "Bộ Tư pháp": central; "Báo Quảng Ninh": media), else "other": for
    agencies an import creates."""
    key = " ".join(re.sub(r"[^a-z0-9&]+", " ", fold(name)).split()) + " "
    if key.startswith(_NOT_AN_AGENCY_OF_ITS_KIND):
        return "other"
    for body in (*_PROVINCIAL_BODIES, *_CITY_BODIES):
        if key.startswith(body):
            found = KNOWN.get(key[len(body) :].strip())
            if found is not None and found.city:
                return "department" if body in _PROVINCIAL_BODIES else "other"
            if body in _PROVINCIAL_BODIES:
                return "other"  # a city within a province: its police, not the province's
    for kind, prefixes in _KIND_PREFIXES:
        if key.startswith(prefixes):
            return kind
    return "other"


# --- reading a cell of agencies ----------------------------------------------------------------

_HEADS = (
    "so",
    "ubnd",
    "uy ban",
    "hdnd",
    "hoi dong",
    "ban",
    "cong an",
    "van phong",
    "thanh tra",
    "bo chi huy",
    "bo",
    "kho bac",
    "cuc",
    "chi cuc",
    "tong cuc",
    "dai",
    "bao",
    "bao hiem xa hoi",
    "tap chi",
    "truong",
    "hoc vien",
    "benh vien",
    "trung tam",
    "vien",
    "vien kiem sat",
    "toa an",
    "ngan hang",
    "chi nhanh",
    "hoi",
    "lien doan",
    "lien hiep",
    "lien minh",
    "mat tran",
    "doan",
    "phong",
    "hat kiem lam",
    "quy",
    "cong ty",
    "tong cong ty",
)
"""The folded words an agency's own name begins with ("Sở …", "UBND …", "Công an …", "Bệnh viện …")."""

_WHOLE_NAMES = ("tinh uy", "thanh uy", "huyen uy", "dang uy", "tinh doan", "thanh doan", "huyen doan")
"""Names that are whole in themselves, with or without more words ("Tỉnh ủy", "Tỉnh đoàn Hà Giang")."""

_NOT_NAMES = ("bao chi", "bao cao", "ban nganh", "so nganh", "so ban nganh")
"""Beginnings that are a head word in another sense: the press, a report, "sở, ban, ngành"."""

_JOINING = frozenset({"va", "&", "hoac", "voi", "cung", "cac", "-", "–"})
"""Words after which a head word names no agency of its own ("HĐND và UBND tỉnh")."""


def reads_as_agency_name(text: str) -> bool:
    """``text`` begins as an agency's own name does, as written: a capitalised head word ("Sở", "UBND",
    "Ủy ban", "Công an", "Văn phòng", "Bộ Chỉ huy", "Bệnh viện", "Tỉnh đoàn", …) then a name of its
    own ("Sở Nội vụ", "UBND thành phố Hà Giang", "Công an tỉnh"). Not "Thể thao và Du lịch" (the rest
    of "Sở Văn hóa, Thể thao và Du lịch"), "thị xã" or "ban" (of "sở, ban, ngành"), "Sở" alone, nor
    "HĐND và UBND tỉnh" (of "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh")."""
    text = clean_name(text)
    if not text[:1].isupper():
        return False
    words = _key(text).split()
    key = " ".join(words) + " "
    if key.startswith(tuple(n + " " for n in _NOT_NAMES)):
        return False
    if key.startswith(tuple(whole + " " for whole in _WHOLE_NAMES)):
        return True
    for head in _HEADS:
        size = len(head.split())
        if words[:size] == head.split() and len(words) > size and words[size] not in _JOINING:
            return True
    return False


_ABBREVIATION = re.compile(r"[^\W_](?:[^\W_]|[&.\-])*\Z")


def is_abbreviation(text: str) -> bool:
    """``text`` is a short name in capitals, not a name: one word of at most 12 letters, digits and
    "&.-", mostly capitals ("STP", "SNgV", "BHXH", "TT&DL", "UBND"); not "Sở", "Tỉnh ủy" or "VnExpress"."""
    text = text.strip()
    if not 2 <= len(text) <= 12 or not _ABBREVIATION.match(text):
        return False
    upper = sum(1 for c in text if c.isupper())
    lower = sum(1 for c in text if c.islower())
    return upper >= 2 and upper > lower


def initials(name: str) -> set[str]:
    """The short names (folded) an agency's name may be written as, from its words' first letters:
    "Sở Tư pháp" -> {"stp"}, "Sở Kế hoạch và Đầu tư" -> {"skhdt"}, "Công an tỉnh" -> {"cat", "ca"},
    "Văn phòng UBND tỉnh" -> {"vpubndt", "vpubnd"}; a word in capitals counts whole."""
    letters: list[str] = []
    for word in clean_name(name).split():
        bare = word.strip("().,;:")
        folded = fold(bare)
        if not folded or folded in _JOINING:
            continue
        letters.append(folded if len(bare) > 1 and bare.isupper() else folded[0])
    found = {"".join(letters)}
    words = fold(clean_name(name)).split()
    if letters and words and words[-1] == "tinh":  # "Công an tỉnh" is CAT, and CA
        found.add("".join(letters[:-1]))
    return {f for f in found if len(f) >= 2}


def abbreviation_key(text: str) -> str:
    """A short name as :func:`initials` gives it: "TT&DL" -> "ttdl", "SKHĐT" -> "skhdt"."""
    return re.sub(r"[^a-z0-9]", "", fold(text))
