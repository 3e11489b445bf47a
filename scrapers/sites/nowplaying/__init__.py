"""Site scrapers of this kind: one module per site."""
