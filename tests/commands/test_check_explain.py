"""`lossmon check --explain`: what a user reads when a log is not read."""

import json
import shlex

from lossmon.cli import main


def test_explain_text_names_format_series_and_skipped_lines(real_logs, capsys):
    assert main(["check", "--explain", str(real_logs / "gpt-lab-diffusion-train.log")]) == 0
    out = capsys.readouterr().out
    assert "modded_nanogpt: lines 5,723-12,891, 7,159 records" in out
    assert "train_loss" in out and "first at line 5,724: step:1/20000 train_loss:" in out
    assert "3,478 traceback lines" in out
    assert "26 not understood (0.2% of the non-blank lines)" in out
    assert "8x  Validating on # tokens (# steps with # batch size)" in out
    assert "verdict:" in out  # the usual report follows


def test_suggested_pattern_reads_the_lines_it_was_made_for(tmp_path, capsys):
    # nanoGPT's lines (tests/engine/formats/data/nanogpt.log) read as if the log were Megatron's:
    # nothing is understood, and the suggestion must read every iter line when used.
    lines = [f"iter {k * 10}: loss {10 - k * 0.1:.4f}, time 1537.05ms, mfu 14.52%" for k in range(30)]
    log = tmp_path / "train.log"
    log.write_text("\n".join(lines) + "\n")
    assert main(["check", "--explain", "--format", "megatron", str(log)]) == 0
    out = capsys.readouterr().out
    assert "30 not understood (100.0% of the non-blank lines)" in out
    suggestion = next(line for line in out.splitlines() if "try: lossmon check --pattern" in line)
    pattern = shlex.split(suggestion.split("try: ", 1)[1])[3]
    main(["check", "--json", "--pattern", pattern, str(log)])
    report = json.loads(capsys.readouterr().out)["files"][0]
    counts = {s["name"]: s["count"] for s in report["series"]}
    assert counts["loss"] == 30


def test_explain_json_classes_add_up(real_logs, capsys):
    main(["check", "--json", "--explain", str(real_logs / "slm-lightning-metrics.csv")])
    summary = json.loads(capsys.readouterr().out)["files"][0]
    explained = summary["explain"]
    assert sum(explained["classes"].values()) == explained["lines"] == summary["lines"]
    assert {s["name"] for s in explained["series"]} == {s["name"] for s in summary["series"]}


def test_explain_does_not_go_with_markdown(real_logs, capsys):
    assert main(["check", "--explain", "--markdown", str(real_logs / "llmc-main.log")]) == 2
    assert "--explain" in capsys.readouterr().err


def test_explain_works_on_every_corpus_log(capsys):
    """Every real log of tests/corpus: --explain answers, and its classes account for every line."""
    from pathlib import Path

    corpus = Path(__file__).parents[1] / "corpus"
    logs = [label.parent / json.loads(label.read_text())["file"] for label in sorted(corpus.glob("*/label.json"))]
    assert len(logs) >= 80
    for log in logs:
        code = main(["check", "--json", "--explain", str(log)])
        summary = json.loads(capsys.readouterr().out)["files"][0]
        explained = summary["explain"]
        assert code in (0, 1), log
        assert sum(explained["classes"].values()) == explained["lines"] == summary["lines"], log


def test_explain_says_how_many_lines_a_parser_failed_on(tmp_path, monkeypatch, capsys):
    from lossmon.engine.formats.generic import KeyValueParser

    original = KeyValueParser.parse

    def fragile(self, text, line, out):
        if "boom" in text:
            raise RuntimeError("a parser bug on this line")
        return original(self, text, line, out)

    monkeypatch.setattr(KeyValueParser, "parse", fragile)
    log = tmp_path / "train.log"
    log.write_text("".join(f"step={s} loss={1 / s:.6f}{' boom=1' if s in (3, 9) else ''}\n" for s in range(1, 40)))
    assert main(["check", "--explain", str(log)]) == 0
    assert "2 lines a parser failed on were skipped" in capsys.readouterr().out
    main(["check", "--json", "--explain", str(log)])
    assert json.loads(capsys.readouterr().out)["files"][0]["explain"]["line_errors"] == 2


def test_explain_says_how_many_echoed_values_were_counted_once(tmp_path, capsys):
    # a logging line and its console echo (tests/corpus/cfm-rich-console-wrapped-dup)
    log = tmp_path / "train.log"
    log.write_text(
        "2026-01-14 09:24:27,736 INFO train_cfm: train step=20/6000 loss=11.2183 addr=10.6184 gen=0.5874\n"
        "step 20/6000 loss=11.2183 addr=10.6184 gen=0.5874\n"
        "2026-01-14 09:24:29,541 INFO train_cfm: train step=40/6000 loss=6.7465 addr=6.6748 gen=0.0717\n"
        "step 40/6000 loss=6.7465 addr=6.6748 gen=0.0717\n"
        "2026-01-14 09:24:31,326 INFO train_cfm: train step=60/6000 loss=6.6148 addr=6.5729 gen=0.0294\n"
        "step 60/6000 loss=6.6148 addr=6.5729 gen=0.0294\n"
    )
    main(["check", "--json", "--explain", str(log)])
    summary = json.loads(capsys.readouterr().out)["files"][0]
    assert summary["explain"]["echoes"] == 9  # loss, addr and gen of 3 echo lines
    assert summary["explain"]["line_errors"] == 0
    assert main(["check", "--explain", str(log)]) == 0
    assert "9 values printed again by a second statement were counted once" in capsys.readouterr().out


def test_explain_says_a_notebook_was_read_as_its_outputs_text(capsys):
    from pathlib import Path

    notebook = Path(__file__).resolve().parents[1] / "engine" / "data" / "colab-keras-fit.ipynb"
    assert main(["check", "--explain", str(notebook)]) == 0
    out = capsys.readouterr().out
    assert "notebook  read as the text its code cells printed" in out
    assert "keras: lines 91-109, 10 records" in out
    assert "execution_count" not in out
