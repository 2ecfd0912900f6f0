"""Problems an import finds in one row of a file: (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "row.required": (
        "ô bắt buộc ({header}) đang trống; hãy điền vào.",
        "{field} is required ({header}).",
    ),
    "row.changes_not_objects": (
        "mỗi lần gia hạn ghi thành một đối tượng JSON (old_due_on, new_due_on, reason, decision_ref).",
        "write each change as an object.",
    ),
    "row.version_not_number": (
        "phiên bản là một số nguyên, như khi xuất ra; hoặc để trống.",
        "the version is a whole number, as exported; or leave it empty.",
    ),
    "row.no_lead": (
        "hãy ghi ít nhất một cơ quan chủ trì.",
        "name at least one lead agency (cơ quan chủ trì).",
    ),
    "row.no_such_period": (
        "thời hạn {deadline!r} không có kỳ {period!r}.",
        "the deadline {deadline!r} has no period {period!r}.",
    ),
    "row.completion_needs_period": (
        "nhiệm vụ định kỳ đã hoàn thành cần ghi kỳ (cột kỳ), ví dụ 2020-02.",
        "a recurring task's completion needs the period (kỳ), e.g. 2020-02.",
    ),
    "row.duplicate": (
        "phân công này đã có ở dòng {first} (văn bản, mục, cơ quan, vai trò và kỳ xác định một phân công); "
        "hãy bỏ một trong hai dòng.",
        "the same assignment is already on row {first} (directive, ref, agency, role and period identify one); "
        "remove one of the two rows.",
    ),
    "row.stale": (
        "phân công {id} đã thay đổi sau khi tệp này được tạo (phiên bản {stored}, trong tệp là {given}); khác ở: "
        "{fields}. Hãy xuất lại và sửa trên tệp mới, hoặc để trống ô phiên bản để áp dụng giá trị trong tệp.",
        "assignment {id} changed after this file was made (version {stored}, the file has {given}); it differs "
        "in {fields}. Export it again and make the change there, or empty the version cell to apply the file's "
        "values.",
    ),
    "row.changed_meanwhile": (
        "{path}: {count} phân công đã được người khác sửa trong lúc nhập; chưa ghi gì. Hãy chạy lại lệnh nhập.",
        "{path}: {count} assignment(s) were changed by someone else while this import ran; nothing was written. "
        "Run the import again.",
    ),
    "row.same_problem_rows": (
        "{line} (cùng lỗi này ở {count} dòng khác: {rows})",
        "{line} (the same in {count} more row(s): {rows})",
    ),
}
