"""The claim layer (``claims.en``) on real parses: acts, polarity and stance, propositions, speakers,
evidence bases and frames — and how a stored claim reads in plain words."""

from __future__ import annotations

from functools import cache

from conftest import shared_path
from watchfloor.brief.statements import reading
from watchfloor.extract.pipeline import Pipeline
from watchfloor.model import Analysis, Attribution
from watchfloor.store.base import StoredClaim

SEED_FILE = "seed/000_aa53ffcfbbfed12b.txt"


@cache
def _pipeline() -> Pipeline:
    return Pipeline.from_config(disable=["embed"])


def analyse(text: str, publisher: str | None = None, kind: str = "article") -> list[Attribution]:
    analysis = _pipeline()(Analysis(text=text, lang="en", publisher=publisher, kind=kind))
    for attribution in analysis.attributions:  # every part is a real slice of the text
        parts = [
            attribution.cue,
            attribution.content,
            attribution.source,
            attribution.speaker,
            attribution.proposition,
            attribution.characterisation,
            attribution.affiliation,
        ]
        if attribution.frame is not None:
            parts += [p.span for p in attribution.frame.participants] + [attribution.frame.trigger]
        for span in parts:
            if span is not None:
                assert text[span.start : span.end] == span.text
    return analysis.attributions


def claim_with(attributions: list[Attribution], words: str) -> Attribution:
    found = [a for a in attributions if words in a.content.text]
    assert found, [a.content.text for a in attributions]
    return found[0]


def test_polarity_and_stance_compose() -> None:
    found = analyse(
        "Nasser Kanaani, the ministry spokesperson, said the Islamic Republic had not supplied weapons to "
        "either side. The company denied that it had not paid its taxes. Officials said the plant would not "
        "open before May. Tehran denied providing weapons to Russia."
    )
    negated = claim_with(found, "had not supplied")
    assert (negated.stance, negated.polarity) == ("denies", "negative")
    double = claim_with(found, "had not paid")  # a denial of a negated statement asserts
    assert (double.stance, double.polarity) == ("asserts", "negative")
    future = claim_with(found, "would not open")  # a negated prediction is no denial
    assert (future.stance, future.polarity) == ("asserts", "negative")
    denied = claim_with(found, "providing weapons")
    assert (denied.stance, denied.polarity) == ("denies", "positive")


def test_a_dismissal_denies_what_it_names_with_its_own_characterisation() -> None:
    (called,) = [
        a for a in analyse("He called the allegations politically motivated.") if a.cue.text == "called"
    ]
    assert called.stance == "denies"
    assert called.proposition is not None and called.proposition.text == "the allegations"
    assert called.characterisation is not None and "politically motivated" in called.characterisation.text
    assert called.frame is not None and called.frame.allegation
    (fabricated,) = analyse("The company said the documents were fabricated by competitors.")
    assert fabricated.stance == "denies" and fabricated.proposition is not None
    assert fabricated.proposition.text == "the documents"


def test_refusals_to_comment_are_recorded_and_non_claims_are_marked() -> None:
    found = analyse(
        "Astervo Shipping did not respond to a request for comment. The ministry declined to comment. "
        "Reporters asked whether the ship had docked. Russia calls them Geran-2. Officials would not say "
        "what the crates contained."
    )
    refusals = [a for a in found if a.act == "no_comment"]
    assert sorted(a.source.text for a in refusals if a.source) == ["Astervo Shipping", "The ministry"]
    assert claim_with(found, "Geran-2").act == "fragment"
    assert claim_with(found, "what the crates contained").act == "question"
    assert claim_with(found, "whether the ship had docked").act == "question"


def test_reference_lists_and_notes_about_themselves_are_not_claims() -> None:
    text = (
        "This note lists what public sources have said about the plant.\n\nSources\n\n"
        "Airwars research on job postings, according to the Financial Times (August 2023)"
    )
    assert {a.act for a in analyse(text, kind="report")} == {"boilerplate"}


def test_speakers_surnames_roles_document_voice_and_unresolved_pronouns() -> None:
    found = analyse(
        "Samuel Bendett, an analyst at the Center for Naval Analyses, told the Financial Times that the "
        "location was convenient. Bendett, from the Center for Naval Analyses, said: "
        "\u201cIt is a sweet spot.\u201d "
        "We assess that it is likely that specialists work at the site. They said the halls were new.",
        publisher="Northbridge OSINT Lab",
        kind="report",
    )
    surname = claim_with(found, "sweet spot")
    assert surname.speaker is not None and surname.speaker.text == "Samuel Bendett"
    assert surname.speaker_status == "resolved"
    note = claim_with(found, "specialists work at the site")
    assert note.speaker_status == "document" and note.speaker is None  # the note's authors, not a guess
    vague = claim_with(found, "halls were new")
    assert vague.speaker is None and vague.speaker_status == "unresolved"


def test_an_organisation_speaks_through_its_spokesperson_and_a_report_through_its_author() -> None:
    found = analyse(
        "Viktor Salnikov, a spokesperson for Astervo Shipping, said the ship carried tiles. A report by "
        "Conflict Watch said the plant was expanding. A former employee of Tarvex Trading said he loaded "
        "the boxes himself."
    )
    spokesperson = claim_with(found, "carried tiles")
    assert spokesperson.affiliation is not None and spokesperson.affiliation.text == "Astervo Shipping"
    report = claim_with(found, "was expanding")
    assert report.speaker is not None and report.speaker.text == "Conflict Watch"
    insider = claim_with(found, "loaded the boxes")
    assert insider.affiliation is None  # an insider speaks for himself


def test_evidence_as_a_source_is_a_basis_not_a_speaker() -> None:
    found = analyse(
        "Satellite images show that construction is well advanced. Photos posted by residents suggest the "
        "factory began production in January. According to the job postings, candidates must speak Farsi."
    )
    assert [a.basis for a in found] == ["satellite imagery", "imagery", "job postings"]
    assert all(a.speaker is None for a in found)


def test_citing_a_study_makes_its_author_the_source_and_the_outlet_a_conduit() -> None:
    found = analyse(
        "Employers have advertised for Farsi interpreters since April, the Financial Times "
        "reported, citing research by the conflict-monitoring group Airwars."
    )
    (report,) = [a for a in found if a.act == "statement"]
    assert [a.act for a in found if a.cue.text == "citing"] == ["fragment"]  # no claim of its own
    assert report.source is not None and report.source.text == "Airwars"
    assert [v.text for v in report.via] == ["the Financial Times"]


def test_frames_read_event_participants_object_and_the_time_of_the_event() -> None:
    text = (
        "Officials said a general cargo ship operated by Kestrel Line shipped 40 crates of machine parts "
        "from Iran to the Orlen plant in March 2024. The company said it had never carried cargo for them."
    )
    shipped, denial = analyse(text)
    assert shipped.frame is not None and shipped.frame.event == "transfer"
    roles = {p.role: p.span.text for p in shipped.frame.participants}
    assert roles["source"] == "Iran" and "Orlen plant" in roles["location"]
    assert shipped.frame.object is not None and "crates of machine parts" in shipped.frame.object.text
    assert shipped.frame.quantity is not None and shipped.frame.quantity.text == "40"
    assert shipped.frame.time is not None and shipped.frame.time.text == "March 2024"
    assert denial.stance == "denies" and denial.frame is not None and denial.frame.event == "transfer"
    agent = denial.frame.role("agent")[0]  # "it", the company that speaks
    assert agent.span.text == "it" and agent.refers_to is not None and agent.refers_to.text == "The company"


def test_the_seed_article_bendett_quotes_and_kanaani_denial() -> None:
    found = analyse(shared_path(SEED_FILE).read_text(encoding="utf-8"))
    bendett = [a for a in found if a.content.text.startswith("\u201c") and "Iran" in a.content.text]
    assert len(bendett) == 2 and all(
        a.speaker is not None and a.speaker.text == "Samuel Bendett" for a in bendett
    )
    kanaani = claim_with(found, "had not provided any sides")
    assert (
        kanaani.stance == "denies"
        and kanaani.speaker is not None
        and kanaani.speaker.text == "Nasser Kanaani"
    )
    called = claim_with(found, "politically motivated")
    assert called.proposition is not None and called.proposition.text == "the allegations"


def _stored(**fields: object) -> StoredClaim:
    values: dict[str, object] = dict(
        id=1,
        document_id="d",
        cue="said",
        cue_start=0,
        cue_end=4,
        content="",
        content_start=0,
        content_end=1,
        sentence_start=0,
        sentence_end=1,
        stance="asserts",
        component="claims.en@1",
    )
    values.update(fields)
    return StoredClaim(**values)  # type: ignore[arg-type]


def test_a_denial_never_reads_as_its_opposite() -> None:
    negated = reading(
        _stored(
            stance="denies",
            polarity="negative",
            speaker="Nasser Kanaani",
            content="that the Islamic Republic had not supplied weapons",
        )
    )
    assert negated.line() == "Nasser Kanaani denies it: “that the Islamic Republic had not supplied weapons”"
    dismissal = reading(
        _stored(
            stance="denies",
            speaker="Nasser Kanaani",
            content="the allegations “politically",
            proposition="the allegations",
            characterisation="“politically motivated",
        )
    )
    assert dismissal.line() == "Nasser Kanaani rejects the allegations as “politically motivated”"
    assert (
        reading(_stored(stance="no_comment", source="Kestrel Line")).line() == "Kestrel Line did not comment"
    )
    note = reading(
        _stored(speaker_status="document", publisher="Northbridge OSINT Lab", content="it is likely")
    )
    assert note.who == "Northbridge OSINT Lab (its own assessment)"
    vague = reading(_stored(speaker_status="unresolved", source="They", content="the halls were new"))
    assert vague.who == "They (speaker unresolved)"
    post = reading(_stored(publisher="VK", document_kind="social_post", author="elabuga_segodnya"))
    assert post.who == "elabuga_segodnya (VK post, unattributed)"
    own = reading(_stored(publisher="Defense Dispatch", content="the factory is expected to open"))
    assert own.who == "Defense Dispatch (its own reporting, unattributed)"


def test_evidence_and_documents_that_speak_are_read_as_their_sources() -> None:
    found = analyse(
        "BERLIN, April 8 (Meridian Wire) - A trading firm shipped more than 1,400 industrial controllers "
        "to a Russian drive maker in 2023, leaked customs records reviewed by Meridian Wire show, despite "
        "a ban. The files run to several hundred pages. They appear to show that the firm forwarded "
        "hardware to a factory in Yekaterinburg. This report shows that the firm was the largest single "
        "source of the controllers. This note lists the reports on the firm.",
        publisher="Tracefold Institute",
    )
    shipped = claim_with(found, "shipped more than 1,400")
    assert shipped.cue.text == "show" and shipped.content.text.startswith("A trading firm")  # no dateline
    assert shipped.basis == "leaked documents" and shipped.act == "statement"
    forwarded = claim_with(found, "forwarded hardware")
    assert forwarded.cue.text == "appear to show" and forwarded.basis == "records"  # "They" are the files
    largest = claim_with(found, "largest single source")
    assert largest.act == "statement" and largest.speaker_status == "document"
    assert claim_with(found, "the reports on the firm").act == "boilerplate"


def test_descriptions_resolve_to_the_names_they_describe() -> None:
    found = analyse(
        "Zayandeh Turbine Works has hired engineers, according to a report by Sentinel Trade Research, a "
        "London-based group that studies the arms trade. The researchers said they had interviewed three "
        "engineers. Two of them now work at a test site, the group said. Ortau Metals Group denied that any "
        "workers had walked out. A company spokesman said all shifts were working normally."
    )
    assert claim_with(found, "interviewed three").speaker.text == "Sentinel Trade Research"  # type: ignore[union-attr]
    assert claim_with(found, "work at a test site").speaker.text == "Sentinel Trade Research"  # type: ignore[union-attr]
    spokesman = claim_with(found, "all shifts")
    assert spokesman.speaker is None and spokesman.affiliation is not None
    assert spokesman.affiliation.text == "Ortau Metals Group"


def test_misparsed_clauses_are_statements_and_phrasal_events_are_read() -> None:
    found = analyse(
        "The Service's analysis shows that the Beloglinsk plant manufactures engines for attack drones. "
        "Workers said about 900 workers walked out at the copper smelter this morning. Helmbrecht said it "
        "had stopped all deliveries to Russia in March 2022."
    )
    assert claim_with(found, "manufactures engines").act == "statement"  # the parser took it for a noun
    walkout = claim_with(found, "walked out")
    assert walkout.frame is not None and walkout.frame.event == "labour"
    stopped = claim_with(found, "stopped all deliveries")
    assert stopped.frame is not None and stopped.frame.time is not None  # "in March 2022" is the event's
    assert stopped.frame.time.text == "March 2022"


def test_a_request_is_no_claim() -> None:
    found = analyse("Several of the postings ask applicants to speak Farsi. He said the site had grown.")
    assert [a.act for a in found] == ["request", "statement"]
