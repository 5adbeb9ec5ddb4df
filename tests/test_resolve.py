"""Entity resolution: clustering across scripts, stable ids, judgements, blocking, matchers, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchfloor.cli.main import build_app
from watchfloor.resolve.blocking import BlockIndex, blocking_keys
from watchfloor.resolve.matchers import VETO, make_matchers, registered_matchers
from watchfloor.resolve.names import NameForm, analyse_name
from watchfloor.resolve.resolver import Judgement, MentionInput, Resolver

SAMPLE_MENTIONS = [
    MentionInput("en1-a", "Yelabuga", "en", "GPE", "en-1"),
    MentionInput("en1-b", "Alabuga", "en", "ORG", "en-1"),
    MentionInput("en1-c", "Albatross", "en", "ORG", "en-1"),
    MentionInput("ru1-a", "Елабуге", "ru", "LOC", "ru-1"),
    MentionInput("ru1-b", "Альбатрос", "ru", "ORG", "ru-1"),
    MentionInput("ru1-c", "Алабуга", "ru", "ORG", "ru-1"),
    MentionInput("en2-a", "Elabuga", "en", "GPE", "en-2"),
    MentionInput("ru2-a", "Елабуга", "ru", "LOC", "ru-2"),
    MentionInput("fa1-a", "یلابوگا", "fa", "LOC", "fa-1"),
    MentionInput("fa1-b", "الابوگا", "fa", "ORG", "fa-1"),
    MentionInput("fa1-c", "آلباتروس", "fa", "ORG", "fa-1"),
    MentionInput("en3-a", "Samuel Bendett", "en", "PERSON", "en-3"),
    MentionInput("en4-a", "Bendett", "en", "PERSON", "en-4"),
]


def _clusters(assignment: dict[str, str]) -> dict[str, set[str]]:
    clusters: dict[str, set[str]] = {}
    for mention_id, entity in assignment.items():
        clusters.setdefault(entity, set()).add(mention_id)
    return clusters


def test_spellings_scripts_and_inflections_of_one_place_resolve_together() -> None:
    assignment = Resolver().resolve(SAMPLE_MENTIONS)
    yelabuga = {assignment[m] for m in ("en1-a", "ru1-a", "en2-a", "ru2-a", "fa1-a")}
    assert len(yelabuga) == 1
    assert assignment["en1-c"] == assignment["ru1-b"] == assignment["fa1-c"]  # Albatross / Альбатрос
    assert assignment["en1-b"] == assignment["ru1-c"] == assignment["fa1-b"]  # Alabuga / Алабуга / الابوگا
    assert assignment["en1-b"] not in yelabuga  # the zone is not the town
    assert assignment["en3-a"] == assignment["en4-a"]  # a lone surname joins the full name
    assert len(_clusters(assignment)) == 4


def test_a_lone_first_name_does_not_join_a_full_name() -> None:
    resolver = Resolver()
    full, first = resolver.add_document([MentionInput("a", "Samuel Bendett", "en", "PERSON", "d1")])[0], None
    first = resolver.add_document([MentionInput("b", "Samuel", "en", "PERSON", "d2")])[0]
    assert first != full


def test_entity_ids_are_stable_as_documents_arrive() -> None:
    resolver = Resolver()
    first = resolver.add_document(SAMPLE_MENTIONS[:3])
    resolver.add_document(SAMPLE_MENTIONS[3:6])
    resolver.add_document([MentionInput("late", "Елабугой", "ru", "LOC", "ru-9")])
    assert [resolver.entity_of(m.id) for m in SAMPLE_MENTIONS[:3]] == first
    assert resolver.entity_of("late") == first[0]
    assert first[0].startswith("loc-")


def test_judgements_constrain_resolution_on_every_run() -> None:
    mentions = [
        MentionInput("m1", "Alabuga", "en", "ORG", "d1"),
        MentionInput("m2", "Alabuga", "en", "ORG", "d2"),
        MentionInput("m3", "Tatarstan", "en", "GPE", "d3"),
    ]
    judgements = [Judgement("not_same", "m1", "m2"), Judgement("same", "m3", "m1")]
    for _ in range(2):  # re-applied on a fresh run
        assignment = Resolver(judgements=judgements).resolve(mentions)
        assert assignment["m1"] != assignment["m2"]
        assert assignment["m3"] == assignment["m1"]


def test_different_countries_are_vetoed_and_same_country_names_match() -> None:
    territory = make_matchers(["territory"])[0]
    germany, deutschland, france = (analyse_name(t, "en") for t in ("Germany", "Deutschland", "France"))
    assert territory.score(germany, deutschland, "LOC") == 1.0
    assert territory.score(germany, france, "LOC") == VETO
    assert territory.score(germany, france, "PER") is None


def test_acronyms_match_their_expansion_in_the_same_script() -> None:
    acronym = make_matchers(["acronym"])[0]
    assert acronym.score(analyse_name("США", "ru"), analyse_name("Соединенные Штаты Америки", "ru"), "LOC")
    assert acronym.score(analyse_name("NATO", "en"), analyse_name("North Atlantic Treaty Organization", "en"),
                         "ORG")
    assert acronym.score(analyse_name("FT", "en"), analyse_name("Airwars", "en"), "ORG") is None


class _ExactOnly:
    """A third-party style matcher: only identical base forms match."""

    name = "exact"

    def score(self, a: NameForm, b: NameForm, label: str | None) -> float | None:
        return 1.0 if a.base == b.base else 0.0


def test_matchers_are_registered_by_name_and_swappable() -> None:
    assert {"tokens", "acronym", "territory"} <= set(registered_matchers())
    with pytest.raises(KeyError, match="no matcher 'nope'"):
        make_matchers(["nope"])
    exact = Resolver(matchers=[_ExactOnly()]).resolve(SAMPLE_MENTIONS)
    assert exact["en1-a"] != exact["en2-a"]  # Yelabuga / Elabuga now differ
    assert Resolver().resolve(SAMPLE_MENTIONS)["en1-a"] == Resolver().resolve(SAMPLE_MENTIONS)["en2-a"]


def test_blocking_keeps_candidate_pairs_far_below_all_pairs() -> None:
    surnames = ["Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov",
                "Novikov", "Morozov", "Volkov", "Solovyov", "Vasilyev", "Zaytsev", "Pavlov", "Semyonov",
                "Golubev", "Vinogradov", "Bogdanov", "Vorobyov"]
    given = ["Anna", "Boris", "Dmitry", "Elena", "Fyodor", "Galina", "Igor", "Kirill", "Lidia", "Maxim"]
    mentions = [
        MentionInput(f"{g}-{s}-{d}", f"{g} {s}", "en", "PERSON", f"doc{d}")
        for d in range(3) for g in given for s in surnames
    ]  # fmt: skip
    resolver = Resolver()
    assignment = resolver.resolve(mentions)
    assert len(set(assignment.values())) == len(given) * len(surnames)
    assert resolver.index.pairs_considered < len(mentions) ** 2 / 10


def test_block_index_skips_overfull_keys_but_never_exact_ones() -> None:
    index = BlockIndex(max_postings=2)
    name = analyse_name("Ivan Petrov", "en")
    for number in range(3):
        index.add(f"e{number}", blocking_keys(name))
    assert index.candidates({"p:ivan"}) == set()
    assert index.candidates({"f:" + name.fingerprint}) == {"e0", "e1", "e2"}


def test_resolve_command_writes_one_line_per_mention_in_order(tmp_path: Path) -> None:
    path = tmp_path / "mentions.jsonl"
    rows = [{"id": m.id, "text": m.text, "lang": m.lang, "label": m.label, "doc": m.doc}
            for m in SAMPLE_MENTIONS]
    path.write_text("\ufeff" + "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    result = CliRunner().invoke(build_app(), ["resolve", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == [m.id for m in SAMPLE_MENTIONS]
    assert set(lines[0]) == {"id", "entity"}
    entity = {line["id"]: line["entity"] for line in lines}
    assert entity["en1-a"] == entity["ru1-a"] == entity["fa1-a"]


def test_resolve_command_reads_stdin_and_rejects_bad_lines() -> None:
    app = build_app()
    ok = CliRunner().invoke(app, ["resolve"], input='{"id": 7, "text": "Альбатрос"}\n')
    assert ok.exit_code == 0 and json.loads(ok.stdout) == {"id": 7, "entity": "ent-albatros"}
    for bad, problem in [
        ('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "line 2: duplicate id 'a'"),
        ("not json\n", "line 1: not JSON"),
        ('{"id": "a"}\n', "line 1: 'text' must be a non-empty string"),
    ]:
        result = CliRunner().invoke(app, ["resolve", "-"], input=bad)
        assert result.exit_code != 0
        assert problem in str(result.exception)


def _sample_mentions() -> list[MentionInput]:
    """Entity mentions the default extraction pipeline finds in the bundled sample corpus."""
    from importlib import resources

    from watchfloor.extract.pipeline import Pipeline
    from watchfloor.ingest.reader import registered_readers
    from watchfloor.model import Analysis, Document

    documents: list[Document] = []
    readers = registered_readers()
    with resources.as_file(resources.files("watchfloor.data") / "sample" / "documents") as folder:
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            reader = next((r for r in readers if r.accepts(path, path.read_bytes()[:512])), None)
            if reader is not None:
                documents.extend(d for d in reader.read(path) if isinstance(d, Document))
    pipeline = Pipeline.from_config(disable=["temporal", "attribution", "claim_time"])
    analyses = pipeline.pipe(Analysis(d.text, lang=d.lang) for d in documents)
    return [
        MentionInput(f"{i}-{j}", e.span.text, a.lang, e.label, f"doc-{i}")
        for i, a in enumerate(analyses) for j, e in enumerate(a.entities)
    ]  # fmt: skip


def test_sample_corpus_names_of_the_town_and_the_firm_resolve_to_one_entity_each() -> None:
    mentions = _sample_mentions()
    assignment = Resolver().resolve(mentions)

    def entities_of(forms: set[str]) -> tuple[set[str], set[str]]:
        found = [m for m in mentions if m.text.casefold() in forms]
        return {m.text for m in found}, {assignment[m.id] for m in found}

    town_forms, town = entities_of({"yelabuga", "elabuga", "елабуга", "елабуге", "елабуги", "елабугой"})
    firm_forms, firm = entities_of({"albatross", "альбатрос", "альбатроса"})
    zone_forms, zone = entities_of({"alabuga", "алабуга", "алабуги"})
    assert {"Yelabuga", "Elabuga", "Елабуге"} <= town_forms and len(town) == 1
    assert {"Albatross", "Альбатрос"} <= firm_forms and len(firm) == 1
    assert zone_forms and not zone & town
