"""A metric, the step it was measured at, then its value (issue 12): the deeplearning.ai courses
print ``print("Cost after iteration %i: %f" % (i, cost))``, TensorFlow's word2vec tutorial
``print('Average loss at step ', step, ': ', average_loss)``, and countless scripts
``Loss after epoch 3: 0.52``. The step is the number after the step word; the name is the metric's
words; "cost" alone (or qualified by a split) is a loss."""

import pytest
from parse_helpers import read

COSTS = [0.693147, 0.584508, 0.466949, 0.376007, 0.331463]


def test_cost_after_iteration_is_the_loss_at_that_iteration():
    text = "".join(f"Cost after iteration {i * 100}: {cost:f}\n" for i, cost in enumerate(COSTS))
    store = read(text).store
    assert store.primary_train == "Cost"
    assert store["Cost"].values.tolist() == COSTS
    assert store["Cost"].steps.tolist() == [0.0, 100.0, 200.0, 300.0, 400.0]


def test_average_loss_at_step_as_print_spaces_it():
    text = "".join(f"Average loss at step  {step * 2000} :  {loss}\n" for step, loss in enumerate([259.3, 113.9, 52.8, 33.4], 1))
    store = read(text).store
    assert store.primary_train == "Average loss"
    assert store["Average loss"].steps.tolist() == [2000.0, 4000.0, 6000.0, 8000.0]


@pytest.mark.parametrize(
    "shape, name",
    [
        ("Loss after epoch {n}: {v}", "Loss"),
        ("val_loss at epoch {n} = {v}", "val_loss"),
        ("Train loss for epoch {n}: {v}", "Train loss"),
        ("training cost after epoch {n}/10: {v}", "training cost"),
    ],
)
def test_the_metric_keeps_its_words_and_the_epoch_steps_it(shape, name):
    text = "".join(shape.format(n=n, v=0.9 - n / 10) + "\n" for n in range(1, 6))
    series = read(text).store[name]
    assert series.steps.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert series.values.tolist() == pytest.approx([0.8, 0.7, 0.6, 0.5, 0.4])


def test_a_sentence_with_a_function_word_is_no_such_pair():
    text = "".join(f"Saved the model at step {n}00: 0.{n}\n" for n in range(1, 6))
    assert not [series.name for series in read(text).store]


def test_tf1_cost_lines_read_as_the_loss():
    text = "".join(f"Epoch: {epoch:04d} cost= {cost:.9f}\n" for epoch, cost in enumerate(COSTS, 1))
    store = read(text).store
    assert store.primary_train == "cost"
    assert store["cost"].values.tolist() == COSTS
