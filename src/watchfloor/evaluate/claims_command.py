"""The ``watchfloor eval claims`` command (scoring lives in ``evaluate/claims.py``)."""

from __future__ import annotations

from pathlib import Path

import typer

from watchfloor.cli.app import CommandGroups, console, err_console, print_json
from watchfloor.hookspecs import hookimpl


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    @cli.eval.command("claims")
    def eval_claims(
        scenarios: list[Path] = typer.Argument(None, help="Scenario folders (default: the bundled ones)."),
        held_out: bool = typer.Option(False, "--held-out", help="Also score the held-out scenarios."),
        as_json: bool = typer.Option(False, "--json", help="Print the results as JSON."),
    ) -> None:
        """Score claim clusters, independent origins, denial links and stance on scenario corpora."""
        from rich.markup import escape
        from rich.table import Table

        from watchfloor.evaluate.claims import evaluate_scenarios, scenarios_folder, summary

        err_console.print("ingesting and scoring scenarios…", highlight=False, markup=False)
        scores = evaluate_scenarios(scenarios or [scenarios_folder()], held_out=held_out)
        tuned = [s for s in scores if not s.held_out]
        kept = [s for s in scores if s.held_out]
        if as_json:
            print_json(
                {
                    "scenarios": [s.to_json() for s in scores],
                    "summary": summary(tuned),
                    "held_out_summary": summary(kept),
                }
            )
            return
        table = Table(title="claims", title_justify="left")
        for column in (
            "scenario",
            "B³ P",
            "B³ R",
            "B³ F1",
            "found",
            "origins exact",
            "denials linked",
            "stance",
            "speaker",
            "no comments",
        ):
            table.add_column(column, justify="left" if column == "scenario" else "right")
        for s in scores:
            table.add_row(
                escape(s.scenario + (" (held out)" if s.held_out else "")),
                f"{s.b3_precision:.3f}",
                f"{s.b3_recall:.3f}",
                f"{s.b3_f1:.3f}",
                f"{s.found}/{s.items}",
                f"{s.origins_exact}/{s.clusters}",
                f"{s.denials_linked}/{s.denials}",
                f"{s.stance_right}/{s.stance_seen}",
                f"{s.speaker_right}/{s.speaker_seen}",
                f"{s.no_comments_found}/{s.no_comments}",
            )
        console.print(table)
        for label, group in (("tuned", tuned), ("held out", kept)):
            if group:
                console.print(f"{label}: {summary(group)}", highlight=False, markup=False)
