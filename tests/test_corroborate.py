"""Independent origins, claim clusters, denials and credibility on hand-built claims."""

from __future__ import annotations

from datetime import date

from watchfloor.corroborate.clusters import cluster_claims
from watchfloor.corroborate.credibility import best_reliability, grade
from watchfloor.corroborate.denials import attach
from watchfloor.corroborate.evidence import DocumentFacts, Evidence, root_document, source_key
from watchfloor.corroborate.origins import independent_origins
from watchfloor.corroborate.similarity import ClusterSettings, conflict

CLAIM = "Russia is building Iranian-designed attack drones at a plant in Tatarstan"
SHIP = frozenset({"kestrel-line"})
PLANT = frozenset({"orlen-plant"})


def _evidence(
    claim_id: int,
    document: str,
    publisher: str,
    source: str | None = None,
    stance: str = "asserts",
    text: str = CLAIM,
    **fields: object,
) -> Evidence:
    return Evidence(
        claim_id,
        document,
        publisher,
        stance,
        text,
        source=source,
        entity_ids=frozenset({"russia", "iran", "tatarstan"}),
        **fields,
    )  # type: ignore[arg-type]


def _labels(origins: list) -> list[list[int]]:  # type: ignore[type-arg]
    return sorted(sorted(e.claim_id for e in o.claims) for o in origins)


def test_copies_citations_and_a_statement_are_three_origins() -> None:
    documents = {
        "wire": DocumentFacts("Wire Service"),
        "copy-1": DocumentFacts("Paper A", "wire"),
        "copy-2": DocumentFacts("Paper B", "wire"),
        "copy-3": DocumentFacts("Paper C", "copy-2"),
        "ngo": DocumentFacts("Airwars"),
        "cite-1": DocumentFacts("Financial Times"),
        "cite-2": DocumentFacts("The Daily"),
        "gov": DocumentFacts("White House"),
    }
    claims = [
        _evidence(1, "wire", "Wire Service", source="officials in Kazan"),
        _evidence(2, "copy-1", "Paper A"),
        _evidence(3, "copy-2", "Paper B"),
        _evidence(4, "copy-3", "Paper C"),
        _evidence(5, "ngo", "Airwars"),  # the NGO's own report
        _evidence(6, "cite-1", "Financial Times", source="Airwars"),
        _evidence(7, "cite-2", "The Daily", source="research by Airwars"),
        _evidence(8, "gov", "White House", source="the White House"),
    ]
    origins = independent_origins(claims, documents, [f.publisher or "" for f in documents.values()])
    assert _labels(origins) == [[1, 2, 3, 4], [5, 6, 7], [8]]
    wire = next(o for o in origins if o.first.claim_id == 1)
    assert any("syndicated copies" in note for note in wire.collapsed)


def test_shared_evidence_owner_author_and_copied_words_collapse_with_reasons() -> None:
    documents = {
        "a": DocumentFacts("Steppe Tribune"),
        "b": DocumentFacts("Labour Lens"),
        "c": DocumentFacts("Kyrgyz Times", owner="Ala-Too Media"),
        "d": DocumentFacts("Central Asia Weekly", owner="Ala-Too Media"),
        "e": DocumentFacts("Iran Monitor", author="Leyla Rahimova"),
        "f": DocumentFacts("Gulf Observer", author="Leyla Rahimova"),
        "g": DocumentFacts("Morning Post"),
        "h": DocumentFacts("Evening Post"),
    }
    sentence = "Photos posted by residents suggest the plant began assembling drones in January"
    claims = [
        _evidence(1, "a", "Steppe Tribune", source="videos", basis="imagery", hedge="roughly even chance"),
        _evidence(2, "b", "Labour Lens", source="the footage", basis="imagery"),
        _evidence(3, "c", "Kyrgyz Times"),
        _evidence(4, "d", "Central Asia Weekly"),
        _evidence(5, "e", "Iran Monitor"),
        _evidence(6, "f", "Gulf Observer"),
        _evidence(7, "g", "Morning Post", sentence=sentence),
        _evidence(8, "h", "Evening Post", sentence=sentence.replace("January", "January 2023")),
    ]
    origins = independent_origins(claims, documents)
    assert _labels(origins) == [[1, 2], [3, 4], [5, 6], [7, 8]]
    notes = " ".join(note for o in origins for note in o.collapsed)
    assert "same evidence (imagery)" in notes and "one owner (Ala-Too Media)" in notes
    assert "one author (Leyla Rahimova)" in notes and "repeats the words of Morning Post" in notes
    imagery = next(o for o in origins if o.label == "imagery")
    assert imagery.weight == 0.5  # its first report only "suggests" it


def test_a_desk_byline_is_not_one_author() -> None:
    documents = {
        "a": DocumentFacts("Paper A", author="Staff reporters"),
        "b": DocumentFacts("Paper B", author="Staff reporters"),
    }
    assert (
        len(independent_origins([_evidence(1, "a", "Paper A"), _evidence(2, "b", "Paper B")], documents)) == 2
    )


def test_a_spokespersons_organisation_is_the_origin() -> None:
    documents = {"a": DocumentFacts("Paper A"), "b": DocumentFacts("Paper B")}
    claims = [
        _evidence(
            1,
            "a",
            "Paper A",
            source="Viktor Salnikov",
            speaker_status="named",
            affiliation="Astervo Shipping",
        ),
        _evidence(2, "b", "Paper B", source="Astervo Shipping", speaker_status="named"),
    ]
    (origin,) = independent_origins(claims, documents)
    assert origin.label == "Astervo Shipping"


def test_broad_evidence_institutions_media_and_a_posts_account_collapse() -> None:
    documents = {
        "wire": DocumentFacts("Meridian Wire"),
        "local": DocumentFacts("Caucasus Ledger"),
        "police": DocumentFacts("Osh City Police Directorate", kind="statement"),
        "ru": DocumentFacts("Южная столица"),
        "tg": DocumentFacts("Telegram", kind="social_post", author="Elabuga Today (@elabuga)"),
        "kama": DocumentFacts("Kama News"),
    }
    claims = [
        _evidence(1, "wire", "Meridian Wire", source="leaked customs records", basis="leaked documents"),
        _evidence(2, "local", "Caucasus Ledger", source="They", basis="records"),  # "the files … They"
        _evidence(3, "police", "Osh City Police Directorate", source="Osh City Police Directorate",
                  speaker_status="named"),
        _evidence(4, "ru", "Южная столица", source="милиции", source_phrase="милиции", lang="ru",
                  speaker_status="unnamed"),
        _evidence(5, "tg", "Telegram", source="западных СМИ", source_phrase="западных СМИ",
                  speaker_status="unnamed"),
        _evidence(6, "kama", "Kama News"),
    ]
    origins = independent_origins(claims, documents)
    # the broad "records" are the leaked ones; «милиция» is the one police body the claim names; a post
    # resting on "Western media" repeats earlier reporting (the first line)
    assert _labels(origins) == [[1, 2, 5], [3, 4], [6]]
    notes = " ".join(note for o in origins for note in o.collapsed)
    assert "the records are the leaked documents reported" in notes
    assert "“милиции” is the Osh City Police Directorate" in notes
    assert "repeats earlier reporting" in notes
    post = DocumentFacts("X", kind="social_post", author="Caspian Wetlands Trust (@CaspianWetlands)")
    assert post.voice == "Caspian Wetlands Trust"


def test_paraphrases_join_through_frames_and_another_instance_stays_apart() -> None:
    settings = ClusterSettings()
    shipped = dict(event="transfer", agents=SHIP, actors=SHIP | PLANT, distinctive=SHIP | PLANT)
    claims = [
        _evidence(
            1,
            "a",
            "P",
            text="Kestrel Line shipped forty crates of machine parts to the Orlen plant",
            **shipped,
        ),
        _evidence(
            2, "b", "Q", text="A Kestrel vessel delivered a consignment to the Orlen facility", **shipped
        ),
        _evidence(
            3, "c", "R", text="Кестрел Лайн доставила оборудование на завод Орлен", lang="ru", **shipped
        ),
        _evidence(
            4,
            "a",
            "P",
            text="another Kestrel vessel carried bearings to the Orlen plant",
            other_instance=True,
            **shipped,
        ),
        _evidence(5, "d", "S", text="Venezuela bought drone technology from Iran in 2012", event="procure"),
    ]
    groups = sorted(sorted(c) for c in cluster_claims(claims, settings))
    assert groups == [[0, 1, 2], [3], [4]]
    assert conflict(claims[0], claims[3], settings)


def test_precise_event_times_far_apart_are_different_claims() -> None:
    settings = ClusterSettings()
    first = _evidence(
        1,
        "a",
        "P",
        time_precision="month",
        time_start=date(2024, 3, 1),
        time_end=date(2024, 3, 31),
        time_of_event=True,
    )
    later = _evidence(
        2,
        "b",
        "Q",
        time_precision="year",
        time_start=date(2022, 1, 1),
        time_end=date(2022, 12, 31),
        time_of_event=True,
    )
    published = _evidence(
        3,
        "c",
        "R",
        time_precision="year",
        time_start=date(2022, 1, 1),
        time_end=date(2022, 12, 31),
        time_of_event=False,
    )
    assert conflict(first, later, settings)
    assert not conflict(first, published, settings)  # a time that qualifies something else tells nothing


def test_a_denial_attaches_to_the_claim_whose_participants_it_denies() -> None:
    settings = ClusterSettings()
    shipped = dict(event="transfer", agents=SHIP, actors=SHIP | PLANT, distinctive=SHIP | PLANT)
    claims = [
        _evidence(1, "a", "P", text="Kestrel Line shipped machine parts to the Orlen plant", **shipped),
        _evidence(
            2,
            "b",
            "Q",
            text="Venezuela bought drone technology from Iran",
            event="procure",
            agents=frozenset({"venezuela"}),
            actors=frozenset({"venezuela", "iran"}),
        ),
        _evidence(
            3,
            "c",
            "Kestrel Line",
            stance="denies",
            text="we have never carried cargo for them",
            event="transfer",
            speaker_entity_id="kestrel-line",
            agents=SHIP,
        ),
        _evidence(
            4,
            "b",
            "Q",
            stance="denies",
            text="the allegations",
            allegation=True,
            speaker_entity_id="venezuela",
        ),
    ]
    assert attach([[0], [1]], claims, [2, 3], settings) == {2: [0], 3: [1]}


def test_helpers() -> None:
    assert source_key("The Financial Times's") == "financial times"
    assert root_document("c", {"c": "b", "b": "a", "a": "c"}) in {"a", "b", "c"}  # cycle-safe
    assert best_reliability(["F", "C", None, "B"]) == "B"


def test_grades_follow_independent_lines_reliability_denials_and_hedges() -> None:
    assert grade(3, 0).grade == 1
    assert grade(3, 1).grade == 2
    assert grade(2, 0).grade == 2
    assert grade(1, 0, "B").grade == 2
    assert grade(1, 0, "C").grade == 3
    assert grade(1, 0).grade == 6
    assert grade(1, 0, "B", ["unlikely"]).grade == 4
    assert grade(1, 2).grade == 5
    assert grade(0, 1).grade == 5
    assert grade(3, 0, support=1.75).grade == 3  # three hedged lines are not a confirmation
    explained = grade(3, 1, "A", collapsed=["2 reports rest on the same evidence"]).explanation()
    assert explained.startswith("2 (probably true): 3 independent lines of evidence assert it")
    assert "denied by 1 independent line" in explained and "rest on the same evidence" in explained
