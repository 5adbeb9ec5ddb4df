"""Where alerts go: standard output, a JSON Lines file, a webhook (signed JSON POST) or e-mail (SMTP).

A rule's ``deliver`` list holds specs, checked when the rule is saved (:func:`parse_target`); each alert
is sent to each target once by :func:`send`, which raises :class:`DeliveryError` for the caller to record
and retry. Webhooks go through the fetch guard like every fetch, and are signed as GitHub signs its own:
``X-Watchfloor-Signature-256: sha256=HMAC-SHA256(secret, body)``. Secrets are read from the environment,
never stored in a rule, and never shown.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
import ssl
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from watchfloor.config import SmtpSettings
from watchfloor.errors import InputError, WatchfloorError
from watchfloor.ingest.fetch import USER_AGENT, FetchLimits, post
from watchfloor.ingest.guard import FetchRefused, Resolver, system_resolver
from watchfloor.model import Alert

DEFAULT_SECRET_ENV = "WATCHFLOOR_WEBHOOK_SECRET"
SUBJECT_CHARS = 150
#: A webhook's answer is read up to this many bytes.
ANSWER_BYTES = 64 * 1024


class DeliveryError(WatchfloorError):
    """One attempt to deliver an alert failed (the line says where and why, never a secret)."""


@dataclass(frozen=True, slots=True)
class DeliveryContext:
    """What sinks need from the workspace: the fetch allow-list, the mail server, where secrets are."""

    allow: tuple[str, ...] = ()
    smtp: SmtpSettings | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    resolve: Resolver = system_resolver
    timeout: float = 10.0


def _one_line(value: str, what: str) -> str:
    if "\r" in value or "\n" in value:
        raise WatchfloorError(f"{what} {value[:80]!r} contains a line break")
    return value


def _address(value: Any) -> str:
    text = _one_line(str(value), "e-mail address").strip()
    name, address = parseaddr(text)
    if not address or "@" not in address or address.startswith("@") or address.endswith("@") or name:
        raise WatchfloorError(f"{text!r} is not an e-mail address")
    return address


def _jsonl(value: Any) -> dict[str, Any]:
    if not isinstance(value, str) or not value.strip():
        raise WatchfloorError("the jsonl sink needs a file path")
    return {"path": value}


def _webhook(value: Any) -> dict[str, Any]:
    spec = value if isinstance(value, dict) else {"url": value}
    url, secret_env = spec.get("url"), spec.get("secret_env", DEFAULT_SECRET_ENV)
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.hostname:
        raise WatchfloorError(f"webhook target {url!r} is not an http(s) URL")
    if not isinstance(secret_env, str) or not secret_env.isidentifier():
        raise WatchfloorError(f"webhook secret_env {secret_env!r} is not a variable name")
    return {"url": _one_line(str(url), "webhook URL"), "secret_env": secret_env}


def _email(value: Any) -> dict[str, Any]:
    spec = value if isinstance(value, dict) else {"to": value}
    recipients = spec.get("to")
    recipients = [recipients] if isinstance(recipients, str) else recipients
    if not isinstance(recipients, list) or not recipients:
        raise WatchfloorError("the email sink needs an address, or {to: [addresses]}")
    subject = spec.get("subject")
    if subject is not None and not isinstance(subject, str):
        raise WatchfloorError("an e-mail subject must be text")
    return {"to": [_address(a) for a in recipients],
            "subject": _one_line(subject, "e-mail subject") if subject else None}


@dataclass(frozen=True, slots=True)
class Sink:
    """A place alerts go: how a rule's spec for it is read, shown (without secrets) and sent to."""

    read: Callable[[Any], dict[str, Any]]
    show: Callable[[dict[str, Any]], str]
    send: Callable[[Alert, dict[str, Any], DeliveryContext, str], None]


def parse_target(spec: Any) -> tuple[str, str, dict[str, Any]]:
    """A rule's delivery spec (``stdout``, ``{jsonl: path}``, ``{webhook: url | {url, secret_env}}``,
    ``{email: address | {to, subject}}``) → (sink, target as shown without secrets, the spec read);
    WatchfloorError for one that cannot be used."""
    if isinstance(spec, str):
        name, value = spec, None
    elif isinstance(spec, dict) and len(spec) == 1:
        name, value = next(iter(spec.items()))
    else:
        raise WatchfloorError(f"cannot read delivery target {spec!r}")
    if name not in SINKS:
        raise WatchfloorError(f"unknown delivery sink {name!r} (known: {', '.join(SINKS)})")
    if name != "stdout" and value is None:
        raise WatchfloorError(f"the {name} sink needs a target: {{{name}: …}}")
    normalised = SINKS[name].read(value)
    return name, SINKS[name].show(normalised), normalised


def _body(alert: Alert, delivery_id: str) -> dict[str, Any]:
    return {"delivery": delivery_id, "event": "alert", "alert": alert.to_json()}


def to_stdout(alert: Alert, _spec: dict[str, Any], _context: DeliveryContext, _delivery_id: str) -> None:
    sys.stdout.write(f"ALERT [{alert.rule}] {alert.title} ({alert.subject})\n")


def to_jsonl(alert: Alert, spec: dict[str, Any], _context: DeliveryContext, delivery_id: str) -> None:
    line = json.dumps({**alert.to_json(), "delivery": delivery_id}, ensure_ascii=False)
    try:
        with Path(spec["path"]).open("a", encoding="utf-8") as out:
            out.write(line + "\n")
    except OSError as exc:
        raise DeliveryError(f"cannot append to {spec['path']}: {exc.strerror or exc}") from None


def to_webhook(alert: Alert, spec: dict[str, Any], context: DeliveryContext, delivery_id: str) -> None:
    body = json.dumps(_body(alert, delivery_id), ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
               "X-Watchfloor-Delivery": delivery_id, "X-Watchfloor-Event": "alert"}
    secret = context.environ.get(spec["secret_env"])
    if secret:
        digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
        headers["X-Watchfloor-Signature-256"] = f"sha256={digest}"
    limits = FetchLimits(max_bytes=ANSWER_BYTES, seconds=context.timeout)
    try:
        answer = post(spec["url"], body, allow=context.allow, limits=limits, resolve=context.resolve,
                      headers=headers)
    except (InputError, FetchRefused) as exc:
        raise DeliveryError(f"webhook {spec['url']}: {getattr(exc, 'problem', exc)}") from None
    if not 200 <= answer.status < 300:
        raise DeliveryError(f"webhook {spec['url']} answered {answer.status} {answer.reason}")


def to_email(alert: Alert, spec: dict[str, Any], context: DeliveryContext, delivery_id: str) -> None:
    smtp = context.smtp
    if smtp is None:
        raise DeliveryError("e-mail delivery needs an [smtp] table in watchfloor.toml")
    message = EmailMessage()
    message["From"] = smtp.sender
    message["To"] = ", ".join(spec["to"])
    title = " ".join(f"[watchfloor] {alert.rule}: {alert.title}".split())
    message["Subject"] = " ".join((spec.get("subject") or title).split())[:SUBJECT_CHARS]
    message["X-Watchfloor-Delivery"] = delivery_id
    details = json.dumps(alert.payload, ensure_ascii=False, indent=2, default=str)
    message.set_content(f"Rule: {alert.rule}\nSubject: {alert.subject}\nTitle: {alert.title}\n"
                        f"Raised: {alert.created_at.isoformat()}\n\n{details}\n")
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as server:
            if smtp.starttls:
                server.starttls(context=ssl.create_default_context())
            if smtp.username:
                server.login(smtp.username, context.environ.get(smtp.password_env or "", ""))
            server.send_message(message)
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"e-mail to {message['To']} through {smtp.host}:{smtp.port} failed: "
                            f"{' '.join(str(exc).split())}") from None


#: Sink name → sink; a plugin may add one.
SINKS: dict[str, Sink] = {
    "stdout": Sink(lambda _: {}, lambda _: "stdout", to_stdout),
    "jsonl": Sink(_jsonl, lambda s: f"jsonl {s['path']}", to_jsonl),
    "webhook": Sink(_webhook, lambda s: f"webhook {s['url']}", to_webhook),
    "email": Sink(_email, lambda s: f"email {', '.join(s['to'])}", to_email),
}


def send(alert: Alert, spec: Any, context: DeliveryContext, delivery_id: str) -> None:
    """Deliver an alert once to one target; DeliveryError on any failure."""
    try:
        name, _, normalised = parse_target(spec)
    except WatchfloorError as exc:  # a rule saved before its sink changed
        raise DeliveryError(str(exc)) from None
    SINKS[name].send(alert, normalised, context, delivery_id)
