"""Right-to-left (Hebrew) text in a terminal grid, in the order the terminal needs.

Rich and Textual write text in logical order (the order it is typed and stored) and give Hebrew
letters one cell each. What a reader then sees depends on the terminal:

- xterm, kitty, Alacritty, WezTerm (default), Windows Terminal, the Linux console, and tmux itself
  do no bidi reordering: logical order shows each Hebrew word mirrored (ריפס for ספיר). For them the
  app reorders each cell into visual order (the Unicode Bidi Algorithm, `python-bidi`, with
  bracket mirroring) — the VISUAL setting.
- VTE terminals (GNOME Terminal, Tilix, …; VTE ≥ 0.58 sets `VTE_VERSION`), Konsole and mlterm
  reorder each line themselves: they need logical order, and would mirror already-reordered text
  back. In LOGICAL order each cell holding right-to-left text is wrapped in LEFT-TO-RIGHT MARKs, so
  the terminal reorders inside the cell but never swaps a Hebrew cell with its neighbours (a year
  or runtime next to a Hebrew title would otherwise move to its other side).

The default follows the environment (`VTE_VERSION`, `KONSOLE_VERSION`, `MLTERM` → logical, else
visual); `KARTISERET_BIDI=visual|logical` overrides it and F2 toggles it on a result screen. Text is
made printable first (control and bidi-override characters escaped), so data can never reorder
the screen on its own.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from bidi import get_display

VISUAL, LOGICAL = "visual", "logical"
LRM = "\u200e"
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")  # Hebrew, Arabic, Syriac, Thaana, … and their forms
MIN_BIDI_VTE = 5800  # VTE 0.58 added bidi support


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def terminal_default(env: Mapping[str, str]) -> str:
    """The order this terminal most likely needs (see the module docstring)."""
    forced = env.get("KARTISERET_BIDI", "").strip().lower()
    if forced in (VISUAL, LOGICAL):
        return forced
    vte = env.get("VTE_VERSION", "")
    if (vte.isdigit() and int(vte) >= MIN_BIDI_VTE) or env.get("KONSOLE_VERSION") or env.get("MLTERM"):
        return LOGICAL
    return VISUAL


@lru_cache(maxsize=32768)
def visual_order(text: str) -> str:
    """One line in visual (left-to-right display) order; its base direction is its first strong letter's.

    python-bidi's Rust algorithm (fast) does not mirror brackets, its pure-Python one (~30× slower)
    does: the slow one only runs for the few texts holding a mirrorable character such as "(".
    """
    if any(unicodedata.mirrored(char) for char in text):
        from bidi.algorithm import get_display as mirroring_display

        return mirroring_display(text)
    return get_display(text)


class DisplayOrder:
    """The order result screens draw right-to-left text in (one setting for the whole app)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode

    def toggle(self) -> str:
        self.mode = LOGICAL if self.mode == VISUAL else VISUAL
        return self.mode

    def apply(self, text: str) -> str:
        if not has_rtl(text):
            return text
        return visual_order(text) if self.mode == VISUAL else f"{LRM}{text}{LRM}"


ORDER = DisplayOrder(terminal_default(os.environ))
