"""``--help`` texts of the commands and their options, and Click's own words (usage, headings, usage errors).

Keys: ``help`` (the top-level group), ``help.<command path>`` (the command's help; its first line is the
one-line help in a group's list), ``help.<command path>.<option>``, ``help.global.<option>`` (the
top-level group's options), ``help.shared.<option>`` (an option of several commands),
``help.filter.<option>`` (the list filters) and ``click.*`` (Click's own words).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- Click's own words ---------------------------------------------------------------------------
    "click.usage": ("Cách dùng:", "Usage:"),
    "click.options": ("Tùy chọn", "Options"),
    "click.commands": ("Lệnh", "Commands"),
    "click.arguments": ("Tham số", "Positional arguments"),
    "click.metavar.options": ("[TÙY CHỌN]", "[OPTIONS]"),
    "click.metavar.command": ("LỆNH", "COMMAND"),
    "click.metavar.args": ("THAM SỐ", "ARGS"),
    "click.default": ("mặc định: {default}", "default: {default}"),
    "click.required": ("bắt buộc", "required"),
    "click.envvar": ("biến môi trường: {var}", "env var: {var}"),
    "click.try_help": ("Xem '{command}' để biết cách dùng.", "Try '{command}' for help."),
    "click.kind.option": ("tùy chọn", "option"),
    "click.kind.argument": ("tham số", "argument"),
    "click.kind.parameter": ("tham số", "parameter"),
    "click.missing": ("thiếu {kind} {name}.", "missing {kind} {name}."),
    "click.missing_command": ("thiếu lệnh.", "missing command."),
    "click.choose_from": ("Chọn một trong: {choices}.", "Choose from: {choices}."),
    "click.invalid_value": ("giá trị không hợp lệ cho {name}: {detail}", "invalid value for {name}: {detail}"),
    "click.not_a_choice": (
        "'{value}' không phải là một trong: {choices}.",
        "'{value}' is not one of: {choices}.",
    ),
    "click.not_an_integer": ("'{value}' không phải là số nguyên.", "'{value}' is not a whole number."),
    "click.not_a_number": ("'{value}' không phải là số.", "'{value}' is not a number."),
    "click.out_of_range": ("{value} nằm ngoài khoảng {range}.", "{value} is not in the range {range}."),
    "click.bad_value": ("không dùng được '{value}'.", "'{value}' cannot be used."),
    "click.bad_value_unknown": ("xem lại giá trị đã ghi.", "check the value given."),
    "click.no_such_option": ("không có tùy chọn '{name}'.", "no such option '{name}'."),
    "click.no_such_command": ("không có lệnh '{name}'.", "no such command '{name}'."),
    "click.did_you_mean": ("Có phải ý bạn là {possibilities}?", "Did you mean {possibilities}?"),
    "click.did_you_mean_any": (
        "(Có phải ý bạn là một trong: {possibilities}?)",
        "(Did you mean one of: {possibilities}?)",
    ),
    "click.value_needed": ("tùy chọn '{name}' cần một giá trị.", "option '{name}' requires an argument."),
    "click.no_value_taken": ("tùy chọn '{name}' không nhận giá trị.", "option '{name}' does not take a value."),
    "click.bad_argument_count": (
        "số giá trị của một tham số không đúng.",
        "an argument got the wrong number of values.",
    ),
    "click.extra_arguments": ("thừa tham số: {extra}.", "got unexpected extra arguments ({extra})."),
    # --- the top-level group and its options -------------------------------------------------------
    "help": (
        "Theo dõi nhiệm vụ mà các văn bản chỉ đạo giao cho cơ quan, đơn vị.\n\n"
        "Không có lệnh thì mở giao diện trong cửa sổ dòng lệnh, trên cơ sở dữ liệu đã cấu hình.",
        "Theo dõi nhiệm vụ - track the tasks that directives assign to agencies.\n\n"
        "With no command, opens the terminal UI on the configured database.",
    ),
    "help.global.version": ("Xem phiên bản rồi thoát.", "Show the version and exit."),
    "help.shared.expected_version": (
        "Báo lỗi nếu bản ghi không còn ở phiên bản này (đã có người khác sửa).",
        "Fail if the record is no longer at this version.",
    ),
    "help.ui": (
        "Mở giao diện trong cửa sổ dòng lệnh, trên cơ sở dữ liệu đã cấu hình.",
        "Open the terminal UI on the configured database.",
    ),
    # --- changes to one assignment -----------------------------------------------------------------
    "help.done": ("Ghi nhận một phân công đã hoàn thành.", "Record an assignment as done."),
    "help.done.on": (
        "Ngày nhận báo cáo (mặc định: ngày tính tình trạng, --as-of).",
        "Date the report was received (default: the as-of date).",
    ),
    "help.done.result_ref": ('Số, ký hiệu báo cáo, ví dụ "18/BC-STP".', 'Report reference, e.g. "18/BC-STP".'),
    "help.reopen": ("Hủy ghi nhận hoàn thành.", "Undo a completion."),
    "help.extend": (
        "Gia hạn: dời thời hạn, giữ lại hạn cũ, lý do và văn bản cho phép.",
        "Move a deadline (gia hạn), keeping the old date, the reason and the decision.",
    ),
    "help.extend.to": ("Thời hạn mới.", "The new due date."),
    "help.extend.reason": ("Lý do (ghi cùng thay đổi).", "Why (recorded with the change)."),
    "help.extend.decision": ("Số, ký hiệu văn bản cho phép gia hạn.", "Reference of the decision granting it."),
    "help.withdraw": (
        "Rút nhiệm vụ đã giao; phân công không còn được tính vào các tỷ lệ.",
        "Withdraw an assignment (rút nhiệm vụ); it no longer counts in rates.",
    ),
    "help.withdraw.reason": ("Lý do (ghi cùng việc rút).", "Why (recorded with the withdrawal)."),
    "help.withdraw.decision": ("Số, ký hiệu văn bản quyết định.", "Reference of the decision."),
    "help.withdraw.on": (
        "Ngày có hiệu lực (mặc định: ngày tính tình trạng, --as-of).",
        "Effective date (default: the as-of date).",
    ),
    "help.note": ('Ghi chú cho một phân công ("" để xóa ghi chú).', 'Set the note of an assignment ("" clears it).'),
    "help.materialise": (
        "Tạo các kỳ sắp tới của nhiệm vụ định kỳ (chạy bằng cron, ví dụ hằng tháng).",
        "Create the coming occurrences of recurring tasks (run it from cron, e.g. monthly).",
    ),
    "help.materialise.until": (
        "Tạo đến ngày này (mặc định: khoảng ba tháng sau ngày tính tình trạng).",
        "Horizon (default: about three months past the as-of date).",
    ),
    # --- list and show -----------------------------------------------------------------------------
    "help.list": (
        "Liệt kê phân công. Dùng cùng --overdue và --due-within thì liệt kê cả hai loại; các bộ lọc khác "
        "thu hẹp danh sách.",
        "List assignments. --overdue and --due-within together list both; other filters narrow.",
    ),
    "help.list.output_format": ("Dạng hiển thị.", "Output format."),
    "help.list.count_only": ("Chỉ in số phân công khớp điều kiện.", "Print only the number of matching assignments."),
    "help.list.limit": ("In tối đa ngần này dòng.", "At most this many rows."),
    "help.show": (
        "Mọi thông tin về một phân công: nhiệm vụ, văn bản, cơ quan, thời hạn, thay đổi, lịch sử.",
        "Everything about one assignment: task, directive, agencies, deadline, changes, history.",
    ),
    "help.show.output_format": ("Dạng hiển thị.", "Output format."),
    # --- the database and the demo -----------------------------------------------------------------
    "help.db": ("Tạo và nâng cấp cơ sở dữ liệu.", "Create and upgrade the database."),
    "help.db.init": (
        "Tạo các bảng của một cơ sở dữ liệu trống (có thể kèm dữ liệu mẫu hoặc dữ liệu tổng hợp).",
        "Create the tables of an empty database (optionally with the demo or synthetic data).",
    ),
    "help.db.init.demo": (
        "Đưa dữ liệu mẫu trong seeds/ vào cơ sở dữ liệu mới.",
        "Fill the new database with the demo data from seeds/.",
    ),
    "help.db.init.synthetic": (
        "Đưa vào N phân công tổng hợp (dữ liệu giả để thử).",
        "Fill it with N synthetic assignments.",
    ),
    "help.db.init.seed": ("Giá trị khởi tạo ngẫu nhiên của --synthetic.", "Random seed of --synthetic."),
    "help.db.upgrade": (
        "Đưa cơ sở dữ liệu lên lược đồ của phiên bản này (tạo mới nếu còn trống).",
        "Bring the database to the schema of this version (creating it if empty).",
    ),
    "help.db.upgrade.revision": ("Phiên bản lược đồ cần đưa tới.", "Target revision."),
    "help.db.downgrade": (
        'Đưa lược đồ về phiên bản REVISION ("base" xóa mọi bảng). Lệnh cho biết sẽ mất những gì và hỏi trước '
        "(không có cửa sổ dòng lệnh để hỏi thì cần --yes).",
        'Take the schema back to REVISION ("base" removes every table). It says what will be lost and '
        "asks first (without a terminal to ask on, it needs --yes).",
    ),
    "help.db.downgrade.yes": (
        "Không hỏi: đưa lược đồ về và chấp nhận mất dữ liệu của các phiên bản đó.",
        "Do not ask: take the schema back and lose what the revisions hold.",
    ),
    "help.demo": (
        "Mở cơ sở dữ liệu mẫu (tạo từ seeds/ ở lần dùng đầu) tại ngày tính tình trạng của nó, trong giao diện "
        "dòng lệnh (với --print, hoặc khi không có cửa sổ dòng lệnh, thì in danh sách quá hạn).",
        "Open the demo database (made from seeds/ on first use) at its as-of date, in the terminal UI "
        "(or, with --print or without a terminal, print its overdue list).",
    ),
    "help.demo.reset": ("Dựng lại cơ sở dữ liệu mẫu từ seeds/ trước.", "Rebuild the demo database from seeds/ first."),
    "help.demo.print_only": (
        "In danh sách quá hạn thay vì mở giao diện.",
        "Print the overdue list instead of opening the UI.",
    ),
    # --- draft and notify --------------------------------------------------------------------------
    "help.draft": (
        "Soạn dự thảo danh sách nhiệm vụ của một văn bản (.txt, .md, .docx, .pdf) cho `tracker import`: "
        "kiểm tra rồi nhập.\n\n"
        "Tên cơ quan được đối chiếu với các cơ quan và tên gọi khác trong cơ sở dữ liệu (nếu đã có); điều văn "
        "bản không nói thì để trống và ghi vào mục cần xem lại (không bao giờ được nhập).",
        "Draft the tasks of a directive (.txt, .md, .docx, .pdf) for `tracker import`: check, then import.\n\n"
        "Agency names are matched against the database's agencies and aliases when it has any; what the "
        "document does not say is left empty and listed in the doubts (never imported).",
    ),
    "help.draft.file_format": (
        "Mặc định: theo đuôi tên tệp --output, không có thì json.",
        "Default: from the --output name, else json.",
    ),
    "help.draft.output": (
        "Ghi dự thảo vào tệp này (mặc định: đầu ra chuẩn).",
        "Write the draft here (default: standard output).",
    ),
    "help.draft.jurisdiction": (
        "Đối chiếu tên với các cơ quan của tỉnh này; ghi vào mọi dòng.",
        "Match names against this jurisdiction's agencies; written on every row.",
    ),
    "help.draft.review": (
        "Mở dự thảo bên cạnh văn bản trong cửa sổ dòng lệnh để sửa, bỏ và chấp nhận nhiệm vụ; chấp nhận là nhập vào.",
        "Open the draft beside its text in the terminal to fix, drop and accept tasks; accepting imports them.",
    ),
    "help.notify": (
        "Gửi email cho mỗi cơ quan các phân công quá hạn và sắp đến hạn, và gửi văn phòng một bản tổng hợp; "
        "mỗi bản tin đến mỗi địa chỉ nhiều nhất một lần một ngày. Dùng cho cron: không cần cửa sổ dòng lệnh, "
        "không hỏi gì; mã thoát 1 kèm danh sách các địa chỉ không gửi được.",
        "Email each agency its overdue and due-soon assignments, and the secretariat a summary; each digest "
        "at most once a day to each address. For cron: needs no terminal and no input; exit 1 names the "
        "addresses it could not send to.",
    ),
    "help.notify.due_within": ("Số ngày tính là sắp đến hạn (7).", "Due-soon window (7)."),
    "help.notify.agency_names": ("Chỉ gửi bản tin của cơ quan này.", "Only this agency's digest."),
    "help.notify.only_overdue": ("Bỏ những việc chỉ mới sắp đến hạn.", "Leave out what is only due soon."),
    "help.notify.weekdays_only": (
        "Không gửi gì vào thứ Bảy, Chủ nhật và ngày lễ, Tết của Việt Nam.",
        "Send nothing on weekends and Vietnamese public holidays.",
    ),
    "help.notify.dry_run": (
        "In các email mà lần chạy này sẽ gửi; không gửi, không ghi lại gì.",
        "Print the emails a run would send now; send and record nothing.",
    ),
    "help.notify.to_address": (
        "Gửi tất cả đến một địa chỉ này (để thử).",
        "Send everything to this one address (to try it out).",
    ),
}
