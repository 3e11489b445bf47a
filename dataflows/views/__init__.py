"""Read models for the result screens (Movies, Showtimes, Coming soon, Data quality).

Each view loads the published rows once into a compact in-memory form and answers filters from
memory, so a keystroke never queries the database. No Textual, no Rich: the TUI renders what these
return, tests and benchmarks call them directly.
"""
