"""Chromium options that work headless as root, in containers and on CI (no sandbox, no /dev/shm)."""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.chrome.options import Options

# Root needs --no-sandbox; small /dev/shm needs --disable-dev-shm-usage; the rest stops Chromium from
# phoning home (no internet here: each blocked request would cost seconds) and from first-run UI.
HEADLESS_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--window-size=1920,1080",
    "--lang=en-US",
)
DEFAULT_BINARIES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
PAGE_LOAD_TIMEOUT_S = 30


def chromium_binary(configured: str | None) -> str | None:
    """The configured Chromium, else the first Debian one present (None lets a remote choose)."""
    if configured:
        return configured
    return next((path for path in DEFAULT_BINARIES if Path(path).exists()), None)


def chrome_options(binary: str | None = None) -> Options:
    options = Options()
    for flag in HEADLESS_FLAGS:
        options.add_argument(flag)
    if binary:
        options.binary_location = binary
    # "eager": DOM ready is enough; scrapers wait for their own elements anyway.
    options.page_load_strategy = "eager"
    return options
