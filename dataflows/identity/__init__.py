"""Film identity across chains and cinematheques, offline."""
from dataflows.identity.variant import TitleVariant, variants_from_rows
from dataflows.identity.resolver import resolve

__all__ = ["TitleVariant", "resolve", "variants_from_rows"]
