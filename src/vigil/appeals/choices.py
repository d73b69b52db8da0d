"""The languages and formats appeals come in (no Django import: the CLI checks options early)."""

LANGUAGES = ("en", "fr", "es", "ru")
FORMATS = ("html", "pdf", "txt", "md", "eml")
