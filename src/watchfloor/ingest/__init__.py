"""Ingest: readers turn files into :class:`~watchfloor.model.Document` objects with provenance."""
