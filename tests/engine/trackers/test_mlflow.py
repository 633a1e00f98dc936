"""MLflow file stores, filled by hand in their documented layout: one run from all its metric
files, read in full and while it grows."""

import math

import numpy as np

from lossmon.engine import check_file
from lossmon.engine.follower import Follower
from lossmon.engine.trackers.mlflow import MlflowRunReader, run_name

from tests.engine.test_follower import Collector

T0 = 1_700_000_000_000  # ms


def make_run(root, run_id="0a1b2c", name="brave-owl-42"):
    """mlruns/<experiment>/<run>/ as MLflow's FileStore lays it out."""
    run = root / "mlruns" / "1" / run_id
    (run / "metrics" / "train").mkdir(parents=True)
    (run / "params").mkdir()
    (run / "tags").mkdir()
    (run / "artifacts").mkdir()
    (root / "mlruns" / "1" / "meta.yaml").write_text("experiment_id: '1'\nname: exp\n")
    (run / "meta.yaml").write_text(f"run_id: {run_id}\nrun_name: {name}\nexperiment_id: '1'\nstatus: 1\n")
    (run / "tags" / "mlflow.runName").write_text(name)
    return run


def point(step, value):
    return f"{T0 + 1000 * step} {value!r} {step}\n"


def train(step):
    return 3.0 * math.exp(-step / 30) + 0.2


def val(step):
    return 3.0 * math.exp(-step / 30) + 0.25 + max(0, step - 60) * 0.01  # overfits after 60


def fill(run, steps, every=10):
    with open(run / "metrics" / "train" / "loss", "a") as f:
        f.writelines(point(s, train(s)) for s in steps)
    with open(run / "metrics" / "val_loss", "a") as f:
        f.writelines(point(s, val(s)) for s in steps if s % every == 0)


def test_a_run_is_all_its_metric_files_in_step_order(tmp_path):
    run = make_run(tmp_path)
    fill(run, range(150))
    monitor = check_file(str(run))
    assert monitor.format_id == "mlflow"
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train/loss", "val_loss")
    assert list(monitor.store["train/loss"].steps) == list(range(150))
    assert np.allclose(monitor.store["val_loss"].values, [val(s) for s in range(0, 150, 10)])
    assert any(f.pathology == "overfitting" for f in monitor.findings)
    assert run_name(str(run)) == "brave-owl-42"



def test_merge_across_files_with_small_reads(tmp_path):
    run = make_run(tmp_path)
    fill(run, range(2000), every=100)
    reader = MlflowRunReader(str(run))
    steps = []
    while True:
        data = reader.read(8192)  # the train file needs many reads; val must not come late
        steps.extend(float(line.split()[-1]) for line in data.splitlines())
        if not data and not reader.more:
            break
    assert steps == sorted(steps) and len(steps) == 2000 + 20


def test_followed_while_the_run_writes(tmp_path):
    run = make_run(tmp_path)
    fill(run, range(20))
    with Follower([str(tmp_path / "mlruns")]) as session:
        seen = Collector(session).until(lambda c: len(c.records()) == 22)
        fill(run, range(20, 40))
        with open(run / "metrics" / "lr", "w") as f:  # a metric that starts later
            f.write(point(40, 1e-4))
        seen.until(lambda c: len(c.records()) == 22 + 22 + 1)
        assert [kind for _, kind in seen.events()] == ["opened"]


def test_check_a_store_beside_text_logs(tmp_path, capsys, real_logs):
    import json

    from lossmon.cli import main

    fill(make_run(tmp_path), range(100))
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "train.log").write_bytes((real_logs / "llmc-main.log").read_bytes())
    main(["check", "--json", str(tmp_path)])
    files = json.loads(capsys.readouterr().out)["files"]
    assert sorted(f["format"] for f in files) == ["llmc_main_log", "mlflow"]
