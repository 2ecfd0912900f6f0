"""``--help`` and Click's usage errors in the user's language, from the catalogue.

Every command and group of ``tracker`` is of this module's classes (the top-level group makes its
commands and groups so). Texts: ``help.<command path>`` (the command's help; ``help`` alone is the
top-level group's), ``help.<command path>.<option>``; an option shared by several commands may have its
text under the parent's path, ``help.global.<option>`` (the top-level group's options),
``help.shared.<option>`` or ``help.filter.<option>`` (the list filters) — used only while its
English is the option's own, so a changed English help never shows a stale translation. Click's own
words (usage prefix, headings, help option, usage errors) are the ``click.*`` keys.

Click reads help texts when it formats them, so a command swaps its English texts for the catalogue's
while its help is written. The language is ``--lang`` on the line (wherever it is: ``--help`` is read
before the options after it), else the settings', else the locale's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

import click

from tracker.core.catalogue import MESSAGES, t

_LANG = "tracker.help.lang"  # key in ctx.meta (shared by every context of one run)


def line_language(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` on the command line, if any (not after ``--``)."""
    for index, arg in enumerate(args):
        if arg == "--":
            return None
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
    return None


def _language(ctx: click.Context) -> str:
    from tracker.i18n import LANGUAGES

    given = ctx.meta.get(_LANG)
    if given in LANGUAGES:
        return str(given)
    from tracker.cli.base import Context, error_language

    found = ctx.find_object(Context)
    lang = found.lang if found is not None else error_language([])
    ctx.meta[_LANG] = lang
    return lang


def _key(ctx: click.Context, *more: str) -> str:
    return ".".join(["help", *ctx.command_path.split()[1:], *more])


def _option_key(command: click.Command, ctx: click.Context, param: click.Option) -> str | None:
    if param is command.get_help_option(ctx):
        return "help.global.help"
    key = _key(ctx)
    if f"{key}.{param.name}" in MESSAGES:
        return f"{key}.{param.name}"
    parent = key.rpartition(".")[0] if key != "help" else "help.global"
    shared_keys = (
        f"{parent}.{param.name}",
        f"help.global.{param.name}",
        f"help.shared.{param.name}",
        f"help.filter.{param.name}",
    )
    for shared in shared_keys:
        if shared in MESSAGES and MESSAGES[shared][1] == param.help:
            return shared
    return None


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
    for param in command.get_params(ctx):
        if isinstance(param, click.Option):
            option_key = _option_key(command, ctx, param)
            if option_key is not None:
                saved.append((param, "help", param.help))
                param.help = t(option_key, lang)
    try:
        yield
    finally:
        for owner, attribute, value in saved:
            setattr(owner, attribute, value)


def _option_help(param: click.Option, ctx: click.Context, lang: str) -> str:
    """The option's help with Click's bracketed extras (default, range, required) in ``lang``."""
    extra = param.get_help_extra(ctx)
    items = []
    if "envvars" in extra:
        items.append(t("click.envvar", lang, var=", ".join(extra["envvars"])))
    if "default" in extra:
        items.append(t("click.default", lang, default=extra["default"]))
    if "range" in extra:
        items.append(extra["range"])
    if "required" in extra:
        items.append(t("click.required", lang))
    help_text = param.help or ""
    if not items:
        return help_text
    return f"{help_text}  [{'; '.join(items)}]" if help_text else f"[{'; '.join(items)}]"


class ExtraArguments(click.UsageError):
    """More arguments than the command takes (Click's "Got unexpected extra argument"), with the extras."""

    def __init__(self, extra: list[str], ctx: click.Context | None = None) -> None:
        shown = " ".join(extra)
        noun = "argument" if len(extra) == 1 else "arguments"
        super().__init__(f"Got unexpected extra {noun} ({shown})", ctx)
        self.extra = list(extra)


class _Localised(click.Command):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:  # the top-level group sees the whole line
            given = line_language(args)
            if given is not None:
                ctx.meta[_LANG] = given
        if isinstance(self, click.Group) or ctx.allow_extra_args or ctx.resilient_parsing:
            return self._parse(ctx, args)
        ctx.allow_extra_args = True  # the extras are then named by an error of their own
        try:
            rest = self._parse(ctx, args)
        finally:
            ctx.allow_extra_args = False
        if rest:
            raise ExtraArguments(rest, ctx)
        return rest

    def _parse(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as error:
            if error.ctx is None:  # the option parser's errors: the usage line and the option are the command's
                error.ctx = ctx
            raise

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated(self, ctx, _language(ctx)):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _language(ctx)
        if lang == "en":
            super().format_usage(ctx, formatter)
            return
        pieces = self.collect_usage_pieces(ctx)
        if self.options_metavar and pieces and pieces[0] == self.options_metavar:
            pieces[0] = t("click.metavar.options", lang)
        if isinstance(self, click.Group) and pieces and pieces[-1] == self.subcommand_metavar:
            command, arguments = t("click.metavar.command", lang), t("click.metavar.args", lang)
            pieces[-1] = pieces[-1].replace("COMMAND", command).replace("ARGS", arguments)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("click.usage", lang) + " ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _language(ctx)
        if lang == "en":
            super().format_options(ctx, formatter)
            return
        records = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or isinstance(param, click.Argument):
                continue
            if isinstance(param, click.Option):
                record = (record[0], _option_help(param, ctx, lang))
            records.append(record)
        if records:
            with formatter.section(t("click.options", lang)):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _language(ctx)
        if lang == "en":
            super().format_arguments(ctx, formatter)
            return
        arguments = [param for param in self.get_params(ctx) if isinstance(param, click.Argument)]
        if any(argument.help is not None for argument in arguments):
            with formatter.section(t("click.arguments", lang)):
                formatter.write_dl([argument.get_help_record(ctx) for argument in arguments])

    def get_short_help_str(self, limit: int = 45) -> str:
        ctx = click.get_current_context(silent=True)
        if ctx is not None and ctx.command is not self and _language(ctx) != "en":
            key = _key(ctx, self.name or "")
            if key in MESSAGES:
                text = t(key, _language(ctx)).split("\n")[0]
                return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
        return super().get_short_help_str(limit)


class LocalisedCommand(_Localised):
    """A command whose ``--help`` and usage line are in the user's language."""


class LocalisedGroup(_Localised, click.Group):
    """A group whose ``--help``, and its commands' one-line help, are in the user's language.

    Its commands are :class:`LocalisedCommand` and its groups of its own class, unless given another.
    """

    command_class = LocalisedCommand
    group_class = type

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _language(ctx)
        if lang == "en":
            super().format_commands(ctx, formatter)
            return
        commands = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                commands.append((name, command))
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section(t("click.commands", lang)):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in commands])


# --- usage errors ----------------------------------------------------------------------------------


def _hint(param: click.Parameter | None, hint: Any, ctx: click.Context | None) -> str:
    if hint is not None:
        return hint if isinstance(hint, str) else " / ".join(repr(item) for item in hint)
    if param is not None:
        return param.get_error_hint(ctx)
    return ""


def _takes_value(ctx: click.Context, token: str) -> bool:
    name = token.split("=", 1)[0]
    for level in _chain(ctx):
        for param in level.command.get_params(level):
            if isinstance(param, click.Option) and name in (*param.opts, *param.secondary_opts):
                return "=" not in token and not param.is_flag and not param.count
    return False


def _chain(ctx: click.Context) -> list[click.Context]:
    found: list[click.Context] = []
    level: click.Context | None = ctx
    while level is not None:
        found.append(level)
        level = level.parent
    return found


def _candidates(param: click.Parameter, ctx: click.Context, args: Sequence[str]) -> list[str]:
    """The values on the line that may be the one given to ``param``."""
    found: list[str] = []
    if isinstance(param, click.Option):
        names = [*param.opts, *param.secondary_opts]
        for index, arg in enumerate(args):
            if arg == "--":
                break
            for name in names:
                if arg == name and index + 1 < len(args):
                    found.append(args[index + 1])
                elif arg.startswith(name + "=") and name.startswith("--"):
                    found.append(arg.split("=", 1)[1])
                elif len(name) == 2 and not name.startswith("--") and arg.startswith(name) and len(arg) > 2:
                    found.append(arg[2:])
        return found
    words = ctx.command_path.split()[1:]  # the command names on the line are no argument's value
    skip = False
    past_options = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--" and not past_options:
            past_options = True
        elif arg.startswith("-") and len(arg) > 1 and not past_options:
            skip = _takes_value(ctx, arg)
        elif words and arg == words[0]:
            words.pop(0)
        else:
            found.append(arg)
    return found


def _rejected(param: click.Parameter, ctx: click.Context, args: Sequence[str]) -> str | None:
    """The value on the line that ``param``'s type refuses, if it can be found."""
    for value in _candidates(param, ctx, args):
        try:
            param.type.convert(value, param, ctx)
        except click.BadParameter:
            return value
        except Exception:  # a type that fails otherwise is not the one to name
            continue
    return None


def _range(kind: click.IntRange | click.FloatRange) -> str:
    low = "<" if kind.min_open else "<="
    high = "<" if kind.max_open else "<="
    if kind.min is None:
        return f"x{high}{kind.max}"
    if kind.max is None:
        return f"x{'>' if kind.min_open else '>='}{kind.min}"
    return f"{kind.min}{low}x{high}{kind.max}"


def _choices(kind: click.Choice[Any]) -> str:
    return ", ".join(str(choice) for choice in kind.choices)


def _bad_value(param: click.Parameter, ctx: click.Context, args: Sequence[str], lang: str) -> str:
    value = _rejected(param, ctx, args)
    kind = param.type
    if isinstance(kind, click.Choice):
        if value is None:
            return t("click.choose_from", lang, choices=_choices(kind))
        return t("click.not_a_choice", lang, value=value, choices=_choices(kind))
    if isinstance(kind, (click.IntRange, click.FloatRange)) and value is not None:
        whole = isinstance(kind, click.IntRange)
        try:
            int(value) if whole else float(value)
        except ValueError:
            return t("click.not_an_integer" if whole else "click.not_a_number", lang, value=value)
        return t("click.out_of_range", lang, value=value, range=_range(kind))
    if kind is click.INT and value is not None:
        return t("click.not_an_integer", lang, value=value)
    if kind is click.FLOAT and value is not None:
        return t("click.not_a_number", lang, value=value)
    if value is not None:
        return t("click.bad_value", lang, value=value)
    return t("click.bad_value_unknown", lang)


def usage_error_text(error: click.UsageError, lang: str, args: Sequence[str]) -> str | None:
    """The usage error in ``lang``: one line of what is wrong, then the usage line and where help is.

    None for a usage error of a kind this does not know (Click then shows its own).
    """
    ctx = error.ctx
    if isinstance(error, click.MissingParameter):
        param_type = error.param_type or (error.param.param_type_name if error.param is not None else "parameter")
        noun = t(f"click.kind.{param_type}" if f"click.kind.{param_type}" in MESSAGES else "click.kind.parameter", lang)
        line = t("click.missing", lang, kind=noun, name=_hint(error.param, error.param_hint, ctx))
        if error.param is not None and isinstance(error.param.type, click.Choice):
            line += " " + t("click.choose_from", lang, choices=_choices(error.param.type))
    elif isinstance(error, click.BadParameter):
        if ctx is None or error.param is None:
            return None
        detail = _bad_value(error.param, ctx, args, lang)
        line = t("click.invalid_value", lang, name=_hint(error.param, error.param_hint, ctx), detail=detail)
    elif isinstance(error, click.NoSuchOption):
        line = t("click.no_such_option", lang, name=error.option_name)
        if error.possibilities:
            found = ", ".join(repr(name) for name in sorted(error.possibilities))
            line += " " + t(
                "click.did_you_mean" if len(error.possibilities) == 1 else "click.did_you_mean_any",
                lang,
                possibilities=found,
            )
    elif isinstance(error, click.NoSuchCommand):
        line = t("click.no_such_command", lang, name=error.command_name)
        if error.possibilities:
            found = ", ".join(repr(name) for name in sorted(error.possibilities))
            line += " " + t(
                "click.did_you_mean" if len(error.possibilities) == 1 else "click.did_you_mean_any",
                lang,
                possibilities=found,
            )
    elif isinstance(error, click.BadOptionUsage):
        option = _option_named(ctx, error.option_name) if ctx is not None else None
        flag = option is not None and (option.is_flag or option.count)
        line = t("click.no_value_taken" if flag else "click.value_needed", lang, name=error.option_name)
    elif isinstance(error, click.BadArgumentUsage):
        line = t("click.bad_argument_count", lang)
    elif isinstance(error, ExtraArguments):
        line = t("click.extra_arguments", lang, extra=" ".join(error.extra))
    elif type(error) is click.UsageError and ctx is not None and isinstance(ctx.command, click.Group):
        line = t("click.missing_command", lang)  # the one plain usage error a group raises
    else:
        return None
    lines = [f"tracker: {line}"]
    if ctx is not None:
        ctx.meta[_LANG] = lang
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            names = ctx.command.get_help_option_names(ctx)
            lines.append(t("click.try_help", lang, command=f"{ctx.command_path} {max(names, key=len)}"))
    return "\n".join(lines)


def _option_named(ctx: click.Context, name: str) -> click.Option | None:
    for level in _chain(ctx):
        for param in level.command.get_params(level):
            if isinstance(param, click.Option) and name in (*param.opts, *param.secondary_opts):
                return param
    return None
