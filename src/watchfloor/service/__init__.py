"""The service layer: every user-facing operation as one typed Python API, under every interface.

Interfaces (the CLI now, the REST API and web UI next) parse their input, make one call on a
:class:`~watchfloor.service.workbench.Workbench` and present what it returns. Nothing here prints,
reads argv or knows about HTTP. See docs/architecture.md.
"""
