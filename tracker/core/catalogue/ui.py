"""Texts of the terminal UI: (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "ui.subtitle": ("Theo dõi nhiệm vụ", "Task tracker"),
    "ui.as_of": ("Tính đến", "As of"),
    "ui.shown": ("{count} phân công", "{count} assignments"),
    "ui.clear_hint": ("Esc: bỏ lọc", "Esc: clear filters"),
    "ui.chip_due_within": ("đến hạn trong {days} ngày", "due within {days} days"),
    "ui.search_placeholder": (
        "Tìm (không cần dấu): cơ quan, nhiệm vụ, số văn bản; #272: đến phân công 272",
        "Search (diacritics optional): agency, task, number; #272: go to assignment 272",
    ),
    "ui.ok": ("Đồng ý", "OK"),
    "ui.cancel": ("Hủy", "Cancel"),
    "ui.done_title": ("Ghi nhận hoàn thành", "Mark done"),
    "ui.extend_title": ("Gia hạn", "Extend the deadline"),
    "ui.withdraw_title": ("Rút nhiệm vụ", "Withdraw"),
    "ui.note_title": ("Ghi chú", "Note"),
    "ui.as_of_title": ("Xem tại ngày", "Show as of"),
    "ui.field_received": ("Ngày nhận báo cáo", "Date received"),
    "ui.field_ref": ("Số báo cáo (vd. 18/BC-STP)", "Report no. (e.g. 18/BC-STP)"),
    "ui.field_new_date": ("Hạn mới", "New due date"),
    "ui.field_reason": ("Lý do", "Reason"),
    "ui.field_decision": ("Văn bản cho phép", "Decision reference"),
    "ui.field_effective": ("Từ ngày", "Effective from"),
    "ui.field_note": ("Ghi chú", "Note"),
    "ui.field_as_of": ("Ngày (ngày/tháng/năm)", "Date (day/month/year)"),
    "ui.nothing_selected": ("Chưa chọn phân công nào.", "No assignment selected."),
    "ui.conflict": (
        "Phân công #{id} vừa được người khác sửa nên chưa lưu thay đổi của bạn. Danh sách đã được tải lại; "
        "hãy xem lại phân công này rồi thao tác lại.",
        "Assignment #{id} was just changed by someone else, so your change was not saved. The list has been "
        "reloaded; look at the assignment again, then redo the change.",
    ),
    "ui.province_will_be_created": (
        "{name} chưa có trong cơ sở dữ liệu; bấm {ok} lần nữa để tạo {name} (mã {code}) cùng cơ quan này.",
        "{name} is not in the database yet; press {ok} again to create {name} (code {code}) with this agency.",
    ),
    "ui.conflict_kept": (
        "Phân công #{id} vừa được người khác sửa nên chưa lưu thay đổi của bạn. Những gì bạn đã nhập vẫn "
        "còn dưới đây, trên bản mới nhất của phân công; xem lại rồi bấm {ok} để lưu.",
        "Assignment #{id} was just changed by someone else, so your change was not saved. What you typed is "
        "kept below, on the assignment as it is now; check it, then press {ok} to save it.",
    ),
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
        "/  tìm (không cần dấu; #272 Enter: đến phân công 272)   o  quá hạn   w  sắp đến hạn (7 ngày)\n"
        "g  lọc theo cơ quan   s  theo tình trạng   p  theo kỳ   S  sắp xếp (hạn, cơ quan, tình trạng)\n"
        "Esc  bỏ mọi bộ lọc   F5  tải lại (danh sách cũng tự cập nhật khi có người khác sửa)\n"
        "d  ghi nhận hoàn thành   r  mở lại   e  gia hạn   x  rút nhiệm vụ   n  ghi chú\n"
        "N  thêm văn bản và nhiệm vụ   A  thêm cơ quan   E  xuất danh sách đang xem (.xlsx, .csv)\n"
        "v  văn bản (Enter: lọc theo văn bản)   a  xếp hạng cơ quan (Enter: xem phân công, s: sắp xếp, e: xuất tệp)\n"
        "m  bảng tổng hợp báo cáo định kỳ (c: chọn nhiệm vụ, e: xuất tệp)\n"
        "t  đổi ngày xem   l  Tiếng Việt / English   Ctrl+P  danh sách lệnh   ?  trợ giúp   q  thoát",
        "↑↓ PgUp PgDn Home End  move      Enter  details (narrow screens)\n"
        "/  search (diacritics optional; #272 Enter: go to assignment 272)   o  overdue   w  due within 7 days\n"
        "g  filter by agency   s  by status   p  by period   S  sort (due date, agency, status)\n"
        "Esc  clear every filter   F5  reload (the list also follows other people's changes)\n"
        "d  mark done   r  reopen   e  extend the deadline   x  withdraw   n  note\n"
        "N  add a directive and its tasks   A  add an agency   E  export the list shown (.xlsx, .csv)\n"
        "v  directives (Enter: filter by one)   a  agencies scoreboard (Enter: its assignments, s: sort, e: export)\n"
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
    "ui.field_jurisdiction": ("Tỉnh (mã hoặc tên, vd. thanh-hoa)", "Province (code or name, e.g. thanh-hoa)"),
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
    "ui.key_agency": ("Lọc cơ quan", "Agency"),
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
    "ui.scoreboard_title": ("Kết quả thực hiện theo cơ quan, tính đến ngày {as_of}", "Agencies, as of {as_of}"),
    "ui.key_scoreboard": ("Xếp hạng", "Scoreboard"),
    "ui.word.overdue": ("Quá hạn", "Overdue"),
    "ui.word.in_progress": ("Đang thực hiện", "In progress"),
    "ui.word.due_soon": ("Sắp đến hạn", "Due soon"),
    "ui.word.done_on_time": ("Đúng hạn", "On time"),
    "ui.word.done_late": ("Trễ hạn", "Late"),
    "ui.word.standing": ("Thường xuyên", "Standing"),
    "ui.word.withdrawn": ("Đã rút", "Withdrawn"),
    "ui.status_days": ("{word} {days} ng.", "{word} {days}d"),
    "col.province": ("Tỉnh", "Province"),
    "ui.action.create": ("tạo", "created"),
    "ui.action.update": ("sửa", "changed"),
    "ui.action.deadline": ("đổi thời hạn", "deadline changed"),
    "ui.action.complete": ("hoàn thành", "done"),
    "ui.action.reopen": ("mở lại", "reopened"),
    "ui.action.extend": ("gia hạn", "extended"),
    "ui.action.withdraw": ("rút", "withdrawn"),
    "ui.action.note": ("ghi chú", "note"),
    "ui.action.import": ("nhập từ tệp", "imported"),
    "ui.field_word.completed_on": ("ngày", "on"),
    "ui.field_word.result_ref": ("báo cáo", "report"),
    "ui.field_word.due_on": ("hạn", "due"),
    "ui.field_word.deadline_text": ("thời hạn ghi trong văn bản", "deadline as written"),
    "ui.field_word.note": ("ghi chú", "note"),
    "ui.field_word.withdrawn_on": ("ngày rút", "withdrawn on"),
    "ui.field_word.title": ("trích yếu", "title"),
    "ui.field_word.issued_on": ("ngày ban hành", "issued on"),
    "ui.field_word.kind": ("loại", "kind"),
    "ui.field_word.issuer": ("cơ quan ban hành", "issuer"),
    "ui.field_word.text": ("nội dung", "text"),
    "ui.field_word.short_name": ("tên viết tắt", "short name"),
    "ui.field_word.aliases": ("tên gọi khác", "other names"),
    "ui.field_word.emails": ("email", "emails"),
    "ui.field_word.rule": ("định kỳ", "recurrence"),
    "ui.field_word.starts_on": ("bắt đầu", "starts on"),
    "ui.history_empty": ("(trống)", "(empty)"),
    "ui.detail_contacts": ("Liên hệ", "Contact"),
    "ui.key_note": ("Ghi chú", "Note"),
    "ui.key_open_agency": ("Xem phân công", "Its assignments"),
    "ui.key_open_directive": ("Lọc theo văn bản", "Its assignments"),
    "ui.left_view": (
        "Phân công #{id} không còn trong danh sách đang xem; con trỏ về đầu danh sách.",
        "Assignment #{id} is no longer in this list; the cursor is back at the top.",
    ),
    "ui.no_such_id": ("Không có phân công #{id}.", "There is no assignment #{id}."),
    "ui.not_a_date": (
        "“{value}” không phải là ngày; viết ngày trước, ví dụ 30/6/2020.",
        "“{value}” is not a date; write the day first, e.g. 30/6/2020.",
    ),
    "ui.not_one_date": (
        "“{value}” không chỉ một ngày; ghi hạn mới là một ngày, ví dụ 30/6/2020.",
        "“{value}” names no single day; give the new due date as one day, e.g. 30/6/2020.",
    ),
    "ui.field_required": ("Cần điền {field}.", "{field} is required."),
    "ui.done_again_title": ("Sửa thông tin hoàn thành", "Change the recorded completion"),
    "ui.already_done": (
        "Phân công này đã được ghi nhận hoàn thành ngày {on}, báo cáo {ref}. Lưu sẽ thay thế thông tin này "
        "(lịch sử giữ lại thông tin cũ).",
        "This assignment is already recorded as done on {on}, report {ref}. Saving replaces that (the "
        "history keeps the old values).",
    ),
    "ui.replace": ("Thay thế", "Replace"),
    "ui.msg_withdrawn": ("Đã rút phân công {id} từ ngày {on}.", "Assignment {id} withdrawn from {on}."),
    "ui.palette_placeholder": ("Tìm lệnh (không cần dấu)…", "Search for a command…"),
    "ui.palette_none": ("Không có lệnh nào khớp", "No command matches"),
    "ui.directive_exists": (
        "Văn bản {number} đã có trong cơ sở dữ liệu.",
        "Directive {number} exists already.",
    ),
    "ui.agency_exists": ("Cơ quan “{name}” đã có trong cơ sở dữ liệu.", "The agency “{name}” exists already."),
    "ui.would_change": ("Lưu sẽ thay đổi: {changes}.", "Saving changes: {changes}."),
    "ui.task_would_change": ("Nhiệm vụ {ref} sẽ thay đổi: {changes}.", "Task {ref} changes: {changes}."),
    "ui.nothing_would_change": ("Lưu không thay đổi thông tin đã có.", "Saving changes nothing recorded."),
    "ui.save_again": (
        "Nhấn Lưu (Đồng ý) lần nữa để xác nhận; thay đổi được ghi vào nhật ký.",
        "Press Save (OK) again to confirm; the change is recorded in the audit log.",
    ),
    "ui.score_sort_best": ("tốt nhất trước", "best first"),
    "ui.score_sort_worst": ("kém nhất trước (để đôn đốc)", "worst first (to chase)"),
    "ui.score_sort_overdue": ("nhiều quá hạn nhất trước", "most overdue first"),
    "ui.score_sort_agency": ("theo tên cơ quan", "by name"),
    "cmd.refresh": ("Tải lại danh sách", "Reload the list"),
    "ui.key_refresh": ("Tải lại", "Reload"),
    "ui.welcome": (
        "Cơ sở dữ liệu {url} chưa có văn bản hay cơ quan nào. Để bắt đầu:\n\n"
        "  1. Nhập danh sách nhiệm vụ từ tệp Excel/CSV. Lấy tệp mẫu:\n"
        "       tracker import --template xlsx mau-nhiem-vu.xlsx\n"
        "     điền vào, rồi nhập:  tracker import mau-nhiem-vu.xlsx --create-agencies\n\n"
        "  2. Hoặc thêm cơ quan (phím A) và văn bản với các nhiệm vụ (phím N) ngay tại đây.\n\n"
        "  3. Hoặc xem thử với dữ liệu mẫu:  tracker demo\n\n"
        "Sau khi nhập, mở lại màn hình này (hoặc nhấn F5).",
        "The database {url} holds no directive and no agency yet. To start:\n\n"
        "  1. Import your task list from an Excel/CSV file. Get the template:\n"
        "       tracker import --template xlsx tasks-template.xlsx\n"
        "     fill it in, then:  tracker import tasks-template.xlsx --create-agencies\n\n"
        "  2. Or add agencies (key A) and a directive with its tasks (key N) right here.\n\n"
        "  3. Or try the demo data:  tracker demo\n\n"
        "Once imported, open this screen again (or press F5).",
    ),
    "ui.welcome_with_agencies": (
        "Cơ sở dữ liệu {url} đã có {count} cơ quan nhưng chưa có văn bản nào. Tiếp theo:\n\n"
        "  1. Nhập danh sách nhiệm vụ từ tệp Excel/CSV. Lấy tệp mẫu:\n"
        "       tracker import --template xlsx mau-nhiem-vu.xlsx\n"
        "     điền vào, rồi nhập:  tracker import mau-nhiem-vu.xlsx\n\n"
        "  2. Hoặc thêm văn bản với các nhiệm vụ (phím N), thêm cơ quan (phím A) ngay tại đây.\n\n"
        "Sau khi nhập, mở lại màn hình này (hoặc nhấn F5).",
        "The database {url} holds {count} agencies but no directive yet. Next:\n\n"
        "  1. Import your task list from an Excel/CSV file. Get the template:\n"
        "       tracker import --template xlsx tasks-template.xlsx\n"
        "     fill it in, then:  tracker import tasks-template.xlsx\n\n"
        "  2. Or add a directive with its tasks (key N), or agencies (key A), right here.\n\n"
        "Once imported, open this screen again (or press F5).",
    ),
    "ui.export_suffix": (
        "{name}: tên tệp phải kết thúc bằng .xlsx, .docx, .csv hoặc .md.",
        "{name}: end the name with .xlsx, .docx, .csv or .md.",
    ),
    "ui.export_folder": ("Không có thư mục {folder}.", "{folder}: no such folder."),
    "ui.export_failed": ("Không ghi được tệp: {problem}", "Cannot write the file: {problem}"),
    "ui.agency_matches": (
        "Cơ quan khớp: {names} ({count}) — g: chỉ xem phân công của cơ quan",
        "Agencies named so: {names} ({count}) — g: only their assignments",
    ),
    "ui.saving": ("Đang lưu…", "Saving…"),
    "ui.reopen_title": ("Mở lại phân công?", "Reopen this assignment?"),
    "ui.reopen_notice": (
        "Kết quả hoàn thành ngày {on} (văn bản {ref}) sẽ bị xóa; phân công được tính lại là chưa hoàn thành.",
        "The completion of {on} (document {ref}) is removed; the assignment counts as not done again.",
    ),
    "ui.withdraw_notice": (
        "Phân công sẽ không còn được theo dõi và không tính vào quá hạn từ ngày có hiệu lực.",
        "The assignment is no longer tracked, nor counted as overdue, from the effective date.",
    ),
    "ui.done_after_as_of": (
        "Ngày {on} sau ngày xem {as_of}. Nếu đúng, nhấn Enter lần nữa để lưu.",
        "{on} is after the as-of date {as_of}. If it is right, press Enter again to save it.",
    ),
    "cmd.export": ("Xuất danh sách ra tệp", "Export the list"),
    "ui.export_list_title": ("Xuất danh sách đang xem (.xlsx hoặc .csv)", "Export the list shown (.xlsx or .csv)"),
    "ui.export_list_notice": (
        "Các phân công của bộ lọc hiện tại ({count}), theo mẫu nhập liệu: mỗi dòng một phân công chủ trì.",
        "The assignments of the current filter ({count}), in the import format: one row per lead assignment.",
    ),
    "ui.export_list_name": ("phan-cong", "assignments"),
    "ui.export_list_suffix": (
        "{name}: tên tệp phải kết thúc bằng .xlsx hoặc .csv.",
        "{name}: end the name with .xlsx or .csv.",
    ),
    "ui.export_exists": (
        "Tệp {path} đã có. Nhấn Enter lần nữa để ghi đè, hoặc đổi tên tệp.",
        "{path} exists already. Press Enter again to write over it, or change the name.",
    ),
    "ui.exporting": ("Đang xuất danh sách…", "Exporting the list…"),
    "ui.exported": ("Đã xuất {count} dòng vào {path}", "Exported {count} rows to {path}"),
}
