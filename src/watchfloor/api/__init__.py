"""The REST API: FastAPI routes under ``/api/v1/`` over the service layer, with accounts and roles."""
