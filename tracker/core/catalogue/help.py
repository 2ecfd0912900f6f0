"""``--help`` texts of the commands and their options, and Click's own words (usage, headings, usage errors).

Keys: ``help`` (the top-level group), ``help.<command path>`` (the command's help; its first line is the
one-line help in a group's list), ``help.<command path>.<option>``, ``help.global.<option>`` (the
top-level group's options), ``help.shared.<option>`` (an option of several commands),
``help.filter.<option>`` (the list filters) and ``click.*`` (Click's own words).
"""

from __future__ import annotations

KINDS = (
    "department (sở, ban, ngành), district (huyện, thị xã, thành phố, xã, phường), central (trung ương), "
    "media (báo, đài), group (nhóm), other (khác)"
)
"""The agency kinds with the Vietnamese words read as each."""

JURISDICTION = (
    "Mã tỉnh, thành phố (bỏ qua được khi cơ sở dữ liệu chỉ có một).",
    "Jurisdiction code (may be left out when the database has one).",
)

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
    "help.done.replace": ("Thay một lần hoàn thành đã ghi nhận.", "Replace a completion already recorded."),
    "help.done.later": ("Chấp nhận ngày sau ngày tính.", "Accept a date after the as-of date."),
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
    # --- --help of the jurisdiction and agency commands ---------------------------------------------
    "help.global.database_url": (
        "Địa chỉ cơ sở dữ liệu (sqlite:///TỆP hoặc postgresql+psycopg://...).",
        "Database URL (sqlite:///FILE or postgresql+psycopg://...).",
    ),
    "help.global.as_of": (
        "Ngày tính tình trạng (mặc định: hôm nay). Ngày trước: 30/4/2020.",
        "Date to compute status at (default: today). Day first: 30/4/2020.",
    ),
    "help.global.actor": (
        "Tên ghi vào nhật ký thay đổi (mặc định: người dùng của máy).",
        "Name recorded in the audit log (default: the OS user).",
    ),
    "help.global.lang": ("Ngôn ngữ hiển thị.", "Language of the output."),
    "help.global.help": ("Xem hướng dẫn này rồi thoát.", "Show this message and exit."),
    "help.jurisdiction": (
        "Tỉnh, thành phố trực thuộc trung ương: xem, thêm, đổi tên (mã dùng cho tập lệnh).",
        "Provinces and centrally-run cities: list, add, rename (the code is for scripts).",
    ),
    "help.jurisdiction.list": (
        'Mọi tỉnh, thành phố: mã và tên. json: [{"code", "name"}].',
        'Every jurisdiction: its code and its name. json: [{"code", "name"}].',
    ),
    "help.jurisdiction.list.output_format": ("Dạng hiển thị.", "Output format."),
    "help.jurisdiction.add": (
        'Thêm tỉnh, thành phố: MÃ như quang-ninh, TÊN như "Tỉnh Quảng Ninh".',
        'A new jurisdiction: CODE such as quang-ninh, NAME such as "Tỉnh Quảng Ninh".',
    ),
    "help.jurisdiction.rename": (
        "Đặt tên TÊN cho tỉnh, thành phố MÃ (báo cáo và tiêu đề văn bản dùng tên này).",
        "Give the jurisdiction CODE the name NAME (reports and letterheads use it).",
    ),
    "help.agency": (
        "Cơ quan: xem, thêm, sửa (tên gọi khác, email, nhóm, loại), gộp cơ quan trùng.\n\nCác loại: " + KINDS + "; "
        "nhận cả từ tiếng Việt.",
        "Agencies: list, add, edit (aliases, emails, groups, kind), merge duplicates.\n\nKinds: " + KINDS + "; the "
        "Vietnamese words are accepted too.",
    ),
    "help.agency.list": (
        "Mọi cơ quan với loại, tên ngắn, tên gọi khác, email và nhóm.",
        "Every agency with its kind, short name, aliases, emails and groups.",
    ),
    "help.agency.list.output_format": ("Dạng hiển thị.", "Output format."),
    "help.agency.list.jurisdiction": JURISDICTION,
    "help.agency.add": (
        "Thêm cơ quan. Cơ quan đã có là lỗi: sửa bằng 'tracker agency edit'.",
        "A new agency. One that exists is an error: change it with 'tracker agency edit'.",
    ),
    "help.agency.add.jurisdiction": JURISDICTION,
    "help.agency.add.kind": (
        "Loại: " + KINDS + ".",
        "Kind: " + KINDS + ".",
    ),
    "help.agency.add.short_name": ("Tên ngắn, ví dụ: Sở NV.", "Short name, e.g. Sở NV."),
    "help.agency.add.aliases": ("Tên gọi khác (lặp lại được).", "Another name the agency goes by (repeatable)."),
    "help.agency.add.emails": (
        "Địa chỉ email nhận thư hằng ngày (lặp lại được).",
        "Email address for the digest (repeatable).",
    ),
    "help.agency.add.groups": ("Nhóm mà cơ quan thuộc về (lặp lại được).", "Group it belongs to (repeatable)."),
    "help.agency.edit": (
        "Sửa một cơ quan (tìm theo tên hoặc tên gọi khác): thực hiện hết các thay đổi hoặc không thay đổi gì.",
        "Change an agency (found by its name or an alias): all the changes or none.",
    ),
    "help.agency.edit.jurisdiction": JURISDICTION,
    "help.agency.edit.rename": ("Tên mới (tên cũ giữ làm tên gọi khác).", "New name (the old one stays as an alias)."),
    "help.agency.edit.kind": (
        "Loại: " + KINDS + ".",
        "Kind: " + KINDS + ".",
    ),
    "help.agency.edit.short_name": ("Tên ngắn (để trống để xóa).", "Short name (empty to clear)."),
    "help.agency.edit.add_alias": ("Thêm tên gọi khác (lặp lại được).", "Add an alias (repeatable)."),
    "help.agency.edit.remove_alias": ("Xóa tên gọi khác (lặp lại được).", "Remove an alias (repeatable)."),
    "help.agency.edit.add_email": ("Thêm địa chỉ email (lặp lại được).", "Add an email address (repeatable)."),
    "help.agency.edit.remove_email": ("Xóa địa chỉ email (lặp lại được).", "Remove an email address (repeatable)."),
    "help.agency.edit.add_group": ("Đưa vào nhóm (lặp lại được).", "Put it in a group (repeatable)."),
    "help.agency.edit.remove_group": ("Đưa ra khỏi nhóm (lặp lại được).", "Take it out of a group (repeatable)."),
    "help.agency.merge": (
        "Gộp cơ quan TRÙNG vào cơ quan GỘP_VÀO: chuyển phân công, tên gọi khác, email và nhóm; tên của cơ quan "
        "trùng thành tên gọi khác.",
        "Merge DUPLICATE into INTO: assignments, aliases, emails and groups move; DUPLICATE's name becomes an "
        "alias of INTO.",
    ),
    "help.agency.merge.jurisdiction": JURISDICTION,
    # --- --help of the reports -----------------------------------------------------------------------
    "help.report": (
        "Báo cáo: tình hình gửi báo cáo của một kỳ, bảng xếp hạng cơ quan, tiến độ một văn bản.",
        "Reports: submissions for a period, the agency scoreboard, one directive's progress.",
    ),
    "help.report.submissions": (
        "Cơ quan nào đã gửi báo cáo định kỳ của một kỳ (đúng hạn, muộn, chưa gửi), kèm tổng số.",
        "Who submitted a recurring report for one period (on time, late, not at all), with totals.",
    ),
    "help.report.submissions.task_text": ("Ví dụ 4515/KH-UBND:BC-HT hoặc BC-HT.", "e.g. 4515/KH-UBND:BC-HT or BC-HT."),
    "help.report.submissions.period": ("Kỳ, ví dụ 2020-02, 2020-Q3, 2020.", "e.g. 2020-02, 2020-Q3, 2020."),
    "help.report.agencies": (
        "Theo cơ quan: số được giao, xong đúng hạn, muộn, đang làm, quá hạn, tỷ lệ đúng hạn; tổng số.",
        "Per agency: assigned, done on time, late, in progress, overdue, on-time rate; totals.",
    ),
    "help.report.agencies.due_from": ("Tính các phân công có hạn từ ngày này.", "Count assignments due from this day."),
    "help.report.agencies.due_to": ("…đến ngày này.", "...to this day."),
    "help.report.directive": (
        "Mọi nhiệm vụ và phân công của một văn bản với tình trạng.",
        "Every task and assignment of one directive with its status.",
    ),
    "help.report.file_format": (
        "Mặc định: theo đuôi tên tệp --output (.xlsx, .docx, .csv, .md), không có thì in bảng.",
        "Default: from the --output name (.xlsx, .docx, .csv, .md), else a table.",
    ),
    "help.report.output": (
        "Ghi vào tệp này; đuôi tên tệp chọn định dạng.",
        "Write to this file; its ending picks the format.",
    ),
    "help.report.issuer": (
        "Tiêu đề DOCX: cơ quan ban hành, cấp trên trước, mỗi dòng một lần dùng (mặc định: theo tỉnh).",
        "DOCX header: issuing body, parent first, one line per option (default: from the province).",
    ),
    "help.report.place": (
        "Địa danh ở dòng ngày tháng của DOCX (mặc định: theo tỉnh).",
        "DOCX date line's place name (default: from the province).",
    ),
    "help.report.signer": (
        "Chức danh người ký trong DOCX (mặc định: CHÁNH VĂN PHÒNG).",
        "DOCX signature block title (default: CHÁNH VĂN PHÒNG).",
    ),
}
