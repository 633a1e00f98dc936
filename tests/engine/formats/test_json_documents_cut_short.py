"""A pretty-printed JSON document of records (trainer_state.json, catboost_training.json) cut short
or still being written (issue 12): every entry whose closing brace arrived is a record, at once,
and each entry is parsed once however the file grows. Lines from tests/corpus
(hf-t5-summarization-demo-trainer-state, hf-mcfed-drl-trainer-state: real files cut inside
``log_history``)."""

import json

import pytest
from parse_helpers import CORPUS, read, steps
from test_catboost_json import CATBOOST_JSON

from lossmon.engine import Monitor
from lossmon.engine.formats import huggingface

T5 = (CORPUS / "hf-t5-summarization-demo-trainer-state" / "trainer_state.json").read_text()
MCFED = (CORPUS / "hf-mcfed-drl-trainer-state" / "trainer_state.json").read_text()


def whole_entries(text: str) -> list[dict]:
    """The entries of a trainer_state cut inside log_history, by closing the JSON after the last
    entry that ends (an oracle independent of the parser)."""
    cut = text.rindex("\n    }")
    return json.loads(text[: cut + len("\n    }")] + "\n  ]\n}")["log_history"]


@pytest.mark.parametrize("text", [T5, MCFED], ids=["t5", "mcfed"])
@pytest.mark.parametrize("chunk", [1 << 20, 4096, 97])
def test_every_whole_entry_of_a_trainer_state_cut_short_is_read(text, chunk):
    entries = whole_entries(text)
    monitor = read(text, chunk=chunk)
    assert monitor.format_id == "hf_trainer_state"
    assert steps(monitor, "loss") == [e["step"] for e in entries if "loss" in e]
    assert monitor.store["loss"].values.tolist() == [e["loss"] for e in entries if "loss" in e]
    evals = [e for e in entries if "eval_loss" in e]
    if evals:  # mcfed evaluates at steps 100 and 200
        assert steps(monitor, "eval_loss") == [e["step"] for e in evals] == [100, 200]


def test_a_growing_trainer_state_gives_each_entry_when_it_closes():
    """Followed while the Trainer writes it: an entry is a record as soon as its brace closes,
    not when the document does (it never does, in a file cut short)."""
    lines = T5.splitlines(keepends=True)[:60]
    monitor = Monitor("trainer_state.json")
    seen = []
    for line in lines:
        monitor.feed(line.encode())
        seen.append(len(monitor.store["loss"]) if "loss" in monitor.store else 0)
    closes = [i for i, line in enumerate(lines) if line.startswith("    }")]
    assert len(closes) == 7
    for k, index in enumerate(closes, start=1):
        assert seen[index] == k and seen[index - 1] == k - 1


def test_a_trainer_state_rewritten_longer_adds_only_its_new_entries():
    """The file read cut short, then rewritten whole with more entries (a checkpoint): the entries
    read already are not added again."""
    short = T5[: T5.index("\n    {", T5.index('"step": 2500')) + 1]
    monitor = Monitor("trainer_state.json")
    monitor.feed(short.encode())
    assert steps(monitor, "loss") == [500, 1000, 1500, 2000, 2500]
    monitor.restart()
    monitor.feed(T5.encode())
    monitor.finish()
    assert steps(monitor, "loss") == [e["step"] for e in whole_entries(T5)]


def test_each_entry_is_parsed_once(monkeypatch):
    """No re-parsing of what was read: the JSON text parsed is about the size of the file."""
    parsed = []
    real_load = huggingface.load_json  # every JSON text the document reader parses
    monkeypatch.setattr(
        huggingface, "load_json", lambda text, wrapped=0: parsed.append(len(text)) or real_load(text, wrapped)
    )
    lines = T5.splitlines(keepends=True)
    monitor = Monitor("trainer_state.json")
    for start in range(0, len(lines), 50):
        monitor.feed("".join(lines[start : start + 50]).encode())
    monitor.finish()
    assert len(monitor.store["loss"]) == 227
    assert sum(parsed) < 1.1 * len(T5)


def test_a_catboost_training_json_cut_short_gives_its_whole_iterations():
    cut = CATBOOST_JSON[: CATBOOST_JSON.index('{"learn":[0.2949418404]')]
    for chunk in (1 << 20, 50):
        monitor = read(cut, chunk=chunk)
        assert steps(monitor, "learn/Logloss") == [0, 1, 2]
        assert monitor.store.primary_val == "test/Logloss"


def test_a_first_line_brace_that_opens_no_json_leaves_the_log_to_the_other_formats():
    text = "{\nstep=1 loss=0.5 acc=0.1\nstep=2 loss=0.4 acc=0.2\nstep=3 loss=0.3 acc=0.3\n"
    assert steps(read(text), "loss") == [1, 2, 3]


DQN = (CORPUS / "dqn-rl-training-stats-json-losses-prefix" / "training_stats.json").read_text()


@pytest.mark.parametrize("chunk", [1 << 20, 4096])
def test_a_document_cut_inside_a_top_level_list_of_values_keeps_the_values_it_has(chunk):
    """shiroonigami23-ui/dqn-rl-project logs/training_stats.json, its first 1792 lines: config,
    episode_rewards, episode_lengths, then "losses": [ cut after 1529 values, no closing bracket."""
    losses = [float(value) for value in DQN.split('"losses": [', 1)[1].replace(",", " ").split()]
    monitor = read(DQN, chunk=chunk, path="training_stats.json")
    assert monitor.store.primary_train == "losses"
    assert list(monitor.store["losses"].values) == losses and len(losses) == 1529
    assert len(monitor.store["episode_rewards"]) == 120


CS336 = (CORPUS / "cs336-basics-metrics-json-records-prefix" / "metrics.json").read_text()


@pytest.mark.parametrize("chunk", [1 << 20, 4096])
def test_a_document_cut_inside_an_entry_of_its_record_list_keeps_the_entrys_whole_lines(chunk):
    """A record list's last entry cut after its "train/loss" line (the corpus keeps this metrics.json
    as a prefix): that entry's values are the values it has (grep counts 37 "train/loss" lines)."""
    monitor = read(CS336, chunk=chunk, path="metrics.json")
    assert len(monitor.store["train/loss"]) == CS336.count('"train/loss"') == 37
    assert monitor.store["train/loss"].values[-1] == 1.0550258159637451


def test_a_one_line_list_of_records_cut_short_gives_its_whole_entries():
    # playground-hf-log-history-json-one-line-prefix: a Trainer's log_history dumped with
    # json.dump on one line with no line end, kept as its first 39,876 bytes (the list left open
    # after the record at step 3040). Oracle: close the list after the last whole record.
    text = (CORPUS / "playground-hf-log-history-json-one-line-prefix" / "log_history.json").read_text()
    assert "\n" not in text and not text.rstrip().endswith("]")
    entries = json.loads(text + "]")
    monitor = read(text)
    assert len(entries) == 304
    assert steps(monitor, "loss") == [e["step"] for e in entries]
    assert monitor.store["loss"].values.tolist() == [e["loss"] for e in entries]
    # cut inside its last record: the records before it
    monitor = read(text[: text.rindex('"step"')])
    assert steps(monitor, "loss") == [e["step"] for e in entries[:-1]]


def test_a_line_that_opens_with_a_bracket_but_holds_no_json_is_left_to_the_other_formats():
    assert huggingface.whole_entries('[INFO] epoch 1 loss 0.5') == []


def test_a_one_line_list_of_numbers_cut_short_gives_nothing():
    # a value cut inside its digits still parses as a number: no value is better than a wrong one
    assert huggingface.whole_entries("[0.6931, 0.6523, 0.61") == []
    assert huggingface.whole_entries('[{"loss": 1.0, "step": 1}, 0.5') == [{"loss": 1.0, "step": 1}]
