"""Sending digests over one SMTP connection: each digest to each of its addresses exactly once a day.

Before sending, the sent log says which addresses of each digest were already accepted today; a digest
goes to the others only (all of them, the first time). Each message the server accepts is written to
the sent log at once, on the log's own connection, in its own transaction (see
:mod:`tracker.notify.sentlog`), so only a crash between the server's reply and that write can send a
digest twice, and the resend then carries the same Message-ID (one per digest and day).

One bad address stops nothing: an address that is not one, or that the server refuses, is recorded
against its digest and reported, and the run goes on with the others. What stops a run is what would
fail every later digest too: the server refuses the sender, answers "try later" (4xx) to a message,
drops the connection, or the sent log cannot be written. The run then says how many were sent and
recorded, and the next run sends the rest.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.encoders import encode_base64
from email.generator import BytesGenerator
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import format_datetime

from tracker.core.email_address import InvalidEmailAddress, ascii_email, check_email, format_mailbox, parse_mailbox
from tracker.core.errors import TrackerError
from tracker.core.text import mask_secrets, one_line
from tracker.notify.digest import Digest
from tracker.notify.sentlog import RecordError, SentLog
from tracker.settings import Settings

DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}


class NotifyError(TrackerError):
    """Sending could not start or stopped; the message says why and how many were sent."""


@dataclass(frozen=True)
class Sender:
    """The sender of the digests: its address, and a display name when the setting gives one."""

    address: str
    name: str = ""

    @property
    def header(self) -> str:
        return format_mailbox(self.name, self.address)

    @property
    def envelope(self) -> str:
        return ascii_email(self.address)

    @property
    def domain(self) -> str:
        return self.envelope.rpartition("@")[2]


@dataclass
class Failure:
    """An address a digest was not sent to in this run, and why."""

    digest: str
    """Whose digest, as a person reads it (the agency, or the summary)."""
    address: str
    reason: TrackerError


@dataclass
class SendReport:
    sent: list[str] = field(default_factory=list)
    """Keys of the digests accepted in this run (for at least one address)."""
    skipped: list[str] = field(default_factory=list)
    """Keys of the digests already sent to every address today."""
    failures: list[Failure] = field(default_factory=list)
    stopped: TrackerError | None = None
    """Why the run stopped before the end, if it did."""


def _digest_name(digest: Digest, lang: str) -> str:
    from tracker.i18n import t

    return one_line(digest.agency) if digest.agency else t("mail.summary", lang)


def message_id(day: date, key: str, domain: str) -> str:
    """The Message-ID of a digest on a day: the same for every (re)send of it that day, so a mail client
    or server recognises a resend. Readable (the day and the digest) and unique (a hash of both)."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-")[:60] or "digest"
    digest = hashlib.sha256(f"{day.isoformat()}\n{key}".encode()).hexdigest()[:16]
    return f"<tracker.{day:%Y%m%d}.{readable}.{digest}@{domain or 'localhost'}>"


def compose(
    digest: Digest,
    sender: Sender | str,
    now: datetime,
    to: Sequence[str] | None = None,
    *,
    message_id_value: str | None = None,
) -> Message:
    """A MIME message: text plus an HTML alternative, UTF-8 headers, a Message-ID and a Date. Header values
    are single lines (a newline in an agency name cannot add a header); ``to`` are checked addresses.

    Built with the classic MIME classes: their RFC 2047 encoding of a Vietnamese subject decodes back to
    the same text, where the newer header folding loses spaces between encoded words. ``sender`` may be
    the setting's text (an address, or "Name <address>")."""
    if isinstance(sender, str):
        name, address = parse_mailbox(sender)
        sender = Sender(address, name)
    message = MIMEMultipart("alternative")
    message["Subject"] = Header(one_line(digest.subject), "utf-8")  # type: ignore[assignment]  # Header is accepted
    message["From"] = one_line(sender.header)
    message["To"] = ", ".join(ascii_email(one_line(address)) for address in (to or digest.to))
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id_value or message_id(now.date(), digest.key, sender.domain)
    message.attach(_utf8_part(digest.text_utf8, "plain"))
    message.attach(_utf8_part(digest.html_utf8, "html"))
    return message


def _utf8_part(body: bytes, subtype: str) -> MIMENonMultipart:
    """A text part from a body already encoded as UTF-8: base64, as ``MIMEText`` would send it."""
    part = MIMENonMultipart("text", subtype, charset="utf-8")
    part.set_payload(body)
    encode_base64(part)
    return part


def _flatten(message: Message) -> bytes:
    """The message as it goes over the wire (what ``SMTP.send_message`` sends)."""
    with io.BytesIO() as buffer:
        BytesGenerator(buffer, mangle_from_=False).flatten(message, linesep="\r\n")
        return buffer.getvalue()


# --- settings ------------------------------------------------------------------------------------


def read_sender(settings: Settings, *, required: bool = True) -> Sender:
    """The sender from ``mail_from`` (an address, or "Name <address>")."""
    if not settings.mail_from.strip():
        if required:
            raise NotifyError(key="notify.no_sender")
        return Sender("tracker@localhost")
    try:
        name, address = parse_mailbox(settings.mail_from)
    except InvalidEmailAddress as error:
        raise NotifyError(key="notify.bad_sender", error=error) from None
    return Sender(address, name)


def check_settings(settings: Settings) -> Sender:
    """The sender, once every mail setting a run needs is known to be usable; else a one-line error."""
    if not settings.smtp_host.strip():
        raise NotifyError(key="notify.no_host")
    security = settings.smtp_security.strip().lower()
    if security not in DEFAULT_PORTS:
        raise NotifyError(key="notify.bad_security", value=mask_secrets(settings.smtp_security))
    if security == "none" and settings.smtp_user and not settings.smtp_allow_cleartext_auth:
        raise NotifyError(key="notify.cleartext_auth", user=settings.smtp_user)
    if settings.smtp_timeout <= 0:
        raise NotifyError(key="settings.smtp_timeout", value=settings.smtp_timeout)
    if not 0 <= settings.smtp_port <= 65535:
        raise NotifyError(key="settings.smtp_port", value=settings.smtp_port)
    return read_sender(settings)


def _server(settings: Settings) -> str:
    security = settings.smtp_security.strip().lower()
    return mask_secrets(f"{settings.smtp_host}:{settings.smtp_port or DEFAULT_PORTS[security]}")


def _connect(settings: Settings) -> smtplib.SMTP:
    security = settings.smtp_security.strip().lower()
    port = settings.smtp_port or DEFAULT_PORTS[security]
    host = settings.smtp_host.strip()
    context = ssl.create_default_context(cafile=settings.smtp_cafile or None)
    client: smtplib.SMTP | None = None
    step = "connect"
    try:
        if security == "ssl":
            client = smtplib.SMTP_SSL(host, port, timeout=settings.smtp_timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=settings.smtp_timeout)
            if security == "starttls":
                step = "starttls"
                client.starttls(context=context)
        step = "hello"
        client.ehlo_or_helo_if_needed()  # the commands below are sent one by one, not by sendmail
        if settings.smtp_user:
            step = "login"
            client.login(settings.smtp_user, settings.smtp_password)
    except (OSError, smtplib.SMTPException, UnicodeError) as error:
        if client is not None:
            client.close()
        reason = _connect_reason(error, settings, step)
        raise NotifyError(key="notify.cannot_connect", server=_server(settings), reason=reason) from None
    return client


_UNTRUSTED = "notify.reason.tls_untrusted"
_CERTIFICATE_REASONS = {10: "notify.reason.tls_expired", 62: "notify.reason.tls_name"}
"""OpenSSL's verify codes a clerk can act on apart: expired (X509_V_ERR_CERT_HAS_EXPIRED) and a
certificate for another name (X509_V_ERR_HOSTNAME_MISMATCH); any other is an untrusted one."""


def _connect_reason(error: BaseException, settings: Settings, step: str) -> TrackerError:
    """What went wrong opening the connection, in the catalogue's words (never the OS's English), with
    the setting to check: nothing listening, a name that does not resolve, no answer, TLS, the login."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        reply = _reply(error.smtp_code, error.smtp_error)
        return TrackerError(key="notify.reason.login", user=mask_secrets(settings.smtp_user), reply=reply)
    if isinstance(error, smtplib.SMTPNotSupportedError) and step == "starttls":
        return TrackerError(key="notify.reason.no_starttls")
    if step == "login" and (isinstance(error, smtplib.SMTPNotSupportedError) or type(error) is smtplib.SMTPException):
        return TrackerError(key="notify.reason.no_auth")  # no AUTH, or no method smtplib has
    if isinstance(error, smtplib.SMTPConnectError):
        return TrackerError(key="notify.reason.greeting", reply=_reply(error.smtp_code, error.smtp_error))
    if isinstance(error, ssl.SSLCertVerificationError):
        key = _CERTIFICATE_REASONS.get(error.verify_code, _UNTRUSTED)
        return TrackerError(key=key, host=mask_secrets(settings.smtp_host.strip()))
    if isinstance(error, ssl.SSLError):
        return TrackerError(key="notify.reason.tls")
    if isinstance(error, socket.gaierror):
        return TrackerError(key="notify.reason.unknown_host")
    if isinstance(error, UnicodeError):  # a host name IDNA cannot encode
        return TrackerError(key="notify.reason.bad_host")
    if _timed_out(error):
        return TrackerError(key="notify.reason.timeout", seconds=f"{settings.smtp_timeout:g}")
    if isinstance(error, ConnectionRefusedError):
        return TrackerError(key="notify.reason.connection_refused")
    if isinstance(error, smtplib.SMTPServerDisconnected | ConnectionError):
        return TrackerError(key="notify.reason.closed")
    if getattr(error, "errno", None) in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EHOSTDOWN, errno.ENETDOWN):
        return TrackerError(key="notify.reason.unreachable")
    return _reason(error)


def _timed_out(error: BaseException) -> bool:
    """The server did not answer in time: smtplib says so as a closed connection, raised from the
    timeout of its read."""
    if isinstance(error, smtplib.SMTPServerDisconnected) and error.__context__ is not None:
        error = error.__context__
    return isinstance(error, TimeoutError) or getattr(error, "errno", None) == errno.ETIMEDOUT


def _reason(error: BaseException, timeout: float | None = None) -> TrackerError:
    """What went wrong on a connection that was open, in the catalogue's words: the server's own reply
    when it gave one, else what happened to the connection (never the OS's English)."""
    if isinstance(error, smtplib.SMTPResponseException):
        return TrackerError(key="notify.reason.reply", reply=_reply(error.smtp_code, error.smtp_error))
    if _timed_out(error) and timeout:
        return TrackerError(key="notify.reason.no_answer", seconds=f"{timeout:g}")
    if isinstance(error, smtplib.SMTPServerDisconnected | ConnectionError):
        return TrackerError(key="notify.reason.dropped")
    number = getattr(error, "errno", None)
    code = errno.errorcode.get(number, "") if isinstance(number, int) else ""
    return TrackerError(key="notify.reason.network", code=code or type(error).__name__)


def _text(reply: bytes | str) -> str:
    return one_line(reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply)


def _reply(code: int, reply: bytes | str) -> str:
    return f"{code} {_text(reply)}".strip()


def _quit(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()


# --- sending -------------------------------------------------------------------------------------


class _Stop(Exception):
    """The server's answer to this digest would be its answer to every later one: stop the run."""

    def __init__(self, reason: TrackerError | str, *, reconnect: bool = False) -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.reconnect = reconnect
        """Nothing of this message reached the server: a new connection may send it."""


@dataclass
class _Outcome:
    accepted: list[str]
    refused: dict[str, TrackerError]


def _transaction(client: smtplib.SMTP, sender: Sender, recipients: list[str], payload: bytes) -> _Outcome:
    """One SMTP mail transaction: MAIL, RCPT for each recipient, DATA to those accepted."""
    try:
        code, reply = client.mail(sender.envelope)
    except (OSError, smtplib.SMTPException) as error:
        raise _Stop(_reason(error, client.timeout), reconnect=True) from None
    if code != 250:
        _reset(client)
        if 500 <= code < 600:
            raise _Stop(
                TrackerError(key="notify.reason.sender_refused", sender=sender.envelope, reply=_reply(code, reply))
            )
        raise _Stop(_reply(code, reply))
    outcome = _Outcome([], {})
    reply_text: bytes | str
    try:
        for address in recipients:
            code, reply = client.rcpt(ascii_email(address))
            if code in (250, 251):
                outcome.accepted.append(address)
            else:
                key = "notify.reason.refused" if 500 <= code < 600 else "notify.reason.temporary"
                outcome.refused[address] = TrackerError(key=key, reply=_reply(code, reply))
        if not outcome.accepted:
            _reset(client)
            return outcome
        try:
            code, reply_text = client.data(payload)
        except smtplib.SMTPDataError as error:  # DATA itself refused
            code, reply_text = error.smtp_code, error.smtp_error
    except (OSError, smtplib.SMTPException) as error:
        raise _Stop(_reason(error, client.timeout)) from None
    if code == 250:
        return outcome
    if 500 <= code < 600:
        _reset(client)  # a server may keep the transaction open after refusing its message
        refusal = TrackerError(key="notify.reason.message_refused", reply=_reply(code, reply_text))
        outcome.refused.update({address: refusal for address in outcome.accepted})
        outcome.accepted = []
        return outcome
    raise _Stop(_reply(code, reply_text))


def _reset(client: smtplib.SMTP) -> None:
    with contextlib.suppress(OSError, smtplib.SMTPException):  # the next command finds out
        client.rset()


Progress = Callable[[int, int], None]
"""Called with (digests done, digests to send): once before the first, then after each."""


def send_digests(
    digests: Sequence[Digest],
    settings: Settings,
    day: date,
    *,
    sent_log: SentLog,
    to_override: str | None = None,
    now: datetime | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> SendReport:
    """Send each digest to the addresses it has not been sent to today; record each message as soon as
    the server accepts it. The caller holds ``sent_log``'s run lock.

    With ``to_override`` every message goes to that address and is logged under its own keys (trying it
    out never marks the real ones sent)."""
    sender = check_settings(settings)
    override = None
    if to_override:
        try:
            override = check_email(to_override)
        except InvalidEmailAddress as error:
            raise NotifyError(key="notify.bad_to", error=error) from None
    entries = sent_log.entries(day)
    report = SendReport()
    pending: list[_Pending] = []
    for digest in digests:
        key = f"{override}>{digest.key}" if override else digest.key
        targets = [override] if override else [a.strip() for a in digest.to if a.strip()]
        entry = entries.get(key)
        delivered = entry.delivered() if entry else set()
        if all(address.lower() in delivered for address in targets):
            report.skipped.append(key)
        else:
            pending.append(_Pending(key, digest, targets, entry.recipients if entry else []))
    if not pending:
        return report
    run = _Run(settings, sender, sent_log, day, now or datetime.now(UTC), report, len(pending), lang)
    if progress:
        progress(0, len(pending))
    try:
        for done, item in enumerate(pending, start=1):
            if not run.send(item):
                break
            if progress:
                progress(done, len(pending))
    finally:
        run.close()
    return report


@dataclass
class _Pending:
    key: str
    digest: Digest
    targets: list[str]
    """Every address of the digest (or the one of --to)."""
    earlier: list[str]
    """The addresses it was accepted for earlier today."""


@dataclass
class _Run:
    settings: Settings
    sender: Sender
    sent_log: SentLog
    day: date
    moment: datetime
    report: SendReport
    total: int
    lang: str
    client: smtplib.SMTP | None = None

    def send(self, item: _Pending) -> bool:
        """Send one digest to the addresses it still lacks and record the outcome; False when the run
        stops (:attr:`SendReport.stopped` says why)."""
        digest, report = item.digest, self.report
        delivered = {address.lower() for address in item.earlier}
        valid: list[str] = []
        refused: dict[str, TrackerError] = {}
        for address in item.targets:
            try:
                valid.append(check_email(address))
            except InvalidEmailAddress as error:
                refused[address] = error
        recipients = [address for address in valid if address.lower() not in delivered]
        identifier = message_id(self.day, item.key, self.sender.domain)
        accepted: list[str] = []
        if recipients:
            payload = _flatten(compose(digest, self.sender, self.moment, valid, message_id_value=identifier))
            outcome = self._transaction(item, recipients, payload)
            if outcome is None:
                return False
            accepted = outcome.accepted
            refused.update(outcome.refused)
        if accepted or refused:
            try:  # right after the server's reply: only a crash before this returns can send it twice
                self.sent_log.record(
                    self.day,
                    item.key,
                    [*item.earlier, *accepted],
                    [f"{a}: {r}" for a, r in refused.items()],
                    identifier,
                    self.moment,
                )
            except RecordError as error:
                self._unrecorded(item, accepted, identifier, error)
                return False
        name = _digest_name(digest, self.lang)
        report.failures.extend(Failure(name, address, reason) for address, reason in refused.items())
        if accepted:
            report.sent.append(item.key)
        return True

    def _unrecorded(self, item: _Pending, accepted: list[str], identifier: str, error: RecordError) -> None:
        report = self.report
        report.stopped = error
        if accepted:
            report.stopped = NotifyError(
                key="notify.unrecorded",
                subject=one_line(item.digest.subject),
                addresses=", ".join(accepted),
                reason=error,
                sent=len(report.sent),
                total=self.total,
                message_id=identifier,
            )

    def _transaction(self, item: _Pending, recipients: list[str], payload: bytes) -> _Outcome | None:
        """The mail transaction on the run's connection (opened, or opened again once when the server had
        closed it before the message began); None when the run stops."""
        for attempt in (1, 2):
            if self.client is None:
                try:
                    self.client = _connect(self.settings)
                except NotifyError as error:
                    self.report.stopped = error
                    return None
            try:
                return _transaction(self.client, self.sender, recipients, payload)
            except _Stop as stop:
                _quit(self.client)
                self.client = None
                if stop.reconnect and attempt == 1:
                    continue  # e.g. the server closed a connection left idle while the log waited
                self.report.stopped = NotifyError(
                    key="notify.stopped",
                    subject=one_line(item.digest.subject),
                    addresses=", ".join(recipients),
                    reason=stop.reason,
                    sent=len(self.report.sent),
                    total=self.total,
                )
                return None
        return None

    def close(self) -> None:
        if self.client is not None:
            _quit(self.client)
            self.client = None
