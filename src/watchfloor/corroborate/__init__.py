"""Corroborate: claim clusters weighed by independent lines of evidence."""
