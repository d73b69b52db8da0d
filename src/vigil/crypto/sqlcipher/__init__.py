"""A Django database backend for SQLCipher: Django's SQLite backend over ``sqlcipher3``."""
