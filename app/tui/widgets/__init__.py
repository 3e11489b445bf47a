"""Widgets of the Kartiseret TUI (all untrusted text enters them as `Content`)."""
