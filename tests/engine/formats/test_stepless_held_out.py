"""A log that prints no step (issue 12): its records are numbered by a count of its training
records, so a held-out value printed after a training value lands at that value's x, not one
further along a count shared by every series. Real lines: tests/corpus/simgnn-training-loss-
model-test-error-500-epochs (SimGNN: "Training Loss: 0.1345", "Model evaluation.", "Model test
error: 0.61342", once per epoch, no epoch number anywhere).
"""

import pytest
from parse_helpers import CORPUS, read, steps

SIMGNN = CORPUS / "simgnn-training-loss-model-test-error-500-epochs" / "training.log"

EPOCHS = (
    "Model training.\n\n"
    "Training Loss: 0.1345\n\n\nModel evaluation.\n\n\nModel test error: 0.61342\n"
    "Training Loss: 0.1092\n\n\nModel evaluation.\n\n\nModel test error: 0.47339\n"
    "Training Loss: 0.1051\n\n\nModel evaluation.\n\n\nModel test error: 0.49806\n"
    "Training Loss: 0.1009\n\n\nModel evaluation.\n\n\nModel test error: 0.45965\n"
    "Training Loss: 0.0983\n\n\nModel evaluation.\n\n\nModel test error: 0.45943\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 29))
def test_a_held_out_value_is_at_the_x_of_the_training_value_before_it(chunk):
    monitor = read(EPOCHS, chunk=chunk)
    assert steps(monitor, "Training Loss") == [1, 2, 3, 4, 5]
    assert steps(monitor, "Model test error") == [1, 2, 3, 4, 5]
    assert monitor.store.primary_val == "Model test error"


def test_the_corpus_log_pairs_every_epoch_on_one_x():
    monitor = read(SIMGNN.read_bytes())
    train, test = steps(monitor, "Training Loss"), steps(monitor, "Model test error")
    assert train == list(range(1, 501))
    assert test[:500] == train  # (and the final evaluation after training, at the last epoch)
    assert test[500:] == [500]
