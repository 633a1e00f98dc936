"""Jupyter notebooks read as the text their code cells printed (engine/notebooks.py).

Fixtures (tests/engine/data), bytes as committed:
- colab-keras-fit-twice: kevincartagenax/streamlit-example @72f940d, ``app`` (a Colab notebook
  saved without an extension): two cells each running ``model.fit(..., epochs=10)``, pip output
  between them;
- colab-keras-fit.ipynb: the same repository @14f2c99, ``Untitled7.ipynb``: one ``fit`` of 10 epochs;
- colab-minified-hf-trainer-no-rows.ipynb: Ravish-Paul/Fine-Tune-BERT @9ad3ae5,
  ``fine_tune_bert.ipynb``: Colab's one-line JSON; a Hugging Face Trainer's HTML progress table
  with no row logged (50 steps, logging every 500), then its ``TrainOutput(...)``.
"""

import json
import os
import re
from pathlib import Path

from lossmon.engine import check_file
from lossmon.engine.monitor import Monitor
from lossmon.engine.notebooks import NotebookText, html_text, is_notebook_head

DATA = Path(__file__).resolve().parent / "data"
TWICE = DATA / "colab-keras-fit-twice"
ONCE = DATA / "colab-keras-fit.ipynb"
MINIFIED = DATA / "colab-minified-hf-trainer-no-rows.ipynb"


def stream_losses(path: Path) -> list[float]:
    """The Keras epoch losses the notebook's stream outputs hold, read with json and a regex."""
    notebook = json.loads(path.read_bytes())
    text = "".join(
        "".join(output.get("text", ""))
        for cell in notebook["cells"]
        for output in cell.get("outputs", ())
        if output.get("output_type") == "stream"
    )
    return [float(value) for value in re.findall(r"step - loss: ([0-9.]+)", text)]


def text_of(notebook: dict) -> str:
    """What the line parsers read of a notebook (a document read whole, to its end)."""
    reader = NotebookText("x.ipynb")
    return (reader.feed(json.dumps(notebook).encode()) + reader.flush()).decode()


def values(monitor: Monitor, name: str) -> list[float]:
    return [float(value) for value in monitor.store[name].values]


def test_a_notebook_saved_without_its_extension_is_known_by_its_first_key_and_read_as_its_outputs():
    monitor = check_file(str(TWICE))
    expected = stream_losses(TWICE)
    assert len(expected) == 20  # two fits of 10 epochs
    assert values(monitor, "loss") == expected
    assert len(monitor.store["accuracy"]) == 20
    assert "execution_count" not in {series.name for series in monitor.store}
    assert monitor.format_id == "keras"


def test_an_ipynb_file_gives_the_records_of_its_fit_with_their_epochs():
    monitor = check_file(str(ONCE))
    assert values(monitor, "loss") == stream_losses(ONCE)
    assert list(monitor.store["loss"].steps) == [250.0 * epoch for epoch in range(1, 11)]  # "250/250" batches


def test_a_trainer_summary_and_an_empty_progress_table_are_no_records():
    """TrainOutput(training_loss=0.279, metrics={'train_loss': 0.279, ...}) is the run's mean
    loss, printed once: no series of one point made of it, nor of the table's header."""
    monitor = check_file(str(MINIFIED))
    assert monitor.records == 0


def test_the_notebook_read_a_byte_at_a_time_gives_the_same_records_as_read_whole():
    data = TWICE.read_bytes()
    monitor = Monitor(str(TWICE))
    for index in range(len(data)):
        monitor.feed(data[index : index + 1])
    monitor.finish()
    assert values(monitor, "loss") == stream_losses(TWICE)


def test_a_notebook_piped_in_is_known_by_its_first_key():
    monitor = Monitor("-")
    monitor.feed(ONCE.read_bytes())
    monitor.finish()
    assert values(monitor, "loss") == stream_losses(ONCE)


def test_jupyters_own_layout_opens_with_cells_and_other_json_is_passed_on_unchanged():
    assert is_notebook_head(b'{\n "cells": [\n  {\n   "cell_type": "code",\n')
    assert is_notebook_head(b'{\n  "nbformat": 4,\n  "nbformat_minor": 0,\n')
    state = b'{\n  "best_metric": null,\n  "log_history": [\n    {\n      "epoch": 0.5,\n      "loss": 2.1,\n'
    lines = b'{"step": 1, "loss": 2.5}\n{"step": 2, "loss": 2.4}\n'
    for data in (state, lines, b"{\n", b"epoch 1 loss 2.5\n"):
        reader = NotebookText("train.log")
        out = b"".join(reader.feed(data[index : index + 1]) for index in range(len(data))) + reader.flush()
        assert out == data and not reader.active


def test_a_notebook_cut_short_gives_the_records_of_its_kept_part():
    """A notebook whose end is missing (a download cut, a partial copy) is no JSON document: the
    strings of its output text lists, one per line as notebooks are written, are read."""
    data = ONCE.read_bytes()
    cut = data.index(b"Epoch 6/10")
    monitor = Monitor(str(ONCE))
    monitor.feed(data[:cut])
    monitor.finish()
    assert values(monitor, "loss") == stream_losses(ONCE)[:5]


def _with_outputs_cut(path: Path, keep_lines: int) -> bytes:
    """The notebook as it was saved while its training cell ran: that cell's stream text only
    ``keep_lines`` lines long."""
    notebook = json.loads(path.read_bytes())
    for cell in notebook["cells"]:
        for output in cell.get("outputs", ()):
            if output.get("output_type") == "stream" and any("step - loss" in line for line in output["text"]):
                output["text"] = output["text"][:keep_lines]
                return json.dumps(notebook, indent=1).encode()
    raise AssertionError("no training output")


def test_a_notebook_saved_again_goes_on_from_what_was_read():
    """Jupyter saves a running notebook whole (an atomic replace); the follower restarts the
    file. The outputs read so far are not read twice."""
    monitor = Monitor(str(ONCE))
    monitor.feed(_with_outputs_cut(ONCE, 6))  # 3 epochs: header and result lines
    assert values(monitor, "loss") == stream_losses(ONCE)[:3]
    monitor.restart()
    monitor.feed(json.dumps(json.loads(ONCE.read_bytes()), indent=1).encode())
    monitor.finish()
    assert values(monitor, "loss") == stream_losses(ONCE)
    assert monitor.segments == 0


def test_a_cell_run_again_adds_its_new_outputs_and_an_unchanged_one_nothing():
    monitor = Monitor(str(TWICE))
    monitor.feed(TWICE.read_bytes())
    monitor.restart()
    notebook = json.loads(TWICE.read_bytes())
    fits = [cell for cell in notebook["cells"] if any("step - loss" in "".join(o.get("text", "")) for o in cell.get("outputs", ()))]
    notebook["cells"].remove(fits[0])  # the first fit's cell deleted, the second's run again:
    notebook["cells"].insert(0, fits[0] | {"outputs": []})  # a cell moved up, with no outputs now
    for output in fits[1]["outputs"]:
        if output.get("output_type") == "stream":
            output["text"] = output["text"][:4]  # its first 2 epochs so far
    monitor.feed(json.dumps(notebook, indent=1).encode())
    monitor.finish()
    assert monitor.segments == 0
    assert values(monitor, "loss") == stream_losses(TWICE) + stream_losses(TWICE)[10:12]


def test_a_notebook_replaced_while_followed_is_read_on_without_duplicates(tmp_path):
    from lossmon.engine.followed import FollowedInput
    from lossmon.engine.sources.tail import FileTail

    path = tmp_path / "train.ipynb"
    path.write_bytes(_with_outputs_cut(ONCE, 6))
    feed = FollowedInput(Monitor(str(path)), FileTail(str(path)))
    while feed.pump(1 << 20):
        pass
    staged = tmp_path / ".~train.ipynb"
    staged.write_bytes(ONCE.read_bytes())
    os.replace(staged, path)  # how Jupyter saves
    for _ in range(3):
        while feed.pump(1 << 20):
            pass
    assert values(feed.monitor, "loss") == stream_losses(ONCE)


def test_a_displays_text_is_its_plain_text_unless_that_only_names_an_object():
    dataframe = {"output_type": "execute_result", "data": {"text/plain": ["   loss\n", "0  0.5\n"], "text/html": ["<table>"]}}
    figure = {"output_type": "display_data", "data": {"text/plain": ["<Figure size 640x480 with 1 Axes>"], "image/png": "iVBOR"}}
    notebook = {"cells": [{"cell_type": "code", "outputs": [dataframe, figure]}, {"cell_type": "markdown", "source": "loss 1"}]}
    assert text_of(notebook) == "   loss\n0  0.5\n"


def test_a_dataframe_that_names_no_loss_is_data_not_the_runs_history():
    # ann-classfication-experiments-ipynb-keras3-fit (tests/corpus): df.head() and the encoded
    # frames of a bank's customers (CreditScore ... Exited; Geography_France ...) before a Keras 3
    # fit; their rows had become series (Female 42, CreditScore, a "\\" column).
    path = Path(__file__).parents[1] / "corpus" / "ann-classfication-experiments-ipynb-keras3-fit" / "experiments.ipynb"
    notebook = json.loads(path.read_bytes())
    frames = [
        output for cell in notebook["cells"] for output in cell.get("outputs", ())
        if 'class="dataframe"' in "".join(output.get("data", {}).get("text/html", ""))
    ]
    assert len(frames) == 7 and "CreditScore" in "".join(frames[0]["data"]["text/plain"])
    assert text_of({"cells": [{"cell_type": "code", "outputs": frames}]}) == ""
    monitor = check_file(str(path))
    assert sorted(monitor.store.series) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    # the same display of a history (its columns name the loss) is read
    history = {"output_type": "execute_result", "data": {
        "text/plain": ["       loss  val_loss\n", "0  0.4445    0.3562\n"],
        "text/html": ['<div>\n<table border="1" class="dataframe">\n<thead>'],
    }}
    assert text_of({"cells": [{"cell_type": "code", "outputs": [history]}]}) == "       loss  val_loss\n0  0.4445    0.3562\n"


def test_a_dict_the_pretty_printer_wrapped_is_one_record():
    # connrlin-nlp-t5-notebook-hf-trainer-dicts (tests/corpus): trainer.evaluate()'s value after
    # trainer.train(), a dict IPython printed a key per line.
    path = Path(__file__).parents[1] / "corpus" / "connrlin-nlp-t5-notebook-hf-trainer-dicts" / "t5.ipynb"
    notebook = json.loads(path.read_bytes())
    result = next(
        output for cell in notebook["cells"] for output in cell.get("outputs", ())
        if output.get("output_type") == "execute_result" and "eval_loss" in "".join(output["data"]["text/plain"])
    )
    plain = "".join(result["data"]["text/plain"])
    assert plain.count("\n") == 9 and plain.startswith("{'eval_loss': 1.3694512844085693,\n 'eval_rouge1'")
    assert text_of({"cells": [{"cell_type": "code", "outputs": [result]}]}) == plain.replace("\n ", " ")
    assert values(check_file(str(path)), "eval_loss")[-2:] == [1.617746114730835, 1.3694512844085693]
    # a display of the same text keeps its lines (a cell's value is what the printer wrapped)
    shown = dict(result, output_type="display_data")
    assert text_of({"cells": [{"cell_type": "code", "outputs": [shown]}]}) == plain


def test_an_html_progress_table_becomes_a_line_per_cell():
    table = json.loads(MINIFIED.read_bytes())
    markup = next(
        "".join(output["data"]["text/html"])
        for cell in table["cells"]
        for output in cell.get("outputs", ())
        if "text/html" in output.get("data", {}) and "<progress" in "".join(output["data"]["text/html"])
    )
    assert html_text(markup).splitlines() == ["[50/50 00:53, Epoch 10/10]", "Step", "Training Loss"]
    assert html_text("<tr><td>500</td> <td>0.6931</td></tr>") == "500\t0.6931\n"  # cells side by side


def test_a_stream_cut_into_outputs_goes_on_with_a_carriage_return_within_its_cell():
    """A frontend saves a stream as outputs cut where its messages were, the other stream's
    output between them (code/model.ipynb of the Monkeypox notebook: Keras 3's last frame on
    stdout, ModelCheckpoint's warning on stderr, then the epoch's final line on stdout)."""
    frame = {"output_type": "stream", "name": "stdout", "text": ["Epoch 1/5\n", "100/100 ━━━━ 0s 1s/step - loss: 0.3763"]}
    warning = {"output_type": "stream", "name": "stderr", "text": ["WARNING:absl:You are saving your model as an HDF5 file\n"]}
    final = {"output_type": "stream", "name": "stdout", "text": ["100/100 ━━━━ 124s 1s/step - loss: 0.3750 - val_loss: 0.0818\n"]}
    frame_2 = {"output_type": "stream", "name": "stdout", "text": ["Epoch 2/5\n", "100/100 ━━━━ 0s 1s/step - loss: 0.0858"]}
    final_2 = {"output_type": "stream", "name": "stdout", "text": ["100/100 ━━━━ 114s 1s/step - loss: 0.0858 - val_loss: 0.0110\n"]}
    cells = [{"cell_type": "code", "outputs": [frame, warning, final, frame_2]}, {"cell_type": "code", "outputs": [final_2]}]
    text = text_of({"cells": cells})
    assert "loss: 0.3763\rWARNING" in text  # the frame is overwritten, as on the terminal
    assert "loss: 0.0858\n100/100 ━━━━ 114s" in text  # (a cell's last output ends its line)


def test_a_version_cut_short_after_a_whole_one_adds_nothing_twice():
    monitor = Monitor(str(ONCE))
    monitor.feed(ONCE.read_bytes())
    monitor.restart()
    data = ONCE.read_bytes()
    monitor.feed(data[: data.index(b"Epoch 6/10")])  # the next save, read while it was written
    monitor.finish()
    assert values(monitor, "loss") == stream_losses(ONCE)


def test_the_same_output_twice_in_one_version_is_read_twice():
    # a cell run again with its seed fixed prints what it printed the first time: two runs
    fit = {"output_type": "stream", "name": "stdout", "text": ["Epoch 1/2\n", "100/100 - 5s - loss: 0.3763\n", "Epoch 2/2\n", "100/100 - 5s - loss: 0.0858\n"]}
    text = text_of({"cells": [{"cell_type": "code", "outputs": [fit]}, {"cell_type": "code", "outputs": [fit]}]})
    assert text.count("loss: 0.3763") == 2
