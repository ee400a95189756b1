"""Views of the geo app."""
