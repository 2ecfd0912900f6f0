"""Texts of importing and exporting: problems, summaries (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the file to read (tracker.importing.sources)
    "import.no_file": ("{path}: không có tệp này; kiểm tra lại đường dẫn.", "{path}: no such file."),
    "import.format_unknown": (
        "{path}: không đoán được định dạng từ tên tệp; hãy thêm --format csv, xlsx hoặc json.",
        "{path}: cannot tell the format from the name; add --format csv, xlsx or json.",
    ),
    "import.file_empty": (
        "{path}: tệp trống; tệp cần có dòng tiêu đề.",
        "{path}: the file is empty; it needs a header row.",
    ),
    "import.not_a_workbook": (
        "{path}: không mở được tệp dưới dạng bảng tính Excel ({detail}).",
        "{path}: cannot open it as an Excel workbook ({detail}).",
    ),
    "import.no_such_sheet": (
        "{path}: không có trang tính {sheet!r}; các trang tính là {sheets}.",
        "{path}: no sheet {sheet!r}; the sheets are {sheets}.",
    ),
    "import.sheet_empty": (
        "{path}: trang tính {sheet!r} trống; trang tính cần có dòng tiêu đề.",
        "{path}: the sheet {sheet!r} is empty; it needs a header row.",
    ),
    "import.json_invalid": (
        "{path}: tệp không phải là JSON hợp lệ ({detail}).",
        "{path}: not valid JSON ({detail}).",
    ),
    "import.json_shape": (
        '{path}: tệp JSON cần có dạng {{"directives": [...]}} hoặc {{"assignments": [...]}}.',
        '{path}: expected {{"directives": [...]}} or {{"assignments": [...]}}.',
    ),
    "import.json_not_object": (
        "{path}: {where} không phải là một đối tượng JSON ({{...}}).",
        "{path}: {where} is not an object.",
    ),
    "import.json_tasks_not_list": (
        "{path}: {where} không phải là danh sách nhiệm vụ ([...]).",
        "{path}: {where} is not a list of tasks.",
    ),
    "import.json_value_kind": (
        "{path}: {where}: {value!r} không phải là chữ, số hay ngày; hãy ghi giá trị dưới dạng văn bản "
        "(trong dấu ngoặc kép).",
        "{path}: {where}: {value!r} is not text, a number or a date; write it as text.",
    ),
    # its columns (tracker.importing.fields)
    "import.map_form": (
        '--map {item!r}: hãy ghi theo dạng "Tiêu đề cột=trường", ví dụ "Đơn vị=lead".',
        '--map {item!r}: write it as "Header=field", e.g. "Đơn vị=lead".',
    ),
    "import.map_unknown_field": (
        "{where}: --map gán cho cột {header!r} trường {name!r}, nhưng không có trường này; các trường là {fields}.",
        "{where}: --map gives {header!r} the field {name!r}; fields are {fields}.",
    ),
    "import.columns_same_field": (
        "{where}: cột {first!r} và cột {second!r} cùng chỉ trường {name!r}; hãy giữ lại một cột.",
        "{where}: columns {first!r} and {second!r} both mean {name!r}.",
    ),
    "import.columns_missing": (
        "{where}: thiếu cột {missing}; dòng tiêu đề có các cột {headers}. Hãy đổi tên cột hoặc thêm "
        '--map "Tiêu đề cột=trường".',
        "{where}: missing column(s) {missing}; the header row has {headers}. "
        'Rename the column or add --map "Header=field".',
    ),
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
    "import.columns_not_read": (
        "Các cột {columns} không thuộc trường nào nên không được nhập; nếu một cột có nội dung cần nhập, "
        'hãy chỉ rõ trường bằng --map "{first}=TRƯỜNG" (các trường: {fields})',
        "The column(s) {columns} are not a field this import reads, so they were not imported; if one holds "
        'something to import, name its field with --map "{first}=FIELD" (fields: {fields})',
    ),
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
}
