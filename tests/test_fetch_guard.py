"""The fetch guard, table-driven over address forms, with no network traffic: names resolve through a
table of ours, and numeric forms are never looked up."""

from __future__ import annotations

import pytest

from watchfloor.ingest.guard import FetchRefused, check_url, numeric_ipv4

#: What our stand-in resolver answers; any other name would be an attempt to use the network.
NAMES = {
    "localhost": ["127.0.0.1", "::1"],
    "news.example": ["93.184.215.14"],
    "dual.example": ["93.184.215.14", "10.1.2.3"],  # one answer public, one private: refused
    "metadata.example": ["169.254.169.254"],
    "v6.example": ["2606:4700::6810:84e5"],
    "internal.example": ["fd00::5"],
}


def resolve(host: str, port: int) -> list[str]:
    if host not in NAMES:
        raise AssertionError(f"the guard tried to resolve {host!r}")
    return NAMES[host]


REFUSED = [
    ("http://127.0.0.1/", "loopback"),
    ("http://127.1/", "loopback"),
    ("http://2130706433/", "loopback"),  # decimal
    ("http://0x7f000001/", "loopback"),  # hex
    ("http://0x7f.1/", "loopback"),
    ("http://0177.0.0.1/", "loopback"),  # octal
    ("http://0177.0.0.01/", "loopback"),
    ("http://017700000001/", "loopback"),
    ("http://127.000.000.001/", "loopback"),
    ("http://0/", "unspecified"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://10.0.0.1/", "private"),
    ("http://012.0.0.1/", "private"),  # octal 10.0.0.1
    ("http://172.16.5.4/", "private"),
    ("http://192.168.1.1/", "private"),
    ("http://0xc0.0xa8.1.1/", "private"),
    ("http://3232235777/", "private"),  # 192.168.1.1
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://0xa9fea9fe/", "link-local"),
    ("http://100.64.0.1/", "not a public address"),  # shared address space (CGNAT)
    ("http://224.0.0.1/", "multicast"),
    ("http://240.0.0.1/", "reserved"),
    ("http://255.255.255.255/", "reserved"),
    ("http://[::1]/", "loopback"),
    ("http://[::]/", "unspecified"),
    ("http://[0:0:0:0:0:0:0:1]/", "loopback"),
    ("http://[fe80::1]/", "link-local"),
    ("http://[fe80::1%25eth0]/", "link-local"),  # with a zone
    ("http://[fd00::1]/", "private"),  # unique local
    ("http://[fc00::1]/", "private"),
    ("http://[ff02::1]/", "multicast"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),  # IPv4-mapped
    ("http://[::ffff:7f00:1]/", "loopback"),
    ("http://[::ffff:169.254.169.254]/", "link-local"),
    ("http://[::ffff:10.0.0.1]/", "private"),
    ("http://[::127.0.0.1]/", "loopback"),  # IPv4-compatible
    ("http://[64:ff9b::a00:1]/", "private"),  # NAT64 of 10.0.0.1
    ("http://[2002:7f00:1::]/", "loopback"),  # 6to4 of 127.0.0.1
    ("http://localhost/", "loopback"),
    ("http://localhost./", "loopback"),
    ("http://LOCALHOST:8080/", "loopback"),
    ("http://metadata.example/", "link-local"),
    ("http://dual.example/", "private"),
    ("http://internal.example/", "private"),
    ("http://news.example@127.0.0.1/", "user info"),
    ("http://user:pass@news.example/", "user info"),
    ("http://127.0.0.1%2f@news.example/", "user info"),
    ("file:///etc/passwd", "only http and https"),
    ("gopher://news.example/", "only http and https"),
    ("ftp://news.example/", "only http and https"),
    ("javascript:alert(1)", "only http and https"),
    ("//news.example/", "only http and https"),
    ("http:///path", "no host"),
    ("http://news.example:99999/", "not a URL"),
]
ALLOWED = [
    ("https://news.example/a", "93.184.215.14", 443),
    ("http://news.example:8080/a?b=c", "93.184.215.14", 8080),
    ("http://93.184.215.14/", "93.184.215.14", 80),
    ("https://v6.example/", "2606:4700::6810:84e5", 443),
    ("http://[2606:4700::6810:84e5]/", "2606:4700::6810:84e5", 80),
    ("HTTPS://NEWS.EXAMPLE/", "93.184.215.14", 443),
]


@pytest.mark.parametrize(("url", "why"), REFUSED, ids=[u for u, _ in REFUSED])
def test_refused(url: str, why: str) -> None:
    with pytest.raises(FetchRefused, match=why):
        check_url(url, resolve=resolve)


@pytest.mark.parametrize(("url", "address", "port"), ALLOWED, ids=[u for u, _, _ in ALLOWED])
def test_public_addresses_pass_and_the_checked_address_is_the_one_to_connect_to(
    url: str, address: str, port: int
) -> None:
    target = check_url(url, resolve=resolve)
    assert (target.address, target.port) == (address, port)


def test_only_the_allow_list_lets_a_private_address_through() -> None:
    local = check_url("http://127.0.0.1:8000/feed", allow=["127.0.0.1"], resolve=resolve)
    assert (local.address, local.port) == ("127.0.0.1", 8000)
    assert check_url("http://10.9.8.7/", allow=["10.0.0.0/8"], resolve=resolve).address == "10.9.8.7"
    with pytest.raises(FetchRefused, match="link-local"):
        check_url("http://169.254.169.254/", allow=["127.0.0.1"], resolve=resolve)
    with pytest.raises(FetchRefused, match="loopback"):  # ::1 is not 127.0.0.1
        check_url("http://[::1]/", allow=["127.0.0.1"], resolve=resolve)


def test_numeric_ipv4_reads_every_inet_aton_form_and_nothing_else() -> None:
    assert [str(numeric_ipv4(h)) for h in ("2130706433", "0x7f.1", "0177.0.0.1", "127.1", "1.2.3")] == [
        "127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1", "1.2.0.3"]
    not_numbers = ("256.1.1.1", "1.2.3.4.5", "08.1.1.1", "news.example", "4294967296", "0x")
    assert [numeric_ipv4(h) for h in not_numbers] == [None] * len(not_numbers)


def test_the_table_covers_at_least_forty_forms() -> None:
    assert len(REFUSED) + len(ALLOWED) >= 40


@pytest.mark.parametrize("host", ["2130706433", "0x7f.1", "0177.0.0.1", "127.1", "1.2.3", "0xc0.0xa8.1.1",
                                  "012.0.0.1", "017700000001", "0", "00", "255.255.255.255"])
def test_numeric_ipv4_agrees_with_the_c_library(host: str) -> None:
    import ipaddress
    import socket

    assert numeric_ipv4(host) == ipaddress.IPv4Address(socket.inet_aton(host))
