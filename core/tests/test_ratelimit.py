"""Which address a request comes from, with and without a proxy in front."""

import pytest
from django.test import RequestFactory

from core.ratelimit import client_ip


def ip(remote: str, forwarded: str | None = None) -> str:
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **headers))


def test_without_a_proxy_it_is_the_connection_address_whatever_the_header(settings):
    settings.BEHIND_PROXY = False

    assert ip("203.0.113.7", "198.51.100.9") == "203.0.113.7"


@pytest.mark.parametrize(
    ("remote", "forwarded", "visitor"),
    [
        # One proxy on the machine: the visitor is the hop it appended.
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),
        # Whatever the visitor wrote comes before, and is not read.
        ("127.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        # Two proxies (a load balancer on the private network, then nginx): skip both.
        ("127.0.0.1", "203.0.113.7, 10.0.0.5", "203.0.113.7"),
        ("127.0.0.1", "8.8.8.8, 203.0.113.7, 10.0.0.5", "203.0.113.7"),
        # Ports and IPv4 written as IPv6.
        ("127.0.0.1", "203.0.113.7:51234", "203.0.113.7"),
        ("::ffff:127.0.0.1", "::ffff:203.0.113.7", "203.0.113.7"),
        # Someone who reaches the server directly, around the proxy: the header is theirs.
        ("203.0.113.7", "198.51.100.9", "203.0.113.7"),
        # No header, or nonsense written by a proxy: the last address known.
        ("127.0.0.1", None, "127.0.0.1"),
        ("127.0.0.1", "unknown", "127.0.0.1"),
        ("127.0.0.1", "203.0.113.7, unknown", "127.0.0.1"),
        # gunicorn on a Unix socket: no connection address, the proxy's header tells.
        ("", "203.0.113.7", "203.0.113.7"),
        # IPv6: the /64 a household or a phone picks its addresses in.
        ("::1", "2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("::1", "[2001:db8:1:2:bbbb::7]:443", "2001:db8:1:2::/64"),
    ],
)
def test_behind_a_proxy_it_is_the_rightmost_hop_that_is_not_a_trusted_proxy(
    settings, remote, forwarded, visitor
):
    settings.BEHIND_PROXY = True

    assert ip(remote, forwarded) == visitor


def test_only_the_listed_proxies_are_trusted(settings):
    import ipaddress

    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("127.0.0.1/32")]

    # 10.0.0.5 is not listed: it is taken as the visitor, not as a proxy.
    assert ip("127.0.0.1", "203.0.113.7, 10.0.0.5") == "10.0.0.5"
