"""Views of the engagements app."""
