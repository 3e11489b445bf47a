"""Tables of the dataflows: cleaned rows, title variants, scrape snapshots, the published tables.

Raw rows (`app.core.models.RawRow`) are never modified. Every dataflow keeps its own position
(`Watermark`) instead of flags on raw rows, and every published table is keyed by a deterministic
content key, so re-running a dataflow rewrites the same rows with the same keys.
"""

from __future__ import annotations

import peewee

from app.core.db import BaseModel, register_models
from app.core.models import utcnow

# Kinds of cleaned rows: the two publishable ones, and the reasons a row goes nowhere.
SHOWTIME, COMINGSOON, EVENT, DROPPED, QUARANTINED = "showtime", "comingsoon", "event", "dropped", "quarantined"
LISTING_KINDS = (SHOWTIME, COMINGSOON)


class Watermark(BaseModel):
    """How far a dataflow got (e.g. the last raw row ID cleaned); moved in the same transaction as the work."""

    name = peewee.CharField(max_length=64, primary_key=True)
    position = peewee.BigIntegerField(default=0)

    class Meta:
        table_name = "dataflow_watermarks"


class CleanRow(BaseModel):
    """One raw row after validation and cleaning (exactly one per raw row, whatever became of it)."""

    raw_row_id = peewee.BigIntegerField(primary_key=True)  # one cleaned row per raw row, in raw row order
    run_id = peewee.IntegerField()
    job = peewee.CharField(max_length=64, default="")
    cinema = peewee.TextField(default="")
    kind = peewee.CharField(max_length=12)
    reason = peewee.CharField(max_length=64, default="")
    variant_id = peewee.IntegerField(null=True)
    shape_id = peewee.IntegerField(null=True)  # row_shapes: what this row shares with its film's other rows
    showtime = peewee.CharField(max_length=5, default="")
    date_of_showing = peewee.CharField(max_length=10, default="")
    release_date = peewee.CharField(max_length=10, default="")
    english_href = peewee.TextField(default="")
    hebrew_href = peewee.TextField(default="")
    flags = peewee.TextField(default="")
    dedupe_hash = peewee.CharField(max_length=40, default="")  # what makes it one real showtime (publish's key)

    class Meta:
        table_name = "clean_rows"
        indexes = ((("run_id", "kind", "cinema", "raw_row_id"), False),)  # a run's rows; a unit's rows in order


class RowShape(BaseModel):
    """The cleaned values rows of one variant, hall and version share (city, hall, languages, facts), stored once."""

    id = peewee.AutoField()
    key_hash = peewee.CharField(max_length=40, unique=True)
    kind = peewee.CharField(max_length=12)
    variant_id = peewee.IntegerField()
    cinema = peewee.TextField(default="")
    screening_city = peewee.TextField(default="")
    screening_type = peewee.TextField(default="")
    screening_tech = peewee.TextField(default="")
    dub_language = peewee.TextField(default="")
    original_language = peewee.TextField(default="")
    release_year = peewee.CharField(max_length=4, default="")
    directed_by = peewee.TextField(default="")
    runtime = peewee.IntegerField(null=True)
    rating = peewee.CharField(max_length=8, default="")

    class Meta:
        table_name = "row_shapes"


class VariantRecord(BaseModel):
    """A title variant (cinema, English, Hebrew exactly as scraped) and the film it was resolved to."""

    id = peewee.AutoField()
    key_hash = peewee.CharField(max_length=40, unique=True)
    cinema = peewee.TextField()
    english_title = peewee.TextField()
    hebrew_title = peewee.TextField()
    clean_english = peewee.TextField(default="")
    clean_hebrew = peewee.TextField(default="")
    is_event = peewee.BooleanField(default=False)
    dub_language = peewee.TextField(default="")
    tech_marker = peewee.TextField(default="")
    language_marker = peewee.TextField(default="")
    movie_id = peewee.IntegerField(null=True, index=True)
    first_run_id = peewee.IntegerField(default=0)

    class Meta:
        table_name = "title_variants"


class Snapshot(BaseModel):
    """What one run scraped for one cinema and kind, and whether publishing accepted it."""

    id = peewee.AutoField()
    run_id = peewee.IntegerField()
    cinema = peewee.TextField()
    kind = peewee.CharField(max_length=12)
    rows = peewee.IntegerField(default=0)
    first_day = peewee.CharField(max_length=10, default="")  # earliest showing date: the day it was scraped
    decision = peewee.CharField(max_length=12, default="")  # '' pending | accepted | rejected
    reason = peewee.TextField(default="")
    baseline = peewee.IntegerField(null=True)

    class Meta:
        table_name = "scrape_snapshots"
        indexes = ((("run_id", "cinema", "kind"), True), (("cinema", "kind", "decision"), False))


class ScrapeTarget(BaseModel):
    """Which cinema and kind a job's rows were for (learned from its rows): an empty scrape is then recognised."""

    job = peewee.CharField(max_length=64)
    cinema = peewee.TextField()
    kind = peewee.CharField(max_length=12)
    last_run_id = peewee.IntegerField(default=0)

    class Meta:
        table_name = "scrape_targets"
        primary_key = peewee.CompositeKey("job", "cinema", "kind")


class PublishState(BaseModel):
    """Which snapshot a unit (kind + cinema) currently publishes; its row is the unit's lock."""

    unit = peewee.CharField(max_length=255, primary_key=True)
    cinema = peewee.TextField()
    kind = peewee.CharField(max_length=12)
    run_id = peewee.IntegerField(null=True)
    epoch = peewee.IntegerField(default=0)
    rows = peewee.IntegerField(default=0)

    class Meta:
        table_name = "publish_state"


class QuarantinedRow(BaseModel):
    """A row that could not be used, with why: kept so nothing is lost and the cause can be fixed."""

    id = peewee.BigAutoField()
    run_id = peewee.IntegerField(index=True)
    raw_row_id = peewee.BigIntegerField(null=True, unique=True)
    source = peewee.TextField(default="")
    line = peewee.IntegerField(null=True)
    reason = peewee.CharField(max_length=32)
    detail = peewee.TextField(default="")
    payload = peewee.TextField(default="")
    created_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "quarantine"


class QualityCount(BaseModel):
    """One counter of a run's data-quality report (e.g. clean / quarantined / bad_time = 3)."""

    run_id = peewee.IntegerField()
    stage = peewee.CharField(max_length=16)
    metric = peewee.CharField(max_length=32)
    reason = peewee.CharField(max_length=200, default="")
    count = peewee.BigIntegerField(default=0)

    class Meta:
        table_name = "quality_counts"
        primary_key = peewee.CompositeKey("run_id", "stage", "metric", "reason")


class Movie(BaseModel):
    """A film with published showtimes or coming-soon entries (its TMDB match lives in enrichment's tables)."""

    movie_id = peewee.IntegerField(primary_key=True)
    english_title = peewee.TextField(default="")
    hebrew_title = peewee.TextField(default="")
    release_year = peewee.CharField(max_length=4, default="")
    runtime = peewee.IntegerField(null=True)
    directed_by = peewee.TextField(default="")
    original_language = peewee.TextField(default="")
    rating = peewee.CharField(max_length=8, default="")
    showtimes = peewee.IntegerField(default=0)
    cinemas = peewee.IntegerField(default=0)
    first_showing = peewee.CharField(max_length=10, default="")
    last_showing = peewee.CharField(max_length=10, default="")
    release_date = peewee.CharField(max_length=10, default="")

    class Meta:
        table_name = "movies"


class Showtime(BaseModel):
    """A published screening; `key` is a hash of what makes it one real showtime."""

    key = peewee.CharField(max_length=64, primary_key=True)  # "<movie_id>:<dedupe hash>"
    movie_id = peewee.IntegerField(index=True)
    variant_key = peewee.CharField(max_length=40)  # title_variants.key_hash: the source titles, as scraped
    cinema = peewee.TextField()
    screening_city = peewee.TextField(default="")
    date_of_showing = peewee.CharField(max_length=10)
    showtime = peewee.CharField(max_length=5)
    screening_type = peewee.TextField(default="")
    screening_tech = peewee.TextField(default="")
    dub_language = peewee.TextField(default="")
    original_language = peewee.TextField(default="")
    english_href = peewee.TextField(default="")
    hebrew_href = peewee.TextField(default="")
    release_year = peewee.CharField(max_length=4, default="")
    runtime = peewee.IntegerField(null=True)
    directed_by = peewee.TextField(default="")
    rating = peewee.CharField(max_length=8, default="")
    flags = peewee.TextField(default="")
    run_id = peewee.IntegerField()
    raw_row_id = peewee.BigIntegerField()

    class Meta:
        table_name = "showtimes"
        indexes = ((("cinema", "date_of_showing", "showtime"), False),)  # a cinema's rows, in export order


class ComingSoon(BaseModel):
    """A published coming-soon entry: one per film and chain."""

    key = peewee.CharField(max_length=64, primary_key=True)  # "<movie_id>:<hash of the cinema>"
    movie_id = peewee.IntegerField(index=True)
    variant_key = peewee.CharField(max_length=40)  # title_variants.key_hash: the source titles, as scraped
    cinema = peewee.TextField(index=True)
    release_date = peewee.CharField(max_length=10)
    release_year = peewee.CharField(max_length=4, default="")
    runtime = peewee.IntegerField(null=True)
    directed_by = peewee.TextField(default="")
    original_language = peewee.TextField(default="")
    rating = peewee.CharField(max_length=8, default="")
    flags = peewee.TextField(default="")
    run_id = peewee.IntegerField()
    raw_row_id = peewee.BigIntegerField()

    class Meta:
        table_name = "coming_soon"


PUBLISHED_MODELS = (Showtime, ComingSoon, Movie)

register_models(
    Watermark,
    CleanRow,
    RowShape,
    VariantRecord,
    Snapshot,
    ScrapeTarget,
    PublishState,
    QuarantinedRow,
    QualityCount,
    Movie,
    Showtime,
    ComingSoon,
)
