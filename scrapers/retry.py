"""Registry defaults for scraper jobs: retried with a fresh browser and backoff (no Selenium import here:
listing jobs must stay light)."""

from __future__ import annotations

from app.core.jobs import RetryPolicy

SCRAPER_RETRY = RetryPolicy(max_attempts=3, base_delay_s=5.0, max_delay_s=60.0, jitter=0.25)
