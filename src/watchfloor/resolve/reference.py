"""Reference lists as FollowTheMoney entities: FtM JSON (as OpenSanctions publishes it) and OFAC XML.

Both become ``followthemoney`` entity proxies, so every list is one data model; the store keeps them
apart from machine output, by dataset. Parsing is bounded and never touches the network (no DTDs,
no external entities).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry
from lxml import etree

from watchfloor.errors import InputError

MAX_REFERENCE_BYTES = 512 * 1024 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024
#: OFAC ``sdnType`` → FollowTheMoney schema.
OFAC_SCHEMATA = {"individual": "Person", "entity": "Organization", "vessel": "Vessel", "aircraft": "Airplane"}


def proxy_names(proxy: EntityProxy) -> list[str]:
    """Every name-typed value of an entity (name, alias, weak alias, previous name…)."""
    return list(dict.fromkeys(proxy.get_type_values(registry.name)))


def read_ftm_json(path: Path) -> Iterator[EntityProxy]:
    """FtM entities from JSON Lines (one entity per line) or a JSON array; errors name file and line."""
    with path.open("rb") as fh:
        head = fh.read(1).lstrip()
        fh.seek(0)
        if head == b"[":
            records = json.load(fh)
            if not isinstance(records, list):
                raise InputError(path, "expected a JSON array of entities")
            for number, record in enumerate(records, start=1):
                yield _proxy(record, path, f"entity {number}")
            return
        for number, line in enumerate(fh, start=1):
            if len(line) > MAX_LINE_BYTES:
                raise InputError(path, f"line {number}: longer than {MAX_LINE_BYTES} bytes")
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(path, f"line {number}: invalid JSON ({exc.msg})") from None
                yield _proxy(record, path, f"line {number}")


def _proxy(record: Any, path: Path, where: str) -> EntityProxy:
    if not isinstance(record, dict) or not record.get("id") or not record.get("schema"):
        raise InputError(path, f"{where}: not a FollowTheMoney entity (needs id and schema)")
    try:
        return model.get_proxy(record, cleaned=False)
    except Exception as exc:  # unknown schema or property
        raise InputError(path, f"{where}: {exc}") from None


def _text(element: etree._Element, tag: str) -> str:
    found = element.find(tag)
    return " ".join((found.text or "").split()) if found is not None else ""


def _full_name(element: etree._Element, tag: Callable[[str], str]) -> str:
    return " ".join(filter(None, [_text(element, tag("firstName")), _text(element, tag("lastName"))]))


def read_ofac_xml(path: Path) -> Iterator[EntityProxy]:
    """Entities of an OFAC SDN / consolidated (non-SDN) list XML file."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"invalid XML: {exc}") from None
    namespace = root.nsmap.get(None)
    def tag(name: str) -> str:
        return f"{{{namespace}}}{name}" if namespace else name

    entries = root.findall(tag("sdnEntry"))
    if not entries:
        raise InputError(path, "no sdnEntry records: not an OFAC list")
    for entry in entries:
        uid = _text(entry, tag("uid"))
        schema = OFAC_SCHEMATA.get(_text(entry, tag("sdnType")).casefold(), "LegalEntity")
        proxy = model.make_entity(schema)
        proxy.id = f"ofac-{uid}"
        proxy.add("name", _full_name(entry, tag))
        for aka in entry.iter(tag("aka")):
            alias = _full_name(aka, tag)
            weak = _text(aka, tag("category")).casefold() == "weak"
            proxy.add("weakAlias" if weak and schema != "Vessel" else "alias", alias)
        proxy.add("program", [p.text for p in entry.iter(tag("program")) if p.text])
        proxy.add("topics", "sanction")
        yield proxy


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise InputError(path, "no such file")
    if path.stat().st_size > MAX_REFERENCE_BYTES:
        raise InputError(path, f"larger than {MAX_REFERENCE_BYTES} bytes")


def read_ftm_file(path: Path) -> Iterator[EntityProxy]:
    """FtM entities from a file of any name (JSON Lines or a JSON array), as Aleph and OpenSanctions
    export them."""
    _check_file(path)
    return read_ftm_json(path)


def read_reference_file(path: Path) -> Iterator[EntityProxy]:
    """FtM JSON (``.json``, ``.jsonl``, ``.ftm.json``) or OFAC XML (``.xml``), by suffix."""
    _check_file(path)
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return read_ofac_xml(path)
    if suffix in {".json", ".jsonl", ".ndjson"}:
        return read_ftm_json(path)
    raise InputError(path, "unsupported reference list type (FtM .json/.jsonl or OFAC .xml)")
