"""The open interface: a REST API (django-ninja) under /api/v1/ and personal API tokens."""
