"""Screens of the Kartiseret TUI."""
