"""Texts of importing and exporting: problems, summaries (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # which jurisdiction issued a row's directive
    "import.jurisdiction_unknown": (
        "không xác định được tỉnh ban hành văn bản (trong cơ sở dữ liệu: {known}); ghi cơ quan ban hành có tên "
        "tỉnh như 'UBND tỉnh Thanh Hóa', thêm cột 'mã tỉnh', hoặc chạy lại với --jurisdiction MÃ_TỈNH.",
        "cannot tell which jurisdiction issued this directive (known: {known}); write the province in the issuer, "
        "such as 'UBND tỉnh Thanh Hóa', add a 'mã tỉnh' column, or add --jurisdiction CODE.",
    ),
    "import.jurisdiction_not_created": (
        "{name} (mã {code}) chưa có trong cơ sở dữ liệu (đang có: {known}); chạy lại lệnh nhập với "
        '--create-agencies, hoặc tạo trước: tracker jurisdiction add {code} "{name}".',
        "{name} (code {code}) is not in the database yet (known: {known}); run the import again with "
        '--create-agencies, or create it first: tracker jurisdiction add {code} "{name}".',
    ),
    "import.jurisdiction_code_unknown": (
        "'{code}' không phải mã của một tỉnh, thành phố trong cơ sở dữ liệu (đang có: {known}); ghi mã như "
        'quang-ninh, hoặc tạo trước: tracker jurisdiction add {code} "TÊN".',
        "'{code}' is not the code of a province or city in the database (known: {known}); write a code such as "
        'quang-ninh, or create it first: tracker jurisdiction add {code} "NAME".',
    ),
    # agencies a row names
    "import.agency_unknown": (
        "không có cơ quan '{name}' trong danh sách cơ quan; kiểm tra chính tả, thêm cơ quan (tracker agency add "
        '"{name}"), hoặc chạy lại với --create-agencies.',
        "agency '{name}' is unknown; add it to the agency list first (tracker agency add \"{name}\"), or check "
        "the spelling (or run with --create-agencies).",
    ),
    "import.agency_unknown_close": (
        "không có cơ quan '{name}' trong danh sách cơ quan; có phải là '{close}'? Nếu là một cơ quan, thêm tên "
        'gọi khác: tracker agency edit "{close}" --add-alias "{name}" (hoặc chạy lại với --create-agencies).',
        "agency '{name}' is unknown; did you mean '{close}'? If it is the same one, add the alias: tracker agency "
        'edit "{close}" --add-alias "{name}" (or run with --create-agencies).',
    ),
    "import.agency_ambiguous": (
        "'{name}' trùng với tên của nhiều cơ quan; ghi tên đầy đủ của một cơ quan (hoặc chạy lại với "
        "--create-agencies).",
        "'{name}' names more than one agency; write the full name of one (or run with --create-agencies).",
    ),
    # the outcome
    "import.problems": (
        "{path}: có {count} lỗi; chưa nhập gì. Sửa các dòng nêu trên rồi chạy lại.",
        "{path}: {count} problem(s) found; nothing was imported.",
    ),
    "import.dry_run": (" (chạy thử: chưa ghi gì)", " (dry run: nothing written)"),
    "import.summary": (
        "{path}: {rows} dòng; phân công: {created} {verb_created}, {updated} {verb_updated}, {unchanged} không đổi",
        "{path}: {rows} rows; assignments: {created} {verb_created}, {updated} {verb_updated}, {unchanged} unchanged",
    ),
    "import.summary_directives": (
        "văn bản: {created} {verb_created}, {updated} {verb_updated}",
        "{created} directive(s) {verb_created}, {updated} {verb_updated}",
    ),
    "import.summary_tasks": (
        "nhiệm vụ: {created} {verb_created}, {updated} {verb_updated}",
        "{created} task(s) {verb_created}, {updated} {verb_updated}",
    ),
    "import.summary_agencies_created": ("cơ quan: {count} {verb_created}", "{count} agency(ies) {verb_created}"),
    "import.summary_jurisdictions_created": (
        "tỉnh, thành phố: {count} {verb_created} ({names})",
        "{count} jurisdiction(s) {verb_created} ({names})",
    ),
    "import.summary_agency_list": (
        "{path}: {rows} dòng; cơ quan: {created} {verb_created}, {updated} {verb_updated}, {unchanged} không đổi",
        "{path}: {rows} rows; agencies: {created} {verb_created}, {updated} {verb_updated}, {unchanged} unchanged",
    ),
    "import.created": ("tạo mới", "created"),
    "import.updated": ("cập nhật", "updated"),
    "import.would_create": ("sẽ tạo mới", "would be created"),
    "import.would_update": ("sẽ cập nhật", "would be updated"),
    "import.no_assignments": (
        "nhiệm vụ định kỳ '{ref}' ({deadline}) không có kỳ nào đến {horizon}: văn bản không có ngày ban hành "
        "hay cột 'bắt đầu từ', nên các kỳ được tính từ ngày nhập {start}",
        "the recurring task '{ref}' ({deadline}) has no period up to {horizon}: with no issue date or 'starts on' "
        "column its periods start at the import date {start}",
    ),
    "import.recurring_from_today": (
        "{count} nhiệm vụ định kỳ không có ngày ban hành hay ngày bắt đầu: các kỳ được tính từ ngày nhập {start} "
        "(thêm cột 'ngày ban hành' hoặc 'bắt đầu từ' để tính từ ngày khác)",
        "{count} recurring task(s) without an issue or start date: their periods start at the import date {start} "
        "(add an 'ngày ban hành' or 'bắt đầu từ' column to start them elsewhere)",
    ),
    # agency lists
    "import.agency_name_required": ("cần có tên cơ quan.", "the agency name is required."),
    "import.need_file": (
        "hãy nêu tệp cần nhập, ví dụ: tracker import nhiem-vu.xlsx.",
        "name the file to import, e.g. tracker import nhiem-vu.xlsx.",
    ),
    # files written
    "file.exists": (
        "{path} đã có; chọn tên khác, hoặc thêm --force để ghi đè.",
        "{path} already exists; choose another name, or add --force to overwrite it.",
    ),
    "file.symlink": (
        "{path} là một liên kết tượng trưng; ghi vào tệp thật, hoặc thêm --force để ghi qua liên kết.",
        "{path} is a symbolic link; write to a real file, or add --force to write through it.",
    ),
    "export.agency_template_format": (
        "mẫu danh sách cơ quan có dạng csv hoặc xlsx, không có dạng '{format}'.",
        "the agency-list template is csv or xlsx, not '{format}'.",
    ),
    "export.written": ("{path}: {count} dòng", "{path}: {count} rows"),
    "export.events": ("{path}: {count} sự kiện", "{path}: {count} events"),
    "progress.reading": ("Đang đọc", "Reading"),
    "progress.checking": ("Đang kiểm tra", "Checking"),
    "progress.writing": ("Đang ghi", "Writing"),
    "progress.exporting": ("Đang xuất", "Exporting"),
    # --- --help of import and export ---------------------------------------------------------------
    "help.import": (
        "Nhập phân công (hoặc danh sách cơ quan) từ CSV, Excel hoặc JSON: nhập hết các dòng hoặc không dòng nào.",
        "Import assignments (or an agency list) from CSV, Excel or JSON: all rows or none.",
    ),
    "help.import.epilog": (
        "Danh sách cơ quan có các cột Tên cơ quan (bắt buộc), Tên gọi khác, Loại, Tên ngắn, Nhóm, Email và, khi "
        'có nhiều tỉnh, Tỉnh; các tên trong một ô cách nhau bằng ";". Loại: department (sở, ban, ngành), '
        "district (huyện, thị xã, thành phố, xã, phường), central (trung ương), media (báo, đài), group (nhóm), "
        "other (khác). Danh sách được gộp vào: ô trống hay cột không có thì không thay đổi gì.",
        "An agency list has the columns Tên cơ quan (name, required), Tên gọi khác (aliases), Loại (kind), Tên "
        "ngắn (short name), Nhóm (groups), Email (emails) and, with several provinces, Tỉnh (jurisdiction); lists "
        'are separated by ";". Kinds: department (sở, ban, ngành), district (huyện, thị xã, thành phố, xã, '
        "phường), central (trung ương), media (báo, đài), group (nhóm), other (khác). The list is merged: an empty "
        "cell or a missing column changes nothing.",
    ),
    "help.import.file_format": ("Mặc định: theo đuôi tên tệp.", "Default: from the name."),
    "help.import.sheet": ("Trang tính Excel (mặc định: trang đầu).", "Excel sheet (default: the first)."),
    "help.import.dry_run": (
        "Kiểm tra tất cả và cho biết sẽ thay đổi gì; không ghi gì.",
        "Check everything and say what would change; write nothing.",
    ),
    "help.import.create_agencies": (
        "Tạo các cơ quan và tỉnh (theo cơ quan ban hành, --jurisdiction hoặc cột 'mã tỉnh') mà tệp nêu nhưng "
        "cơ sở dữ liệu chưa có, thay vì báo lỗi.",
        "Create the agencies and the province (from the issuer, --jurisdiction or a 'mã tỉnh' column) that the "
        "file names but the database lacks, instead of reporting them.",
    ),
    "help.import.maps": ("Đọc một cột dưới tên khác.", "Read a column under another name."),
    "help.import.jurisdiction": (
        "Tỉnh của mọi dòng, ví dụ quang-ninh (mặc định: theo cơ quan ban hành, như 'UBND tỉnh Quảng Ninh').",
        "Province of every row, e.g. quang-ninh (default: from the issuer, such as 'UBND tỉnh Quảng Ninh').",
    ),
    "help.import.agencies_file": (
        "Tệp là danh sách cơ quan (cũng tự nhận ra).",
        "The file is an agency list (also detected).",
    ),
    "help.import.until": (
        "Nhiệm vụ định kỳ được tạo các kỳ đến ngày này.",
        "Recurring tasks get periods up to this date.",
    ),
    "help.import.template": (
        "Ghi tệp mẫu vào PATH (với --agencies: mẫu danh sách cơ quan, csv hoặc xlsx).",
        "Write a template to PATH instead (with --agencies: an agency list, csv or xlsx).",
    ),
    "help.import.force": ("Với --template: ghi đè tệp đã có.", "With --template: write over an existing file."),
    "help.export": (
        "Xuất phân công theo mẫu nhập, hoặc thời hạn thành lịch (áp dụng các bộ lọc của lệnh list).",
        "Export assignments in the import format, or their deadlines as a calendar (the list filters apply).",
    ),
    "help.export.file_format": (
        "Mặc định: theo đuôi tên tệp. ics: thời hạn thành sự kiện lịch.",
        "Default: from the name. ics: deadlines as calendar events.",
    ),
    "help.export.force": ("Ghi đè tệp đã có.", "Write over an existing file."),
    "help.filter.overdue": ("Chưa xong và đã quá hạn.", "Not done and past the due date."),
    "help.filter.due_within": ("Chưa xong và đến hạn trong N ngày.", "Not done and due in N days."),
    "help.filter.agency_names": ("Tên cơ quan hoặc tên gọi khác.", "Agency name or alias."),
    "help.filter.directive_numbers": ("Số hiệu văn bản.", "Directive number."),
    "help.filter.statuses": ("Tình trạng.", "Status."),
    "help.filter.period": ("Kỳ của nhiệm vụ định kỳ, ví dụ 2020-02.", "Period of a recurring task, e.g. 2020-02."),
    "help.filter.role": ("Chỉ chủ trì hoặc chỉ phối hợp.", "Lead or coordinating only."),
    "help.filter.search": (
        "Từ trong nhiệm vụ, cơ quan hoặc văn bản (không cần dấu).",
        "Words in the task, agency or directive (no diacritics needed).",
    ),
}
