"""Bare split words beside a loss named as one are a score, not losses (issue 12). PyG's examples
print ``Epoch: 001, Loss: 1.9463, Train: 0.2929, Val: 0.2220, Test: 0.2120`` (gcn.py's log(...)) or
without ``Train``: the accuracies on each split. Read as the validation loss, a rising validation
accuracy was an overfitting alert on a healthy run. Alone (``Train: 0.68 | Val: 0.43``, a
segmentation log's losses) the words keep naming their split's loss."""

import math

from parse_helpers import read

from lossmon.engine import check_file


def _pyg(with_train: bool) -> str:
    lines = []
    for epoch in range(1, 201):
        loss = 1.95 * math.exp(-epoch / 30) + 0.05
        val = 0.2 + 0.6 * (1 - math.exp(-epoch / 25))
        train = f" Train: {min(1.0, val + 0.1):.4f}," if with_train else ""
        lines.append(f"Epoch: {epoch:03d}, Loss: {loss:.4f},{train} Val: {val:.4f}, Test: {val - 0.01:.4f}")
    return "\n".join(lines) + "\n"


def test_pyg_split_accuracies_are_metrics_and_raise_no_overfitting(tmp_path):
    for with_train in (True, False):
        log = tmp_path / f"gcn-{with_train}.log"
        log.write_text(_pyg(with_train))
        monitor = check_file(str(log))
        store = monitor.store
        assert (store.primary_train, store.primary_val) == ("Loss", None)
        assert store["Val"].kind == "metric"
        assert not [finding for finding in monitor.findings if finding.pathology == "overfitting"]


def test_bare_split_words_alone_stay_losses():
    text = "".join(f"Epoch {epoch:03d}/35 | Train: 0.{70 - epoch} | Val: 0.{50 - epoch}\n" for epoch in range(1, 8))
    store = read(text).store
    assert (store.primary_train, store.primary_val) == ("Train", "Val")


def test_bare_split_words_printed_as_percentages_are_scores():
    # Anikethreddy3/Deep-learning resnet34.ipynb (a CIFAR-10 loop, healthy): the minibatch loss,
    # then each epoch's accuracies on the two splits, with a percent sign. Read as the split's
    # losses, the rising validation accuracy was an overfitting alert.
    text = (
        "Epoch: 001/050 | Batch 0000/0175 | Loss: 2.5108\n"
        "Epoch: 001/050 | Batch 0100/0175 | Loss: 2.2927\n"
        "Epoch: 001/050 | Train: 14.97% | Validation: 14.64%\n"
        "Time elapsed: 1.20 min\n"
        "Epoch: 002/050 | Batch 0000/0175 | Loss: 2.2657\n"
        "Epoch: 002/050 | Batch 0100/0175 | Loss: 1.9888\n"
        "Epoch: 002/050 | Train: 24.71% | Validation: 24.76%\n"
        "Time elapsed: 2.39 min\n"
        "Epoch: 003/050 | Batch 0000/0175 | Loss: 1.8510\n"
        "Epoch: 003/050 | Batch 0100/0175 | Loss: 1.6135\n"
        "Epoch: 003/050 | Train: 40.30% | Validation: 40.42%\n"
    )
    store = read(text).store
    assert (store.primary_train, store.primary_val) == ("Loss", None)
    assert store["Train"].kind == store["Validation"].kind == "metric"
    assert list(store["Validation"].values) == [14.64, 24.76, 40.42]
