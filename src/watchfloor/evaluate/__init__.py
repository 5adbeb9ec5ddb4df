"""Evaluation: one scorer per extraction stage and its ``watchfloor eval`` command."""
