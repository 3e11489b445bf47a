"""Title cleaning: chain decorations, version markers, scripts in the wrong column, events."""

from dataflows.titles.cleaner import CleanTitle, clean_title, clear_cache

__all__ = ["CleanTitle", "clean_title", "clear_cache"]
