"""A dict of per-epoch lists written one key per row (formats.keyed_lists), from the real rows of
PASSEXAML/source-code-of-VAZIDM output/loss_history.csv (a Keras History written by pandas), cut to
their first values, and the JSON document of columns whose split totals are losses
(kanavdhanda/speech-nlp-2026 logs/loss_history.json, its first three epochs)."""

import pytest
from parse_helpers import read

VAZIDM = (
    'loss,"[0.4492467674224273, 0.09135947830003241, 0.03718453273177147, 0.028747419543240383]"\n'
    'val_loss,"[0.1133420318365097, 0.040852028876543045, 0.030785631388425827, 0.02710135094821453]"\n'
    'lr,"[0.01, 0.01, 0.01, 0.01]"\n'
)


@pytest.mark.parametrize("chunk", [1 << 20, 9])
def test_each_row_is_the_series_its_key_names(chunk):
    monitor = read(VAZIDM, chunk=chunk, path="output/loss_history.csv")
    assert monitor.format_id == "keyed_lists"
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("loss", "val_loss")
    assert monitor.store["val_loss"].values.tolist() == [0.1133420318365097, 0.040852028876543045, 0.030785631388425827,
                                                          0.02710135094821453]
    assert monitor.store["loss"].steps.tolist() == [1, 2, 3, 4]
    assert monitor.store["lr"].kind == "lr"


def test_a_row_keyed_by_something_else_is_no_series():
    assert len(read('ids,"[3, 7, 11]"\nnames,"[1.5, 2.5]"\n', path="splits.csv").store) == 0


SPEECH = """{
  "train_asr": [6.5296985503824, 5.520547800523074, 5.481498802409453],
  "train_kg": [0.5143028186126188, 0.20278167310245535, 0.1607843565749612],
  "train_total": [6.585879486512373, 5.549393286679518, 5.5048531159997625],
  "val_total": [5.623299568891525, 5.543136894702911, 5.554551780223846],
  "phase_boundary": 10
}
"""


def test_split_totals_in_a_document_of_columns_are_its_losses():
    monitor = read(SPEECH, path="logs/loss_history.json")
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train_total", "val_total")
    assert monitor.store["train_total"].kind == "loss" and monitor.store["train_asr"].kind == "other"
