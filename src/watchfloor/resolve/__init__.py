"""Resolve: the same real-world entity across documents, languages and scripts."""
