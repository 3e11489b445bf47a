"""The Textual front end: mode → runner selection → live dashboard → run history.

The only package that imports Textual. Jobs run in the core executor on plain threads (`session.py`);
screens only read the core's events and models and call the executor's public controls. Keys:
mode screen Enter/t/r/s/l/h/q; selection Space/Enter/Esc, type to filter, ctrl+d/a/n presets;
dashboard Enter details, r retry, c cancel, n new run, h history, q quit (asks while jobs run);
ctrl+p lists the same actions. Binding ids can be remapped with `KARTISERET_KEYMAP="id=key;…"`.
"""
