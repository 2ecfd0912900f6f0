"""``--help`` in the user's language: commands whose help and options have catalogue texts
(``help.<command path>`` and ``help.<command path>.<option>``; the global options are ``help.global.<option>``).

Click reads help texts when it formats them, so a command of this module's classes swaps its English
texts for the catalogue's while its help is written. The language is the one ``tracker --lang`` or the
settings give (``--lang`` after the command name comes after ``--help`` is read, so the settings' then).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import click

from tracker.core.catalogue import MESSAGES, t


def _language(ctx: click.Context) -> str:
    from tracker.cli.base import Context

    found = ctx.find_object(Context)
    if found is not None:
        return found.lang
    from tracker.i18n import detect_language

    return detect_language()


def _key(ctx: click.Context, *more: str) -> str:
    return ".".join(["help", *ctx.command_path.split()[1:], *more])


@contextlib.contextmanager
def _translated(command: click.Command, ctx: click.Context, lang: str) -> Iterator[None]:
    if lang == "en":
        yield
        return
    key = _key(ctx)
    saved: list[tuple[Any, str, Any]] = [(command, "help", command.help), (command, "epilog", command.epilog)]
    if key in MESSAGES:
        command.help = t(key, lang)
    if f"{key}.epilog" in MESSAGES:
        command.epilog = t(f"{key}.epilog", lang)
    for param in command.params:
        if not isinstance(param, click.Option):
            continue
        parent = key.rpartition(".")[0]
        for option_key in (f"{key}.{param.name}", f"{parent}.{param.name}", f"help.global.{param.name}",
                           f"help.filter.{param.name}"):  # fmt: skip
            if option_key in MESSAGES:
                saved.append((param, "help", param.help))
                param.help = t(option_key, lang)
                break
    try:
        yield
    finally:
        for owner, attribute, value in saved:
            setattr(owner, attribute, value)


class _Localised(click.Command):
    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated(self, ctx, _language(ctx)):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        ctx = click.get_current_context(silent=True)
        if ctx is not None and ctx.command is not self and _language(ctx) != "en":
            key = _key(ctx, self.name or "")
            if key in MESSAGES:
                text = t(key, _language(ctx)).split("\n")[0]
                return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
        return super().get_short_help_str(limit)


class LocalisedCommand(_Localised):
    """A command whose ``--help`` is in the user's language."""


class LocalisedGroup(_Localised, click.Group):
    """A group whose ``--help``, and its commands' one-line help, are in the user's language."""

    command_class = LocalisedCommand
