"""Views of the organizations app."""
