"""Extraction on a Dask LocalCluster (127.0.0.1): same results as in-process, and a worker killed
mid-ingest loses nothing and duplicates nothing."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from watchfloor.config import Settings
from watchfloor.errors import WatchfloorError
from watchfloor.extract.executors import DaskExecutor, PipelineSpec, local_workers
from watchfloor.extract.pipeline import default_config
from watchfloor.service.ingestion import Ingestor
from watchfloor.store.base import Store, WatchlistEntry
from watchfloor.store.sql import open_store

PLACES = ["Alabuga", "Yelabuga", "Kazan", "Tehran", "Isfahan", "Naberezhnye Chelny", "Moscow", "Shiraz"]
PEOPLE = ["Timur Shagivaleev", "Nasser Kanaani", "Rustam Minnikhanov", "Ali Reza", "Olga Petrova"]
GROUPS = ["Albatross", "the Institute for Science and International Security", "Kalashnikov", "Reuters"]
WATCHLIST = [WatchlistEntry(name="Alabuga", type="LOC", aliases=["Алабуга"], id="alabuga")]


def corpus(folder: Path, count: int) -> list[Path]:
    """``count`` short reports of ours, each naming a different mix of people, places and groups."""
    paths = []
    for i in range(count):
        place, other = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
        person, group = PEOPLE[i % len(PEOPLE)], GROUPS[(i * 7) % len(GROUPS)]
        text = (
            f"{person} said on {i % 27 + 1} March 2023 that {group} had moved equipment from {place} to "
            f"{other}. According to {group}, {1200 + 37 * i} workers were hired in {place} last year, "
            f"and report number {i} describes a new hall built near {other} in {2019 + i % 5}."
        )
        path = folder / f"report-{i:03}.md"
        path.write_text(f"---\ntitle: Report {i}\npublished: 2023-04-{i % 28 + 1:02}\n---\n{text}\n", "utf-8")
        paths.append(path)
    return paths


def light_spec(batch_size: int) -> PipelineSpec:
    """The default pipeline's parse, watchlist, NER and time components, in small batches."""
    config = default_config()
    config["pipeline"] = {"components": ["language", "parse", "watchlist", "ner", "temporal"],
                          "batch_size": batch_size}
    return PipelineSpec(config, {"watchlist": {"entries": WATCHLIST}})


def extracted(store: Store) -> Counter[tuple[str, int, int, str]]:
    """Every stored mention as (document title, start, end, label), counted."""
    titles = {d.id: d.title or "" for d in store.documents()}
    return Counter((titles[m.document_id], m.start, m.end, m.label) for m in store.workspace_mentions())


def test_a_worker_killed_mid_ingest_loses_nothing_and_duplicates_nothing(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 48)
    settings = Settings(db_url="sqlite://")
    spec = light_spec(batch_size=2)
    with open_store(f"sqlite:///{tmp_path / 'local.db'}") as store:
        Ingestor(store, spec.build(), settings).ingest(paths, finish=False)
        expected = extracted(store)
    killed: list[int] = []
    with open_store(f"sqlite:///{tmp_path / 'dask.db'}") as store, DaskExecutor("local:2", spec) as executor:
        pids = executor.client.run(os.getpid)
        assert len(pids) == 2

        def kill_a_busy_worker_once_storing_started() -> None:
            with open_store(f"sqlite:///{tmp_path / 'dask.db'}") as watcher:
                deadline = time.monotonic() + 300
                while time.monotonic() < deadline:
                    busy = [w for w, keys in executor.client.processing().items() if keys and w in pids]
                    if busy and len(watcher.documents()) >= 4:
                        os.kill(pids[busy[0]], signal.SIGKILL)  # it holds a batch: that batch must re-run
                        killed.append(busy[0])
                        return
                    time.sleep(0.02)

        killer = threading.Thread(target=kill_a_busy_worker_once_storing_started)
        killer.start()
        report = Ingestor(store, executor, settings).ingest(paths, finish=False)
        killer.join()
        assert killed, "no busy worker was found to kill"
        assert set(executor.client.run(os.getpid).values()) != set(pids.values())  # one was replaced
        assert report.ok, [o.problem for o in report.failures]
        assert len(report.stored_ids) == len(paths) == len(store.documents())
        found = extracted(store)
    assert expected, "the reference run extracted nothing"
    assert found == expected  # every mention once: none lost with the worker, none stored twice
    assert max(found.values()) == 1


def test_extraction_on_the_cluster_matches_extraction_in_process(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 6)
    spec = light_spec(batch_size=4)
    settings = Settings(db_url="sqlite://")
    a, b = (f"sqlite:///{tmp_path / name}" for name in ("a.db", "b.db"))
    with open_store(a) as local, open_store(b) as far:
        Ingestor(local, spec.build(), settings).ingest(paths, finish=False)
        with DaskExecutor("local:1", spec) as executor:
            assert executor.window == 3 and executor.batch_size == 4
            Ingestor(far, executor, settings).ingest(paths, finish=False)
        assert extracted(far) == extracted(local)
        watchlisted = [m for m in far.workspace_mentions() if m.watchlist_key == "alabuga"]
        assert len(watchlisted) >= 2


@pytest.mark.parametrize("address", ["local:0", "local:two", "local:"])
def test_a_bad_local_cluster_size_is_one_clear_error(address: str) -> None:
    with pytest.raises(WatchfloorError, match="expected local:N"):
        local_workers(address)


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(WatchfloorError, match=f"tcp://127.0.0.1:{port}: cannot reach the scheduler"):
        DaskExecutor(f"tcp://127.0.0.1:{port}", light_spec(2), connect_timeout=2)


def test_ingest_refuses_workers_and_dask_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from test_cli_newcomer import call

    [path] = corpus(tmp_path, 1)
    db = tmp_path / "ws.db"
    code, _, err = call(capsys, "--db", str(db), "ingest", "--workers", "2", "--dask", "local:2", str(path))
    assert code == 1
    assert err.strip().splitlines() == ["error: ingest: give --workers or --dask, not both"]
    code, _, err = call(capsys, "--db", str(db), "ingest", "--dask", "local:none", str(path))
    assert code == 1 and "expected local:N" in err and len(err.strip().splitlines()) == 1
