"""The cookie banners, popups, modals and chat widgets seen on these sites, as data.

`ACCEPT_BUTTONS` are clicked (when visible) to accept/close a banner; `REMOVE` nodes are deleted
(overlays and chat widgets that block clicks and have no useful close button). Sites add their own
through `BaseScraper.extra_accept` / `extra_remove`.
"""

from __future__ import annotations

ACCEPT_BUTTONS: tuple[str, ...] = (
    "#onetrust-accept-btn-handler",  # OneTrust (Yes Planet, Rav Hen)
    ".eu-cookie-compliance-banner .agree-button",  # Drupal EU cookie compliance (Jerusalem)
    "#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll",  # Cookiebot
    "#sbuzz-confirm",  # push-notification prompt (MovieLand)
    ".gdpr-accept, a.gdpr-accept, #gdpr-accept",  # GDPR link (MovieLand)
    ".cookie-consent .accept, .cookies-banner .accept, [data-cookie-accept]",
)
REMOVE: tuple[str, ...] = (
    ".onetrust-pc-dark-filter",
    "flashy-popup",
    "#popupVSChat",
    ".pp-backdrop",
    ".shown-popup-overlay",
    ".modal-backdrop",
    "#chat-widget, .chat-widget, iframe[title*='chat' i]",
)
# Visible modals that a site opened on its own (location choosers, promos): their close buttons.
MODAL_CLOSERS: tuple[str, ...] = (
    ".modal.show .close",
    ".modal.show [data-dismiss='modal']",
    ".modal.show [data-bs-dismiss='modal']",
    ".popup.open .popup-close",
)
# Texts (lower case) that mean the server answered with an error page instead of content.
ERROR_PAGE_MARKERS: tuple[str, ...] = (
    "internal server error",
    "502 bad gateway",
    "503 service unavailable",
    "504 gateway time",
    "http error 403",
    "403 forbidden",
    "access denied",
    "you don't have authorization to view this page",
    "was denied",
)
