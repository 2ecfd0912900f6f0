"""Texts of the directive drafter: (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Files that cannot be read: one line naming the file and what to do.
    "draft.error.no_file": (
        "{path}: không có tệp này; kiểm tra lại đường dẫn.",
        "{path}: no such file; check the path.",
    ),
    "draft.error.empty": (
        "{path}: tệp trống, không có chữ nào để lập dự thảo; chọn đúng tệp văn bản.",
        "{path}: the file is empty, there is no text to draft from; choose the directive's file.",
    ),
    "draft.error.binary": (
        "{path}: tệp không phải văn bản chữ (có thể là tệp nhị phân); dùng tệp .txt, .md, .docx hoặc .pdf.",
        "{path}: the file is not text (it looks binary); use a .txt, .md, .docx or .pdf file.",
    ),
    "draft.error.not_utf8": (
        "{path}: dòng {line} không phải mã UTF-8; lưu lại tệp dưới dạng UTF-8 rồi thử lại.",
        "{path}: line {line} is not UTF-8; save the file as UTF-8 and try again.",
    ),
    "draft.error.not_kind": (
        "{path}: tệp mang đuôi {kind} nhưng nội dung không phải {kind}; mở và lưu lại tệp bằng phần mềm soạn thảo.",
        "{path}: the name says {kind} but the content is not {kind}; open and save it again in its program.",
    ),
    "draft.error.suffix": (
        "{path}: không đọc được tệp {suffix}; các loại tệp đọc được: {known}.",
        "{path}: cannot read {suffix} files; the kinds read are {known}.",
    ),
    "draft.error.docx": (
        "{path}: không mở được tệp Word ({detail}); lưu lại tệp dưới dạng .docx rồi thử lại.",
        "{path}: cannot open it as a Word file ({detail}); save it again as .docx and try again.",
    ),
    "draft.error.pdf": (
        "{path}: không mở được tệp PDF ({detail}); xuất lại tệp PDF hoặc dùng bản .docx.",
        "{path}: cannot open it as a PDF ({detail}); export the PDF again or use the .docx.",
    ),
    "draft.error.pdf_locked": (
        "{path}: tệp PDF có mật khẩu; gỡ mật khẩu hoặc dùng bản .docx.",
        "{path}: the PDF is password-protected; remove the password or use the .docx.",
    ),
    "draft.error.pdf_no_text": (
        "{path}: tệp PDF ({pages} trang) không có lớp chữ, có thể là bản quét ảnh; nhận dạng chữ (OCR) "
        "trước hoặc dùng bản .docx.",
        "{path}: the PDF ({pages} page(s)) has no text layer, it is probably a scan; run text recognition "
        "(OCR) on it first or use the .docx.",
    ),
    "draft.error.no_sections": (
        "không tìm thấy mục đánh số nào (như I., 1., 2.1., a), (1), -), nên không lập được nhiệm vụ; "
        "đã đọc được: {found}. Dự thảo chỉ có phần đầu văn bản.",
        "no numbered sections found (such as I., 1., 2.1., a), (1), -), so no tasks could be drafted; "
        "found: {found}. The draft holds the header only.",
    ),
    "draft.error.no_tasks": (
        "có {sections} mục lớn nhưng không mục nào giao nhiệm vụ cho cơ quan; đã đọc được: {found}. "
        "Dự thảo chỉ có phần đầu văn bản.",
        "{sections} top-level section(s) but none assigns a task to an agency; found: {found}. "
        "The draft holds the header only.",
    ),
    "draft.error.format": (
        "định dạng {format!r} không có; chọn json, csv hoặc xlsx.",
        "there is no format {format!r}; choose json, csv or xlsx.",
    ),
    "draft.error.binary_to_stdout": (
        "không thể ghi {format} ra màn hình; thêm --output TỆP.{format}.",
        "{format} cannot be written to standard output; add --output FILE.{format}.",
    ),
    "draft.nothing_in_header": ("không có số hiệu, loại hay ngày văn bản", "no number, kind or date"),
    # Doubts written into the draft's notes for the clerk.
    "draft.note.no_number": ("Không tìm thấy số hiệu văn bản: cần điền.", "Document number not found: fill it in."),
    "draft.note.no_issued_on": ("Không tìm thấy ngày ban hành: cần điền.", "Date of issue not found: fill it in."),
    "draft.note.no_kind": ("Không xác định được loại văn bản: cần điền.", "Kind of document not found: fill it in."),
    "draft.note.no_issuer": (
        "Không tìm thấy cơ quan ban hành: cần điền.",
        "Issuing body not found: fill it in.",
    ),
    "draft.note.no_title": ("Không tìm thấy trích yếu: cần điền.", "Subject line not found: fill it in."),
    "draft.note.issuer_from_closing": (
        "Cơ quan ban hành lấy từ câu kết của báo cáo ({issuer}): cần kiểm tra.",
        "Issuer taken from the report's closing sentence ({issuer}): check it.",
    ),
    "draft.note.left_out": (
        "Các mục không giao cho cơ quan nào nên không lập nhiệm vụ: {refs}.",
        "Sections that assign to no agency, left out: {refs}.",
    ),
    "draft.note.lead_is_reporter": (
        "Mục không nêu cơ quan chủ trì; giao cho cơ quan báo cáo ({agency}): cần kiểm tra.",
        "The section names no lead; the reporting agency ({agency}) is assumed: check it.",
    ),
    "draft.note.other_deadlines": (
        "Mục còn nêu thời hạn khác: {others}: cần kiểm tra.",
        "The section gives other deadlines too: {others}: check which applies.",
    ),
    "draft.note.deadline_from_heading": (
        "Thời hạn lấy theo tiêu đề mục ({deadline}).",
        "Deadline from the section's heading ({deadline}).",
    ),
    "draft.note.unknown_agencies": (
        "Chưa có trong danh sách cơ quan: {names}: sửa tên hoặc nhập với --create-agencies.",
        "Not in the agency list: {names}: correct the name or import with --create-agencies.",
    ),
    # What the import says of a draft's doubts (it never stores them).
    "draft.doubts_not_imported": (
        "Cột “{column}” (những điểm bản dự thảo đề nghị kiểm tra) không được nhập; ghi chú cho nhiệm vụ "
        "xin ghi ở cột “note”",
        "The column '{column}' (what the drafter asks you to check) is not imported; write a note for an "
        "assignment in the 'note' column",
    ),
    # The review screen (tracker draft FILE --review).
    "draft.review.title": ("Rà soát dự thảo: {path}", "Review the draft: {path}"),
    "draft.review.head": (
        "{kind} {number} · {issued} · {issuer} · giữ {kept}/{total} nhiệm vụ",
        "{kind} {number} · {issued} · {issuer} · {kept} of {total} task(s) kept",
    ),
    "draft.review.missing": ("(chưa có)", "(none)"),
    "draft.review.doubts": ("Cần kiểm tra: {doubts}", "Check: {doubts}"),
    "draft.review.no_tasks": ("Dự thảo không có nhiệm vụ nào.", "The draft has no tasks."),
    "draft.review.col_ref": ("Mục", "Ref"),
    "draft.review.col_lead": ("Chủ trì", "Lead"),
    "draft.review.col_due": ("Hạn", "Due"),
    "draft.review.label_text": ("Nội dung", "Task"),
    "draft.review.label_lead": ("Chủ trì", "Lead"),
    "draft.review.label_coordinating": ("Phối hợp", "Coordinating"),
    "draft.review.label_deadline": ("Thời hạn", "Deadline"),
    "draft.review.label_doubts": ("Cần kiểm tra", "Check"),
    "draft.review.dropped": (
        "Đã bỏ: nhiệm vụ này không được nhập (x để giữ lại).",
        "Dropped: this task is not imported (x to keep it).",
    ),
    "draft.review.standing": ("thường xuyên (không có hạn ngày)", "standing (no due date)"),
    "draft.review.standing_short": ("thường xuyên", "standing"),
    "draft.review.recurring": ("định kỳ", "recurring"),
    "draft.review.keys": (
        "↑↓ chọn · Enter sửa · l chủ trì · d thời hạn · r mục · x bỏ/giữ · h văn bản · a nhập · Tab · q thoát",
        "↑↓ select · Enter edit · l lead · d deadline · r ref · x drop/keep · h header · a accept · Tab · q quit",
    ),
    "draft.review.edit_title": ("Sửa nhiệm vụ {ref}", "Edit task {ref}"),
    "draft.review.field_ref": ("Mục (số thứ tự, như 2.1.a)", "Ref (numbering, such as 2.1.a)"),
    "draft.review.field_lead": (
        "Cơ quan chủ trì (nhiều tên cách nhau bằng dấu ;)",
        "Lead agencies (names separated by ;)",
    ),
    "draft.review.field_coordinating": (
        "Cơ quan phối hợp (cách nhau bằng dấu ;)",
        "Coordinating agencies (separated by ;)",
    ),
    "draft.review.field_deadline": (
        "Thời hạn, như trong văn bản (để trống nếu là nhiệm vụ thường xuyên)",
        "Deadline, worded as in the text (empty for a standing duty)",
    ),
    "draft.review.header_title": ("Sửa thông tin văn bản", "Edit the directive"),
    "draft.review.field_number": ("Số hiệu văn bản (như 34/KH-UBND)", "Number (such as 34/KH-UBND)"),
    "draft.review.field_issued_on": ("Ngày ban hành (ngày/tháng/năm)", "Date of issue (day/month/year)"),
    "draft.review.field_kind": ("Loại văn bản (Kế hoạch, Báo cáo, …)", "Kind (Kế hoạch, Báo cáo, …)"),
    "draft.review.field_issuer": (
        "Cơ quan ban hành (như UBND tỉnh Thanh Hóa)",
        "Issuer (such as UBND tỉnh Thanh Hóa)",
    ),
    "draft.review.field_title": ("Trích yếu", "Title"),
    "draft.review.error_no_number": (
        "Cần số hiệu văn bản: việc nhập nhận biết văn bản theo số hiệu.",
        "The number is needed: the import knows a directive by its number.",
    ),
    "draft.review.due_reads": ("Hạn đọc được: {due}", "Reads as: {due}"),
    "draft.review.edit_keys": (
        "Enter lưu · Esc hủy · Tab sang ô tiếp theo",
        "Enter save · Esc cancel · Tab next field",
    ),
    "draft.review.error_ref_empty": ("Mục không được để trống.", "The ref cannot be empty."),
    "draft.review.error_ref_taken": (
        "Mục {ref} đã có ở một nhiệm vụ khác; mỗi nhiệm vụ một mục riêng.",
        "Another task has the ref {ref}; give each task its own.",
    ),
    "draft.review.error_no_lead": (
        "Cần ít nhất một cơ quan chủ trì.",
        "Name at least one lead agency.",
    ),
    "draft.review.nothing_kept": (
        "Không còn nhiệm vụ nào để nhập: giữ lại ít nhất một nhiệm vụ (x).",
        "No task is kept to import: keep at least one (x).",
    ),
    "draft.review.importing": ("Đang nhập dự thảo…", "Importing the draft…"),
    "draft.review.imported": (
        "Đã nhập. {summary}\nNhấn q để thoát.",
        "Imported. {summary}\nPress q to quit.",
    ),
    "draft.review.already_imported": (
        "Dự thảo đã được nhập; nhấn q để thoát.",
        "The draft is imported; press q to quit.",
    ),
    "draft.review.failed": (
        "Chưa nhập: {count} vấn đề, không có gì được ghi vào cơ sở dữ liệu. Sửa rồi nhấn a để nhập lại.",
        "Not imported: {count} problem(s), nothing was written. Fix them and press a to import again.",
    ),
    "draft.review.problem_task": ("nhiệm vụ {ref}", "task {ref}"),
    "draft.review.ask_create": (
        "{count} cơ quan chưa có trong danh sách cơ quan:\n{problems}\n\n"
        "Tạo mới các cơ quan này rồi nhập (như tracker import --create-agencies)?\n"
        "y: tạo và nhập · n: không, để sửa tên",
        "{count} agency(ies) are not in the agency list:\n{problems}\n\n"
        "Create them and import (as tracker import --create-agencies does)?\n"
        "y: create and import · n: no, to correct the names",
    ),
    "draft.review.ask_leave": (
        "Thoát mà không nhập dự thảo? Những chỉnh sửa sẽ mất.\ny: thoát · n: ở lại",
        "Quit without importing the draft? Your changes are lost.\ny: quit · n: stay",
    ),
    "draft.review.needs_terminal": (
        "--review cần một cửa sổ dòng lệnh (terminal); không có terminal thì ghi dự thảo ra tệp bằng -o TỆP.xlsx.",
        "--review needs a terminal; without one, write the draft to a file with -o FILE.xlsx.",
    ),
    "draft.review.with_output": (
        "--review nhập dự thảo sau khi rà soát; không dùng cùng --output hay --format.",
        "--review imports the draft once reviewed; it does not go with --output or --format.",
    ),
    # The command's summary.
    "draft.summary": (
        "{path}: {tasks} nhiệm vụ dự thảo{target}.",
        "{path}: {tasks} task(s) drafted{target}.",
    ),
    "draft.summary_target": (" vào {target}", " to {target}"),
}
