"""Alert sinks against real receivers on 127.0.0.1: a webhook (signed, guarded, never redirected), an
SMTP server (aiosmtpd) with and without STARTTLS or a login, a JSON Lines file; delivery specs checked
when a rule is saved, secrets never shown."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from live_site import ALLOW, LiveSite
from watchfloor.config import SmtpSettings
from watchfloor.errors import WatchfloorError
from watchfloor.model import Alert
from watchfloor.watch.sinks import DeliveryContext, DeliveryError, parse_target, send

ALERT = Alert("alabuga", "document:abc", datetime(2026, 12, 1, 8, 0, tzinfo=UTC), "New hangars at Alabuga",
              {"document": "abc", "kind": "article"}, id=7)


def test_a_webhook_is_signed_with_the_secret_from_the_environment(live_site: LiveSite) -> None:
    hook = live_site.url("/hook")
    context = DeliveryContext(allow=ALLOW, environ={"WF_SECRET": "s3cret"})
    send(ALERT, {"webhook": {"url": hook, "secret_env": "WF_SECRET"}}, context, "41")
    (request,) = live_site.asked("/hook", "POST")
    body = json.loads(request.body)
    assert body == {"delivery": "41", "event": "alert", "alert": ALERT.to_json()}
    assert request.headers["X-Watchfloor-Delivery"] == "41"
    assert request.headers["X-Watchfloor-Event"] == "alert"
    assert request.headers["Content-Type"] == "application/json"
    expected = "sha256=" + hmac.new(b"s3cret", request.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request.headers["X-Watchfloor-Signature-256"], expected)
    send(ALERT, {"webhook": hook}, DeliveryContext(allow=ALLOW, environ={}), "42")
    assert "X-Watchfloor-Signature-256" not in live_site.asked("/hook", "POST")[-1].headers


def test_a_webhook_failure_is_a_delivery_error_and_a_redirect_is_not_followed(live_site: LiveSite) -> None:
    context = DeliveryContext(allow=ALLOW, environ={})
    live_site.post_statuses[:] = [500, 302]
    with pytest.raises(DeliveryError, match="answered 500"):
        send(ALERT, {"webhook": live_site.url("/hook")}, context, "1")
    with pytest.raises(DeliveryError, match="answered 302"):
        send(ALERT, {"webhook": live_site.url("/hook")}, context, "2")
    assert len(live_site.asked("/hook", "POST")) == 2 and live_site.asked("/hook") == []


def test_a_webhook_goes_through_the_fetch_guard(live_site: LiveSite) -> None:
    for url, why in (("http://169.254.169.254/hook", "link-local"), ("http://10.0.0.1/hook", "private")):
        with pytest.raises(DeliveryError, match=why):
            send(ALERT, {"webhook": url}, DeliveryContext(environ={}), "1")
    with pytest.raises(DeliveryError, match="loopback"):  # our own server, not allow-listed
        send(ALERT, {"webhook": live_site.url("/hook")}, DeliveryContext(environ={}), "1")
    assert live_site.requests == []


def test_jsonl_appends_one_line_per_delivery(tmp_path: Path) -> None:
    out = tmp_path / "alerts.jsonl"
    for delivery in ("1", "2"):
        send(ALERT, {"jsonl": str(out)}, DeliveryContext(), delivery)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(line["delivery"], line["rule"], line["subject"]) for line in lines] == [
        ("1", "alabuga", "document:abc"), ("2", "alabuga", "document:abc")]
    with pytest.raises(DeliveryError, match="cannot append"):
        send(ALERT, {"jsonl": str(tmp_path / "missing" / "a.jsonl")}, DeliveryContext(), "3")


@pytest.mark.parametrize(("spec", "problem"), [
    ("pigeon", "unknown delivery sink 'pigeon'"),
    ({"webhook": "ftp://example.org/x"}, "not an http(s) URL"),
    ({"webhook": {"url": "https://example.org/x", "secret_env": "not a name"}}, "not a variable name"),
    ({"email": "not-an-address"}, "not an e-mail address"),
    ({"email": "a@example.org\r\nBcc: victim@example.org"}, "line break"),
    ({"email": {"to": ["a@example.org"], "subject": "hi\nBcc: x@example.org"}}, "line break"),
    ({"email": {"to": []}}, "needs an address"),
    ({"jsonl": ""}, "needs a file path"),
    ({"jsonl": "a", "webhook": "b"}, "cannot read delivery target"),
    ("email", "needs a target"),
])
def test_bad_delivery_specs_are_refused_with_the_reason(spec: Any, problem: str) -> None:
    with pytest.raises(WatchfloorError, match=re.escape(problem)):
        parse_target(spec)


def test_targets_are_described_without_secrets() -> None:
    spec = {"webhook": {"url": "https://hooks.example.org/wf", "secret_env": "WF_SECRET"}}
    assert parse_target(spec)[1] == "webhook https://hooks.example.org/wf"
    two = {"email": {"to": ["a@example.org", "b@example.org"]}}
    assert parse_target(two)[1] == "email a@example.org, b@example.org"
    assert parse_target({"jsonl": "a.jsonl"}) == ("jsonl", "jsonl a.jsonl", {"path": "a.jsonl"})


class Mailbox:
    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _check_login(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"watchfloor", b"pa55")
    return AuthResult(success=ok)


@pytest.fixture
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    mailbox, port = Mailbox(), _free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, authenticator=_check_login,
                            auth_require_tls=False)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


def test_email_goes_through_the_configured_server_with_its_login(smtp_server: tuple[Mailbox, int]) -> None:
    mailbox, port = smtp_server
    smtp = SmtpSettings("127.0.0.1", "watchfloor@example.org", port=port, starttls=False,
                        username="watchfloor", password_env="WF_SMTP_PASSWORD")
    context = DeliveryContext(smtp=smtp, environ={"WF_SMTP_PASSWORD": "pa55"})
    send(ALERT, {"email": {"to": ["a@example.org", "b@example.org"]}}, context, "9")
    (envelope,) = mailbox.envelopes
    text = envelope.content.decode("utf-8")
    assert envelope.mail_from == "watchfloor@example.org"
    assert envelope.rcpt_tos == ["a@example.org", "b@example.org"]
    assert "Subject: [watchfloor] alabuga: New hangars at Alabuga" in text
    assert "X-Watchfloor-Delivery: 9" in text and "Subject: document:abc" in text
    wrong = DeliveryContext(smtp=smtp, environ={"WF_SMTP_PASSWORD": "guess"})
    with pytest.raises(DeliveryError, match=r"through 127\.0\.0\.1"):
        send(ALERT, {"email": "a@example.org"}, wrong, "10")
    assert len(mailbox.envelopes) == 1


def test_email_needs_starttls_when_configured_and_an_smtp_table(smtp_server: tuple[Mailbox, int]) -> None:
    mailbox, port = smtp_server
    smtp = SmtpSettings("127.0.0.1", "watchfloor@example.org", port=port, starttls=True)
    with pytest.raises(DeliveryError, match="STARTTLS"):
        send(ALERT, {"email": "a@example.org"}, DeliveryContext(smtp=smtp), "1")
    with pytest.raises(DeliveryError, match=r"needs an \[smtp\] table"):
        send(ALERT, {"email": "a@example.org"}, DeliveryContext(), "1")
    assert mailbox.envelopes == []
