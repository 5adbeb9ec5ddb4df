"""The guard every fetch goes through: only http(s) URLs whose host resolves to public addresses.

Fetching a URL a document or a user gives is how a server is turned against its own network (SSRF).
:func:`check_url` refuses, before any connection: schemes other than http and https; user info in the
authority (``http://good@evil``); hosts that are, or resolve to, loopback, private, link-local,
unique-local, shared (CGNAT), multicast, reserved or unspecified addresses — in any spelling
(``2130706433``, ``0177.0.0.1``, ``0x7f.1``, ``[::ffff:127.0.0.1]``, ``[fe80::1%eth0]``,
``localhost.``) and hidden inside IPv6 transition forms (IPv4-mapped, IPv4-compatible, 6to4, Teredo,
NAT64). Every address a name resolves to must pass, and the fetch connects to the checked address
itself, so a DNS answer that changes between check and connect cannot slip through. An explicit
allow-list (``[fetch] allow = ["127.0.0.1"]``, addresses or networks) is the only way past.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
SCHEMES = {"http": 80, "https": 443}
#: NAT64 well-known and local-use prefixes: the last 32 bits are an IPv4 address.
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_PART = re.compile(r"^(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$")


class FetchRefused(ValueError):
    """A URL the guard will not fetch, with the reason in words."""


@dataclass(frozen=True, slots=True)
class Target:
    """A URL that passed: where to connect (the checked address) and what to ask for."""

    url: str
    scheme: str
    host: str  # as written, for the Host header and TLS server name
    port: int
    address: str  # the checked address the connection must go to


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (A and AAAA), by the system's resolver."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(f"{host}: the name does not resolve ({exc})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in answers))


def numeric_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """A host written as an IPv4 number in any form ``inet_aton`` takes (``2130706433``, ``0x7f.1``,
    ``0177.0.0.1``, ``127.1``); None when it is not one."""
    parts = host.lower().split(".")
    if not 1 <= len(parts) <= 4 or not all(_IPV4_PART.match(p) for p in parts):
        return None
    values = [_ipv4_part(p) for p in parts]
    *head, last = values
    if any(v > 255 for v in head) or last >= 256 ** (4 - len(head)):
        return None
    number = 0
    for value in head:
        number = number * 256 + value
    number = (number << (8 * (4 - len(head)))) + last
    return ipaddress.IPv4Address(number)


def _ipv4_part(part: str) -> int:
    if part.startswith("0x"):
        return int(part[2:], 16)
    return int(part, 8) if part.startswith("0") and len(part) > 1 else int(part)


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 transition form carries (mapped, compatible, 6to4, Teredo, NAT64)."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in network for network in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if int(address) >> 32 == 0 and int(address) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(int(address))
    return None


def refusal(address: IPAddress) -> str | None:
    """Why an address is not one to fetch from (None for a public one)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = embedded_ipv4(address)
        if inner is not None:
            why = refusal(inner)
            return f"it carries {inner}, which is {why}" if why else None
    for test, why in ((address.is_loopback, "loopback"), (address.is_unspecified, "unspecified"),
                      (address.is_link_local, "link-local"), (address.is_multicast, "multicast"),
                      (address.is_reserved, "reserved"), (address.is_private, "private")):
        if test:
            return why
    return None if address.is_global else "not a public address"


def _allowed(address: IPAddress, allow: Iterable[str]) -> bool:
    for entry in allow:
        network = ipaddress.ip_network(entry, strict=False)
        if address.version == network.version and address in network:
            return True
    return False


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return numeric_ipv4(host)


def check_url(url: str, allow: Iterable[str] = (), resolve: Resolver = system_resolver) -> Target:
    """``url`` as a :class:`Target` to connect to, or :class:`FetchRefused` saying why not."""
    allowed = list(allow)
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchRefused(f"{url[:200]}: not a URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise FetchRefused(f"{url[:200]}: only http and https are fetched, not {scheme or 'a relative URL'}")
    if "@" in parts.netloc:
        raise FetchRefused(f"{url[:200]}: user info in the address (user@host) is refused")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchRefused(f"{url[:200]}: no host")
    port = port or SCHEMES[scheme]
    literal = _literal(host)
    addresses = [str(literal)] if literal is not None else list(resolve(host, port))
    if not addresses:
        raise FetchRefused(f"{host}: the name resolves to no address")
    for text in addresses:
        address = ipaddress.ip_address(text.split("%", 1)[0])
        why = refusal(address)
        if why and not _allowed(address, allowed):
            named = f"{address}" if host == str(address) else f"{host} is {address}, which"
            raise FetchRefused(f"{url[:200]}: {named} is {why}; fetching refused (add it to [fetch] allow "
                               "only if this workspace may reach it)")
    return Target(url.strip(), scheme, host, port, addresses[0].split("%", 1)[0])
