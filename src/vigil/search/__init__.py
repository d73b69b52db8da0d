"""Full-text search: SQLite FTS5 inside the encrypted store, or PostgreSQL full-text; one interface."""
