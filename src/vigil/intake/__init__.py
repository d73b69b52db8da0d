"""Intake: run extraction on a file, store the source and its suggestions, accept them into records."""
