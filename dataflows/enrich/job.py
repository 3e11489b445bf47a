"""The `enrich` job: every film gets a TMDB decision — matched, pinned, skipped, or queued for review.

Pins and skips a person made are applied first and never re-matched. Network work runs on a few
threads sharing one paced client (`workers.run_threaded`); each film's outcome is stored from the
job thread in its own transaction, and only when it changed. A film that hits a TMDB outage keeps
its previous state and is reported; only when every film fails does the job fail (and the executor
retries it). No key: the job is skipped.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from app.core.errors import JobCancelled, JobSkipped
from app.core.jobs import JobContext
from dataflows.enrich.client import ClientConfig, TmdbAuthError, TmdbClient, TmdbUnavailable
from dataflows.enrich.facts import FilmFacts
from dataflows.enrich.films import default_source
from dataflows.enrich.matcher import Matcher, MatchResult
from dataflows.enrich.models import TmdbPin
from dataflows.enrich.review import pins
from dataflows.enrich.scoring import MatchRules
from dataflows.enrich.store import save_manual, save_match
from dataflows.enrich.workers import run_threaded

TESTING_FILM_CAP = 50
WORKERS = 4


@dataclass
class Outcome:
    facts: FilmFacts
    status: str  # matched, review, pinned, skipped, failed
    result: MatchResult | None = None
    tmdb_id: int | None = None
    details: dict[str, Any] | None = None
    note: str = ""

    def line(self) -> str:
        title = self.facts.english_title or self.facts.hebrew_title
        target = f" -> tmdb {self.tmdb_id}" if self.tmdb_id else ""
        return f"{self.status:8} {self.facts.movie_id} {title!r}{target}: {self.note}"

    def ledger(self) -> dict[str, Any]:
        if self.result is not None:
            return self.result.ledger()
        return {"movie_id": self.facts.movie_id, "decision": {"status": self.status, "why": self.note}}


def run(ctx: JobContext) -> None:
    """Registry target: enrich the films of the films table."""
    if not ctx.settings.tmdb_api_key:
        raise JobSkipped("no TMDB key")
    enrich(ctx, default_source()())


def enrich(
    ctx: JobContext,
    films: list[FilmFacts],
    rules: MatchRules | None = None,
    config: ClientConfig | None = None,
) -> Counter[str]:
    """Decide every film; returns the count per status (also put into `ctx.metrics`)."""
    if not ctx.settings.tmdb_api_key:
        raise JobSkipped("no TMDB key")
    films = sorted(films, key=lambda f: f.movie_id)
    if ctx.testing and len(films) > TESTING_FILM_CAP:
        ctx.log(f"testing mode: enriching the first {TESTING_FILM_CAP} of {len(films)} films")
        films = films[:TESTING_FILM_CAP]
    client = TmdbClient.from_settings(ctx.settings, config=config, sleep=ctx.wait)
    matcher = Matcher(client, rules)
    decided = pins()
    counts: Counter[str] = Counter()
    outcomes: list[Outcome] = []
    ledger_path = ctx.artifacts_dir / "ledger.jsonl"
    ctx.log(f"enriching {len(films)} films ({len(decided)} pinned or skipped by hand)")
    ctx.progress(0, len(films))

    def record(outcome: Outcome) -> None:
        if _store(outcome, ctx.run_id):
            counts["changed"] += 1
        counts[outcome.status] += 1
        outcomes.append(outcome)
        _append_ledger(ledger_path, outcome)
        ctx.log(outcome.line(), "warning" if outcome.status == "failed" else "info")
        if outcome.status in ("matched", "pinned"):
            ctx.add_rows(1)
        ctx.progress(len(outcomes), len(films))

    try:
        workers = min(WORKERS, ctx.settings.workers or WORKERS)
        decide = partial(_decide, decided=decided, matcher=matcher, client=client)
        run_threaded(films, decide, workers, record, ctx.check_cancelled)
    finally:
        ctx.metrics.update({"films": len(films), **{f"films_{k}": v for k, v in counts.items()}})
        ctx.metrics.update(client.stats.to_metrics())
        client.close()
    _write_summary(ctx.artifacts_dir / "summary.txt", outcomes, ctx.metrics)
    _report(ctx, counts, outcomes)
    return counts


def _decide(facts: FilmFacts, decided: dict[str, TmdbPin], matcher: Matcher, client: TmdbClient) -> Outcome:
    pin = decided.get(facts.movie_id)
    try:
        if pin is not None and pin.action == "skip":
            return Outcome(facts, "skipped", note=f"skipped by hand ({pin.source})")
        if pin is not None and pin.tmdb_id:
            details = client.movie_details(pin.tmdb_id)
            note = f"pinned by hand ({pin.source})" + ("" if details else "; TMDB does not know this id")
            return Outcome(facts, "pinned", tmdb_id=pin.tmdb_id, details=details, note=note)
        result = matcher.match(facts)
        return Outcome(facts, result.status, result=result, tmdb_id=result.tmdb_id, note=result.reason)
    except (JobCancelled, TmdbAuthError):
        raise
    except TmdbUnavailable as exc:
        return Outcome(facts, "failed", note=str(exc))
    except Exception as exc:  # bad data for one film must not sink the others
        return Outcome(facts, "failed", note=f"{type(exc).__name__}: {exc}")


def _store(outcome: Outcome, run_id: int) -> bool:
    """Write the film's outcome; False when nothing changed (failed films keep their previous state)."""
    if outcome.result is not None:
        return save_match(outcome.result, run_id)
    if outcome.status in ("pinned", "skipped"):
        facts = outcome.facts
        return save_manual(
            facts.movie_id, outcome.status, outcome.tmdb_id, outcome.note, run_id, facts, outcome.details
        )
    return False


def _append_ledger(path: Path, outcome: Outcome) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(outcome.ledger(), ensure_ascii=False, default=str) + "\n")


def _write_summary(path: Path, outcomes: list[Outcome], metrics: dict[str, Any]) -> None:
    """A readable ledger of the run, one line per film (like the old pipeline's, but with reasons)."""
    lines = ["TMDB ENRICHMENT SUMMARY", ""]
    lines += [f"- {key}: {value}" for key, value in sorted(metrics.items())]
    lines += ["", "FILMS"]
    lines += [f"- {o.line()}" for o in sorted(outcomes, key=lambda o: (o.status, o.facts.movie_id.zfill(20)))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _report(ctx: JobContext, counts: Counter[str], outcomes: list[Outcome]) -> None:
    failed = [o for o in outcomes if o.status == "failed"]
    if outcomes and len(failed) == len(outcomes):
        raise TmdbUnavailable(f"no film could be enriched: {failed[0].note}")
    if failed:
        names = ", ".join(repr(o.facts.english_title or o.facts.hebrew_title) for o in failed[:3])
        ctx.warn(f"{len(failed)} film(s) not enriched this run (kept as they were): {names}")
    if counts["review"]:
        ctx.warn(f"{counts['review']} film(s) wait for TMDB review (pin, accept or skip them)")
    ctx.log(
        "enrichment done: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        + "; "
        + ", ".join(f"{k} {v}" for k, v in sorted(ctx.metrics.items()) if k.startswith("tmdb_"))
    )
