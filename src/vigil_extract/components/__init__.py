"""Pipeline components: each takes the :class:`~vigil_extract.document.Document`, adds what it
finds, and returns it. They run in the order :mod:`vigil_extract.pipeline` names."""
