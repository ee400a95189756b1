import pytest

from .scene import build


@pytest.fixture
def scene(db):
    return build()
