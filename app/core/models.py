"""Core tables: runs, job attempts, and the raw rows scrapers store (the scraper row schema)."""

from __future__ import annotations

from datetime import UTC, datetime

import peewee

from app.core.db import BaseModel, register_models

RUN_STATUSES = ("running", "ok", "failed", "cancelled", "interrupted")

# The scraper row schema (DESIGN.md §4), in order. `import` and `export raw` use exactly this.
RAW_COLUMNS = (
    "showtime",
    "english_title",
    "hebrew_title",
    "english_href",
    "hebrew_href",
    "screening_type",
    "screening_tech",
    "original_language",
    "dub_language",
    "date_of_showing",
    "release_year",
    "release_date",
    "directed_by",
    "runtime",
    "rating",
    "screening_city",
    "cinema",
    "run_id",
)
RAW_VALUE_COLUMNS = RAW_COLUMNS[:-1]


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Run(BaseModel):
    """One execution: its ID is allocated by the database (atomic under concurrency)."""

    id = peewee.AutoField()
    mode = peewee.CharField(max_length=16)
    sites = peewee.CharField(max_length=16, default="")
    plan = peewee.CharField(max_length=64, default="")
    jobs = peewee.TextField(default="[]")
    host = peewee.CharField(max_length=255, default="")
    pid = peewee.IntegerField(default=0)
    front_end = peewee.CharField(max_length=16, default="headless")
    started_at = peewee.DateTimeField(default=utcnow)
    heartbeat_at = peewee.DateTimeField(default=utcnow)
    finished_at = peewee.DateTimeField(null=True)
    status = peewee.CharField(max_length=16, default="running", index=True)
    summary = peewee.TextField(default="")

    class Meta:
        table_name = "runs"


class Attempt(BaseModel):
    """One attempt of one job in one run."""

    id = peewee.AutoField()
    run_id = peewee.IntegerField(index=True)
    job = peewee.CharField(max_length=64, index=True)
    group = peewee.CharField(max_length=32, default="")
    attempt = peewee.IntegerField()
    status = peewee.CharField(max_length=16)
    started_at = peewee.DateTimeField()
    finished_at = peewee.DateTimeField(null=True)
    duration_s = peewee.FloatField(null=True)
    rows = peewee.IntegerField(default=0)
    error_type = peewee.CharField(max_length=128, default="")
    error_message = peewee.TextField(default="")
    traceback = peewee.TextField(default="")
    artifacts = peewee.TextField(default="")

    class Meta:
        table_name = "attempts"
        indexes = ((("run_id", "job", "attempt"), True),)


class RawRow(BaseModel):
    """A row exactly as a scraper (or `import`) produced it, stamped with the run ID."""

    id = peewee.BigAutoField()
    run_id = peewee.IntegerField(index=True)
    job = peewee.CharField(max_length=64, default="")
    showtime = peewee.TextField(default="")
    english_title = peewee.TextField(default="")
    hebrew_title = peewee.TextField(default="")
    english_href = peewee.TextField(default="")
    hebrew_href = peewee.TextField(default="")
    screening_type = peewee.TextField(default="")
    screening_tech = peewee.TextField(default="")
    original_language = peewee.TextField(default="")
    dub_language = peewee.TextField(default="")
    date_of_showing = peewee.TextField(default="")
    release_year = peewee.TextField(default="")
    release_date = peewee.TextField(default="")
    directed_by = peewee.TextField(default="")
    runtime = peewee.TextField(default="")
    rating = peewee.TextField(default="")
    screening_city = peewee.TextField(default="")
    cinema = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "raw_rows"
        indexes = ((("run_id", "cinema"), False),)


register_models(Run, Attempt, RawRow)
