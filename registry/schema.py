"""Modules that define tables; importing them registers their models for creation at start."""

from __future__ import annotations

import importlib

MODEL_MODULES = ("app.core.models", "dataflows.models", "dataflows.enrich.models", "dataflows.identity.models")


def load_models() -> None:
    for name in MODEL_MODULES:
        importlib.import_module(name)
