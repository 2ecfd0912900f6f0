"""Texts of the limits and guards on input (sizes, depths, dates, terminal text): (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- settings ----------------------------------------------------------------------------------
    "limits.config_unknown_key": (
        "tracker: cảnh báo: {path}: khóa {name!r} không phải là một thiết lập và bị bỏ qua; hãy kiểm tra chính tả.",
        "tracker: warning: {path}: {name!r} is not a setting and is ignored; check its spelling.",
    ),
    "limits.config_missing": (
        "tracker: cảnh báo: TRACKER_CONFIG chỉ tới {path}, nhưng tệp này không tồn tại; dùng các thiết lập mặc định.",
        "tracker: warning: TRACKER_CONFIG names {path}, which does not exist; the defaults apply.",
    ),
    "limits.argument_not_utf8": (
        "đối số {arg!r} không phải là văn bản UTF-8; hãy đặt bảng mã của terminal là UTF-8 rồi gõ lại.",
        "the argument {arg!r} is not UTF-8 text; set the terminal's encoding to UTF-8 and type it again.",
    ),
    # --- changes ----------------------------------------------------------------------------------
    "limits.no_such_assignment": (
        "nhiệm vụ được giao số {id} không tồn tại; lệnh 'tracker list' cho biết các số.",
        "assignment {id} does not exist; 'tracker list' shows the ids.",
    ),
    "limits.note_too_long": (
        "ghi chú dài {length} ký tự, vượt giới hạn {limit} ký tự; hãy rút gọn.",
        "the note is {length} characters long, more than a note may be ({limit}); shorten it.",
    ),
    "limits.extend_before_issue": (
        "không thể gia hạn nhiệm vụ được giao số {id} tới {to}: ngày này trước ngày ban hành văn bản ({issued}).",
        "assignment {id} cannot be extended to {to}: that is before the directive was issued ({issued}).",
    ),
    "limits.waiting_for_database": (
        "Cơ sở dữ liệu đang bận (một chương trình khác đang ghi, ví dụ một lần nhập); đang chờ tối đa {seconds} giây…",
        "The database is busy (another program is writing, e.g. an import); waiting up to {seconds} s…",
    ),
    "limits.database_stayed_busy": (
        "Cơ sở dữ liệu vẫn bận sau {seconds} giây chờ (một chương trình khác đang ghi); chưa ghi gì, hãy thử lại sau.",
        "The database stayed busy for {seconds} s (another program is writing); nothing was written, try again later.",
    ),
    "limits.no_holidays_for_year": (
        "không tính được ngày làm việc của năm {year}: lịch ngày lễ (âm lịch) chỉ có đến năm 2100; "
        "hãy ghi một ngày cụ thể.",
        "working days in {year} cannot be counted: the holiday calendar (lunar) ends in 2100; write a date instead.",
    ),
    # --- database -----------------------------------------------------------------------------------
    "limits.not_a_database": (
        "{url} không phải là một cơ sở dữ liệu ({detail}); hãy kiểm tra --db hoặc database_url.",
        "{url} is not a database ({detail}); check --db or database_url.",
    ),
    "limits.database_folder_read_only": (
        "không mở được cơ sở dữ liệu {url}: SQLite cần ghi tệp nhật ký bên cạnh tệp dữ liệu, mà thư mục chứa nó "
        "chỉ cho đọc (hoặc tệp không có); hãy kiểm tra đường dẫn và quyền ghi của thư mục, hoặc chép tệp sang "
        "một thư mục ghi được.",
        "cannot open the database {url}: SQLite writes its journal beside the file, and the folder holding it "
        "is read-only (or the file is missing); check the path and the rights to write to the folder, or copy "
        "the file to a folder you can write to.",
    ),
    "limits.database_read_only": (
        "không ghi được vào cơ sở dữ liệu: nó chỉ cho đọc ({detail}); hãy kiểm tra quyền ghi vào cơ sở dữ liệu "
        "(với một tệp: quyền ghi của tệp và thư mục chứa nó).",
        "cannot write to the database: it is read-only ({detail}); check the rights to write to it (for a file: "
        "to the file and its folder).",
    ),
    "limits.unknown_revision": (
        "không có phiên bản lược đồ {revision!r}; các phiên bản là: {known}.",
        "there is no schema revision {revision!r}; the revisions are: {known}.",
    ),
    "limits.downgrade_nothing": (
        "Cơ sở dữ liệu {url} đang ở phiên bản {revision}: không có gì để hạ cấp.",
        "The database {url} is at revision {revision}: there is nothing to take back.",
    ),
    "limits.downgrade_plan": (
        "Hạ cấp cơ sở dữ liệu {url} về phiên bản {target} sẽ hủy các phiên bản sau và mất những gì chúng "
        "lưu giữ:\n{lost}",
        "Taking the database {url} back to revision {target} undoes these revisions and loses what they hold:\n{lost}",
    ),
    "limits.downgrade_everything": (
        "  mọi bảng và mọi bản ghi: {records}",
        "  every table and every record: {records}",
    ),
    "limits.downgrade_confirm": ("Tiếp tục hạ cấp?", "Take the database back?"),
    "limits.downgrade_needs_yes": (
        "không hạ cấp: không có ai để hỏi xác nhận; thêm --yes nếu chắc chắn muốn mất những dữ liệu trên.",
        "not taken back: there is no terminal to ask on; add --yes if you mean to lose what is listed above.",
    ),
    "limits.downgrade_declined": ("không hạ cấp; không có gì thay đổi.", "not taken back; nothing changed."),
    "limits.downgrade_done": (
        "Đã hạ cấp cơ sở dữ liệu {url} từ phiên bản {before} về {after} ({count} phiên bản đã hủy).",
        "The database {url} was taken back from revision {before} to {after} ({count} revision(s) undone).",
    ),
    "limits.from_after_to": (
        "--from {start} sau --to {end}: ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
        "--from {start} is after --to {end}: the first day must come before the last.",
    ),
    # --- searches ---------------------------------------------------------------------------------
    "limits.search_too_many_words": (
        "tìm kiếm có {count} từ, nhiều hơn giới hạn {limit} từ; hãy bớt từ.",
        "the search has {count} words, more than a search may have ({limit}); use fewer words.",
    ),
    "limits.search_word_too_long": (
        "từ tìm kiếm {word!r} dài {length} ký tự, vượt giới hạn {limit} ký tự; hãy dùng từ ngắn hơn.",
        "the search word {word!r} is {length} characters long, more than a word may be ({limit}); use a shorter one.",
    ),
    # --- files -------------------------------------------------------------------------------------
    "limits.cell_too_long": (
        "{path}:{where}: ô dài {length} ký tự, vượt giới hạn {limit} ký tự của một ô; hãy rút gọn nội dung.",
        "{path}:{where}: the cell is {length} characters long, more than a cell may hold ({limit}); shorten it.",
    ),
    "limits.csv_cell_too_long": (
        "{path}: dòng {line}: có ô dài hơn {limit} ký tự (giới hạn của một ô), hoặc một dấu ngoặc kép "
        "bị bỏ ngỏ; hãy rút gọn ô hoặc đóng dấu ngoặc kép.",
        "{path}: line {line}: a cell is longer than a cell may be ({limit} characters), or a quote is left "
        "open; shorten the cell or close the quote.",
    ),
    "limits.csv_unreadable": (
        "{path}: dòng {line}: không đọc được tệp CSV ({detail}); hãy lưu lại tệp dưới dạng CSV UTF-8.",
        "{path}: line {line}: the CSV file cannot be read ({detail}); save it again as CSV UTF-8.",
    ),
    "limits.not_text": (
        "{path}: tệp không được lưu bằng bảng mã UTF-8 hay UTF-16; hãy lưu lại dưới dạng CSV UTF-8 "
        "(hoặc Unicode Text) rồi nhập lại.",
        "{path}: the file is not UTF-8 or UTF-16; save it as CSV UTF-8 (or Unicode text) and try again.",
    ),
    "limits.not_text_line": (
        "{path}: tệp không được lưu bằng bảng mã UTF-8 hay UTF-16 (dòng {line}); hãy lưu lại dưới dạng CSV UTF-8 "
        "(hoặc Unicode Text) rồi nhập lại.",
        "{path}: the file is not UTF-8 or UTF-16 (line {line}); save it as CSV UTF-8 (or Unicode text) and try again.",
    ),
    "limits.csv_quote_open": (
        "{path}:{row}:{column}: dấu ngoặc kép mở trong ô này chưa được đóng, và {count} dòng sau nó trông như "
        "các dòng của tệp; hãy đóng hoặc xóa dấu ngoặc kép.",
        "{path}:{row}:{column}: a quote opened in this cell is not closed, and the lines after it look like rows "
        "of the file ({count} line(s)); close the quote or remove it.",
    ),
    "limits.formula_without_value": (
        "{path}: ô {cell} chứa công thức {formula} nhưng không có giá trị đã tính; hãy mở tệp bằng Excel "
        "hoặc LibreOffice, lưu lại rồi nhập lại, hoặc gõ giá trị vào ô.",
        "{path}: cell {cell} holds the formula {formula} but no saved value; open the file in Excel or "
        "LibreOffice, save it and import it again, or type the value into the cell.",
    ),
    "limits.sheet_unreadable": (
        "{path}: bảng tính bị hỏng, không đọc được ({detail}); hãy mở tệp bằng Excel, lưu lại rồi nhập lại.",
        "{path}: the sheet is damaged and cannot be read ({detail}); open the file in Excel, save it and "
        "import it again.",
    ),
    "limits.bad_merge": (
        "{path}: trang {sheet}: vùng gộp ô {ref!r} không hợp lệ; hãy bỏ gộp ô đó trong Excel rồi lưu lại.",
        "{path}: sheet {sheet}: the merged range {ref!r} is not valid; unmerge it in Excel and save again.",
    ),
    "limits.too_many_merged_blocks": (
        "{path}: trang tính có hơn {limit} vùng gộp ô; hãy bỏ gộp ô (Unmerge) rồi lưu lại.",
        "{path}: the sheet has more than {limit} merged ranges; unmerge the cells and save again.",
    ),
    "limits.json_too_deep": (
        "{path}: {where}: dữ liệu JSON lồng nhau quá {limit} cấp; tệp nhập chỉ cần tối đa 5 cấp.",
        "{path}: {where}: the JSON nests deeper than {limit} levels; an import file needs at most 5.",
    ),
    "limits.json_number_too_long": (
        "{path}: {where}: số có hơn {limit} chữ số; hãy viết nó dưới dạng văn bản (trong dấu ngoặc kép).",
        "{path}: {where}: a number has more than {limit} digits; write it as text (in quotes).",
    ),
}
