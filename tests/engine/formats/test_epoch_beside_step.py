"""A step that counts again from the start of each epoch, printed beside the epoch on the same line
(issue 12, holdout6): ``Epoch[2] Iteration[50/3385] Loss: 0.221`` (reid-strong-baseline),
``[epoch: 2/200, iter: 0/489] total: 1.51`` (a pix2pix-style visualizer). The line is its own
epoch header: the steps run on across epochs (as under an epoch header, test_epoch_local_steps),
and a run appended to the file (its epoch goes back) starts again."""

import numpy as np
import pytest
from parse_helpers import CORPUS, read, records

REID = CORPUS / "ranzcr-reid-baseline-logger-iteration-loss" / "log.txt"
FER = CORPUS / "fer-ssl-train-out-epoch-iter-total" / "train.out"


@pytest.mark.parametrize("chunk", (1 << 20, 4096))
def test_iterations_run_on_across_epochs(chunk):
    loss = read(REID.read_bytes(), chunk=chunk).store["Loss"]
    assert len(loss) == 335 and loss.segment == 0
    steps = loss.steps
    assert np.all(np.diff(steps) > 0)
    # Epoch[1] Iteration[3350/3385] is the last of epoch 1; Epoch[2] Iteration[50/3385] follows it
    assert steps[66:68].tolist() == [3350, 3400]


def test_a_visualizer_line_with_its_epoch_and_iteration():
    total = read(FER.read_bytes()).store["total"]
    assert len(total) == 306 and total.segment == 0
    assert np.all(np.diff(total.steps) > 0)
    assert total.steps[17:19].tolist() == [425, 426]  # iter 425 of epoch 1, then iter 0 of epoch 2


def test_a_run_appended_starts_again():
    run = "".join(f"Epoch[{e}] Iteration[{i}/150] Loss: {1 - e / 10 - i / 1000:.3f}, Acc: 0.9\n" for e in (1, 2) for i in (50, 100, 150))
    loss = read(run + run).store["Loss"]
    assert loss.steps.tolist() == [50, 100, 150, 200, 250, 300] * 2
    assert loss.segment == 1


def test_the_same_records_however_the_input_is_cut():
    data = REID.read_bytes()
    whole = records(data)
    assert records(data, fast=False) == whole
    assert sorted(records(data, sizes=[333, 4000])) == sorted(whole)
