"""``watchfloor eval …``: each scorer's figures as one table, or as JSON with ``--format json``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from watchfloor.cli.app import CommandGroups
from watchfloor.cli.output import ObjectFormat, console, err_console, print_json, table
from watchfloor.errors import InputError
from watchfloor.hookspecs import hookimpl

FORMAT = typer.Option(ObjectFormat.TABLE, "--format", help="table or json.")
SLICE = typer.Option(None, "--slice", help="Only items K, K+N, K+2N… in name order, as K/N (0/5: a fifth).")
PRF_COLUMNS = ["measure", "precision", "recall", "F1", "tp", "predicted", "gold"]


def prf_row(measure: str, prf: Any) -> list[object]:
    return [measure, f"{prf.precision:.4f}", f"{prf.recall:.4f}", f"{prf.f1:.4f}",
            prf.true_positives, prf.predicted, prf.gold]


def share_row(measure: str, count: int, of: int) -> list[object]:
    return [measure, "", "", f"{count / of:.4f}" if of else "0.0000", count, of, ""]


def _present(output: ObjectFormat, as_json: Any, title: str, rows: list[list[object]],
             columns: list[str] = PRF_COLUMNS, note: str | None = None) -> None:
    if output is ObjectFormat.JSON:
        print_json(as_json)
        return
    console.print(table(title, columns, rows))
    if note:
        console.print(note, highlight=False, markup=False)


def _check_slice(part: str | None) -> None:
    """A malformed ``--slice`` is a usage error, found before any scoring starts."""
    from watchfloor.evaluate.metrics import strided

    try:
        strided([], part)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--slice") from None


def eval_ner(
    conll: Path | None = typer.Option(None, "--conll", help="CoNLL-2003 file (English)."),
    factrueval: Path | None = typer.Option(None, "--factrueval", help="FactRuEval-2016 dev folder."),
    part: str | None = SLICE,
    output: ObjectFormat = FORMAT,
) -> None:
    """Entity precision/recall/F1: exact span, coarse label (PER, ORG, LOC, MISC)."""
    if (conll is None) == (factrueval is None):
        raise typer.BadParameter("give exactly one of --conll FILE or --factrueval DIR")
    if conll is not None:
        from watchfloor.evaluate.ner import evaluate_conll

        if not conll.is_file():
            raise InputError(conll, "no such file")
        _check_slice(part)
        results = evaluate_conll(conll, part)
        rows = [prf_row(f"{system}: {kind}", scores[kind]) for system, scores in results.items()
                for kind in ["micro", *sorted(k for k in scores if k != "micro")]]
        as_json = {system: {k: v.to_json() for k, v in s.items()} for system, s in results.items()}
        _present(output, as_json, f"entities on {conll.name}", rows)
        return
    assert factrueval is not None
    if not factrueval.is_dir():
        raise InputError(factrueval, "no such directory")
    from watchfloor.evaluate.factrueval import evaluate_factrueval

    scores, documents = evaluate_factrueval(factrueval)
    _present(output, {"documents": documents, **{k: v.to_json() for k, v in scores.items()}},
             f"entities on FactRuEval {factrueval.name} ({documents} documents)",
             [prf_row(kind, prf) for kind, prf in scores.items()])


def eval_timex(
    timeml: Path = typer.Option(..., "--timeml", help="Directory of TimeML (.tml) files with gold TIMEX3."),
    no_parse: bool = typer.Option(False, "--no-parse", help="Skip the spaCy parse (tense from words)."),
    errors: Path | None = typer.Option(None, "--errors", help="Write mismatches as JSON Lines here."),
    output: ObjectFormat = FORMAT,
) -> None:
    """Relaxed/strict/value F1 and type accuracy of time expressions (TempEval-3 style)."""
    import json

    from watchfloor.evaluate.timex import evaluate_directory

    scores = evaluate_directory(timeml, parse=not no_parse)
    if errors is not None:
        with errors.open("w", encoding="utf-8") as fh:
            for row in scores.errors:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    rows = [prf_row(name, getattr(scores, name)) for name in ("relaxed", "strict", "value")]
    rows.append(share_row("type accuracy", scores.type_correct, scores.relaxed.true_positives))
    _present(output, scores.as_dict(), f"TIMEX3 on {timeml.name}", rows)


def eval_attribution(
    polnear: Path | None = typer.Option(None, "--polnear", help="A PolNeAR split folder."),
    gold: Path | None = typer.Option(None, "--gold", help="A watchfloor gold file (.jsonl: ru, fa, en)."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Score only the first N articles."),
    part: str | None = SLICE,
    output: ObjectFormat = FORMAT,
) -> None:
    """Cue, source and content P/R/F1 (overlap and exact) on PolNeAR brat files or watchfloor gold."""
    if (polnear is None) == (gold is None):
        raise typer.BadParameter("give one of --polnear DIR or --gold FILE.jsonl")
    if gold is not None:
        from watchfloor.evaluate.attribution_gold import evaluate_gold

        found = evaluate_gold(gold, limit)
        rows = [prf_row(name, getattr(found.spans, name)) for name in found.spans.__slots__]
        rows.append(prf_row("no_comment", found.no_comment))
        rows += [share_row("stance accuracy", found.stance_correct, found.paired),
                 share_row("via accuracy", found.via_correct, found.paired),
                 share_row("hedge agreement", found.hedge_correct, found.paired)]
        _present(output, found.as_dict(), f"attributions on {gold.name}", rows)
        return
    from watchfloor.evaluate.attribution import evaluate_polnear

    assert polnear is not None
    _check_slice(part)
    scores = evaluate_polnear(polnear, limit, part)
    _present(output, scores.as_dict(), f"attributions on PolNeAR {polnear.name}",
             [prf_row(name, getattr(scores, name)) for name in scores.__slots__])


def eval_resolve(
    bsnlp: list[Path] = typer.Option(..., "--bsnlp", help="BSNLP topic folder(s) or a folder of topics."),
    output: ObjectFormat = FORMAT,
) -> None:
    """Score entity resolution on BSNLP topics (B-cubed and pairwise F1, with a string baseline)."""
    from watchfloor.evaluate.resolve import evaluate_topic, topic_directories

    results = []
    for topic in topic_directories(bsnlp):
        err_console.print(f"resolving {topic.name}…", highlight=False, markup=False)
        results.append(evaluate_topic(topic))
    rows: list[list[object]] = [
        [r["topic"], r["mentions"], *(f"{r['b_cubed'][k]:.3f}" for k in ("precision", "recall", "f1")),
         f"{r['pairwise']['f1']:.3f}", f"{r['baseline_b_cubed']['f1']:.3f}",
         f"{r['baseline_pairwise']['f1']:.3f}", f"{r['mentions_per_second']:.0f}"]
        for r in results
    ]
    columns = ["topic", "mentions", "B³ P", "B³ R", "B³ F1", "pair F1", "base B³", "base pair", "m/s"]
    _present(output, results, "entity resolution on BSNLP", rows, columns,
             "base = mentions grouped by their exact lowercased string; m/s = mentions per second")


def eval_claims(
    scenarios: list[Path] = typer.Argument(None, help="Scenario folders (default: the bundled ones)."),
    held_out: bool = typer.Option(False, "--held-out", help="Also score the held-out scenarios."),
    output: ObjectFormat = FORMAT,
) -> None:
    """Score claim clusters, independent origins, denial links and stance on scenario corpora."""
    from watchfloor.evaluate.claims import evaluate_scenarios, scenarios_folder, summary

    err_console.print("ingesting and scoring scenarios…", highlight=False, markup=False)
    scores = evaluate_scenarios(scenarios or [scenarios_folder()], held_out=held_out)
    tuned = [s for s in scores if not s.held_out]
    kept = [s for s in scores if s.held_out]
    rows: list[list[object]] = [
        [s.scenario + (" (held out)" if s.held_out else ""), f"{s.b3_precision:.3f}", f"{s.b3_recall:.3f}",
         f"{s.b3_f1:.3f}", f"{s.found}/{s.items}", f"{s.origins_exact}/{s.clusters}",
         f"{s.denials_linked}/{s.denials}", f"{s.stance_right}/{s.stance_seen}",
         f"{s.speaker_right}/{s.speaker_seen}", f"{s.no_comments_found}/{s.no_comments}"]
        for s in scores
    ]
    columns = ["scenario", "B³ P", "B³ R", "B³ F1", "found", "origins exact", "denials linked", "stance",
               "speaker", "no comments"]
    notes = [f"{label}: {summary(group)}" for label, group in (("tuned", tuned), ("held out", kept)) if group]
    _present(output, {"scenarios": [s.to_json() for s in scores], "summary": summary(tuned),
                      "held_out_summary": summary(kept)}, "claims", rows, columns, "\n".join(notes))


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    for name, command in (("ner", eval_ner), ("timex", eval_timex), ("attribution", eval_attribution),
                          ("resolve", eval_resolve), ("claims", eval_claims)):
        cli.eval.command(name)(command)
