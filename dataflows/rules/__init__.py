"""Value rules as data tables: each module holds the tables for one field and one small lookup function.

Tables are keyed by `fold(text)` (case, quotes, dashes and spacing ignored) so spelling variants the
sites produce ("ת"א-" vs "ת״א") hit the same entry. Unknown values are never silently dropped: the
lookups say so, and the clean dataflow counts them in the data-quality report.
"""
