"""Film identity across chains and cinematheques, offline: variants in, films out.

`resolve` groups one run's variants (pure); `assign_movie_ids` gives them stable movie IDs stored in
the `films` and `film_variants` tables.
"""

from dataflows.identity.resolver import Cluster, Resolution, resolve
from dataflows.identity.store import Assignment, assign, assign_movie_ids
from dataflows.identity.variant import TitleVariant, variants_from_rows

__all__ = [
    "Assignment",
    "Cluster",
    "Resolution",
    "TitleVariant",
    "assign",
    "assign_movie_ids",
    "resolve",
    "variants_from_rows",
]
