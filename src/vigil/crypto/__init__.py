"""Encryption: keys, encrypted model fields and the SQLCipher database backend."""
