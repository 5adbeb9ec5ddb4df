"""Bundled data: the default pipeline config and the sample corpus."""
