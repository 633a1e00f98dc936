"""``[epoch, batch] loss: X`` (issue 12, holdout6): PyTorch's CIFAR-10 tutorial prints
``print(f'[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 2000:.3f}')``, and countless scripts
copy it. The bracket holds the step: the batch, counted again from the start of each epoch."""

import numpy as np
from parse_helpers import read, records, series

# tests/corpus/cifar10-acn-readme-loss-2000-style (ReadMe.txt, lines 17-33): a header of settings,
# then nine batches per epoch; the test accuracy every five epochs.
CIFAR = """\
--- 8.708  seconds ---
epoch = 350 lr = 0.001 batchsize=  256
[1,    20] loss: 2.298619
[1,    40] loss: 2.237873
[1,    60] loss: 2.225266
[1,    80] loss: 2.199869
[1,   100] loss: 2.139013
[1,   120] loss: 2.081999
[1,   140] loss: 2.019005
[1,   160] loss: 2.006538
[1,   180] loss: 1.959473
[2,    20] loss: 1.965091
[2,    40] loss: 1.932038
[2,    60] loss: 1.903081
[2,    80] loss: 1.868363
[2,   100] loss: 1.865300
"""


def test_the_batch_steps_run_on_across_epochs():
    monitor = read(CIFAR)
    assert monitor.store.primary_train == "loss"
    loss = monitor.store["loss"]
    assert len(loss) == 14
    assert loss.steps.tolist() == [20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240, 260, 280]
    assert loss.values.tolist()[9] == 1.965091
    assert set(series(monitor)) == {"loss"}  # no series from the bracket, the settings line is none


def test_the_tutorials_own_print_every_2000_batches():
    lines = "".join(f"[{e},  {b}] loss: {2.3 - e / 10 - b / 100000:.3f}\n" for e in (1, 2) for b in range(2000, 14000, 2000))
    steps = read(lines).store["loss"].steps
    assert len(steps) == 12 and np.all(np.diff(steps) > 0)
    assert steps.tolist()[5:7] == [12000, 14000]


def test_a_second_run_appended_starts_again():
    twice = CIFAR + "[1,    20] loss: 2.301000\n[1,    40] loss: 2.250000\n"
    steps = read(twice).store["loss"].steps.tolist()
    assert steps[-2:] == [20, 40]


def test_the_records_do_not_depend_on_how_the_input_is_cut():
    data = (CIFAR * 3).encode()
    whole = records(data)
    assert len(whole) == 42
    for sizes in ([7], [64, 3], [513]):
        assert records(data, sizes=sizes) == whole
    assert records(data, fast=False) == whole
