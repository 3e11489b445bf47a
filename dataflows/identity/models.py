"""Film identity's tables: one row per film, and every title variant ever seen with the film it belongs to.

`film_variants` is the memory that keeps movie IDs stable: a variant seen before keeps its film, and a
new variant is resolved against the known variants it shares a key with. The key columns are the
resolver's comparison keys, stored so that this lookup is an indexed query, not a table scan.
`films.movie_id` is referenced by plain integer columns (no foreign key) so that other dataflows may
expire or rebuild their own tables without cascading into identity.
"""

from __future__ import annotations

import peewee

from app.core.db import BaseModel, register_models
from app.core.models import utcnow


class Film(BaseModel):
    """A film (or a non-film event) as resolved across chains, with canonical display facts."""

    movie_id = peewee.AutoField()
    english_title = peewee.TextField(default="")
    hebrew_title = peewee.TextField(default="")
    alt_titles = peewee.TextField(default="[]")  # JSON list of the other cleaned titles seen for this film
    release_year = peewee.CharField(max_length=8, default="")
    directed_by = peewee.TextField(default="")
    runtime = peewee.CharField(max_length=8, default="")
    is_event = peewee.BooleanField(default=False)
    variant_count = peewee.IntegerField(default=0)
    created_at = peewee.DateTimeField(default=utcnow)
    updated_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        table_name = "films"


class FilmVariant(BaseModel):
    """One (cinema, English title, Hebrew title) exactly as scraped, and its film."""

    id = peewee.BigAutoField()
    key_hash = peewee.CharField(max_length=64, unique=True)  # sha256 of the exact variant key
    cinema = peewee.TextField()
    english_title = peewee.TextField()
    hebrew_title = peewee.TextField()
    movie_id = peewee.IntegerField(index=True)
    release_year = peewee.CharField(max_length=16, default="")
    directed_by = peewee.TextField(default="")
    runtime = peewee.CharField(max_length=16, default="")
    rows = peewee.IntegerField(default=0)
    english_key = peewee.CharField(max_length=255, default="", index=True)
    hebrew_key = peewee.CharField(max_length=255, default="", index=True)
    alias_key = peewee.CharField(max_length=255, default="", index=True)
    skeleton_key = peewee.CharField(max_length=255, default="", index=True)
    first_seen_at = peewee.DateTimeField(default=utcnow)
    last_seen_at = peewee.DateTimeField(default=utcnow)
    first_seen_run = peewee.IntegerField(null=True)
    last_seen_run = peewee.IntegerField(null=True)

    class Meta:
        table_name = "film_variants"


register_models(Film, FilmVariant)
