"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the notify tests: it keeps what it accepts and can be
told to refuse, fail or be slow."""

from __future__ import annotations

import asyncio
import email
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Mailbox:
    """An SMTP handler that keeps what it accepts and can be told to fail."""

    def __init__(self) -> None:
        self.accepted: list[tuple[bytes, str]] = []
        """Each message accepted as it came (its bytes, its envelope recipients), in order. Kept as it
        came and read on demand (:attr:`messages`): the server replies as fast as a real one would."""
        self._parsed: list[EmailMessage] = []
        self.senders: list[str] = []
        """The envelope sender (MAIL FROM) of each message kept."""
        self.refuse: set[str] = set()
        self.data_reply: str | None = None
        self.drop_on_data = False
        self.fail_after = 0
        self.delay = 0.0
        """Seconds each DATA waits before the reply (a slow server)."""
        self.rcpt_delay = 0.0
        """Seconds each RCPT waits before the reply (a server across a network, not on loopback)."""
        self.logins: list[bytes] = []
        """Every AUTH attempt's user name."""

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if self.rcpt_delay:
            await asyncio.sleep(self.rcpt_delay)
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        if len(self.accepted) >= self.fail_after:
            if self.drop_on_data:
                server.transport.close()  # the connection drops before the reply
                return "421 closing"
            if self.data_reply:
                return self.data_reply
        self.senders.append(envelope.mail_from)
        self.accepted.append((envelope.content, ", ".join(envelope.rcpt_tos)))
        return "250 Message accepted"

    @property
    def messages(self) -> list[EmailMessage]:
        """The messages accepted so far, parsed, each with its envelope recipients as ``X-Envelope-To``."""
        for content, recipients in self.accepted[len(self._parsed) :]:
            message = email.message_from_bytes(content, policy=default)
            assert isinstance(message, EmailMessage)
            message["X-Envelope-To"] = recipients
            self._parsed.append(message)
        return list(self._parsed)

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        if isinstance(data, LoginPassword):
            self.logins.append(data.login)
        ok = isinstance(data, LoginPassword) and data.login == b"tracker" and data.password == b"s3cret"
        # handled=False: aiosmtpd itself replies, "535 5.7.8" to a wrong password, as a real server does
        # (handled=True would leave the reply to this method, and the client waiting for one)
        return AuthResult(success=ok, handled=False)


@dataclass
class Server:
    box: Mailbox
    port: int
    cafile: Path | None

    def environment(self, **extra: str) -> dict[str, str]:
        """The TRACKER_* settings that send to this server (no TLS, no login unless ``extra`` says)."""
        values = {
            "TRACKER_SMTP_HOST": "127.0.0.1",
            "TRACKER_SMTP_PORT": str(self.port),
            "TRACKER_SMTP_SECURITY": "none",
            "TRACKER_MAIL_FROM": "theodoi@example.org",
            "TRACKER_SECRETARIAT_EMAILS": "vp@example.org, snv@example.org",
            "TRACKER_LANG": "vi",
            "TRACKER_SMTP_TIMEOUT": "10",
        }
        if self.cafile is not None:
            values["TRACKER_SMTP_CAFILE"] = str(self.cafile)
        values.update(extra)
        return values


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Running:
    server: Server
    controller: Controller


def start(tmp_path: Path, *, tls: bool, auth_require_tls: bool = True) -> Running:
    """An SMTP server on 127.0.0.1; with ``tls``, STARTTLS is required, with a CA in ``tmp_path``."""
    box = Mailbox()
    port = free_port()
    options: dict[str, Any] = {"authenticator": box.authenticate, "auth_require_tls": auth_require_tls}
    cafile = None
    if tls:
        authority = trustme.CA()
        certificate = authority.issue_cert("127.0.0.1", "localhost")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        certificate.configure_cert(context)
        cafile = tmp_path / "ca.pem"
        authority.cert_pem.write_to_path(str(cafile))
        options.update(tls_context=context, require_starttls=True)
    controller = Controller(box, hostname="127.0.0.1", port=port, **options)
    controller.start()
    return Running(Server(box, port, cafile), controller)


@pytest.fixture
def mailbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Mailbox]:
    """A server with STARTTLS and AUTH (user "tracker", password "s3cret"), and the settings that use it."""
    running = start(tmp_path, tls=True)
    environment = running.server.environment(
        TRACKER_SMTP_SECURITY="starttls", TRACKER_SMTP_USER="tracker", TRACKER_SMTP_PASSWORD="s3cret"
    )
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    yield running.server.box
    running.controller.stop()


@pytest.fixture
def plain_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """A server without TLS that lets a client log in without it, and the settings that use it (no login)."""
    running = start(tmp_path, tls=False, auth_require_tls=False)
    for key, value in running.server.environment().items():
        monkeypatch.setenv(key, value)
    yield running.server
    running.controller.stop()
