"""Errors about dates, deadlines, names and the database itself: (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # dates and deadlines (tracker.core.deadlines)
    "date.year_out_of_range": (
        '"{original}": năm {year} nằm ngoài khoảng {low}-{high}; hãy viết năm đủ bốn chữ số.',
        '"{original}": year {year} is out of range ({low}-{high}); write a four-digit year.',
    ),
    "date.no_such_month": (
        '"{original}": không có tháng {month}; hãy viết ngày trước tháng, ví dụ 30/4/2020.',
        '"{original}": month {month} does not exist; write dates day first, e.g. 30/4/2020.',
    ),
    "date.no_such_day": (
        '"{original}": {day}/{month}/{year} không phải là một ngày (tháng {month}/{year} có {last} ngày).',
        '"{original}": {day}/{month}/{year} is not a date ({month}/{year} has {last} days).',
    ),
    "date.unreadable": (
        '"{original}" không phải là ngày; hãy viết ngày trước tháng: 30/4/2020, 2020-04-30 '
        'hoặc "ngày 30 tháng 4 năm 2020".',
        '"{original}" is not a date; write it day first as 30/4/2020, as 2020-04-30 or as "ngày 30 tháng 4 năm 2020".',
    ),
    "deadline.no_such_monthday": (
        '"{original}": tháng nào cũng không có ngày {day}.',
        '"{original}": day {day} of the month does not exist.',
    ),
    "deadline.no_such_yearday": (
        '"{original}": {day}/{month} không có trong năm nào (tháng {month} có nhiều nhất {longest} ngày).',
        '"{original}": {day}/{month} is not a date in any year (month {month} has at most {longest} days).',
    ),
    "deadline.before_first": (
        '"{original}": "trước ngày 1" không còn ngày nào; hãy ghi ngày cuối tháng trước.',
        '"{original}": "before the 1st" leaves no day; write the last day instead.',
    ),
    "deadline.unreadable": (
        '"{original}" không phải là thời hạn mà chương trình đọc được; hãy ghi một ngày như 30/4/2020, '
        '"trước 30/4/2020", "quý III năm 2020", "trước ngày 20 hàng tháng" hoặc "thường xuyên".',
        '"{original}" is not a deadline this program can read; use a date such as 30/4/2020, '
        '"trước 30/4/2020", "quý III năm 2020", "trước ngày 20 hàng tháng" or "thường xuyên".',
    ),
    "deadline.no_such_month": (
        '"{original}": không có tháng {month}.',
        '"{original}": month {month} does not exist.',
    ),
    "deadline.step_unreadable": (
        "{line!r}: mỗi lần gia hạn ghi trên một dòng: '20/05/2020 → 10/06/2020 | lý do | quyết định'.",
        "{line!r}: write a deadline change as '20/05/2020 → 10/06/2020 | reason | decision'.",
    ),
    # names (tracker.store.names)
    "name.no_such_jurisdiction": (
        "không có tỉnh, thành phố mã {code!r} (đang có: {known}).",
        "jurisdiction {code!r} does not exist (known: {known}).",
    ),
    "name.no_jurisdiction_yet": (
        "cơ sở dữ liệu chưa có tỉnh, thành phố nào; hãy tạo trước, ví dụ: tracker jurisdiction add thanh-hoa "
        '"Tỉnh Thanh Hóa".',
        "the database has no jurisdiction yet; create one first, e.g. tracker jurisdiction add thanh-hoa "
        '"Tỉnh Thanh Hóa".',
    ),
    "name.several_jurisdictions": (
        "cơ sở dữ liệu có nhiều tỉnh, thành phố ({known}); hãy nói rõ tỉnh nào (--jurisdiction).",
        "the database holds several jurisdictions ({known}); say which one (--jurisdiction).",
    ),
    "name.agency_ambiguous": (
        "tên cơ quan {name!r} chưa rõ: có thể là {candidates}; hãy ghi một trong các tên này.",
        "agency {name!r} is ambiguous: it could be {candidates}; write one of these.",
    ),
    "name.agency_unknown": ("không có cơ quan {name!r}{suggestion}", "agency {name!r} is unknown{suggestion}"),
    "name.agency_suggestion": (
        "; có phải là {name!r}? (nếu cùng một cơ quan, hãy thêm tên này làm tên gọi khác của cơ quan đó)",
        "; did you mean {name!r}? (add the name as an alias of that agency if it is the same one)",
    ),
    "name.agency_unknown_end": (
        "; hãy thêm cơ quan vào danh sách trước, hoặc kiểm tra chính tả.",
        "; add it to the agency list first, or check the spelling.",
    ),
    "name.no_such_directive": (
        "không có văn bản {number!r}; hãy kiểm tra số hiệu (ví dụ 34/KH-UBND).",
        "directive {number!r} does not exist; check its number (e.g. 34/KH-UBND).",
    ),
    "name.directive_ambiguous": (
        "văn bản {number!r} có ở nhiều tỉnh, thành phố; hãy ghi thêm tỉnh (--jurisdiction).",
        "directive {number!r} exists in several jurisdictions; give the jurisdiction too.",
    ),
    # changes to an assignment (tracker.services.changes)
    "change.already_done": (
        "phân công {id} đã được ghi nhận hoàn thành ngày {on} (báo cáo {ref}); chưa thay đổi gì. Để thay bằng "
        "ngày mới, thêm --replace.",
        "assignment {id} is already recorded done on {on} (report {ref}); nothing changed. To replace it, add "
        "--replace.",
    ),
    "change.done_after_as_of": (
        "ngày hoàn thành {on} sau ngày tính ({as_of}): đến ngày đó phân công vẫn chưa xong và vẫn tính là quá "
        "hạn; hãy ghi ngày đã nhận báo cáo, hoặc thêm --later nếu đúng là ngày đó.",
        "the completion date {on} is after the as-of date ({as_of}): until then the assignment is not done and "
        "still counts as overdue; give the day the report came in, or add --later if that date is right.",
    ),
    "change.stale": (
        "phân công {id} đã được người khác sửa (phiên bản hiện tại {version}, bạn đã đọc phiên bản {read}); "
        "hãy tải lại rồi thử lại.",
        "assignment {id} was changed by someone else (version {version}, you read {read}); reload it and try again.",
    ),
    "change.changed_just_now": (
        "phân công {id} vừa được người khác sửa; hãy tải lại rồi thử lại.",
        "assignment {id} was changed by someone else just now; reload it and try again.",
    ),
    "change.withdrawn": (
        "phân công {id} đã được rút từ ngày {on}; không thể thay đổi nữa.",
        "assignment {id} was withdrawn on {on}; it cannot change.",
    ),
    "change.not_done": (
        "phân công {id} chưa hoàn thành; không có gì để mở lại.",
        "assignment {id} is not done; there is nothing to reopen.",
    ),
    "change.already_due": (
        "phân công {id} đã có thời hạn là ngày {due}.",
        "assignment {id} is already due on {due}.",
    ),
    "change.extend_needs_reason": (
        "cần ghi lý do gia hạn (--reason).",
        "a deadline change needs a reason (--reason).",
    ),
    "change.withdraw_needs_reason": (
        "cần ghi lý do rút nhiệm vụ (--reason).",
        "a withdrawal needs a reason (--reason).",
    ),
    # the database
    "db.no_tables": (
        "cơ sở dữ liệu {where} chưa có bảng của tracker; hãy chạy 'tracker db init' trước.",
        "the database {where} has no tracker tables; run 'tracker db init' first.",
    ),
    "db.old_schema": (
        "cơ sở dữ liệu {where} đang ở phiên bản lược đồ {found}, chương trình cần {needed}; hãy chạy "
        "'tracker db upgrade'.",
        "the database {where} is at schema {found}, this program needs {needed}; run 'tracker db upgrade'.",
    ),
    "db.no_file": (
        "không có cơ sở dữ liệu {path}; hãy chạy 'tracker db init' trước.",
        "the database {path} does not exist; run 'tracker db init' first.",
    ),
    "db.bad_sqlite_url": (
        "địa chỉ cơ sở dữ liệu {url!r} không hợp lệ; hãy dùng sqlite:///TỆP.",
        "database URL {url!r} is not valid; use sqlite:///FILE.",
    ),
    "db.cannot_open": (
        "không mở được cơ sở dữ liệu {where}: {detail}",
        "cannot open the database {where}: {detail}",
    ),
    "db.exists": (
        "cơ sở dữ liệu {url} đã tồn tại; hãy dùng 'tracker db upgrade', hoặc chọn --db khác.",
        "the database {url} already exists; use 'tracker db upgrade', or another --db.",
    ),
    "db.bad_url": (
        "địa chỉ cơ sở dữ liệu {url!r} không hợp lệ; hãy dùng sqlite:///TỆP hoặc postgresql+psycopg://...",
        "database URL {url!r} is not valid; use sqlite:///FILE or postgresql+psycopg://...",
    ),
    "db.unsupported_url": (
        "địa chỉ cơ sở dữ liệu {url!r} không được hỗ trợ; hãy dùng sqlite:///TỆP hoặc postgresql+psycopg://...",
        "database URL {url!r} is not supported; use sqlite:///FILE or postgresql+psycopg://...",
    ),
    "db.no_head_revision": (
        "bộ nâng cấp cơ sở dữ liệu (migration) không có phiên bản mới nhất; hãy cài lại tracker.",
        "the database migrations have no head revision; reinstall tracker.",
    ),
    "install.missing": (
        "bản cài đặt này thiếu {what}; hãy cài lại tracker.",
        "{what} is missing from this installation; reinstall tracker.",
    ),
    "cli.option_value": ("{option}: {detail}", "{option}: {detail}"),
    "cli.ui_needs_terminal": (
        "giao diện cần một cửa sổ dòng lệnh (terminal); trong script hãy dùng 'tracker list'.",
        "the terminal UI needs a terminal; use 'tracker list' in scripts.",
    ),
    "synthetic.not_with_demo": (
        "hãy chọn --demo hoặc --synthetic, không dùng cả hai.",
        "choose --demo or --synthetic, not both.",
    ),
    "synthetic.positive": (
        "--synthetic cần một số phân công lớn hơn 0.",
        "--synthetic needs a positive number of assignments.",
    ),
    "synthetic.empty_database": (
        "dữ liệu tổng hợp chỉ nạp vào cơ sở dữ liệu trống; hãy dùng --db mới.",
        "synthetic data goes into an empty database; use a new --db.",
    ),
}
