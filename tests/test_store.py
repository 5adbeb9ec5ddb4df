"""The SQL store on SQLite and PostgreSQL: documents, machine output, claims, search, watchlist."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from watchfloor.errors import InputError, WatchfloorError
from watchfloor.model import (
    Analysis,
    Attribution,
    Document,
    DocumentKind,
    EntityMention,
    Span,
    TimeExpression,
)
from watchfloor.store import engine as store_engine
from watchfloor.store.base import ClaimFilter, WatchlistEntry
from watchfloor.store.entities import EntityGrouper, coarse_type, name_key
from watchfloor.store.sql import SqlStore, open_store
from watchfloor.store.tables import Base, is_modelled
from watchfloor.store.timex import timex_bounds, timex_precision
from watchfloor.text.search import parse_query

NER = "ner.spacy@1"
WATCHLIST = "watchlist.names@1"
TIMEX = "temporal.timex@1"
ATTRIBUTION = "attribution.en@1"

ARTICLE = (
    "According to Airwars, the factory near Yelabuga is hiring Farsi speakers. "
    "A spokesman for Albatross denied that the company supplies the army. "
    "Samuel Bendett told the Financial Times that production is likely to double by 2025."
)
RUSSIAN = "Как сообщил источник, завод в Елабуге выпускает дроны."


def at(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def article(yelabuga_key: str = "wl-yelabuga") -> tuple[Document, Analysis]:
    text = ARTICLE
    document = Document(
        text=text,
        kind=DocumentKind.ARTICLE,
        title="Drone plant expands in Tatarstan",
        url="https://example.org/drones",
        publisher="Breaking Defense",
        author="A. Writer",
        published_at=datetime(2023, 7, 14, 9, 30),
        lang="en",
        metadata={"feed": "defence"},
    )
    year = TimeExpression(at(text, "2025"), "DATE", "2025", TIMEX)
    analysis = Analysis(
        text=text,
        lang="en",
        sentences=[Span.of(text, 0, 73), Span.of(text, 74, 142), Span.of(text, 143, len(text))],
        entities=[
            EntityMention(at(text, "Airwars"), "ORG", NER),
            EntityMention(at(text, "Yelabuga"), "LOC", WATCHLIST, entity_key=yelabuga_key),
            EntityMention(at(text, "Albatross"), "ORG", NER),
            EntityMention(at(text, "Samuel Bendett"), "PERSON", NER),
            EntityMention(at(text, "the Financial Times"), "ORG", NER),
        ],
        times=[year],
        attributions=[
            Attribution(
                cue=at(text, "According to"),
                source=at(text, "Airwars"),
                content=at(text, "the factory near Yelabuga is hiring Farsi speakers"),
                component=ATTRIBUTION,
            ),
            Attribution(
                cue=at(text, "denied"),
                source=at(text, "A spokesman for Albatross"),
                content=at(text, "the company supplies the army"),
                stance="denies",
                component=ATTRIBUTION,
            ),
            Attribution(
                cue=at(text, "told"),
                source=at(text, "Samuel Bendett"),
                content=at(text, "production is likely to double by 2025"),
                hedge="likely",
                via=[at(text, "the Financial Times")],
                time=year,
                component=ATTRIBUTION,
            ),
        ],
    )
    return document, analysis


def russian(yelabuga_key: str = "wl-yelabuga") -> tuple[Document, Analysis]:
    text = RUSSIAN
    document = Document(
        text=text,
        kind=DocumentKind.SOCIAL_POST,
        publisher="Коммерсантъ",
        published_at=date(2023, 8, 2),
        lang="ru",
    )
    analysis = Analysis(
        text=text,
        lang="ru",
        entities=[EntityMention(at(text, "Елабуге"), "LOC", WATCHLIST, entity_key=yelabuga_key)],
        attributions=[
            Attribution(
                cue=at(text, "сообщил"),
                source=at(text, "источник"),
                content=at(text, "завод в Елабуге выпускает дроны"),
                component=ATTRIBUTION,
            )
        ],
    )
    return document, analysis


def plain(text: str, *entities: tuple[str, str], publisher: str = "Other Wire") -> tuple[Document, Analysis]:
    """A document whose only machine output is entity mentions (needle, label)."""
    analysis = Analysis(
        text=text,
        lang="en",
        entities=[EntityMention(at(text, needle), label, NER) for needle, label in entities],
    )
    return Document(text=text, publisher=publisher, published_at=date(2022, 1, 1)), analysis


def watched_yelabuga(store: SqlStore) -> str:
    store.add_watchlist_entries([WatchlistEntry("Yelabuga", "LOC", ["Elabuga", "Елабуга"])])
    (entry,) = store.watchlist()
    assert entry.id is not None
    return entry.id


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    key = watched_yelabuga(store)
    store.add_document(*article(key))
    store.add_document(*russian(key))
    return store


# -- documents -------------------------------------------------------------------------------------


def test_document_and_machine_output_round_trip(store: SqlStore) -> None:
    document, analysis = article()
    result = store.add_document(document, analysis, minhash=b"\x00\x01signature")
    assert result.created and result.duplicate_of is None
    assert result.document_id == document.content_hash[:16]

    stored = store.document(result.document_id)
    assert stored is not None
    assert (stored.kind, stored.title, stored.publisher, stored.author, stored.lang) == (
        "article",
        "Drone plant expands in Tatarstan",
        "Breaking Defense",
        "A. Writer",
        "en",
    )
    assert stored.text == ARTICLE and stored.content_hash == document.content_hash
    assert stored.published_at == datetime(2023, 7, 14, 9, 30, tzinfo=UTC)
    assert stored.ingested_at is not None and stored.ingested_at.tzinfo is not None
    assert stored.metadata == {"feed": "defence"}
    assert store.minhash_signatures().__next__() == (result.document_id, b"\x00\x01signature")

    mentions = store.mentions(result.document_id)
    assert [(m.text, m.label, m.component) for m in mentions] == [
        ("Airwars", "ORG", NER),
        ("Yelabuga", "LOC", WATCHLIST),
        ("Albatross", "ORG", NER),
        ("Samuel Bendett", "PERSON", NER),
        ("the Financial Times", "ORG", NER),
    ]
    assert all(ARTICLE[m.start : m.end] == m.text and m.entity_id for m in mentions)
    (year,) = store.times(result.document_id)
    assert (year.text, year.type, year.value, year.component) == ("2025", "DATE", "2025", TIMEX)
    assert store.document("0000000000000000") is None


def test_exact_duplicate_writes_nothing(store: SqlStore) -> None:
    first = store.add_document(*article())
    copy_text = "  " + ARTICLE.upper().replace(". ", ".\n\n")
    copy = Document(text=copy_text, publisher="Copycat Daily")
    again = store.add_document(
        copy, Analysis(text=copy_text, entities=[EntityMention(Span.of(copy_text, 2, 9), "ORG", NER)])
    )
    assert (again.created, again.document_id, again.duplicate_of) == (
        False,
        first.document_id,
        first.document_id,
    )
    assert [d.id for d in store.documents()] == [first.document_id]
    assert len(store.mentions(first.document_id)) == 5
    assert all("Copycat Daily" not in e.publishers for e in store.top_entities(limit=50))


def test_failure_mid_document_rolls_back_the_whole_document(store: SqlStore) -> None:
    kept = store.add_document(*article())
    text = "Albatross hired engineers in Kazan. Officials said nothing."
    document = Document(text=text, publisher="Rollback Times")
    analysis = Analysis(
        text=text,
        entities=[
            EntityMention(at(text, "Albatross"), "ORG", NER),
            EntityMention(at(text, "Kazan"), "GPE", NER),
        ],
        times=[TimeExpression(at(text, "nothing"), "DATE", "PRESENT_REF", TIMEX)],
        attributions=[
            Attribution(
                cue=at(text, "said"),
                content=Span(40, 90, "beyond the end of the text"),
                component=ATTRIBUTION,
            )
        ],
    )
    with pytest.raises(ValueError, match="outside the text"):
        store.add_document(document, analysis)

    assert store.find_by_hash(document.content_hash) is None
    assert [d.id for d in store.documents()] == [kept.document_id]
    assert store.mentions(document.content_hash[:16]) == []
    assert store.times(document.content_hash[:16]) == []
    entities = {e.name: e for e in store.top_entities(limit=50)}
    assert "Kazan" not in entities
    assert entities["Albatross"].mention_count == 1
    assert all("Rollback Times" not in e.publishers for e in entities.values())
    # the workspace is still usable, and the same document goes in once its analysis is sound
    analysis.attributions.clear()
    assert store.add_document(document, analysis).created


def test_span_text_must_match_the_document(store: SqlStore) -> None:
    text = "Albatross builds drones."
    analysis = Analysis(text=text, entities=[EntityMention(Span(0, 9, "Alabuga!!"), "ORG", NER)])
    with pytest.raises(ValueError, match="does not match"):
        store.add_document(Document(text=text), analysis)
    with pytest.raises(ValueError, match="analysis text differs"):
        store.add_document(Document(text=text), Analysis(text=text + " More."))
    assert store.documents() == []


def test_nul_characters_are_refused_on_every_backend(store: SqlStore) -> None:
    text = "Binary residue\x00 in a PDF."
    with pytest.raises(ValueError, match="NUL"):
        store.add_document(Document(text=text), Analysis(text=text))
    with pytest.raises(ValueError, match="metadata"):
        store.add_document(Document(text="Clean.", metadata={"producer": "x\x00"}), Analysis(text="Clean."))
    assert store.documents() == []


def test_syndicated_copy_points_at_its_origin(store: SqlStore) -> None:
    origin = store.add_document(*article())
    text = "Syndicated: " + ARTICLE
    copy = store.add_document(Document(text=text), Analysis(text=text), syndicated_from=origin.document_id)
    stored = store.document(copy.document_id)
    assert stored is not None and stored.syndicated_from == origin.document_id
    text = "Another copy: " + ARTICLE
    with pytest.raises(IntegrityError):
        store.add_document(Document(text=text), Analysis(text=text), syndicated_from="no-such-document")
    assert len(store.documents()) == 2


def test_documents_newest_first_by_kind(filled: SqlStore) -> None:
    assert [d.kind for d in filled.documents()] == ["social_post", "article"]
    assert [d.kind for d in filled.documents(kind="article")] == ["article"]
    assert filled.documents(kind="statement") == []
    assert len(filled.documents(limit=1)) == 1
    assert filled.counts_by_kind() == {"article": 1, "social_post": 1}


def test_reopening_keeps_data_without_migrating(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(store_url) as store:
        added = store.add_document(*article())

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an up-to-date workspace must not be migrated again")

    monkeypatch.setattr(store_engine.command, "upgrade", refuse)
    with open_store(store_url) as reopened:
        assert [d.id for d in reopened.documents()] == [added.document_id]


def test_migrations_create_what_the_models_describe(store: SqlStore) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": is_modelled, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_workspace_from_a_newer_version_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    engine = create_engine(store_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(WatchfloorError, match="newer watchfloor"):
        open_store(store_url)


def test_sqlite_workspace_settings(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path}/settings.db") as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


# -- entities --------------------------------------------------------------------------------------


def test_watchlist_aliases_in_any_script_share_one_entity(filled: SqlStore) -> None:
    key = filled.watchlist()[0].id
    (english,) = [m for m in filled.mentions(filled.documents(kind="article")[0].id) if m.text == "Yelabuga"]
    (russian_mention,) = filled.mentions(filled.documents(kind="social_post")[0].id)
    assert english.entity_id == russian_mention.entity_id == key
    (entity,) = filled.top_entities(type="GPE", limit=1)
    assert (entity.id, entity.type, entity.name) == (key, "LOC", "Yelabuga")
    assert (entity.mention_count, entity.document_count) == (2, 2)
    assert set(entity.names) == {"Yelabuga", "Елабуге"}
    assert entity.publishers == ["Breaking Defense", "Коммерсантъ"]


def test_mentions_group_by_type_and_normalised_name(store: SqlStore) -> None:
    store.add_document(*article())
    store.add_document(
        *plain(
            "The  Financial Times interviewed Bendett.",
            ("The  Financial Times", "ORG"),
            ("Bendett", "PERSON"),
        )
    )
    store.add_document(
        *plain("Financial Times is a person here, says the test.", ("Financial Times", "PERSON"))
    )
    entities = {(e.type, e.name): e for e in store.top_entities(limit=50)}
    newspaper = entities[("ORG", "Financial Times")]
    assert (newspaper.mention_count, newspaper.document_count) == (2, 2)
    assert {"the Financial Times", "The Financial Times"} <= set(newspaper.names)
    assert entities[("PERSON", "Financial Times")].mention_count == 1
    assert entities[("PERSON", "Bendett")].id != entities[("PERSON", "Samuel Bendett")].id
    assert [e.type for e in store.top_entities(type="person", limit=50)] == ["PERSON"] * 3


def test_entity_ids_are_stable_across_workspaces(tmp_path: Path) -> None:
    ids = []
    for name in ("one", "two"):
        with open_store(f"sqlite:///{tmp_path}/{name}.db") as store:
            store.add_document(*article())
            ids.append(sorted(e.id for e in store.top_entities(limit=50)))
    assert ids[0] == ids[1] and len(ids[0]) == 5


def test_grouping_rules() -> None:
    assert name_key("  The  Financial\u00a0Times ") == "financial times"
    assert name_key("ＡＬＢＡＴＲＯＳＳ") == "albatross"
    assert [coarse_type(label) for label in ("GPE", "fac", "LOC", "PER", "ORG", "NORP")] == [
        "LOC",
        "LOC",
        "LOC",
        "PERSON",
        "ORG",
        "NORP",
    ]
    text = "Yelabuga and Елабуга"
    grouper = EntityGrouper({"wl-1": WatchlistEntry("Alabuga", "FAC", id="wl-1")})
    latin = grouper(EntityMention(Span.of(text, 0, 8), "GPE", WATCHLIST, entity_key="wl-1"))
    cyrillic = grouper(EntityMention(Span.of(text, 13, 20), "LOC", WATCHLIST, entity_key="wl-1"))
    plain_latin = grouper(EntityMention(Span.of(text, 0, 8), "GPE", NER))
    assert (
        latin == cyrillic
        and latin is not None
        and (latin.id, latin.type, latin.name) == ("wl-1", "LOC", "Alabuga")
    )
    assert plain_latin is not None and plain_latin.id.startswith("loc-") and plain_latin != latin


# -- claims ----------------------------------------------------------------------------------------


def test_claims_keep_their_evidence(filled: SqlStore) -> None:
    article_id = filled.documents(kind="article")[0].id
    claims = filled.claims(ClaimFilter(document_id=article_id))
    assert [c.cue for c in claims] == ["According to", "denied", "told"]
    entities = {e.name: e.id for e in filled.top_entities(limit=50)}

    bendett = claims[2]
    assert (bendett.source, bendett.content, bendett.stance, bendett.hedge, bendett.via) == (
        "Samuel Bendett",
        "production is likely to double by 2025",
        "asserts",
        "likely",
        ["the Financial Times"],
    )
    assert ARTICLE[bendett.content_start : bendett.content_end] == bendett.content
    assert ARTICLE[bendett.sentence_start : bendett.sentence_end].startswith("Samuel Bendett told")
    assert (bendett.time_value, bendett.time_precision) == ("2025", "year")
    assert bendett.speaker_entity_id == entities["Samuel Bendett"]
    assert bendett.entity_ids == [entities["Samuel Bendett"]]
    assert bendett.component == ATTRIBUTION
    assert (bendett.document_title, bendett.publisher) == (
        "Drone plant expands in Tatarstan",
        "Breaking Defense",
    )
    assert bendett.published_at == datetime(2023, 7, 14, 9, 30, tzinfo=UTC)

    airwars, denial = claims[0], claims[1]
    assert sorted(airwars.entity_ids) == sorted([entities["Airwars"], entities["Yelabuga"]])
    assert (airwars.time_value, airwars.time_precision) == ("2023-07-14", "publication")
    assert (denial.stance, denial.source, denial.speaker_entity_id) == (
        "denies",
        "A spokesman for Albatross",
        entities["Albatross"],
    )


def test_claim_filters(filled: SqlStore) -> None:
    def cues(**query: object) -> list[str]:
        return [c.cue for c in filled.claims(ClaimFilter(**query))]  # type: ignore[arg-type]

    assert len(filled.claims()) == 4
    assert sorted(cues(entity="yelabuga")) == ["According to", "сообщил"]  # any name, any script
    assert cues(entity="ЕЛАБУГ") == cues(entity="Yelabuga")
    assert cues(entity="albatross") == ["denied"]
    assert cues(entity="100%_") == []
    assert cues(speaker="bendett") == ["told"]
    assert cues(speaker="ИСТОЧНИК") == ["сообщил"]
    assert cues(speaker="albatross") == ["denied"]
    assert cues(stance="denies") == ["denied"]
    assert cues(since=date(2024, 1, 1)) == ["told"]
    assert cues(until=date(2023, 7, 31)) == ["According to", "denied"]
    assert cues(since=date(2023, 8, 1), until=date(2023, 8, 31)) == ["сообщил"]
    assert cues(entity="yelabuga", stance="denies") == []
    assert len(cues(limit=2)) == 2


def test_timex_precision_and_bounds() -> None:
    assert [
        timex_precision(v)
        for v in (
            "2023-07-14",
            "2023-07-14T10:00",
            "2023-07",
            "2023",
            "201",
            "19",
            "2023-W05",
            "2023-Q3",
            "2023-SU",
            "2023-H1",
            "PRESENT_REF",
            "P3Y",
            "2023-02-30",
        )
    ] == [
        "day",
        "day",
        "month",
        "year",
        "decade",
        "century",
        "week",
        "quarter",
        "season",
        "half",
        "unknown",
        "unknown",
        "unknown",
    ]
    assert timex_bounds("2024-02") == ("month", date(2024, 2, 1), date(2024, 2, 29))
    assert timex_bounds("2023-WI") == ("season", date(2023, 12, 1), date(2024, 2, 29))
    assert timex_bounds("2023-Q4") == ("quarter", date(2023, 10, 1), date(2023, 12, 31))
    assert timex_bounds("201") == ("decade", date(2010, 1, 1), date(2019, 12, 31))


# -- search ----------------------------------------------------------------------------------------

HOSTILE_QUERIES = [
    '"',
    "NEAR(",
    "*",
    "-",
    "(a",
    "a)",
    "AND",
    "OR NOT",
    "title:x",
    "^farsi",
    "'",
    "\\",
    '""""',
    'Farsi"',
    "NEAR(Farsi, hiring)",
    "-Farsi",
    "a:b:c",
    "{x}",
    "%_",
    "\x00",
    "+",
    "!",
]


def test_full_text_search(filled: SqlStore) -> None:
    def found(query: str) -> list[str]:
        return [d.kind for d in filled.documents(search=query)]

    assert found("Farsi") == ["article"]
    assert found("farsi SPEAKERS") == ["article"]
    assert found("Tatarstan") == ["article"]  # title
    assert found("Елабуге") == ["social_post", "article"]  # the article's "Yelabuga" too
    assert found('"hiring Farsi"') == ["article"]
    assert found('"Farsi hiring"') == []
    assert found("factory -Farsi") == []
    assert found("factory -dogs") == ["article"]
    assert found("NEAR(Farsi") == ["article"]
    assert found('"hiring Farsi') == ["article"]
    assert found(
        "Farsi",
    ) == [d.kind for d in filled.documents(search="Farsi", kind="article")]
    assert filled.documents(search="Farsi", kind="social_post") == []
    assert found("   ") == ["social_post", "article"]  # a blank query is no query


def test_hostile_search_queries_give_rows_or_one_input_error(filled: SqlStore) -> None:
    for query in HOSTILE_QUERIES:
        try:
            assert isinstance(filled.documents(search=query), list), query
        except InputError as exc:  # a query with no word to search for is an error, never 0 rows
            assert "no word to search for" in str(exc), query
    assert [d.kind for d in filled.documents(search="Farsi* NEAR(")] == ["article"]
    with pytest.raises(InputError, match="no word to search for"):
        filled.documents(search="-Farsi")


def test_search_stems_and_meets_across_scripts(filled: SqlStore) -> None:
    def found(query: str) -> list[str]:
        return [d.kind for d in filled.documents(search=query)]

    assert found("speaker") == found("speakers") == ["article"]
    assert found("Елабуга") == found("Елабуге") == found("Yelabuga") == ["social_post", "article"]
    assert found("Elabuga") == ["social_post", "article"] and found("завод") == ["social_post"]


def test_search_query_keeps_only_letters_and_digits() -> None:
    parsed = parse_query('drones "Farsi speakers" -Kazan NEAR(x')
    assert parsed is not None
    assert parsed.fts5() == '"dron" AND "fars speaker" AND "near" AND "ks" NOT "kazan"'
    assert parsed.tsquery() == "(dron) & (fars <-> speaker) & (near) & (ks) & !(kazan)"
    assert parse_query('-only "" *') is None


# -- watchlist -------------------------------------------------------------------------------------


def test_watchlist_upsert(store: SqlStore) -> None:
    assert (
        store.add_watchlist_entries([WatchlistEntry("Yelabuga", "loc", ["Elabuga", "Елабуга", "Elabuga"])])
        == 1
    )
    assert store.add_watchlist_entries([WatchlistEntry("Yelabuga", "LOC", ["Elabuga"])]) == 0
    assert (
        store.add_watchlist_entries(
            [
                WatchlistEntry("yelabuga", "LOC", ["Alabuga", "yelabuga"], notes="SEZ town"),
                WatchlistEntry("Albatross", "ORG"),
            ]
        )
        == 2
    )
    entries = {e.name: e for e in store.watchlist()}
    assert set(entries) == {"Yelabuga", "Albatross"}
    town = entries["Yelabuga"]
    assert (town.type, town.aliases, town.notes) == ("LOC", ["Elabuga", "Елабуга", "Alabuga"], "SEZ town")
    assert town.id and town.id != entries["Albatross"].id
