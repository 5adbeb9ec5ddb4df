"""Briefs: a readable summary of what is known about an entity, every statement linked to its evidence."""
