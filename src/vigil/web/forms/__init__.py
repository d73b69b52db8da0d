"""Forms of the web UI: they check input; every write still goes through a ``do_*`` action."""
