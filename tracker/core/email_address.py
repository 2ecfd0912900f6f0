"""Email addresses: the one check of an address where it enters (an agency's contact, the sender, the
secretariat, ``--to``), and the form it is sent in.

An address is an ``addr-spec`` as SMTP carries it (RFC 5321/5322): a dot-atom local part of ASCII
characters, one "@", and a domain name of at least two labels (letters, digits and hyphens; a label in
Vietnamese or another script is accepted and sent in its IDNA form). Quoted local parts, comments, IP
literals and display names are refused: they are legal in a header, but a contact list that holds
them holds a typo far more often than such an address. The sender alone may carry a display name
(``Văn phòng UBND <vp@example.org>``), read by :func:`parse_mailbox`.

Pure: no DNS look-up, no I/O.
"""

from __future__ import annotations

import re
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.utils import formataddr, unquote

from tracker.core.errors import TrackerError

_ATEXT = r"A-Za-z0-9!#$%&'*+/=?^_`{|}~-"
_DOT_ATOM = re.compile(rf"[{_ATEXT}]+(?:\.[{_ATEXT}]+)*")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MAILBOX = re.compile(r"([^<>]*)<([^<>]*)>")


class InvalidEmailAddress(TrackerError, ValueError):
    """Not an email address; the message quotes it and says why."""


def _invalid(address: str, reason: str) -> InvalidEmailAddress:
    return InvalidEmailAddress(key="email.invalid", address=address, reason=TrackerError(key=f"email.reason.{reason}"))


def _ascii_domain(domain: str) -> str | None:
    """The domain in its ASCII (IDNA) form, or None when it is not a host name."""
    labels = domain.split(".")
    ascii_labels = []
    for label in labels:
        if not label:
            return None
        if not label.isascii():
            try:
                label = label.encode("idna").decode("ascii")
            except UnicodeError:
                return None
        if not _LABEL.fullmatch(label):
            return None
        ascii_labels.append(label)
    if ascii_labels[-1].isdigit():  # a top-level domain is never numeric: this is an IP address
        return None
    joined = ".".join(ascii_labels)
    return joined if len(joined) <= 253 else None


def check_email(text: str) -> str:
    """``text`` as an email address (surrounding spaces dropped, the domain in lower case), or
    :class:`InvalidEmailAddress` saying what is wrong with it."""
    address = text.strip()
    if not address:
        raise _invalid(text, "empty")
    if "<" in address or ">" in address:
        raise _invalid(address, "display_name")
    if _SPACE_OR_CONTROL.search(address):
        raise _invalid(address, "space")
    if address.count("@") != 1:
        raise _invalid(address, "at")
    local, _, domain = address.partition("@")
    if not local or not _DOT_ATOM.fullmatch(local):
        raise _invalid(address, "local")
    if len(local) > 64:
        raise _invalid(address, "local_length")
    domain = domain.lower()
    if "." not in domain.strip("."):
        raise _invalid(address, "no_dot")
    ascii_domain = _ascii_domain(domain)
    if ascii_domain is None:
        raise _invalid(address, "domain")
    if len(local) + 1 + len(ascii_domain) > 254:
        raise _invalid(address, "length")
    normal = f"{local}@{domain}"
    try:  # the standard library's own reading must agree: it is what writes the headers
        parsed = Address(addr_spec=normal)
    except (HeaderParseError, ValueError, IndexError):
        raise _invalid(address, "local") from None
    if parsed.addr_spec != normal:
        raise _invalid(address, "local")
    return normal


def is_email(text: str) -> bool:
    """Whether :func:`check_email` accepts ``text``."""
    try:
        check_email(text)
    except InvalidEmailAddress:
        return False
    return True


def ascii_email(address: str) -> str:
    """A checked address as SMTP sends it: the domain in its ASCII (IDNA) form."""
    local, _, domain = address.rpartition("@")
    return f"{local}@{_ascii_domain(domain) or domain}"


def parse_mailbox(text: str) -> tuple[str, str]:
    """(display name, address) of ``"Name <address>"`` or of a bare address; the address is checked by
    :func:`check_email`. A name in Vietnamese is kept as written."""
    stripped = text.strip()
    if "<" not in stripped and ">" not in stripped:
        return "", check_email(stripped)
    if _CONTROL.search(stripped):
        raise _invalid(stripped, "space")
    found = _MAILBOX.fullmatch(stripped)
    if found is None:
        raise _invalid(stripped, "mailbox")
    name = found[1].strip()
    if len(name) >= 2 and name[0] == name[-1] == '"':
        name = unquote(name)
    return name, check_email(found[2])


def format_mailbox(name: str, address: str) -> str:
    """A From header's value: the address, behind its display name (encoded as RFC 2047 when it is not
    ASCII) when there is one."""
    if not name:
        return ascii_email(address)
    return formataddr((name, ascii_email(address)), charset="utf-8")
