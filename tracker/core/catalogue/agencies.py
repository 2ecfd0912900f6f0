"""Texts of the jurisdiction and agency commands (Vietnamese, English)."""

from __future__ import annotations

KINDS = (
    "department (sở, ban, ngành), district (huyện, thị xã, thành phố, xã, phường), central (trung ương), "
    "media (báo, đài), group (nhóm), other (khác)"
)
"""The agency kinds with the Vietnamese words read as each."""

JURISDICTION = (
    "Mã tỉnh, thành phố (bỏ qua được khi cơ sở dữ liệu chỉ có một).",
    "Jurisdiction code (may be left out when the database has one).",
)

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
    "kind.department": ("sở, ban, ngành", "department"),
    "kind.district": ("huyện, thị xã, thành phố", "district"),
    "kind.central": ("trung ương", "central"),
    "kind.media": ("báo, đài", "media"),
    "kind.group": ("nhóm", "group"),
    "kind.other": ("khác", "other"),
    # --- --help of the jurisdiction and agency commands ---------------------------------------------
    "help.global.database_url": (
        "Địa chỉ cơ sở dữ liệu (sqlite:///TỆP hoặc postgresql+psycopg://...).",
        "Database URL (sqlite:///FILE or postgresql+psycopg://...).",
    ),
    "help.global.as_of": (
        "Ngày tính tình trạng (mặc định: hôm nay). Ngày trước: 30/4/2020.",
        "Date to compute status at (default: today). Day first: 30/4/2020.",
    ),
    "help.global.actor": (
        "Tên ghi vào nhật ký thay đổi (mặc định: người dùng của máy).",
        "Name recorded in the audit log (default: the OS user).",
    ),
    "help.global.lang": ("Ngôn ngữ hiển thị.", "Language of the output."),
    "help.global.help": ("Xem hướng dẫn này rồi thoát.", "Show this message and exit."),
    "help.jurisdiction": (
        "Tỉnh, thành phố trực thuộc trung ương: xem, thêm, đổi tên (mã dùng cho tập lệnh).",
        "Provinces and centrally-run cities: list, add, rename (the code is for scripts).",
    ),
    "help.jurisdiction.list": (
        'Mọi tỉnh, thành phố: mã và tên. json: [{"code", "name"}].',
        'Every jurisdiction: its code and its name. json: [{"code", "name"}].',
    ),
    "help.jurisdiction.list.output_format": ("Dạng hiển thị.", "Output format."),
    "help.jurisdiction.add": (
        'Thêm tỉnh, thành phố: MÃ như quang-ninh, TÊN như "Tỉnh Quảng Ninh".',
        'A new jurisdiction: CODE such as quang-ninh, NAME such as "Tỉnh Quảng Ninh".',
    ),
    "help.jurisdiction.rename": (
        "Đặt tên TÊN cho tỉnh, thành phố MÃ (báo cáo và tiêu đề văn bản dùng tên này).",
        "Give the jurisdiction CODE the name NAME (reports and letterheads use it).",
    ),
    "help.agency": (
        "Cơ quan: xem, thêm, sửa (tên gọi khác, email, nhóm, loại), gộp cơ quan trùng.\n\nCác loại: " + KINDS + "; "
        "nhận cả từ tiếng Việt.",
        "Agencies: list, add, edit (aliases, emails, groups, kind), merge duplicates.\n\nKinds: " + KINDS + "; the "
        "Vietnamese words are accepted too.",
    ),
    "help.agency.list": (
        "Mọi cơ quan với loại, tên ngắn, tên gọi khác, email và nhóm.",
        "Every agency with its kind, short name, aliases, emails and groups.",
    ),
    "help.agency.list.output_format": ("Dạng hiển thị.", "Output format."),
    "help.agency.list.jurisdiction": JURISDICTION,
    "help.agency.add": (
        "Thêm cơ quan. Cơ quan đã có là lỗi: sửa bằng 'tracker agency edit'.",
        "A new agency. One that exists is an error: change it with 'tracker agency edit'.",
    ),
    "help.agency.add.jurisdiction": JURISDICTION,
    "help.agency.add.kind": (
        "Loại: " + KINDS + ".",
        "Kind: " + KINDS + ".",
    ),
    "help.agency.add.short_name": ("Tên ngắn, ví dụ: Sở NV.", "Short name, e.g. Sở NV."),
    "help.agency.add.aliases": ("Tên gọi khác (lặp lại được).", "Another name the agency goes by (repeatable)."),
    "help.agency.add.emails": (
        "Địa chỉ email nhận thư hằng ngày (lặp lại được).",
        "Email address for the digest (repeatable).",
    ),
    "help.agency.add.groups": ("Nhóm mà cơ quan thuộc về (lặp lại được).", "Group it belongs to (repeatable)."),
    "help.agency.edit": (
        "Sửa một cơ quan (tìm theo tên hoặc tên gọi khác): thực hiện hết các thay đổi hoặc không thay đổi gì.",
        "Change an agency (found by its name or an alias): all the changes or none.",
    ),
    "help.agency.edit.jurisdiction": JURISDICTION,
    "help.agency.edit.rename": ("Tên mới (tên cũ giữ làm tên gọi khác).", "New name (the old one stays as an alias)."),
    "help.agency.edit.kind": (
        "Loại: " + KINDS + ".",
        "Kind: " + KINDS + ".",
    ),
    "help.agency.edit.short_name": ("Tên ngắn (để trống để xóa).", "Short name (empty to clear)."),
    "help.agency.edit.add_alias": ("Thêm tên gọi khác (lặp lại được).", "Add an alias (repeatable)."),
    "help.agency.edit.remove_alias": ("Xóa tên gọi khác (lặp lại được).", "Remove an alias (repeatable)."),
    "help.agency.edit.add_email": ("Thêm địa chỉ email (lặp lại được).", "Add an email address (repeatable)."),
    "help.agency.edit.remove_email": ("Xóa địa chỉ email (lặp lại được).", "Remove an email address (repeatable)."),
    "help.agency.edit.add_group": ("Đưa vào nhóm (lặp lại được).", "Put it in a group (repeatable)."),
    "help.agency.edit.remove_group": ("Đưa ra khỏi nhóm (lặp lại được).", "Take it out of a group (repeatable)."),
    "help.agency.merge": (
        "Gộp cơ quan TRÙNG vào cơ quan GỘP_VÀO: chuyển phân công, tên gọi khác, email và nhóm; tên của cơ quan "
        "trùng thành tên gọi khác.",
        "Merge DUPLICATE into INTO: assignments, aliases, emails and groups move; DUPLICATE's name becomes an "
        "alias of INTO.",
    ),
    "help.agency.merge.jurisdiction": JURISDICTION,
    # --- --help of the reports -----------------------------------------------------------------------
    "help.report": (
        "Báo cáo: tình hình gửi báo cáo của một kỳ, bảng xếp hạng cơ quan, tiến độ một văn bản.",
        "Reports: submissions for a period, the agency scoreboard, one directive's progress.",
    ),
    "help.report.submissions": (
        "Cơ quan nào đã gửi báo cáo định kỳ của một kỳ (đúng hạn, muộn, chưa gửi), kèm tổng số.",
        "Who submitted a recurring report for one period (on time, late, not at all), with totals.",
    ),
    "help.report.submissions.task_text": ("Ví dụ 4515/KH-UBND:BC-HT hoặc BC-HT.", "e.g. 4515/KH-UBND:BC-HT or BC-HT."),
    "help.report.submissions.period": ("Kỳ, ví dụ 2020-02, 2020-Q3, 2020.", "e.g. 2020-02, 2020-Q3, 2020."),
    "help.report.agencies": (
        "Theo cơ quan: số được giao, xong đúng hạn, muộn, đang làm, quá hạn, tỷ lệ đúng hạn; tổng số.",
        "Per agency: assigned, done on time, late, in progress, overdue, on-time rate; totals.",
    ),
    "help.report.agencies.due_from": ("Tính các phân công có hạn từ ngày này.", "Count assignments due from this day."),
    "help.report.agencies.due_to": ("…đến ngày này.", "...to this day."),
    "help.report.directive": (
        "Mọi nhiệm vụ và phân công của một văn bản với tình trạng.",
        "Every task and assignment of one directive with its status.",
    ),
    "help.report.file_format": (
        "Mặc định: theo đuôi tên tệp --output (.xlsx, .docx, .csv, .md), không có thì in bảng.",
        "Default: from the --output name (.xlsx, .docx, .csv, .md), else a table.",
    ),
    "help.report.output": (
        "Ghi vào tệp này; đuôi tên tệp chọn định dạng.",
        "Write to this file; its ending picks the format.",
    ),
    "help.report.issuer": (
        "Tiêu đề DOCX: cơ quan ban hành, cấp trên trước, mỗi dòng một lần dùng (mặc định: theo tỉnh).",
        "DOCX header: issuing body, parent first, one line per option (default: from the province).",
    ),
    "help.report.place": (
        "Địa danh ở dòng ngày tháng của DOCX (mặc định: theo tỉnh).",
        "DOCX date line's place name (default: from the province).",
    ),
    "help.report.signer": (
        "Chức danh người ký trong DOCX (mặc định: CHÁNH VĂN PHÒNG).",
        "DOCX signature block title (default: CHÁNH VĂN PHÒNG).",
    ),
}
