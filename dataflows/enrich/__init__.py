"""TMDB enrichment: match each film to The Movie Database, explain why, and queue what is unsure.

The core takes a film's facts (`facts.FilmFacts`) and returns a scored `matcher.MatchResult` with its
ledger; the job (`job:run`, registry name `enrich`) feeds it film identity's films, stores the
outcome, and leaves the doubtful ones in a review queue that people settle (`review`: `pin_film`,
`accept_candidate`, `skip_film`, `unpin_film`, `review_queue`; the TUI's `ReviewScreen` uses them).

Settings: `TMDB_API_KEY` (a v3 key, or a v4 read-access token) and `TMDB_API_URL` (default
`https://api.themoviedb.org`). Without a key the job ends "skipped (no TMDB key)".

Tables: `tmdb_movies` (metadata by TMDB id), `film_tmdb` (movie_id -> decision, score, ledger),
`tmdb_cache` (request -> response, with its age), `tmdb_pins` (manual pins/skips), `tmdb_review`.

Try it offline: `python -m tests.fixtures.tmdb.server --port 8899 --key demo` serves a fake TMDB;
then `TMDB_API_KEY=demo TMDB_API_URL=http://127.0.0.1:8899 kartiseret --no-tui --job enrich`.
"""
