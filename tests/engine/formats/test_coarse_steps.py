"""One step axis per log (issue 12): an epoch is coarser than the iterations a log prints, and a
recap names an earlier point. Real lines: tests/corpus/e2dtc-trajectory-clustering-negative-loss-
acc-falls (E2DTC: 'Iteration: N\\tLoss: ...' every 100 iterations, 'Epoch N\\tAcc: ...' clustering
scores between them, 'Best Epoch N\\tAcc: ...' at the end of a job, then the job resumed).
"""

import pytest
from parse_helpers import CORPUS, read, steps

E2DTC = CORPUS / "e2dtc-trajectory-clustering-negative-loss-acc-falls" / "slurm.out"

LINES = (
    "epoch =  20\n"
    "tolerance =  0.0001\n"
    "=> Epoch starts at 0 and will end at 19\n"
    "Epoch 0\tAcc: 0.9127\tnmi: 0.8619\tari: 0.8221\n"
    "Iteration: 0\tLoss: 50.137\tRc Loss: 50.038\tKL Loss: 0.985\tTriplet Loss: 0.0000\n"
    "Iteration: 100\tLoss: 15.949\tRc Loss: 15.865\tKL Loss: 0.832\tTriplet Loss: 0.0000\n"
    "Iteration: 200\tLoss: 8.701\tRc Loss: 8.607\tKL Loss: 0.939\tTriplet Loss: 0.0020\n"
    "Iteration: 300\tLoss: 3.601\tRc Loss: 3.513\tKL Loss: 0.878\tTriplet Loss: 0.0093\n"
    "Epoch 1\tAcc: 0.8973\tnmi: 0.8367\tari: 0.7900\n"
    "Iteration: 400\tLoss: 1.364\tRc Loss: 1.303\tKL Loss: 0.580\tTriplet Loss: 0.0231\n"
    "Iteration: 500\tLoss: 1.102\tRc Loss: 1.048\tKL Loss: 0.521\tTriplet Loss: 0.0181\n"
    "Iteration: 600\tLoss: 0.296\tRc Loss: 0.243\tKL Loss: 0.514\tTriplet Loss: 0.0092\n"
    "Epoch 2\tAcc: 0.9046\tnmi: 0.8450\tari: 0.8048\n"
    "Iteration: 700\tLoss: -0.048\tRc Loss: -0.086\tKL Loss: 0.385\tTriplet Loss: 0.0043\n"
    "=================\n"
    "Best Epoch 0\tAcc: 0.9127\tnmi: 0.8619\tari: 0.8221\n"
    "epoch =  20\n"
    "tolerance =  0.0001\n"
    "Epoch 3\tAcc: 0.9034\tnmi: 0.8431\tari: 0.8020\n"
    "Iteration: 800\tLoss: -0.538\tRc Loss: -0.582\tKL Loss: 0.437\tTriplet Loss: 0.0089\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 41))
def test_epoch_lines_among_iterations_stay_at_the_last_iteration(chunk):
    monitor = read(LINES, chunk=chunk)
    assert steps(monitor, "Loss") == [0, 100, 200, 300, 400, 500, 600, 700, 800]
    # epoch 0 comes before any iteration; then each epoch's scores follow its last iteration
    assert steps(monitor, "Acc") == [0, 300, 600, 700]
    assert monitor.store["Acc"].values.tolist() == [0.9127, 0.8973, 0.9046, 0.9034]  # "Best Epoch 0" adds none
    assert "tolerance" not in monitor.store  # the argument dump printed again at the restart


def test_the_whole_e2dtc_capture_is_one_run():
    monitor = read(E2DTC.read_bytes())
    loss, acc = steps(monitor, "Loss"), steps(monitor, "Acc")
    assert loss == [100.0 * i for i in range(41)]
    assert len(acc) == 12 and acc == sorted(acc) and acc[-1] <= loss[-1]
    assert monitor.store["Acc"].values.tolist()[-1] == 0.8786
    assert {s.name for s in monitor.store} == {"Loss", "Rc Loss", "KL Loss", "Triplet Loss", "Epoch", "Acc", "nmi", "ari"}
