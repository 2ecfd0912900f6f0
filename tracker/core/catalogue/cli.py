"""Texts of the command line: help, summaries and its own errors (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.aborted": ("đã hủy.", "aborted."),
    "cli.system_error": (
        "lỗi hệ thống: {detail}. Kiểm tra cơ sở dữ liệu và ổ đĩa rồi chạy lại.",
        "system error: {detail}. Check the database and the disk, then run again.",
    ),
    "cli.unexpected_error": (
        "lỗi không lường trước: {detail}. Chạy lại với --debug để xem chi tiết và báo cho người quản trị.",
        "unexpected error: {detail}. Run again with --debug to see the traceback, and report it.",
    ),
}
