"""Kept suggestion lists live in the shared cache: one web process reads the list another
made, and a change handled by one process makes every process forget it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.cache

URL = reverse("matching:missions_for_you")


def test_a_list_kept_by_one_process_is_read_and_forgotten_by_another(
    client, designer, logo_mission, second_process
):
    client.force_login(designer.user)
    assert "Un logo pour les jardins" in client.get(URL).text

    kept = second_process(
        "from django.core.cache import cache\n"
        f"today, made = cache.get('matching:for-you:v1:{designer.user_id}')\n"
        "print([s.mission_id for s in made.suggestions])\n"
    )
    assert kept == f"[{logo_mission.pk}]"

    # The other process forgets it (say it saved Léa's profile): this one makes it again.
    second_process(
        "from matching.selectors import forget_suggestions\n"
        f"forget_suggestions(user_ids=[{designer.user_id}])\n"
    )
    from django.core.cache import cache

    assert cache.get(f"matching:for-you:v1:{designer.user_id}") is None
