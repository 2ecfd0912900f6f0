"""One settings object: defaults < config file (TOML) < ``TRACKER_*`` environment variables.

The config file is ``$TRACKER_CONFIG`` if set, else ``config.toml`` in the platform's user config
directory for "tracker". Keys match the field names below, e.g.::

    database_url = "postgresql+psycopg://tracker@db.example.org/tracker"
    lang = "vi"
    due_soon_days = 7
    before_inclusive = true
    roll_to_working_day = false
    smtp_host = "mail.example.org"
    smtp_security = "starttls"          # none | starttls | ssl
    mail_from = "theodoi@example.org"
    secretariat_emails = "vanphong@example.org, snv@example.org"

The SMTP password is best given as ``TRACKER_SMTP_PASSWORD``; it is never stored in the database.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from tracker.core.deadlines import DeadlineRules
from tracker.core.errors import TrackerError
from tracker.core.text import mask_secrets

APP_NAME = "tracker"


def _user_dir(kind: str) -> Path:
    import platformdirs

    if kind == "config":
        return Path(platformdirs.user_config_dir(APP_NAME))
    return Path(platformdirs.user_data_dir(APP_NAME))


def default_database_path() -> Path:
    return _user_dir("data") / "tracker.db"


def demo_database_path() -> Path:
    return _user_dir("data") / "demo.db"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class Settings:
    database_url: str = ""
    """Empty means the SQLite file in the user data directory."""
    lang: str = ""
    """vi or en; empty means from the locale (Vietnamese unless the locale is English)."""
    due_soon_days: int = 7
    before_inclusive: bool = True
    roll_to_working_day: bool = False
    actor: str = ""
    """Name recorded in the audit log; empty means the operating-system user."""
    smtp_host: str = ""
    smtp_port: int = 0
    """0 means the usual port for ``smtp_security``: 25 (none), 587 (starttls), 465 (ssl)."""
    smtp_security: str = "starttls"
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_timeout: int = 30
    smtp_cafile: str = ""
    """A CA bundle to trust for STARTTLS/SSL besides the system's (e.g. a private mail server's CA)."""
    smtp_allow_cleartext_auth: bool = False
    """Let ``smtp_security = "none"`` log in with ``smtp_user``: the password then crosses the network
    unencrypted, so it is refused unless this is set (for a mail server on a trusted network)."""
    mail_from: str = ""
    """The sender: an address, or a name and the address, e.g. ``Văn phòng UBND <vp@example.org>``."""
    secretariat_emails: str = ""
    """Comma-separated addresses that receive the daily summary."""

    @property
    def deadline_rules(self) -> DeadlineRules:
        return DeadlineRules(before_inclusive=self.before_inclusive, roll_to_working_day=self.roll_to_working_day)

    def resolved_database_url(self) -> str:
        return self.database_url or sqlite_url(default_database_path())

    def resolved_actor(self) -> str:
        if self.actor:
            return self.actor
        import getpass

        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"


def _coerce(name: str, raw: Any, target: Any, source: str) -> Any:
    if isinstance(target, bool):
        if isinstance(raw, bool):
            return raw
        lowered = str(raw).strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise TrackerError(key="settings.not_bool", source=source, name=name, value=mask_secrets(repr(raw)))
    if isinstance(target, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise TrackerError(
                key="settings.not_int", source=source, name=name, value=mask_secrets(repr(raw))
            ) from None
    return str(raw)


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    explicit = env.get("TRACKER_CONFIG")
    return Path(explicit) if explicit else _user_dir("config") / "config.toml"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read the settings; an unreadable config file is a :class:`TrackerError` naming it."""
    env = os.environ if environ is None else environ
    settings = Settings()
    known = {f.name: getattr(settings, f.name) for f in fields(Settings)}
    path = config_path(env)
    values: dict[str, Any] = {}
    data: dict[str, Any] = {}
    warnings: list[tuple[str, dict[str, object]]] = []
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise TrackerError(key="settings.unreadable", path=path, detail=error) from None
        for key, raw in data.items():
            if key in known:
                values[key] = _coerce(key, raw, known[key], str(path))
            else:
                warnings.append(("limits.config_unknown_key", {"path": path, "name": key}))
    elif env.get("TRACKER_CONFIG") and not path.exists():  # /dev/null says "no config" on purpose
        warnings.append(("limits.config_missing", {"path": path}))
    for key, default in known.items():
        env_key = f"TRACKER_{key.upper()}"
        if env_key in env:
            values[key] = _coerce(key, env[env_key], default, env_key)
    secrets = ["settings.secret.smtp_password"] if "smtp_password" in data else []
    url = str(data.get("database_url", ""))
    if mask_secrets(url) != url:
        secrets.append("settings.secret.database_password")
    if path.is_file() and secrets and path.stat().st_mode & 0o077:
        warnings.append(("settings.readable_by_others", {"path": path, "what": secrets}))
    if warnings:
        import sys

        from tracker.core.catalogue import t
        from tracker.i18n import detect_language

        lang = detect_language(str(values.get("lang", "")))
        for key, details in warnings:
            if key == "settings.readable_by_others":  # the secrets' names, in the same language
                what = [t(secret, lang) for secret in secrets]
                both = t("settings.secret.and", lang, first=what[0], second=what[-1])
                details = {**details, "what": what[0] if len(what) == 1 else both}
            print(t(key, lang, **details), file=sys.stderr)
    return replace(settings, **values)
