"""Rate limits count the caller's real address, and a client cannot choose its own."""

from __future__ import annotations

from django.test import RequestFactory, override_settings

from putright.portal.views._common import client_ip


def test_without_our_own_proxy_a_forwarded_header_is_ignored():
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_ip(request) == "203.0.113.9"


@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_behind_our_proxy_the_address_it_added_counts_not_what_the_client_claimed():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert client_ip(request) == "198.51.100.7"
