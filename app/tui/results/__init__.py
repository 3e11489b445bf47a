"""Pieces the result screens share: literal cells in display order, the windowed table, exports."""
