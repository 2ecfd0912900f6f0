"""Texts of the commands' own checks besides their help: settings, mail settings, the reports' task,
the demo seeds, the export format and the notify preview (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- settings ----------------------------------------------------------------------------------
    "settings.not_bool": (
        "{source}: {name} = {value} không phải là đúng hay sai; hãy ghi true hoặc false.",
        "{source}: {name} = {value} is not true or false.",
    ),
    "settings.not_int": (
        "{source}: {name} = {value} không phải là số nguyên; hãy ghi một số nguyên.",
        "{source}: {name} = {value} is not a whole number.",
    ),
    "settings.unreadable": (
        "{path}: không đọc được tệp cấu hình ({detail}); hãy sửa hoặc xóa tệp này.",
        "{path}: cannot read the config file ({detail}); fix or remove it.",
    ),
    "settings.readable_by_others": (
        "tracker: cảnh báo: {path} chứa {what} mà người khác đọc được; hãy chạy 'chmod 600 {path}'.",
        "tracker: warning: {path} holds {what} and can be read by others; run 'chmod 600 {path}'.",
    ),
    "settings.secret.smtp_password": ("mật khẩu SMTP", "the SMTP password"),
    "settings.secret.database_password": ("mật khẩu cơ sở dữ liệu", "a database password"),
    "settings.secret.and": ("{first} và {second}", "{first} and {second}"),
    "settings.smtp_timeout": (
        "TRACKER_SMTP_TIMEOUT={value}: hãy ghi số giây chờ máy chủ thư, ít nhất là 1.",
        "TRACKER_SMTP_TIMEOUT={value}: give the seconds to wait, at least 1.",
    ),
    "settings.smtp_port": (
        "TRACKER_SMTP_PORT={value}: cổng là một số từ 1 đến 65535 (0: cổng thường dùng).",
        "TRACKER_SMTP_PORT={value}: a port is a number from 1 to 65535.",
    ),
    # --- reports -----------------------------------------------------------------------------------
    "report.task_not_found": (
        "nhiệm vụ {task!r} không tồn tại; hãy ghi số của nhiệm vụ hoặc SỐ_VĂN_BẢN:MÃ, ví dụ 4515/KH-UBND:BC-HT.",
        "task {task!r} does not exist; give its id or DIRECTIVE:REF, e.g. 4515/KH-UBND:BC-HT.",
    ),
    "report.task_ambiguous": (
        "nhiệm vụ {task!r} có trong nhiều văn bản; hãy ghi SỐ_VĂN_BẢN:MÃ.",
        "task {task!r} is in several directives; write DIRECTIVE:REF.",
    ),
    "report.no_period_assignments": (
        "nhiệm vụ {task!r} không có phân công nào cho kỳ {period!r}; hãy kiểm tra lại kỳ.",
        "task {task!r} has no assignments for period {period!r}.",
    ),
    "report.task_id_not_found": ("nhiệm vụ số {id} không tồn tại.", "task {id} does not exist."),
    # --- the demo seeds ----------------------------------------------------------------------------
    "seed.agency_problem": (
        "danh sách cơ quan của dữ liệu mẫu có lỗi: {where}{problem}",
        "the demo's agency list has a problem: {where}{problem}",
    ),
    "seed.no_assignment": (
        "{where}: không có phân công nhiệm vụ {ref} cho {agency} trong kỳ {period!r}.",
        "{where}: no assignment of {ref} to {agency} for period {period!r}.",
    ),
    "seed.bad_action": (
        "{where}: thao tác {action!r} không phải là một trong done, extend, withdraw.",
        "{where}: action {action!r} is not one of done, extend, withdraw.",
    ),
    # --- export and notify -------------------------------------------------------------------------
    "export.bad_format": (
        "định dạng {format!r} không phải là một trong csv, xlsx, json.",
        "format {format!r} is not one of csv, xlsx, json.",
    ),
    "notify.preview": ("Gửi tới: {to}\nTiêu đề: {subject}", "To: {to}\nSubject: {subject}"),
}
