"""The ``tracker`` command. Command names and options are the scripting contract.

Heavy modules (SQLAlchemy, SQLModel, Rich, Textual) are imported inside the commands that need
them, so ``tracker list`` and cron jobs never load Textual. Each command group lives in its own
module; importing them here registers them on the one ``cli`` group.
"""

from __future__ import annotations

import sys

import click

from tracker.cli import agencies, changes, db, draft, email, listing, reports, transfer
from tracker.cli.base import cli, error_language, fail
from tracker.cli.helptext import usage_error_text
from tracker.core.catalogue import t
from tracker.core.errors import TrackerError
from tracker.core.text import mask_secrets

__all__ = ["agencies", "changes", "cli", "db", "draft", "email", "listing", "main", "reports", "transfer"]


def main(argv: list[str] | None = None) -> None:
    """Console entry point: user errors are one line on stderr and exit code 1, never a traceback.

    ``--debug`` anywhere on the line shows the traceback of an unexpected error instead.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    args = [arg for arg in args if arg != "--debug"]
    for arg in args:  # bytes that are not UTF-8 reach Python as lone surrogates, which nothing can print
        if not arg.isascii() and any("\udc80" <= ch <= "\udcff" for ch in arg):
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            fail(t("limits.argument_not_utf8", error_language(args), arg=shown))
    try:
        cli.main(args=args, prog_name="tracker", standalone_mode=False)
    except TrackerError as error:
        fail(error.text(error_language(args)))
    except click.exceptions.Abort:
        fail(t("cli.aborted", error_language(args)))
    except click.UsageError as error:  # in the user's language; Click's own text for English
        lang = error_language(args)
        rendered = None if lang == "en" else usage_error_text(error, lang, args)
        if rendered is None:
            error.show()
        else:
            click.echo(rendered, err=True)
        sys.exit(error.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except (BrokenPipeError, KeyboardInterrupt):
        sys.exit(1)
    except Exception as error:  # database unreachable, disk full, a bug: still one line, not a traceback
        if debug:
            raise
        from sqlalchemy.exc import SQLAlchemyError

        lang = error_language(args)
        if isinstance(error, (SQLAlchemyError, OSError)):
            detail = f"{type(error).__name__}: {getattr(error, 'orig', None) or error}"
            fail(t("cli.system_error", lang, detail=mask_secrets(detail)))
        fail(t("cli.unexpected_error", lang, detail=mask_secrets(f"{type(error).__name__}: {error}")))


if __name__ == "__main__":
    main()
