"""Texts of the jurisdiction and agency commands (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "agency.col.code": ("Mã", "Code"),
    "agency.col.name": ("Tên", "Name"),
    "agency.col.jurisdiction": ("Tỉnh", "Jurisdiction"),
    "agency.col.kind": ("Loại", "Kind"),
    "agency.col.short": ("Tên ngắn", "Short name"),
    "agency.col.aliases": ("Tên gọi khác", "Aliases"),
    "agency.col.emails": ("Email", "Emails"),
    "agency.col.groups": ("Nhóm", "Groups"),
    "agency.none": (
        'chưa có cơ quan nào; thêm bằng: tracker agency add "Sở Nội vụ", hoặc nhập danh sách: '
        "tracker import --agencies co-quan.xlsx (mẫu: tracker import --agencies --template xlsx).",
        'no agencies yet; add one with: tracker agency add "Sở Nội vụ", or import a list: '
        "tracker import --agencies co-quan.xlsx (template: tracker import --agencies --template xlsx).",
    ),
    "jurisdiction.none": (
        'chưa có tỉnh, thành phố nào; tạo bằng: tracker jurisdiction add quang-ninh "Tỉnh Quảng Ninh".',
        'no jurisdictions yet; create one with: tracker jurisdiction add quang-ninh "Tỉnh Quảng Ninh".',
    ),
    "jurisdiction.added": ("đã tạo {name} (mã {code}).", "created {name} (code {code})."),
    "jurisdiction.renamed": ("đã đổi tên {code} thành {name}.", "renamed {code} to {name}."),
    "agency.added": ("đã thêm cơ quan '{name}'.", "added the agency '{name}'."),
    "agency.edited": ("đã cập nhật cơ quan '{name}'.", "updated the agency '{name}'."),
    "agency.unchanged": (
        "cơ quan '{name}' đã như vậy; không có gì thay đổi.",
        "the agency '{name}' is already so; nothing changed.",
    ),
    "agency.merged": (
        "đã gộp '{duplicate}' vào '{into}': chuyển {count} phân công; '{duplicate}' nay là tên gọi khác.",
        "merged '{duplicate}' into '{into}': {count} assignment(s) moved; '{duplicate}' is now an alias.",
    ),
    # agencies an import names: the ones it creates, and a short name it does not make one of
    "import.agencies_to_create": (
        "Cơ quan sẽ tạo mới ({count}): {names}",
        "Agencies that would be created ({count}): {names}",
    ),
    "import.agencies_created_names": ("Cơ quan đã tạo mới ({count}): {names}", "Agencies created ({count}): {names}"),
    "import.names_more": ("; … và {count} cơ quan khác", "; … and {count} more"),
    "import.agency_abbreviation": (
        "“{name}” là tên viết tắt, không phải tên hay tên gọi khác của cơ quan nào (tên viết tắt không được tạo "
        "thành cơ quan mới); ghi tên đầy đủ của cơ quan trong tệp, hoặc thêm nó làm tên gọi khác của cơ quan mà "
        "nó chỉ: {command}",
        "“{name}” is a short name, neither the name nor an alias of any agency (a short name is not made a new "
        "agency); write the agency's full name in the file, or add it as an alias of the agency it stands for: "
        "{command}",
    ),
    "import.abbreviation_edit": (
        'tracker agency edit "{agency}" --add-alias "{name}"',
        'tracker agency edit "{agency}" --add-alias "{name}"',
    ),
    "import.abbreviation_add": (
        'tracker agency add "{agency}" --alias "{name}", rồi nhập lại tệp',
        'tracker agency add "{agency}" --alias "{name}", then import the file again',
    ),
    "import.abbreviation_any": (
        'tracker agency edit "TÊN CƠ QUAN" --add-alias "{name}"',
        'tracker agency edit "AGENCY NAME" --add-alias "{name}"',
    ),
    "kind.department": ("sở, ban, ngành", "department"),
    "kind.district": ("huyện, thị xã, thành phố", "district"),
    "kind.central": ("trung ương", "central"),
    "kind.media": ("báo, đài", "media"),
    "kind.group": ("nhóm", "group"),
    "kind.other": ("khác", "other"),
}
