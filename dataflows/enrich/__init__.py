"""TMDB enrichment: match each film to The Movie Database, explain why, and queue what is unsure.

The core takes a film's facts (`FilmFacts`) and returns a scored `MatchResult` with its ledger; the
job (`dataflows.enrich.job:run`) feeds it films, stores the outcome, and leaves the doubtful ones in
a review queue that people settle by pinning or skipping (`dataflows.enrich.review`).
"""
