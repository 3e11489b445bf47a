"""The Textual front end: mode → runner selection → live dashboard → run history.

The only package that imports Textual. Jobs run in the core executor on plain threads; screens only
read the core's events and models and call the executor's public controls.
"""
