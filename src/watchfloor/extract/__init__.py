"""Extraction: a pipeline of registered components over an :class:`~watchfloor.model.Analysis`."""
