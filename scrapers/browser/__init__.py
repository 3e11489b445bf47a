"""Browsers for scrapers: one per attempt, local chromedriver or a remote WebDriver, always quit.

`open_browser(settings)` is the only way scraper code gets a driver (see `factory.py`).
"""

from scrapers.browser.factory import BrowserUnavailable, live_browsers, open_browser, quit_browser

__all__ = ["BrowserUnavailable", "live_browsers", "open_browser", "quit_browser"]
