"""Exports of a workspace in formats other tools read: FollowTheMoney entities for OCCRP Aleph."""
