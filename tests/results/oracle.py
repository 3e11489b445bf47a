"""The expected answers, asked of the database directly (SQL through the models), never through the views."""

from __future__ import annotations

import peewee

from dataflows.models import Movie, Showtime

Screening = tuple[int, str, str, str, str]  # movie_id, cinema, city, date, time


def showtimes(*where: peewee.Expression) -> list[Screening]:
    query = Showtime.select(
        Showtime.movie_id, Showtime.cinema, Showtime.screening_city, Showtime.date_of_showing, Showtime.showtime
    ).join(Movie, on=(Movie.movie_id == Showtime.movie_id))
    return sorted(query.where(*where).tuples()) if where else sorted(query.tuples())


def films_titled(word: str) -> set[int]:
    """Films whose English or Hebrew title contains `word` (case-insensitive)."""
    lower = word.lower()
    matches = (peewee.fn.LOWER(Movie.english_title).contains(lower)) | (Movie.hebrew_title.contains(word))
    return {movie_id for (movie_id,) in Movie.select(Movie.movie_id).where(matches).tuples()}
