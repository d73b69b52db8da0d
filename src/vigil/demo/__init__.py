"""The demo: a fictional appeal shipped with Vigil, loaded by ``vigil init --demo``."""
