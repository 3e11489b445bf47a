"""Plain-text formatting shared by every front end: clocks and the one clean final summary."""

from __future__ import annotations

from app.core.summary import RunResult


def clock(seconds: float | None) -> str:
    """H:MM:SS for durations (what the old tool showed)."""
    if seconds is None:
        return "-:--:--"
    seconds = max(0, round(seconds))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def printable(text: str) -> str:
    """Control characters (ANSI/OSC escapes, NUL, bidi overrides) shown escaped, never executed."""
    out = []
    for char in text:
        code = ord(char)
        if (
            code < 32
            or code == 127
            or 0x80 <= code < 0xA0
            or char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        ):
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def plain_summary(result: RunResult) -> str:
    """The summary table as plain text: readable in cron logs and after the TUI exits."""
    header = ["job", "group", "status", "attempts", "duration", "rows", "error"]
    rows = [
        [j.name, j.group, j.status, str(j.attempts), clock(j.duration_s), str(j.rows), printable(j.error)[:120]]
        for j in result.jobs
    ]
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) if rows else len(header[i]) for i in range(7)]
    widths[-1] = len(header[-1])
    lines = [
        f"Run {result.run_id} — {result.status.upper()} — mode {result.mode}"
        + (" (TESTING: small batches, separate tables)" if result.mode == "testing" else "")
        + f", sites {result.sites}, plan {result.plan}, {clock(result.duration_s)}",
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
    ]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    warnings = [(j.name, w) for j in result.jobs for w in j.warnings]
    for name, warning in warnings:
        lines.append(f"warning: {name}: {printable(warning)}")
    lines.append(f"log:       {result.log}")
    lines.append(f"artifacts: {result.artifacts}")
    return "\n".join(lines) + "\n"
