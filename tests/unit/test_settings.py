from __future__ import annotations

from pathlib import Path

import pytest

from tracker.core.errors import TrackerError
from tracker.settings import load_settings


def test_defaults_then_file_then_environment(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('lang = "en"\ndue_soon_days = 3\nsmtp_host = "mail.example.org"\n', encoding="utf-8")
    settings = load_settings({"TRACKER_CONFIG": str(config), "TRACKER_DUE_SOON_DAYS": "5"})
    assert (settings.lang, settings.due_soon_days, settings.smtp_host) == ("en", 5, "mail.example.org")
    assert settings.before_inclusive is True


def test_a_password_in_a_file_others_can_read_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('smtp_password = "s3cret"\n', encoding="utf-8")
    config.chmod(0o644)
    assert load_settings({"TRACKER_CONFIG": str(config), "TRACKER_LANG": "en"}).smtp_password == "s3cret"
    assert "holds the SMTP password and can be read by others" in capsys.readouterr().err
    config.write_text('smtp_password = "s3cret"\ndatabase_url = "postgresql://u:pw@db/x"\n', encoding="utf-8")
    load_settings({"TRACKER_CONFIG": str(config), "TRACKER_LANG": "vi"})
    assert "chứa mật khẩu SMTP và mật khẩu cơ sở dữ liệu mà người khác đọc được" in capsys.readouterr().err
    config.chmod(0o600)
    load_settings({"TRACKER_CONFIG": str(config)})
    assert capsys.readouterr().err == ""


def test_bad_values_name_where_they_come_from(tmp_path: Path) -> None:
    with pytest.raises(TrackerError, match="TRACKER_DUE_SOON_DAYS"):
        load_settings({"TRACKER_CONFIG": str(tmp_path / "none.toml"), "TRACKER_DUE_SOON_DAYS": "seven"})
    config = tmp_path / "broken.toml"
    config.write_text("lang = \n", encoding="utf-8")
    with pytest.raises(TrackerError, match="cannot read the config file"):
        load_settings({"TRACKER_CONFIG": str(config)})


def test_unknown_keys_and_a_missing_config_file_are_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('lang = "en"\ndue_soon_dayz = 3\n', encoding="utf-8")
    assert load_settings({"TRACKER_CONFIG": str(config)}).due_soon_days == 7
    assert "'due_soon_dayz' is not a setting" in capsys.readouterr().err
    load_settings({"TRACKER_CONFIG": str(tmp_path / "missing.toml"), "TRACKER_LANG": "en"})
    assert "missing.toml, which does not exist" in capsys.readouterr().err
    load_settings({"TRACKER_CONFIG": "/dev/null"})  # "no config", on purpose
    config.write_text('lang = "en"\n', encoding="utf-8")
    load_settings({"TRACKER_CONFIG": str(config)})
    assert capsys.readouterr().err == ""
