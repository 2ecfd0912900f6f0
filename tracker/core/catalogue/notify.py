"""Texts of the daily email and its run, and of email addresses wherever they enter: (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- an email address, wherever it enters (agency contacts, the sender, --to) -----------------
    "email.invalid": (
        "“{address}” không phải là địa chỉ email: {reason}.",
        "“{address}” is not an email address: {reason}.",
    ),
    "email.reason.empty": ("địa chỉ để trống", "it is empty"),
    "email.reason.space": ("có dấu cách hoặc ký tự điều khiển", "it holds a space or a control character"),
    "email.reason.display_name": (
        "chỉ ghi địa chỉ, không kèm tên hay dấu < >",
        "write the address alone, without a name or < >",
    ),
    "email.reason.mailbox": (
        "ghi địa chỉ, hoặc tên rồi địa chỉ trong dấu < >, ví dụ: Văn phòng UBND <vp@example.org>",
        "write an address, or a name then the address in < >, such as: Văn phòng UBND <vp@example.org>",
    ),
    "email.reason.at": ("phải có đúng một dấu @", "it must hold exactly one @"),
    "email.reason.local": (
        "phần trước dấu @ có ký tự không dùng được (chữ có dấu, dấu phẩy, ngoặc…) hoặc dấu chấm đặt sai chỗ",
        "the part before the @ holds a character that cannot be used (a letter with a diacritic, a comma, "
        "a bracket…) or a misplaced dot",
    ),
    "email.reason.local_length": ("phần trước dấu @ dài quá 64 ký tự", "the part before the @ is over 64 characters"),
    "email.reason.no_dot": (
        "tên miền sau dấu @ thiếu phần đuôi (như .gov.vn)",
        "the domain after the @ has no dot (such as .gov.vn)",
    ),
    "email.reason.domain": (
        "tên miền sau dấu @ không hợp lệ (chỉ gồm chữ, số, dấu gạch ngang và dấu chấm)",
        "the domain after the @ is not a domain name (letters, digits, hyphens and dots)",
    ),
    "email.reason.length": ("địa chỉ dài quá 254 ký tự", "it is over 254 characters"),
    # --- settings ------------------------------------------------------------------------------------
    "notify.no_host": (
        "chưa có máy chủ thư: đặt TRACKER_SMTP_HOST (hoặc smtp_host trong tệp cấu hình).",
        "no SMTP server: set TRACKER_SMTP_HOST (or smtp_host in the config file).",
    ),
    "notify.bad_security": (
        "TRACKER_SMTP_SECURITY={value}: chỉ dùng none, starttls hoặc ssl.",
        "TRACKER_SMTP_SECURITY={value}: use none, starttls or ssl.",
    ),
    "notify.cleartext_auth": (
        "TRACKER_SMTP_SECURITY=none cùng tài khoản {user} sẽ gửi mật khẩu qua mạng không mã hóa; không gửi thư. "
        "Dùng starttls hoặc ssl, hoặc đặt TRACKER_SMTP_ALLOW_CLEARTEXT_AUTH=true nếu đường tới máy chủ thư "
        "là mạng tin cậy.",
        "TRACKER_SMTP_SECURITY=none with the user {user} would send the password unencrypted; nothing sent. "
        "Use starttls or ssl, or set TRACKER_SMTP_ALLOW_CLEARTEXT_AUTH=true if the way to the mail server "
        "is a trusted network.",
    ),
    "notify.no_sender": (
        "chưa có địa chỉ gửi: đặt TRACKER_MAIL_FROM (hoặc mail_from trong tệp cấu hình).",
        "no sender: set TRACKER_MAIL_FROM (or mail_from in the config file).",
    ),
    "notify.bad_sender": ("TRACKER_MAIL_FROM: {error}", "TRACKER_MAIL_FROM: {error}"),
    "notify.bad_to": ("--to: {error}", "--to: {error}"),
    # --- the run -------------------------------------------------------------------------------------
    "notify.running": (
        "một lượt 'tracker notify' khác đang gửi thư cho cơ sở dữ liệu này; lượt này không gửi gì. "
        "Chờ lượt kia xong rồi chạy lại nếu cần.",
        "another 'tracker notify' is sending for this database; this run sent nothing. "
        "Let that one finish, then run again if needed.",
    ),
    "notify.cannot_connect": (
        "không dùng được máy chủ thư {server}: {reason}",
        "cannot use the SMTP server {server}: {reason}",
    ),
    "notify.stopped": (
        "dừng gửi ở thư “{subject}” tới {addresses}: {reason}; {sent} trên {total} thư đã gửi và ghi nhận. "
        "Chạy lại để gửi các thư còn lại.",
        "sending stopped at “{subject}” to {addresses}: {reason}; {sent} of {total} sent and recorded; "
        "run again to send the rest.",
    ),
    "notify.unrecorded": (
        "máy chủ thư đã nhận thư “{subject}” tới {addresses} nhưng không ghi nhận được vào cơ sở dữ liệu ({reason}); "
        "dừng gửi, {sent} trên {total} thư đã ghi nhận. Lượt sau sẽ gửi lại thư này với cùng Message-ID "
        "{message_id}.",
        "the server accepted “{subject}” to {addresses} but it could not be recorded ({reason}); sending stopped "
        "with {sent} of {total} recorded. The next run sends it again, with the same Message-ID {message_id}.",
    ),
    "notify.record_failed": ("{reason}", "{reason}"),
    "notify.database_busy": (
        "cơ sở dữ liệu vẫn bị khóa ghi sau {seconds} giây",
        "the database was still locked for writing after {seconds} s",
    ),
    # why the server could not be used: what happened, then what to check (never the OS's English)
    "notify.reason.connection_refused": (
        "máy chủ không nhận kết nối ở địa chỉ và cổng này; kiểm tra máy chủ thư đang chạy, và TRACKER_SMTP_HOST, "
        "TRACKER_SMTP_PORT đúng là của nó",
        "nothing accepts connections at that address and port; check that the mail server is running, and that "
        "TRACKER_SMTP_HOST and TRACKER_SMTP_PORT are its own",
    ),
    "notify.reason.unknown_host": (
        "không tìm thấy máy chủ có tên này (tên không phân giải được); kiểm tra TRACKER_SMTP_HOST có gõ đúng không, "
        "và mạng, DNS của máy này",
        "no host has that name (it does not resolve); check the spelling of TRACKER_SMTP_HOST, and this machine's "
        "network and DNS",
    ),
    "notify.reason.bad_host": (
        "tên máy chủ không hợp lệ; kiểm tra TRACKER_SMTP_HOST",
        "that is not a valid host name; check TRACKER_SMTP_HOST",
    ),
    "notify.reason.timeout": (
        "máy chủ không trả lời trong {seconds} giây; kiểm tra máy chủ thư đang chạy, tường lửa không chặn đường tới "
        "nó, TRACKER_SMTP_PORT và TRACKER_SMTP_SECURITY khớp nhau (ssl cho cổng 465, starttls cho 587), hoặc tăng "
        "TRACKER_SMTP_TIMEOUT",
        "no answer within {seconds} s; check that the mail server is running and no firewall blocks the way to it, "
        "that TRACKER_SMTP_PORT and TRACKER_SMTP_SECURITY match (ssl for port 465, starttls for 587), or raise "
        "TRACKER_SMTP_TIMEOUT",
    ),
    "notify.reason.unreachable": (
        "mạng không tới được máy chủ; kiểm tra mạng của máy này và TRACKER_SMTP_HOST",
        "the network cannot reach the server; check this machine's network and TRACKER_SMTP_HOST",
    ),
    "notify.reason.closed": (
        "máy chủ đóng kết nối ngay; kiểm tra TRACKER_SMTP_SECURITY khớp với cổng (ssl cho cổng 465, starttls cho "
        "587, none cho 25)",
        "the server closed the connection at once; check that TRACKER_SMTP_SECURITY matches the port (ssl for "
        "port 465, starttls for 587, none for 25)",
    ),
    "notify.reason.tls": (
        "không lập được kết nối mã hóa (TLS) với máy chủ; kiểm tra TRACKER_SMTP_SECURITY khớp với cổng (ssl cho "
        "cổng 465, starttls cho 587)",
        "no encrypted (TLS) connection could be made with the server; check that TRACKER_SMTP_SECURITY matches "
        "the port (ssl for port 465, starttls for 587)",
    ),
    "notify.reason.tls_untrusted": (
        "chứng chỉ TLS của máy chủ không tin cậy được (tự ký, hoặc do nơi cấp mà máy này không tin); đặt "
        "TRACKER_SMTP_CAFILE là tệp chứng chỉ của nơi cấp",
        "the server's TLS certificate is not trusted (self-signed, or from an authority this machine does not "
        "trust); set TRACKER_SMTP_CAFILE to the authority's certificate file",
    ),
    "notify.reason.tls_name": (
        "chứng chỉ TLS của máy chủ không mang tên {host}; đặt TRACKER_SMTP_HOST là tên ghi trong chứng chỉ",
        "the server's TLS certificate is not for {host}; set TRACKER_SMTP_HOST to the name the certificate holds",
    ),
    "notify.reason.tls_expired": (
        "chứng chỉ TLS của máy chủ đã hết hạn (hoặc đồng hồ của máy này sai); báo người quản trị máy chủ thư",
        "the server's TLS certificate has expired (or this machine's clock is wrong); tell the mail server's "
        "administrator",
    ),
    "notify.reason.no_starttls": (
        "máy chủ không hỗ trợ STARTTLS; dùng TRACKER_SMTP_SECURITY=ssl (thường là cổng 465) nếu máy chủ có",
        "the server does not offer STARTTLS; use TRACKER_SMTP_SECURITY=ssl (usually port 465) if it offers that",
    ),
    "notify.reason.no_auth": (
        "máy chủ không cho đăng nhập trên kết nối này; bỏ TRACKER_SMTP_USER nếu máy chủ không cần đăng nhập, hoặc "
        "dùng TRACKER_SMTP_SECURITY=starttls hay ssl",
        "the server offers no login on this connection; unset TRACKER_SMTP_USER if it needs none, or use "
        "TRACKER_SMTP_SECURITY=starttls or ssl",
    ),
    "notify.reason.login": (
        "máy chủ từ chối đăng nhập của tài khoản {user} ({reply}); kiểm tra TRACKER_SMTP_USER và TRACKER_SMTP_PASSWORD",
        "the server refused the login of {user} ({reply}); check TRACKER_SMTP_USER and TRACKER_SMTP_PASSWORD",
    ),
    "notify.reason.greeting": (
        "máy chủ không mở phiên làm việc: {reply}",
        "the server would not open a session: {reply}",
    ),
    "notify.reason.reply": ("máy chủ trả lời: {reply}", "the server answered: {reply}"),
    "notify.reason.no_answer": (
        "máy chủ không trả lời trong {seconds} giây",
        "the server did not answer within {seconds} s",
    ),
    "notify.reason.dropped": ("máy chủ đã đóng kết nối", "the server closed the connection"),
    "notify.reason.network": (
        "lỗi mạng ({code}); kiểm tra mạng của máy này, TRACKER_SMTP_HOST và TRACKER_SMTP_PORT",
        "a network error ({code}); check this machine's network, TRACKER_SMTP_HOST and TRACKER_SMTP_PORT",
    ),
    "notify.reason.refused": ("máy chủ từ chối: {reply}", "refused by the server: {reply}"),
    "notify.reason.temporary": (
        "máy chủ tạm từ chối: {reply}; lượt sau sẽ thử lại",
        "refused for now by the server: {reply}; the next run tries again",
    ),
    "notify.reason.message_refused": ("máy chủ từ chối thư: {reply}", "the server refused the message: {reply}"),
    "notify.reason.sender_refused": (
        "máy chủ từ chối địa chỉ gửi {sender}: {reply}; kiểm tra TRACKER_MAIL_FROM",
        "the server refused the sender {sender}: {reply}; check TRACKER_MAIL_FROM",
    ),
    "notify.failure": ("{address} ({digest}: {reason})", "{address} ({digest}: {reason})"),
    "notify.failed": (
        "{report} Chưa gửi được tới {count} địa chỉ; sửa các địa chỉ này rồi chạy lại (chỉ gửi những thư còn "
        "thiếu): {failures}.",
        "{report} Not sent to {count} address(es); fix them and run again (only what is missing is sent): {failures}.",
    ),
    "notify.no_contact": (
        "{count} cơ quan có nhiệm vụ quá hạn hoặc sắp đến hạn nhưng chưa có địa chỉ email, không gửi được: "
        "{names}. Thêm địa chỉ bằng 'tracker agency edit TÊN --add-email ĐỊA_CHỈ'.",
        "{count} agencies with overdue or due-soon work have no email address, so nothing was sent to them: "
        "{names}. Add one with 'tracker agency edit NAME --add-email ADDRESS'.",
    ),
    "notify.progress": ("Đang gửi thư", "Sending digests"),
    # --- --dry-run -----------------------------------------------------------------------------------
    "notify.dry_already_sent": (
        "Đã gửi lúc {at}: “{subject}” tới {recipients}.",
        "Already sent at {at}: “{subject}” to {recipients}.",
    ),
    "notify.dry_report": (
        "Chạy thử ({as_of}): {pending} thư sẽ được gửi, {skipped} thư đã gửi trước đó; không gửi và không ghi gì.",
        "Dry run ({as_of}): {pending} would be sent, {skipped} already sent earlier; nothing sent or recorded.",
    ),
    "notify.dry_all_sent": (
        "Chạy thử ({as_of}): cả {skipped} thư của ngày này đã được gửi (thư cuối lúc {at}); chạy thật lúc này "
        "sẽ không gửi gì.",
        "Dry run ({as_of}): all {skipped} digests of the day were already sent (the last at {at}); a run now "
        "would send nothing.",
    ),
    "notify.dry_nothing": (
        "Chạy thử ({as_of}): không có thư nào để gửi (không có nhiệm vụ quá hạn hay sắp đến hạn có địa chỉ nhận).",
        "Dry run ({as_of}): no digest to send (no overdue or due-soon work with an address to send it to).",
    ),
}
