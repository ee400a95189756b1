"""Views of the messaging app."""
