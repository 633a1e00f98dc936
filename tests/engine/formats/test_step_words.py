"""One definition of the words that name a line's step (naming.is_step_word, naming.step_unit),
in any case, for every rule of pairs.py that asks: a glued step ("EP3"), a step a line opens with
("100:\\t", "5 train ..."), "After N steps," and "Loss of the epoch: X". Each rule kept its own list
before, spelled in some casings only: "STEP", "Steps", "EP", "Epoch" were a step to one rule and a
name to the next."""

import pytest

from lossmon.engine.formats.pairs import message_pairs
from lossmon.engine.naming import is_step_word, step_unit


def _pairs(text: str) -> list[tuple[str, float]]:
    return [(pair.name, pair.value) for pair in message_pairs(text)]


@pytest.mark.parametrize(
    "word", ["step", "STEP", "Steps", "global_step", "Iter", "ITERS", "ITERATION", "Iterations", "update",
             "Num_Updates", "epoch", "Epoch", "EPOCHS", "EP", "ep", "Época", "ÉPOCA", "Paso", "ШАГ"],
)
def test_a_step_word_in_any_case(word):
    assert is_step_word(word)


@pytest.mark.parametrize("word", ["batch", "Batch", "ROUND", "rounds"])
def test_a_unit_of_a_pass_is_no_step_of_the_run(word):
    assert step_unit(word) == "pass"
    assert not is_step_word(word)


@pytest.mark.parametrize("name", ["loss", "steps_per_second", "epoch_time", "stepper", "deep", "", "x" * 40])
def test_other_names_are_no_step_words(name):
    assert step_unit(name) is None
    assert not is_step_word(name)


def test_what_the_step_words_count():
    assert [step_unit(word) for word in ("Iteration", "EPOCH", "Ep", "BATCH")] == ["step", "epoch", "epoch", "pass"]


def test_a_line_that_prints_its_step_in_capitals_gets_no_glued_step_beside_it():
    # "EP3" before the pairs is the epoch only when the line prints none
    assert _pairs("EP3, EP: 4, loss=0.2") == [("EP", 4.0), ("loss", 0.2)]
    assert _pairs("Epoch3 STEP: 10 loss: 0.5") == [("STEP", 10.0), ("loss", 0.5)]
    assert _pairs("Epoch3 Steps: 10 loss: 0.5") == [("Steps", 10.0), ("loss", 0.5)]
    assert _pairs("Epoch3 loss: 0.5") == [("epoch", 3.0), ("loss", 0.5)]


def test_a_leading_number_is_no_step_beside_a_step_word_in_capitals():
    assert _pairs("5 STEP 10 loss 0.3") == [("STEP", 10.0), ("loss", 0.3)]
    assert _pairs("3 Iters 10 loss 0.4") == [("Iters", 10.0), ("loss", 0.4)]
    assert _pairs("5 train 10.93 val 11.2") == [("step", 5.0), ("train", 10.93), ("val", 11.2)]
    # CatBoost's tab-led step, beside a line's own step in any case
    assert _pairs("100:\tITERATION: 5\tloss: 0.3") == [("ITERATION", 5.0), ("loss", 0.3)]
    assert _pairs("100:\tIter: 5\tloss: 0.3") == [("Iter", 5.0), ("loss", 0.3)]
    assert _pairs("100:\tlearn: 2.2\ttest: 2.1") == [("step", 100.0), ("learn", 2.2), ("test", 2.1)]


def test_after_n_steps_gives_the_step_unless_the_line_prints_one_in_any_case():
    assert _pairs("After 1001 training step(s), loss on training batch is 0.232921.") == [
        ("step", 1001.0), ("loss on training batch", 0.232921)
    ]
    assert _pairs("After 5 epochs, ITER: 7, loss = 0.3") == [("ITER", 7.0), ("loss", 0.3)]
    assert _pairs("After 5 epochs, loss = 0.3") == [("epoch", 5.0), ("loss", 0.3)]


def test_a_metric_of_the_epoch_in_any_case_is_named_by_the_metric():
    assert _pairs("Average Loss of the Epoch: 0.5") == [("Average Loss", 0.5)]
    assert _pairs("Evaluation Loss of the EPOCH:0.0321") == [("Evaluation Loss", 0.0321)]
    assert _pairs("Mean loss over The whole Iteration = 0.4") == [("Mean loss", 0.4)]
    assert _pairs("Average loss for this Batch: 0.52") == [("Average loss", 0.52)]
