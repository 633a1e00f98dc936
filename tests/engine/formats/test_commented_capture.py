"""A console capture commented out line by line, pasted into a .py file (issue 12): behind "# ", a
step header alone ("# Step 1000") opens that step's output, and the commented lines right after it
are read (tests/corpus/seq2seq-reverse-words-commented-capture-py, a TensorFlow seq2seq run). Settings
commented out follow no step header and stay comments."""

from parse_helpers import CORPUS, read

from lossmon.engine import check_file

# The file's first two blocks, CRLF as saved.
_CAPTURE = (
    "\r\n# Initialized\r\n"
    "# --------------------------------------------------------------------------------\r\n"
    "# Step 0\r\n# Loss 3.32402\r\n# Batch Accuracy: 2.23\r\n# Validation Accuracy: 6.34\r\n"
    "# Input Test String ['f what are re#']\r\n# Output Prediction['an kn kn kn kn']\r\n"
    "# Actual['f tahw era er#']\r\n"
    "# --------------------------------------------------------------------------------\r\n"
    "# Step 1000\r\n# Loss 2.192434\r\n# Batch Accuracy: 33.37\r\n# Validation Accuracy: 18.51\r\n"
    "# Input Test String ['ilism or anom#']\r\n# Output Prediction['   e e    e c#']\r\n"
    "# Actual['msili ro mona#']\r\n"
)


def test_commented_step_blocks_are_records():
    store = read(_CAPTURE).store
    assert store.primary_train == "Loss"
    assert store["Loss"].steps.tolist() == [0.0, 1000.0]
    assert store["Loss"].values.tolist() == [3.32402, 2.192434]
    assert store["Validation Accuracy"].values.tolist() == [6.34, 18.51]


def test_the_corpus_capture_reads_all_20_losses():
    monitor = check_file(str(CORPUS / "seq2seq-reverse-words-commented-capture-py" / "result.py"))
    assert len(monitor.store["Loss"]) == 20


def test_commented_settings_without_a_step_header_stay_comments():
    text = "# lr: 0.001\n# epochs: 10\n# loss: 0.5\n" + "".join(f"loss {1.0 / n}\n" for n in range(1, 6))
    assert [series.name for series in read(text).store] == ["loss"]
    assert len(read(text).store["loss"]) == 5


def test_a_comment_after_the_block_ends_stays_a_comment():
    text = "# Step 1\n# loss 2.5\nloss 2.0\n# loss: 9.9\n"
    assert read(text).store["loss"].values.tolist() == [2.5, 2.0]
