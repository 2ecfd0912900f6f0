"""Error messages every face shows: (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- jurisdictions (provinces and centrally-run cities) ---------------------------------------
    "error.jurisdiction_code_empty": (
        "cần có mã tỉnh, ví dụ: quang-ninh.",
        "a jurisdiction needs a code, e.g. quang-ninh.",
    ),
    "error.jurisdiction_code_form": (
        "mã '{code}' không hợp lệ: mã gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ: {suggestion}.",
        "the code '{code}' is not one: a code is lower-case letters without diacritics, digits and hyphens, "
        "e.g. {suggestion}.",
    ),
    "error.jurisdiction_name_empty": (
        "hãy ghi tên của '{code}' như người đọc thấy, ví dụ: \"Tỉnh Quảng Ninh\".",
        "give '{code}' a name as people read it, e.g. \"Tỉnh Quảng Ninh\".",
    ),
    "error.jurisdiction_same_province": (
        "{name} đã có với mã '{other}'; dùng mã đó, hoặc đổi tên: tracker jurisdiction rename {other} \"{name}\".",
        "{name} already exists as '{other}'; use that code, or rename it: tracker jurisdiction rename {other} "
        '"{name}".',
    ),
    "error.jurisdiction_exists": (
        "đã có '{code}'; để đổi tên, dùng: tracker jurisdiction rename {code} \"TÊN MỚI\".",
        "'{code}' already exists; to change its name use: tracker jurisdiction rename {code} \"NEW NAME\".",
    ),
    "error.jurisdiction_missing_province": (
        "{name} ({code}) chưa có trong cơ sở dữ liệu (đang có: {known}); tạo bằng: tracker jurisdiction add "
        '{code} "{name}", hoặc nhập tệp của tỉnh với --create-agencies.',
        "{name} ({code}) is not in the database (known: {known}); create it with: tracker jurisdiction add "
        '{code} "{name}", or import the province\'s file with --create-agencies.',
    ),
    "error.jurisdiction_unknown": (
        "không có tỉnh, thành phố mã '{code}' (đang có: {known}); kiểm tra mã (tracker jurisdiction list) hoặc "
        'tạo bằng: tracker jurisdiction add MÃ "TÊN".',
        "jurisdiction '{code}' does not exist (known: {known}); check the code (tracker jurisdiction list) or "
        'create it with: tracker jurisdiction add CODE "NAME".',
    ),
    "error.no_jurisdiction": (
        "cơ sở dữ liệu chưa có tỉnh, thành phố nào; tạo bằng: tracker jurisdiction add quang-ninh "
        '"Tỉnh Quảng Ninh", hoặc khi nhập tệp thêm --create-agencies (và --jurisdiction quang-ninh nếu tệp '
        "không ghi tên tỉnh).",
        "the database has no jurisdiction yet; create one with: tracker jurisdiction add quang-ninh "
        '"Tỉnh Quảng Ninh", or import with --create-agencies (and --jurisdiction quang-ninh when the file does '
        "not name the province).",
    ),
    "error.jurisdiction_needed": (
        "cơ sở dữ liệu có nhiều tỉnh, thành phố ({known}); thêm --jurisdiction MÃ.",
        "the database holds several jurisdictions ({known}); add --jurisdiction CODE.",
    ),
    # --- agencies --------------------------------------------------------------------------------
    "error.agency_name_empty": ("cần có tên cơ quan.", "an agency needs a name."),
    "error.agency_kind": (
        "cơ quan '{name}': loại '{kind}' không có; các loại là {kinds}.",
        "agency '{name}': there is no kind '{kind}'; the kinds are {kinds}.",
    ),
    "error.agency_is_alias": (
        "'{name}' đã là tên gọi khác của '{owner}'; sửa cơ quan đó: tracker agency edit \"{owner}\".",
        "'{name}' is already an alias of '{owner}'; change that agency: tracker agency edit \"{owner}\".",
    ),
    "error.agency_exists": (
        "đã có cơ quan '{name}' ({jurisdiction}); để sửa, dùng: tracker agency edit \"{name}\" ….",
        "the agency '{name}' ({jurisdiction}) already exists; to change it use: tracker agency edit \"{name}\" ….",
    ),
    "error.agency_unknown": (
        "không có cơ quan '{name}' ({jurisdiction}); xem danh sách: tracker agency list, hoặc thêm: "
        'tracker agency add "{name}".',
        "there is no agency '{name}' ({jurisdiction}); see the list: tracker agency list, or add it: "
        'tracker agency add "{name}".',
    ),
    "error.agency_rename_taken": (
        "không đổi được tên '{name}' thành '{new}': đã có cơ quan tên đó; nếu là một, dùng: "
        'tracker agency merge "{name}" "{new}".',
        "cannot rename '{name}' to '{new}': another agency has that name; if they are one, use: "
        'tracker agency merge "{name}" "{new}".',
    ),
    "error.alias_is_name": (
        "'{alias}' là tên của chính cơ quan '{name}', không cần thêm làm tên gọi khác.",
        "'{alias}' is the name of '{name}' itself, not an alias to add.",
    ),
    "error.alias_taken": (
        "tên gọi khác '{alias}' đã thuộc về '{owner}'; một tên gọi khác chỉ chỉ một cơ quan.",
        "the alias '{alias}' already names '{owner}'; an alias names one agency only.",
    ),
    "error.alias_names_agency": (
        "'{alias}' là tên của cơ quan khác, '{owner}'; nếu là một cơ quan, dùng tracker agency merge.",
        "'{alias}' is the name of another agency, '{owner}'; if they are one agency, use tracker agency merge.",
    ),
    "error.alias_missing": (
        "cơ quan '{name}' không có tên gọi khác '{alias}' (đang có: {aliases}); không có gì để xóa.",
        "the agency '{name}' has no alias '{alias}' (it has: {aliases}); nothing to remove.",
    ),
    "error.email_missing": (
        "cơ quan '{name}' không có địa chỉ email '{email}' (đang có: {emails}); không có gì để xóa.",
        "the agency '{name}' has no email address '{email}' (it has: {emails}); nothing to remove.",
    ),
    "error.agency_email": ("cơ quan '{name}': {error}", "agency '{name}': {error}"),
    "error.not_a_group": (
        "'{name}' là một cơ quan, không phải nhóm; không thể có thành viên.",
        "'{name}' is an agency, not a group; it cannot have members.",
    ),
    "error.group_itself": (
        "nhóm '{name}' không thể là thành viên của chính nó.",
        "the group '{name}' cannot be a member of itself.",
    ),
    "error.member_missing": (
        "'{name}' không thuộc nhóm '{group}'; không có gì để xóa.",
        "'{name}' is not a member of the group '{group}'; nothing to remove.",
    ),
    "error.merge_itself": (
        "'{name}' và cơ quan cần gộp vào là một ('{agency}'); nêu hai cơ quan khác nhau.",
        "'{name}' is the agency to merge into ('{agency}') itself; name two different agencies.",
    ),
    "error.merge_group": (
        "'{name}' là nhóm có thành viên, còn '{into}' không phải nhóm; không gộp được.",
        "'{name}' is a group with members and '{into}' is not a group; they cannot be merged.",
    ),
    "error.merge_conflict": (
        "không gộp được '{name}' vào '{into}': cả hai cùng được giao {count} nhiệm vụ, ví dụ {number} mục {ref} "
        "({role}, kỳ {period}); rút một trong hai phân công trước (tracker withdraw) rồi gộp lại.",
        "cannot merge '{name}' into '{into}': both are assigned {count} same task(s), e.g. {number} item {ref} "
        "({role}, period {period}); withdraw one of the two first (tracker withdraw), then merge.",
    ),
    # --- directives and tasks ---------------------------------------------------------------------
    "error.directive_number_empty": (
        "văn bản cần có số hiệu, ví dụ: 34/KH-UBND.",
        "a directive needs a number, e.g. 34/KH-UBND.",
    ),
    "error.task_missing": ("văn bản {number} không có nhiệm vụ '{ref}'.", "directive {number} has no task '{ref}'."),
    "error.task_ref_empty": (
        "văn bản {number}: nhiệm vụ cần có mã (số thứ tự), ví dụ: 3.1.b.(1).",
        "directive {number}: a task needs a ref, e.g. 3.1.b.(1).",
    ),
    "error.task_no_lead": (
        "văn bản {number}, nhiệm vụ {ref}: nêu ít nhất một cơ quan chủ trì.",
        "directive {number}, task {ref}: name at least one lead agency.",
    ),
    # --- reports ---------------------------------------------------------------------------------
    "error.period_invalid": (
        "kỳ '{period}' không có; ghi kỳ như 2020-02 (tháng), 2020-Q3 (quý), 2020-H1 (nửa năm) hoặc 2020 (năm).",
        "there is no period '{period}'; write a period such as 2020-02 (month), 2020-Q3 (quarter), 2020-H1 "
        "(half year) or 2020 (year).",
    ),
    "error.directive_unknown": (
        "không có văn bản số '{number}'; kiểm tra số hiệu (ví dụ 34/KH-UBND) hoặc tìm: tracker list --search ….",
        "directive '{number}' does not exist; check its number (e.g. 34/KH-UBND) or look: tracker list --search ….",
    ),
    "error.directive_ambiguous": (
        "có nhiều văn bản số '{number}' (ở nhiều tỉnh hoặc khác chữ hoa, chữ thường); ghi đúng số hiệu như trong "
        "danh sách.",
        "several directives are numbered '{number}' (in several jurisdictions, or in another case); write the "
        "number exactly as listed.",
    ),
    "error.report_format": (
        "không đoán được định dạng từ tên tệp '{path}'; đặt đuôi .xlsx, .docx, .csv hoặc .md, hoặc thêm --format.",
        "cannot tell the format from the name '{path}'; end it in .xlsx, .docx, .csv or .md, or add --format.",
    ),
}
