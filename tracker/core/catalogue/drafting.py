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
    # The command's summary.
    "draft.summary": (
        "{path}: {tasks} nhiệm vụ dự thảo{target}.",
        "{path}: {tasks} task(s) drafted{target}.",
    ),
    "draft.summary_target": (" vào {target}", " to {target}"),
}
