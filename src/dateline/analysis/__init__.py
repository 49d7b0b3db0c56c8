"""Across articles: timelines, shifts, storylines, contradictions, merged events."""
