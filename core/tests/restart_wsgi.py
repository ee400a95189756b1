"""The site for the PostgreSQL restart test: production settings (DEBUG off, the 503 page)
except the static files, which the test does not collect (settings.TESTING)."""

import sys

sys.argv[1:2] = ["test"]

from alasso.wsgi import application  # noqa: E402

__all__ = ["application"]
