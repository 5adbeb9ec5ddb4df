"""Exports of a workspace in formats other tools read: FollowTheMoney (Aleph), STIX 2.1 (OpenCTI, MISP),
CSV and GraphML, each streamed document by document (``export.workspace``)."""
