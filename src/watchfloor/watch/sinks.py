"""Alert delivery: standard output, a JSON Lines file, or a webhook (HTTP POST of the alert as JSON)."""

from __future__ import annotations

import json
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from watchfloor.errors import WatchfloorError
from watchfloor.model import Alert

WEBHOOK_TIMEOUT_SECONDS = 5.0


def to_stdout(alert: Alert, _target: str | None) -> None:
    sys.stdout.write(f"ALERT [{alert.rule}] {alert.title} ({alert.subject})\n")


def to_jsonl(alert: Alert, target: str | None) -> None:
    if not target:
        raise WatchfloorError("the jsonl sink needs a file path")
    with Path(target).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(alert.to_json(), ensure_ascii=False) + "\n")


def to_webhook(alert: Alert, target: str | None) -> None:
    if not target or urlsplit(target).scheme not in {"http", "https"}:
        raise WatchfloorError(f"webhook target {target!r} is not an http(s) URL")
    request = urllib.request.Request(
        target,
        data=json.dumps(alert.to_json(), ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json", "User-Agent": "watchfloor"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_SECONDS) as response:
            response.read(1024)
    except OSError as exc:
        raise WatchfloorError(f"webhook {target} failed: {exc}") from None


SINKS: dict[str, Callable[[Alert, str | None], None]] = {
    "stdout": to_stdout,
    "jsonl": to_jsonl,
    "webhook": to_webhook,
}


def parse_target(spec: Any) -> tuple[str, str | None]:
    """``"stdout"`` or ``{"jsonl": "path"}`` / ``{"webhook": "url"}`` → (sink name, target)."""
    if isinstance(spec, str):
        name, target = spec, None
    elif isinstance(spec, dict) and len(spec) == 1:
        name, target = next(iter(spec.items()))
        target = str(target)
    else:
        raise WatchfloorError(f"cannot read delivery target {spec!r}")
    if name not in SINKS:
        raise WatchfloorError(f"unknown delivery sink {name!r} (known: {', '.join(SINKS)})")
    return name, target


def deliver(alert: Alert, targets: list[Any]) -> list[str]:
    """Send an alert to each target; returns one problem line per failed delivery (never raises)."""
    problems = []
    for spec in targets:
        try:
            name, target = parse_target(spec)
            SINKS[name](alert, target)
        except WatchfloorError as exc:
            problems.append(f"alert {alert.rule} on {alert.subject}: {exc}")
    return problems
