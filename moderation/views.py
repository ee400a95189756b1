"""Views of the moderation app."""
