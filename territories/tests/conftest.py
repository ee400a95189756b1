import pytest

from .scene import build


@pytest.fixture
def scene(db):
    return build()


@pytest.fixture
def pack_scene(db):
    from .packs_scene import build as build_packs

    return build_packs()
