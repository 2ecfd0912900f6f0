"""One string catalogue, Vietnamese and English, for everything a person reads."""

from __future__ import annotations

import locale
import os

LANGUAGES = ("vi", "en")

_CATALOGUE: dict[str, tuple[str, str]] = {
    # statuses
    "status.done_on_time": ("hoàn thành đúng hạn", "done on time"),
    "status.done_late": ("hoàn thành quá hạn", "done late"),
    "status.in_progress": ("đang thực hiện", "in progress"),
    "status.overdue": ("quá hạn", "overdue"),
    "status.standing": ("thường xuyên", "standing"),
    "status.withdrawn": ("đã rút", "withdrawn"),
    "status.due_soon": ("sắp đến hạn", "due soon"),
    "status.days_overdue": ("quá hạn {days} ngày", "{days} days overdue"),
    "status.days_late": ("xong, trễ {days} ngày", "done {days} days late"),
    "status.due_in": ("còn {days} ngày", "due in {days} days"),
    "short.done_on_time": ("Đúng hạn", "On time"),
    "short.done_late": ("Trễ hạn", "Late"),
    "short.in_progress": ("Đang làm", "In progress"),
    "short.overdue": ("Quá hạn", "Overdue"),
    "short.standing": ("Thường xuyên", "Standing"),
    "short.withdrawn": ("Đã rút", "Withdrawn"),
    # roles
    "role.lead": ("chủ trì", "lead"),
    "role.coordinating": ("phối hợp", "coordinating"),
    # columns
    "col.id": ("ID", "ID"),
    "col.due": ("Hạn", "Due"),
    "col.status": ("Tình trạng", "Status"),
    "col.agency": ("Cơ quan", "Agency"),
    "col.role": ("Vai trò", "Role"),
    "col.coordinating": ("Phối hợp", "Coordinating"),
    "col.task": ("Nhiệm vụ", "Task"),
    "col.directive": ("Văn bản", "Directive"),
    "col.period": ("Kỳ", "Period"),
    "col.deadline": ("Thời hạn", "Deadline"),
    "col.old": ("Cũ", "Old"),
    "col.new": ("Mới", "New"),
    "col.reason": ("Lý do", "Reason"),
    "col.decision": ("Quyết định", "Decision"),
    "col.by": ("Người thực hiện", "By"),
    "col.at": ("Thời điểm", "At"),
    "col.action": ("Thao tác", "Action"),
    "col.field": ("Trường", "Field"),
    # show
    "show.assignment": ("Phân công", "Assignment"),
    "show.directive": ("Văn bản", "Directive"),
    "show.issued": ("ngày", "of"),
    "show.task": ("Nhiệm vụ", "Task"),
    "show.agency": ("Cơ quan", "Agency"),
    "show.coordinating": ("Cơ quan phối hợp", "Coordinating"),
    "show.lead": ("Cơ quan chủ trì", "Lead"),
    "show.deadline": ("Thời hạn", "Deadline"),
    "show.original": ("ghi trong văn bản", "as written"),
    "show.first_due": ("hạn ban đầu", "first due"),
    "show.status": ("Tình trạng", "Status"),
    "show.completed": ("Hoàn thành", "Completed"),
    "show.result": ("Văn bản báo cáo", "Report"),
    "show.note": ("Ghi chú", "Note"),
    "show.changes": ("Điều chỉnh thời hạn", "Deadline changes"),
    "show.withdrawal": ("Rút nhiệm vụ", "Withdrawal"),
    "show.history": ("Lịch sử", "History"),
    "show.version": ("Phiên bản", "Version"),
    "show.period": ("Kỳ", "Period"),
    "show.as_of": ("tính đến ngày", "as of"),
    "list.none": ("Không có phân công nào khớp.", "No assignment matches."),
    "list.total": ("{count} phân công, tính đến ngày {as_of}", "{count} assignments, as of {as_of}"),
    "msg.done": ("Đã ghi nhận hoàn thành phân công {id} ngày {on}.", "Assignment {id} marked done on {on}."),
    "msg.reopened": ("Đã mở lại phân công {id}.", "Assignment {id} reopened."),
    "msg.extended": ("Đã gia hạn phân công {id} đến {to}.", "Assignment {id} extended to {to}."),
    "msg.withdrawn": ("Đã rút phân công {id}.", "Assignment {id} withdrawn."),
    "msg.noted": ("Đã ghi chú phân công {id}.", "Note saved on assignment {id}."),
    "msg.created": ("Đã tạo cơ sở dữ liệu {url}.", "Created the database {url}."),
    "msg.demo_created": (
        "Đã tạo cơ sở dữ liệu mẫu {url} (ngày xem mặc định {as_of}).",
        "Created the demo database {url} (default as-of date {as_of}).",
    ),
    "msg.synthetic": (
        "Đã tạo {count} phân công tổng hợp ở {provinces} tỉnh trong {seconds} giây (xem tại ngày {as_of}).",
        "Created {count} synthetic assignments in {provinces} provinces in {seconds} s (view them as of {as_of}).",
    ),
    "msg.upgraded": ("Cơ sở dữ liệu {url} đã ở phiên bản {revision}.", "The database {url} is at revision {revision}."),
    "msg.materialised": (
        "Đã tạo {count} kỳ báo cáo mới đến ngày {until}.",
        "Created {count} new occurrences up to {until}.",
    ),
    "ui.subtitle": ("Theo dõi nhiệm vụ", "Task tracker"),
    "ui.as_of": ("Tính đến", "As of"),
    "ui.shown": ("{count} phân công", "{count} assignments"),
    "ui.clear_hint": ("Esc: bỏ lọc", "Esc: clear filters"),
    "ui.chip_due_within": ("đến hạn trong {days} ngày", "due within {days} days"),
    "ui.search_placeholder": ("Tìm (không cần dấu): cơ quan, nhiệm vụ, số văn bản", "Search (diacritics optional)"),
    "ui.ok": ("Đồng ý", "OK"),
    "ui.cancel": ("Hủy", "Cancel"),
    "ui.done_title": ("Ghi nhận hoàn thành", "Mark done"),
    "ui.extend_title": ("Gia hạn", "Extend the deadline"),
    "ui.withdraw_title": ("Rút nhiệm vụ", "Withdraw"),
    "ui.note_title": ("Ghi chú", "Note"),
    "ui.as_of_title": ("Xem tại ngày", "Show as of"),
    "ui.field_received": ("Ngày nhận báo cáo", "Date received"),
    "ui.field_ref": ("Số văn bản báo cáo (vd. 18/BC-STP)", "Report reference (e.g. 18/BC-STP)"),
    "ui.field_new_date": ("Hạn mới", "New due date"),
    "ui.field_reason": ("Lý do", "Reason"),
    "ui.field_decision": ("Văn bản cho phép", "Decision reference"),
    "ui.field_effective": ("Từ ngày", "Effective from"),
    "ui.field_note": ("Ghi chú", "Note"),
    "ui.field_as_of": ("Ngày (ngày/tháng/năm)", "Date (day/month/year)"),
    "ui.nothing_selected": ("Chưa chọn phân công nào.", "No assignment selected."),
    "ui.conflict": ("Bản ghi vừa được người khác sửa; đã tải lại.", "Someone else changed this record; reloaded."),
    "ui.key_search": ("Tìm", "Search"),
    "ui.key_overdue": ("Quá hạn", "Overdue"),
    "ui.key_due_soon": ("Sắp đến hạn", "Due soon"),
    "ui.key_done": ("Hoàn thành", "Done"),
    "ui.key_extend": ("Gia hạn", "Extend"),
    "ui.key_as_of": ("Ngày xem", "As of"),
    "ui.key_help": ("Trợ giúp", "Help"),
    "ui.key_quit": ("Thoát", "Quit"),
    "ui.help_title": ("Phím tắt", "Keys"),
    "ui.help_text": (
        "↑↓ PgUp PgDn Home End  di chuyển      Enter  xem chi tiết (màn hình hẹp)\n"
        "/  tìm (không cần dấu)   o  quá hạn   w  sắp đến hạn (7 ngày)\n"
        "g  lọc theo cơ quan   s  theo tình trạng   p  theo kỳ   S  sắp xếp (hạn, cơ quan, tình trạng)\n"
        "Esc  bỏ mọi bộ lọc\n"
        "d  ghi nhận hoàn thành   r  mở lại   e  gia hạn   x  rút nhiệm vụ   n  ghi chú\n"
        "N  thêm văn bản và nhiệm vụ   A  thêm cơ quan\n"
        "v  văn bản (Enter: lọc theo văn bản)   a  kết quả theo cơ quan (s: sắp xếp, e: xuất tệp)\n"
        "m  bảng tổng hợp báo cáo định kỳ (c: chọn nhiệm vụ, e: xuất tệp)\n"
        "t  đổi ngày xem   l  Tiếng Việt / English   Ctrl+P  danh sách lệnh   ?  trợ giúp   q  thoát",
        "↑↓ PgUp PgDn Home End  move      Enter  details (narrow screens)\n"
        "/  search (diacritics optional)   o  overdue   w  due within 7 days\n"
        "g  filter by agency   s  by status   p  by period   S  sort (due date, agency, status)\n"
        "Esc  clear every filter\n"
        "d  mark done   r  reopen   e  extend the deadline   x  withdraw   n  note\n"
        "N  add a directive and its tasks   A  add an agency\n"
        "v  directives (Enter: filter by one)   a  agencies scoreboard (s: sort, e: export)\n"
        "m  submissions matrix of a recurring report (c: choose the task, e: export)\n"
        "t  change the as-of date   l  Tiếng Việt / English   Ctrl+P  command palette   ?  help   q  quit",
    ),
    "ui.add_task": ("Thêm nhiệm vụ (Ctrl+T)", "Add task (Ctrl+T)"),
    "ui.save": ("Lưu (Ctrl+S)", "Save (Ctrl+S)"),
    "ui.agency_form_title": ("Thêm cơ quan", "Add an agency"),
    "ui.agency_saved": ("Đã lưu cơ quan {name}.", "Saved agency {name}."),
    "ui.bad_email": ("Địa chỉ email không hợp lệ: {value}", "Not an email address: {value}"),
    "ui.bad_kind": ("Loại cơ quan phải là một trong: {kinds}", "Kind must be one of: {kinds}"),
    "ui.choose_task": ("Chọn nhiệm vụ báo cáo định kỳ", "Choose a recurring report"),
    "ui.col_done_total": ("Xong/Tổng", "Done/Total"),
    "ui.col_issued": ("Ngày ban hành", "Issued"),
    "ui.col_progress": ("Tiến độ", "Progress"),
    "ui.col_title": ("Trích yếu", "Title"),
    "ui.directive_form_title": (
        "Thêm văn bản giao nhiệm vụ (Ctrl+T: thêm nhiệm vụ vào danh sách, Ctrl+S: lưu, Esc: hủy)",
        "Add a directive and its tasks (Ctrl+T: add the task to the list, Ctrl+S: save, Esc: cancel)",
    ),
    "ui.directive_saved": (
        "Đã lưu văn bản: {created} phân công mới, {updated} cập nhật.",
        "Directive saved: {created} assignments created, {updated} updated.",
    ),
    "ui.records_changed": (
        "Văn bản đã có; đã thay đổi (ghi vào nhật ký): {changes}",
        "The directive existed; changed (recorded in the audit log): {changes}",
    ),
    "ui.directives_title": (
        "Văn bản giao nhiệm vụ, tính đến ngày {as_of} (Enter: xem các nhiệm vụ)",
        "Directives as of {as_of} (Enter: show their assignments)",
    ),
    "ui.duplicate_ref": ("Mã nhiệm vụ {ref} đã có trong danh sách.", "Task {ref} is already in the list."),
    "ui.export_title": ("Xuất tệp (.xlsx, .docx, .csv hoặc .md)", "Export (.xlsx, .docx, .csv or .md)"),
    "ui.field_path": ("Tên tệp", "File name"),
    "ui.field_number": ("Số hiệu văn bản (vd. 34/KH-UBND)", "Number (e.g. 34/KH-UBND)"),
    "ui.field_issued_on": ("Ngày ban hành", "Issued on"),
    "ui.field_kind": ("Loại văn bản (Kế hoạch, Thông báo, ...)", "Kind (plan, notice, ...)"),
    "ui.field_title": ("Trích yếu", "Title"),
    "ui.field_jurisdiction": ("Tỉnh (mã, vd. thanh-hoa)", "Province (code, e.g. thanh-hoa)"),
    "ui.field_task_ref": ("Mã nhiệm vụ (vd. 3.1.a)", "Task ref (e.g. 3.1.a)"),
    "ui.field_task_text": ("Nội dung nhiệm vụ", "Task"),
    "ui.field_task_lead": (
        "Cơ quan chủ trì (nhiều cơ quan: cách nhau bởi ;)",
        "Lead agency (several: separate with ;)",
    ),
    "ui.field_task_coordinating": ("Cơ quan phối hợp", "Coordinating agencies"),
    "ui.field_task_deadline": (
        "Thời hạn (vd. trước 30/4/2020, trước ngày 20 hằng tháng)",
        "Deadline (e.g. trước 30/4/2020, trước ngày 20 hằng tháng)",
    ),
    "ui.field_agency_name": ("Tên cơ quan", "Name"),
    "ui.field_agency_kind": ("Loại ({kinds})", "Kind ({kinds})"),
    "ui.field_short_name": ("Tên viết tắt", "Short name"),
    "ui.field_aliases": ("Tên gọi khác (cách nhau bởi ;)", "Other names (separate with ;)"),
    "ui.field_emails": ("Email nhận nhắc việc (cách nhau bởi ;)", "Reminder emails (separate with ;)"),
    "ui.key_agency": ("Cơ quan", "Agency"),
    "ui.key_back": ("Quay lại", "Back"),
    "ui.key_choose_task": ("Chọn nhiệm vụ", "Choose task"),
    "ui.key_directives": ("Văn bản", "Directives"),
    "ui.key_export": ("Xuất tệp", "Export"),
    "ui.find_directive": ("số hiệu hoặc trích yếu, không cần dấu", "number or title, diacritics optional"),
    "ui.more_rows": ("… và {count} văn bản nữa: gõ / để tìm", "… and {count} more: press / to find one"),
    "ui.key_sort": ("Sắp xếp", "Sort"),
    "ui.key_is": ("Phím: {keys}", "Key: {keys}"),
    "ui.no_recurring": ("Chưa có nhiệm vụ báo cáo định kỳ.", "There is no recurring report yet."),
    "ui.no_tasks": ("Thêm ít nhất một nhiệm vụ.", "Add at least one task."),
    "ui.pick_agency": ("Lọc theo cơ quan", "Filter by agency"),
    "ui.pick_hint": ("gõ vài chữ: noi vu, tnmt, ...", "type a few letters: noi vu, tnmt, ..."),
    "ui.pick_period": ("Lọc theo kỳ", "Filter by period"),
    "ui.pick_status": ("Lọc theo tình trạng", "Filter by status"),
    "ui.reading_recurring": ("định kỳ:", "recurring:"),
    "ui.required": ("Cần điền: {fields}.", "Required: {fields}."),
    "ui.saved": ("Đã lưu {path}", "Saved {path}"),
    "ui.sort_due": ("theo hạn", "by due date"),
    "ui.sort_agency": ("theo cơ quan", "by agency"),
    "ui.sort_status": ("theo tình trạng", "by status"),
    "ui.submissions_legend": (
        "✓ đúng hạn   ✓ ngày/tháng: trễ hạn   ✗ không có báo cáo   · chưa đến hạn   – đã rút   e: xuất tệp",
        "✓ on time   ✓ day/month: late   ✗ not submitted   · not yet due   – withdrawn   e: export",
    ),
    "ui.submissions_title": ("Tổng hợp báo cáo định kỳ", "Recurring report submissions"),
    "ui.submitted": ("Đã nộp", "Submitted"),
    "ui.task_section": ("Nhiệm vụ", "Tasks"),
    "cmd.search": ("Tìm kiếm", "Search"),
    "cmd.toggle_overdue": ("Lọc: quá hạn", "Filter: overdue"),
    "cmd.toggle_due_soon": ("Lọc: sắp đến hạn", "Filter: due soon"),
    "cmd.pick_agency": ("Lọc theo cơ quan", "Filter by agency"),
    "cmd.pick_status": ("Lọc theo tình trạng", "Filter by status"),
    "cmd.pick_period": ("Lọc theo kỳ", "Filter by period"),
    "cmd.sort": ("Đổi cách sắp xếp", "Change the sort order"),
    "cmd.clear": ("Bỏ mọi bộ lọc", "Clear every filter"),
    "cmd.done": ("Ghi nhận hoàn thành", "Mark done"),
    "cmd.reopen": ("Mở lại", "Reopen"),
    "cmd.extend": ("Gia hạn", "Extend the deadline"),
    "cmd.withdraw": ("Rút nhiệm vụ", "Withdraw"),
    "cmd.note": ("Ghi chú", "Edit the note"),
    "cmd.as_of": ("Đổi ngày xem", "Change the as-of date"),
    "cmd.scoreboard": ("Kết quả theo cơ quan", "Agencies scoreboard"),
    "cmd.directives": ("Danh sách văn bản", "Directives"),
    "cmd.submissions": ("Tổng hợp báo cáo định kỳ", "Submissions matrix"),
    "cmd.new_directive": ("Thêm văn bản và nhiệm vụ", "Add a directive"),
    "cmd.new_agency": ("Thêm cơ quan", "Add an agency"),
    "cmd.language": ("Tiếng Việt / English", "Tiếng Việt / English"),
    "cmd.help": ("Trợ giúp", "Help"),
    "mail.prefix": ("[Theo dõi nhiệm vụ]", "[Task tracker]"),
    "mail.counts": ("{overdue} quá hạn, {soon} sắp đến hạn", "{overdue} overdue, {soon} due soon"),
    "mail.overdue": ("Quá hạn", "Overdue"),
    "mail.due_soon": ("Sắp đến hạn", "Due soon"),
    "mail.coordinating": ("Phối hợp thực hiện", "Where you coordinate"),
    "mail.intro": (
        "Kính gửi: {agency}. Tính đến ngày {as_of}, các nhiệm vụ Quý cơ quan chủ trì sau đây đã quá hạn hoặc "
        "sắp đến hạn; đề nghị Quý cơ quan khẩn trương thực hiện và báo cáo.",
        "To: {agency}. As of {as_of}, these tasks your agency leads are overdue or due soon; please complete "
        "and report them.",
    ),
    "mail.footer": (
        "Thư này do hệ thống theo dõi nhiệm vụ gửi tự động; vui lòng không trả lời thư này.",
        "This message was sent automatically by the task tracker; please do not reply to it.",
    ),
    "mail.lead_agencies": ("Cơ quan chủ trì chưa hoàn thành", "Lead agencies not done"),
    "mail.summary": ("Tổng hợp", "Summary"),
    "mail.summary_intro": (
        "Tổng hợp nhiệm vụ quá hạn và sắp đến hạn tính đến ngày {as_of}, theo cơ quan chủ trì:",
        "Overdue and due-soon tasks as of {as_of}, by lead agency:",
    ),
    "mail.no_contact": ("Cơ quan chưa có địa chỉ email (không gửi được):", "Agencies without an email address:"),
    "mail.not_working_day": (
        "{day} không phải ngày làm việc; không gửi thư.",
        "{day} is not a working day; nothing sent.",
    ),
    "mail.report": (
        "{sent} thư đã gửi, {skipped} thư đã gửi trước đó ({as_of}).",
        "{sent} sent, {skipped} already sent earlier ({as_of}).",
    ),
    "ui.scoreboard_title": ("Kết quả thực hiện theo cơ quan, tính đến ngày {as_of}", "Agencies, as of {as_of}"),
    "ui.key_scoreboard": ("Cơ quan", "Agencies"),
    "score.assigned": ("Được giao", "Assigned"),
    "score.rate": ("Tỷ lệ đúng hạn", "On-time rate"),
    "report.no": ("STT", "No."),
    "report.on_time": ("Có báo cáo đúng hạn", "Submitted on time"),
    "report.late": ("Có báo cáo trễ hạn", "Submitted late"),
    "report.missing": ("Không có báo cáo", "Not submitted"),
    "report.received": ("Ngày nhận", "Received"),
    "report.reference": ("Số văn bản", "Reference"),
    "report.group_provincial": ("CẤP TỈNH", "PROVINCIAL"),
    "report.group_district": ("CẤP HUYỆN", "DISTRICT"),
    "report.total": ("Tổng số", "Total"),
    "report.jurisdiction": ("Tỉnh", "Jurisdiction"),
    "report.ref": ("Mục", "Ref"),
    "report.submissions_title": (
        "Các cơ quan, địa phương thực hiện báo cáo {number} ({ref}) kỳ {period}",
        "Agencies that submitted {number} ({ref}) for {period}",
    ),
    "report.submitted_count": (
        "{submitted} có báo cáo, {missing} không có báo cáo.",
        "{submitted} submitted, {missing} not.",
    ),
    "report.missing_list": ("Không có báo cáo: {names}.", "Not submitted: {names}."),
    "report.agencies_title": (
        "Kết quả thực hiện nhiệm vụ theo cơ quan, tính đến ngày {as_of}",
        "Agencies' record as of {as_of}",
    ),
    "report.range": (
        "Tính các nhiệm vụ có hạn từ {start} đến {end} (không kể nhiệm vụ thường xuyên).",
        "Counts assignments due from {start} to {end} (standing duties excluded).",
    ),
    "report.range_all": ("Tính mọi nhiệm vụ được giao.", "Counts every assignment."),
    "report.rate_note": (
        "Tỷ lệ đúng hạn = hoàn thành đúng hạn / (đúng hạn + trễ hạn + quá hạn); nhiệm vụ đã rút không tính.",
        "On-time rate = done on time / (on time + late + overdue); withdrawn assignments do not count.",
    ),
    "ics.name": ("Hạn nhiệm vụ", "Task deadlines"),
    "docx.issuer_default": ("……………………", "……………………"),
    "docx.motto_1": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "docx.motto_2": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "docx.number_line": ("Số: ……/BC-……", "No.: ……/BC-……"),
    "docx.date_line": ("{place}, ngày {d} tháng {m} năm {y}", "{place}, {d}/{m}/{y}"),
    "docx.kind": ("BÁO CÁO", "REPORT"),
    "docx.recipients": ("Nơi nhận:", "Recipients:"),
    "docx.recipients_1": ("- Như trên;", "- As above;"),
    "docx.recipients_2": ("- Lưu: VT.", "- Filed: VT."),
    "docx.signer_default": ("CHÁNH VĂN PHÒNG", "CHIEF OF OFFICE"),
    "docx.sign_hint": ("(Chữ ký, dấu)", "(Signature, seal)"),
    "docx.name_hint": ("……………………", "……………………"),
    "report.directive_title": (
        "Tiến độ thực hiện văn bản {number}, tính đến ngày {as_of}",
        "Progress of {number} as of {as_of}",
    ),
    "demo.heading": (
        "Phân công quá hạn tính đến ngày {as_of} (cơ sở dữ liệu mẫu)",
        "Overdue assignments as of {as_of} (demo database)",
    ),
}


def detect_language(configured: str = "") -> str:
    """The configured language, else the locale's (Vietnamese locales give "vi"), else "vi"."""
    if configured in LANGUAGES:
        return configured
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "vi" if value.lower().startswith("vi") else "en" if value.lower().startswith("en") else "vi"
    code = locale.getlocale()[0] or ""
    return "en" if code.lower().startswith("en") else "vi"


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The text for ``key`` in ``lang``, formatted with ``values``."""
    vi, en = _CATALOGUE[key]
    template = en if lang == "en" else vi
    return template.format(**values) if values else template
