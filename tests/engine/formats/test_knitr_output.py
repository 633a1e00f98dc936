"""knitr (R Markdown) chunk output (issue 12): a rendered page prints every line a chunk wrote
after "## ", indented as a code block: ``    ## step = 500: loss = 6.96e-05`` (the TF-Agents DQN
tutorial knitted through reticulate, tests/corpus/gym-fishing-tf-agents-dqn-rmd-md). A line that
opens with its step after "## " is a record; other "## " lines stay what "#" makes them, comments
and headings."""

from parse_helpers import CORPUS, read

from lossmon.engine import check_file

_PAGE = (
    "## Agent\n\n```python\nagent.initialize()\n```\n\n"
    "    ## step = 500: loss = 6.960943574085832e-05\n"
    "    ## step = 1000: loss = 0.0003346058656461537\n"
    "    ## step = 1000: Average Return = 1.7991993427276611\n"
    "    ## step = 1500: loss = 0.0016084250435233116\n"
    "    ## step = 2000: loss = 0.0019489408004283905\n"
    "    ## step = 2000: Average Return = 2.0213441848754883\n"
)


def test_knitr_chunk_output_lines_are_records():
    store = read(_PAGE).store
    assert store.primary_train == "loss"
    assert store["loss"].steps.tolist() == [500.0, 1000.0, 1500.0, 2000.0]
    assert store["loss"].values.tolist()[0] == 6.960943574085832e-05


def test_the_corpus_page_reads_all_282_losses():
    monitor = check_file(str(CORPUS / "gym-fishing-tf-agents-dqn-rmd-md" / "dqn_fishing-v0.md"))
    assert len(monitor.store["loss"]) == 282


def test_commented_settings_stay_comments():
    text = "".join(f"## lr: 0.00{n}\n# loss: 0.{n}\n## batch_size = 3{n}\n" for n in range(1, 6))
    assert not [series.name for series in read(text).store]
