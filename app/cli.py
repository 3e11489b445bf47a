"""`kartiseret` entry point: the TUI by default, `--no-tui` headless, and the sub-commands.

Configuration errors print one line and exit 2. The headless path never imports Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app.core.errors import ConfigError
from app.core.summary import EXIT_INTERRUPTED, EXIT_USAGE

SUBCOMMANDS = ("list", "runs", "sandbox", "import", "export")


class _Parser(argparse.ArgumentParser):
    """argparse that raises ConfigError (one clean line, exit 2) instead of printing usage noise."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ConfigError(message)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mode", choices=("testing", "regular"), help="Testing: small batches, separate tables")
    parser.add_argument("--sites", choices=("live", "sandbox"), help="scrape the live sites or the sandbox")
    parser.add_argument("--db", dest="database_url", metavar="URL", help="database URL (default: SQLite file)")


def build_run_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kartiseret",
        description="Scrape, clean, resolve and publish Israeli cinema data.",
        epilog=f"sub-commands: {', '.join(SUBCOMMANDS)} (kartiseret COMMAND --help)",
    )
    _common(parser)
    parser.add_argument("--no-tui", action="store_true", help="run headless (cron/CI)")
    parser.add_argument("--plan", help="plan name (default: daily)")
    parser.add_argument("--group", action="append", default=[], help="run a group (repeatable)")
    parser.add_argument("--job", action="append", default=[], help="run a job (repeatable)")
    parser.add_argument("--json", dest="json_path", metavar="FILE", help="write the summary as JSON")
    return parser


def build_subcommand_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kartiseret")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    listing = sub.add_parser("list", help="groups, jobs and plans")
    _common(listing)

    history = sub.add_parser("runs", help="run history; `runs show ID` for one run")
    _common(history)
    history.add_argument("action", nargs="?", choices=("show",))
    history.add_argument("run_id", nargs="?", type=int)
    history.add_argument("--limit", type=int, default=20)

    sandbox = sub.add_parser("sandbox", help="serve the replica sites on 127.0.0.1")
    sandbox.add_argument("--port", type=int, default=None)
    sandbox.add_argument("--data", metavar="DIR", help="folder of scraper-schema CSVs (default: bundled)")
    sandbox.add_argument("--today", metavar="YYYY-MM-DD", help="the date the replicas treat as today")
    sandbox.add_argument("--chaos", action="append", default=[], help="inject a fault (repeatable)")

    importer = sub.add_parser("import", help="ingest scraper-schema CSVs as a new run")
    _common(importer)
    importer.add_argument("paths", nargs="+", metavar="PATH")

    export = sub.add_parser("export", help="write published tables or a run's raw rows")
    _common(export)
    export.add_argument("kind", choices=("showtimes", "movies", "comingsoon", "raw"))
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--out", metavar="FILE")
    export.add_argument("--run", dest="run_id", type=int, help="run ID (raw: default the newest run)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            return _subcommand(build_subcommand_parser().parse_args(args))
        return _run(build_run_parser().parse_args(args))
    except ConfigError as exc:
        print(f"kartiseret: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("kartiseret: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `kartiseret export … | head`: the reader left, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _settings(args: argparse.Namespace):
    from app.core.settings import load_settings

    return load_settings().with_overrides(
        mode=getattr(args, "mode", None),
        sites=getattr(args, "sites", None),
        database_url=getattr(args, "database_url", None),
    )


def open_store(settings) -> None:
    from app.core.db import open_database
    from registry.schema import load_models

    load_models()
    open_database(settings)


def _run(args: argparse.Namespace) -> int:
    from registry import load_catalogue

    settings = _settings(args)
    catalogue = load_catalogue()
    headless = args.no_tui
    if not headless and (not sys.stdout.isatty() or os.environ.get("CI")):
        why = "CI is set" if os.environ.get("CI") else "stdout is not a terminal"
        print(f"kartiseret: running headless ({why})", file=sys.stderr)
        headless = True
    if not headless:
        from app.tui.launch import launch_tui

        return launch_tui(settings, catalogue, plan=args.plan, groups=args.group, jobs=args.job)
    plan = catalogue.plan(args.plan, args.group, args.job)
    if settings.sites == "sandbox":
        from scrapers.sandbox.ensure import ensure_sandbox_for

        ensure_sandbox_for(settings, plan)
    open_store(settings)
    from app.core.executor import Executor
    from app.headless import run_headless

    executor = Executor(settings, capacity=_capacity(settings))
    result = run_headless(executor, plan)
    if args.json_path:
        from pathlib import Path

        result.write_json(Path(args.json_path))
    return result.exit_code


def _capacity(settings) -> dict[str, int]:
    """Browser slots: a remote Grid's free slots when configured, else the local default."""
    from app.core.executor import default_capacity

    capacity = default_capacity(settings)
    if settings.selenium_remote_url:
        from scrapers.browser.capacity import remote_slots

        capacity["browser"] = remote_slots(settings.selenium_remote_url, fallback=capacity["browser"])
    return capacity


def _subcommand(args: argparse.Namespace) -> int:
    if args.command == "sandbox":
        from scrapers.sandbox.cli import serve

        return serve(port=args.port, data=args.data, today=args.today, chaos=args.chaos)
    if args.command == "list":
        from app.commands.listing import print_catalogue

        return print_catalogue(sys.stdout)
    settings = _settings(args)
    open_store(settings)
    if args.command == "runs":
        from app.commands.history import print_run, print_runs

        if args.action == "show":
            if args.run_id is None:
                raise ConfigError("runs show needs a run ID")
            return print_run(args.run_id, sys.stdout)
        return print_runs(args.limit, sys.stdout)
    if args.command == "import":
        from app.commands.importing import import_paths

        return import_paths(settings, args.paths, sys.stdout)
    if args.command == "export":
        from app.commands.exporting import export

        return export(settings, args.kind, args.format, args.out, args.run_id, sys.stdout)
    raise ConfigError(f"unknown command {args.command}")
