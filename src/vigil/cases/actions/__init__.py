"""The only write path: ``do_*`` functions, each one transaction with its AuditEvent inside.

Views, the API and the command line never call ``.save()`` themselves. Every action takes
a keyword-only ``acting_user`` (None means the command line's operator of the store).
"""
