"""Sending digests over one SMTP connection, exactly once per day and digest.

Before sending, digests already in the sent log for the day are left out. Each message accepted by the
server is written to the sent log at once (its own commit), so a run that fails part way (server
down, recipient refused, 4xx, connection dropped) keeps what was sent and the next run sends the rest.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.encoders import encode_base64
from email.header import Header
from email.headerregistry import Address
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import format_datetime, make_msgid

from tracker.core.errors import TrackerError
from tracker.core.text import one_line
from tracker.notify.digest import Digest
from tracker.settings import Settings
from tracker.store.rawsql import RawSql

DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}


class NotifyError(TrackerError):
    """Sending stopped; the message says why and how many were sent."""


@dataclass
class SendReport:
    sent: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def compose(digest: Digest, sender: str, now: datetime, to: Sequence[str] | None = None) -> Message:
    """A MIME message: text plus an HTML alternative, UTF-8 headers, a Message-ID and a Date. Header values
    are single lines (a newline in an agency name cannot add a header).

    Built with the classic MIME classes: their RFC 2047 encoding of a Vietnamese subject decodes back to
    the same text, where the newer header folding loses spaces between encoded words."""
    message = MIMEMultipart("alternative")
    message["Subject"] = Header(one_line(digest.subject), "utf-8")  # type: ignore[assignment]  # Header is accepted
    message["From"] = one_line(sender)
    message["To"] = ", ".join(one_line(address) for address in (to or digest.to))
    message["Date"] = format_datetime(now)
    domain = sender.rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid(domain=one_line(domain))
    message.attach(_utf8_part(digest.text_utf8, "plain"))
    message.attach(_utf8_part(digest.html_utf8, "html"))
    return message


def _utf8_part(body: bytes, subtype: str) -> MIMENonMultipart:
    """A text part from a body already encoded as UTF-8: base64, as ``MIMEText`` would send it."""
    part = MIMENonMultipart("text", subtype, charset="utf-8")
    part.set_payload(body)
    encode_base64(part)
    return part


def _check_address(address: str) -> str:
    try:
        Address(addr_spec=address.strip())
    except (ValueError, IndexError):
        raise NotifyError(f"{address!r} is not an email address; fix the setting or the agency's contact.") from None
    return address.strip()


def _connect(settings: Settings) -> smtplib.SMTP:
    if not settings.smtp_host:
        raise NotifyError("no SMTP server: set TRACKER_SMTP_HOST (or smtp_host in the config file).")
    security = settings.smtp_security.lower()
    if security not in DEFAULT_PORTS:
        raise NotifyError(f"TRACKER_SMTP_SECURITY={settings.smtp_security!r}: use none, starttls or ssl.")
    port = settings.smtp_port or DEFAULT_PORTS[security]
    context = ssl.create_default_context(cafile=settings.smtp_cafile or None)
    try:
        if security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.smtp_host, port, timeout=settings.smtp_timeout, context=context
            )
        else:
            client = smtplib.SMTP(settings.smtp_host, port, timeout=settings.smtp_timeout)
            if security == "starttls":
                client.starttls(context=context)
        if settings.smtp_user:
            client.login(settings.smtp_user, settings.smtp_password)
    except (OSError, smtplib.SMTPException) as error:
        raise NotifyError(f"cannot use the SMTP server {settings.smtp_host}:{port}: {_reason(error)}") from None
    return client


def _reason(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "recipient refused: " + ", ".join(
            f"{address} ({code} {_text(reply)})" for address, (code, reply) in error.recipients.items()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return one_line(str(error)) or type(error).__name__


def _text(reply: bytes | str) -> str:
    return one_line(reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply)


def already_sent(sql: RawSql, day: date) -> set[str]:
    return {row[0] for row in sql.rows("SELECT digest_key FROM sent_digest WHERE digest_date = :d", {"d": day})}


def send_digests(
    digests: Sequence[Digest],
    settings: Settings,
    day: date,
    *,
    open_sql: Callable[[], tuple[RawSql, Callable[[], None]]],
    to_override: str | None = None,
    now: datetime | None = None,
) -> SendReport:
    """Send what has not been sent today; record each message as soon as the server accepts it.

    ``open_sql`` gives a connection and its commit function. With ``to_override`` every message goes to
    that address and is logged under its own keys (trying it out never marks the real ones sent)."""
    sender = _check_address(settings.mail_from) if settings.mail_from else ""
    if not sender:
        raise NotifyError("no sender: set TRACKER_MAIL_FROM (or mail_from in the config file).")
    override = _check_address(to_override) if to_override else None
    sql, commit = open_sql()
    done = already_sent(sql, day)
    report = SendReport()
    pending = []
    for digest in digests:
        key = f"{override}>{digest.key}" if override else digest.key
        if key in done:
            report.skipped.append(key)
        else:
            pending.append((key, digest))
    if not pending:
        return report
    client = _connect(settings)
    moment = now or datetime.now(UTC)
    try:
        for key, digest in pending:
            recipients = [override] if override else [_check_address(a) for a in digest.to]
            message = compose(digest, sender, moment, recipients)
            try:
                refused = client.send_message(message, from_addr=sender, to_addrs=recipients)
            except (OSError, smtplib.SMTPException) as error:
                raise NotifyError(
                    f"sending {digest.subject!r} to {', '.join(recipients)} failed: {_reason(error)}; "
                    f"{len(report.sent)} of {len(pending)} sent and recorded; run again to send the rest."
                ) from None
            sql.rows(
                "INSERT INTO sent_digest (digest_date, digest_key, recipients, message_id, sent_at) "
                "VALUES (:d, :k, :r, :m, :s)",
                {"d": day, "k": key, "r": ", ".join(recipients), "m": str(message["Message-ID"]), "s": moment},
            )
            commit()
            report.sent.append(key)
            if refused:
                raise NotifyError(
                    f"{digest.subject!r}: refused by the server for "
                    + ", ".join(f"{a} ({c} {_text(r)})" for a, (c, r) in refused.items())
                    + "; the other recipients got it. Fix the address; it is not sent again today."
                )
    finally:
        try:
            client.quit()
        except (OSError, smtplib.SMTPException):
            client.close()
    return report
