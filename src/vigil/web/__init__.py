"""The web UI: sign-in, the cases a user may see, and each case with its evidence."""
