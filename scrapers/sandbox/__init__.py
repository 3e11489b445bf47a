"""The sandbox: local replicas of the live cinema sites, built from scraper-schema CSVs (see README)."""
