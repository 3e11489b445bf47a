"""Colours: the old tool's accents (purple elapsed, pink spinners/bars, green done, red failed, orange ETA).

Two themes carry the same variables, tuned for contrast on a dark and on a light background. Widgets
refer to them as `$kt-*` style variables, so switching theme (command palette) recolours everything.
"""

from __future__ import annotations

import os

from textual.theme import Theme

DARK = "kartiseret-dark"
LIGHT = "kartiseret-light"

_DARK_VARIABLES = {
    "kt-elapsed": "#b56cff",
    "kt-pink": "#f266e0",
    "kt-done": "#3fcf6e",
    "kt-failed": "#ff5f5f",
    "kt-eta": "#ff9f1c",
    "kt-group": "#66d6f2",
    "kt-cancelled": "#e6c84f",
    "kt-track": "#3a3a48",
    "kt-testing-fg": "#ffffff",
    "kt-testing-bg": "#c4161c",
    "kt-regular-fg": "#0b2e13",
    "kt-regular-bg": "#3fcf6e",
    "kt-cursor": "#8040e6 35%",
    "footer-key-foreground": "#f266e0",
}

_LIGHT_VARIABLES = {
    "kt-elapsed": "#7a1fd6",
    "kt-pink": "#b5179e",
    "kt-done": "#1a7f37",
    "kt-failed": "#c62828",
    "kt-eta": "#b85c00",
    "kt-group": "#00708f",
    "kt-cancelled": "#8a6d00",
    "kt-track": "#d4d0dc",
    "kt-testing-fg": "#ffffff",
    "kt-testing-bg": "#c4161c",
    "kt-regular-fg": "#ffffff",
    "kt-regular-bg": "#1a7f37",
    "kt-cursor": "#8040e6 20%",
    "footer-key-foreground": "#8040e6",
}

THEMES = (
    Theme(
        name=DARK,
        primary="#9c27f5",
        secondary="#8040e6",
        accent="#f266e0",
        warning="#ff9f1c",
        error="#ff5f5f",
        success="#3fcf6e",
        foreground="#e4e1ec",
        background="#16141d",
        surface="#1f1c28",
        panel="#2a2635",
        dark=True,
        variables=_DARK_VARIABLES,
    ),
    Theme(
        name=LIGHT,
        primary="#7a1fd6",
        secondary="#8040e6",
        accent="#b5179e",
        warning="#b85c00",
        error="#c62828",
        success="#1a7f37",
        foreground="#1d1a24",
        background="#fbfaff",
        surface="#f1eef8",
        panel="#e4dff0",
        dark=False,
        variables=_LIGHT_VARIABLES,
    ),
)


def variable_defaults() -> dict[str, str]:
    """Fallbacks so the `$kt-*` variables resolve under any built-in theme too."""
    return {name: value for name, value in _DARK_VARIABLES.items() if name.startswith("kt-")}


def preferred_theme(environ: dict[str, str] | None = None) -> str:
    """`KARTISERET_THEME=light|dark` wins; else the terminal's COLORFGBG hint; else dark."""
    env = os.environ if environ is None else environ
    chosen = env.get("KARTISERET_THEME", "").strip().lower()
    if chosen in ("light", "dark"):
        return LIGHT if chosen == "light" else DARK
    background = env.get("COLORFGBG", "").rsplit(";", 1)[-1]
    return LIGHT if background in ("7", "15") else DARK
