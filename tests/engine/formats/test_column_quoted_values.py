"""A list of values printed as Python prints a list of strings (issue 12, holdout15b): the losses
were taken from a log's text and kept as text, then the list written whole, ``['0.7705', '0.5631',
...]``. Each quoted number is a value, as it is unquoted (``[0.5557070970535278, ...]``,
greasebig/cifar10res18losscurse train_loss.txt) and as quoted numbers are in a JavaScript dump of a
log history (test_documents_in_scripts). Real lines: tests/corpus/nlp-bert-loss-txt-python-list
(MathewCrespo/NLP_BERT log/loss.txt: one line, 120 quoted losses, no newline at its end).
Before, a quote after the bracket was no array of values and the file read nothing."""

import pytest
from parse_helpers import CORPUS, records, steps
from test_column import read_as

QUOTED = (CORPUS / "nlp-bert-loss-txt-python-list" / "loss.txt").read_bytes()
CHUNKS = (1 << 20, 37)


@pytest.mark.parametrize("chunk", CHUNKS)
def test_a_list_of_quoted_numbers_is_the_series_the_file_names(chunk):
    monitor = read_as("log/loss.txt", QUOTED, chunk)
    assert monitor.format_id == "value_arrays"
    assert {series.name for series in monitor.store} == {"loss"}
    loss = monitor.store["loss"]
    assert len(loss) == QUOTED.count(b"'") // 2 == 120
    assert loss.values.tolist()[:3] == [0.7705, 0.5631, 0.4812]
    assert steps(monitor, "loss")[:3] == [1, 2, 3]
    assert records(QUOTED, fast=True) == records(QUOTED, fast=False)


def test_double_quotes_too():
    monitor = read_as("loss.txt", '["0.7705", "0.5631", "0.4812"]')
    assert monitor.store["loss"].values.tolist() == [0.7705, 0.5631, 0.4812]


@pytest.mark.parametrize(
    "text",
    [
        "['0.7705', 'epoch 2', '0.4812']",  # a quoted word: no list of values
        "['0.7705\", '0.5631', '0.4812']",  # quotes that do not pair
        "['train', 'val', 'test']",
    ],
)
def test_quoted_text_that_is_no_number_is_no_array(text):
    assert len(read_as("loss.txt", text).store) == 0


def test_in_a_file_named_otherwise_a_quoted_list_is_no_series():
    assert len(read_as("log/words.txt", QUOTED).store) == 0
