"""The one check of an email address (where addresses enter), the sender's display name, and the mail
settings that guard secrets."""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from tracker.core.email_address import (
    InvalidEmailAddress,
    ascii_email,
    check_email,
    format_mailbox,
    is_email,
    parse_mailbox,
)
from tracker.core.errors import TrackerError
from tracker.settings import load_settings


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("sxd@bacgiang.example.org", "sxd@bacgiang.example.org"),
        ("  vp@example.org ", "vp@example.org"),
        ("Van.Phong+ubnd@Example.GOV.VN", "Van.Phong+ubnd@example.gov.vn"),  # the domain has no case
        ("o'brien_1@sub-domain.example.org", "o'brien_1@sub-domain.example.org"),
        ("vp@sở-nội-vụ.vn", "vp@sở-nội-vụ.vn"),  # a Vietnamese domain, sent in its IDNA form
    ],
)
def test_addresses_that_are_accepted(typed: str, kept: str) -> None:
    assert check_email(typed) == kept and is_email(typed)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "it is empty"),
        ("sxd-typo@@bacgiang.example.org", "exactly one @"),
        ("sxd.bacgiang.example.org", "exactly one @"),
        ("a b@example.org", "a space"),
        ("a@example.org\r\nBcc: x@example.org", "a space or a control character"),
        ("Sở Xây dựng <sxd@example.org>", "without a name"),
        ("nguyễn@example.org", "the part before the @"),
        ("a..b@example.org", "the part before the @"),
        (".a@example.org", "the part before the @"),
        ('"ab"@example.org', "the part before the @"),
        ("a,b@example.org", "the part before the @"),
        ("x" * 65 + "@example.org", "over 64"),
        ("vp@localhost", "has no dot"),
        ("vp@example..org", "not a domain name"),
        ("vp@-example.org", "not a domain name"),
        ("vp@example.org.", "not a domain name"),
        ("vp@exa_mple.org", "not a domain name"),
        ("vp@192.168.1.1", "not a domain name"),
        ("vp@example.org;", "not a domain name"),
        ("vp@" + "a" * 64 + ".org", "not a domain name"),
        ("v" * 60 + "@" + ".".join(["a" * 60] * 4) + ".vn", "over 254"),
    ],
)
def test_addresses_that_are_refused_say_why(typed: str, reason: str) -> None:
    with pytest.raises(InvalidEmailAddress) as caught:
        check_email(typed)
    assert reason in str(caught.value) and not is_email(typed)
    assert isinstance(caught.value, TrackerError) and caught.value.key == "email.invalid"
    vietnamese = caught.value.text("vi")
    assert "không phải là địa chỉ email" in vietnamese and reason not in vietnamese


def test_every_accepted_address_is_one_the_standard_library_writes_and_reads_back() -> None:
    for typed in ("sxd@bacgiang.example.org", "a.b-c+d@x.example.org", "vp@sở.vn", "A@X.VN"):
        address = ascii_email(check_email(typed))
        assert address.isascii()
        message = EmailMessage(policy=default)
        message["To"] = address
        (parsed,) = message["To"].addresses
        assert parsed.addr_spec == address
    assert ascii_email(check_email("vp@sở.vn")) == "vp@xn--s-lym.vn"


def test_the_sender_may_carry_a_display_name() -> None:
    assert parse_mailbox("theodoi@example.org") == ("", "theodoi@example.org")
    assert parse_mailbox("Văn phòng UBND <vp@example.org>") == ("Văn phòng UBND", "vp@example.org")
    assert parse_mailbox('"Văn phòng, UBND tỉnh" <vp@example.org>') == ("Văn phòng, UBND tỉnh", "vp@example.org")
    header = format_mailbox("Văn phòng UBND", "vp@example.org")
    assert header.isascii()  # RFC 2047: the name travels encoded
    message = EmailMessage(policy=default)
    message["From"] = header
    assert message["From"].addresses == (Address("Văn phòng UBND", addr_spec="vp@example.org"),)
    for bad, reason in [
        ("Văn phòng <vp@@example.org>", "exactly one @"),
        ("Văn phòng <vp@example.org> thêm", "a name then the address in < >"),
        ("Văn phòng <vp@example.org", "a name then the address in < >"),
        ("Văn phòng\n<vp@example.org>", "a control character"),
    ]:
        with pytest.raises(InvalidEmailAddress, match=reason):
            parse_mailbox(bad)


def test_a_config_error_never_echoes_a_password(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('due_soon_days = "postgresql://tracker:S3cretPW@db.example.org/x"\n', encoding="utf-8")
    with pytest.raises(TrackerError) as caught:
        load_settings({"TRACKER_CONFIG": str(config)})
    assert "S3cretPW" not in str(caught.value) and "tracker:***@db.example.org" in str(caught.value)
    with pytest.raises(TrackerError) as caught:
        load_settings({"TRACKER_CONFIG": str(tmp_path / "none.toml"), "TRACKER_BEFORE_INCLUSIVE": "smtp://u:pw@h"})
    assert "pw@" not in str(caught.value)


def test_a_readable_config_holding_a_database_password_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('database_url = "postgresql+psycopg://tracker:S3cretPW@db/x"\n', encoding="utf-8")
    config.chmod(0o644)
    load_settings({"TRACKER_CONFIG": str(config), "TRACKER_LANG": "en"})
    warning = capsys.readouterr().err
    assert "a database password" in warning and "chmod 600" in warning and "S3cretPW" not in warning
    config.write_text('database_url = "postgresql+psycopg://tracker@db/x"\n', encoding="utf-8")
    load_settings({"TRACKER_CONFIG": str(config)})
    assert capsys.readouterr().err == ""  # no password, nothing to warn about
    config.write_text('database_url = "postgresql+psycopg://tracker:S3cretPW@db/x"\n', encoding="utf-8")
    config.chmod(0o600)
    load_settings({"TRACKER_CONFIG": str(config)})
    assert capsys.readouterr().err == ""


def test_cleartext_login_is_off_unless_set(tmp_path: Path) -> None:
    none = str(tmp_path / "none.toml")
    assert load_settings({"TRACKER_CONFIG": none}).smtp_allow_cleartext_auth is False
    allowed = load_settings({"TRACKER_CONFIG": none, "TRACKER_SMTP_ALLOW_CLEARTEXT_AUTH": "yes"})
    assert allowed.smtp_allow_cleartext_auth is True
