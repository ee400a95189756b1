"""Views of the volunteers app."""
