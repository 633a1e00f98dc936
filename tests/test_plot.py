"""`lossmon check --plot`: a text chart of the primary losses, drawn by plotext."""

import re

from lossmon.engine import check_file
from lossmon.plot import loss_chart
from tests.commands.test_check import lossmon


def test_chart_shows_both_losses_on_a_log_axis_when_the_loss_collapses(real_logs):
    chart = loss_chart(check_file(str(real_logs / "gpt-lab-diffusion-train.log")), width=100, height=22)
    lines = chart.splitlines()
    assert "train_loss" in chart and "val_loss" in chart
    assert "\x1b" not in chart and len(lines) == 22 and max(map(len, lines)) <= 100
    # 10.8 → 0.005 spans three decades: log ticks, evenly spaced in ratio (10.826, 3.393, 1.064 …).
    ticks = [float(line.split("┤")[0]) for line in lines if "┤" in line]
    ratios = [a / b for a, b in zip(ticks, ticks[1:])]
    assert max(ratios) / min(ratios) < 1.1 and ratios[0] > 2


def test_no_chart_without_a_loss(tmp_path):
    log = tmp_path / "acc.log"
    log.write_text("".join(f"step={i} acc={i / 10}\n" for i in range(5)))
    assert loss_chart(check_file(str(log))) is None


def test_check_plot_in_text_and_markdown(real_logs):
    path = str(real_logs / "whisper-trainer_state.json")
    text = lossmon("check", "--plot", path).stdout.decode()
    assert "eval_loss" in text and "step (lines: warnings and alerts)" in text
    markdown = lossmon("check", "--plot", "--markdown", path).stdout.decode()
    assert "```text\n" in markdown and markdown.count("```") == 2
    refused = lossmon("check", "--plot", "--json", path)
    assert refused.returncode == 2 and b"--json" in refused.stderr


def _y_labels(chart: str) -> list[str]:
    return [line.split("┤")[0].strip() for line in chart.splitlines() if "┤" in line]


def _x_labels(chart: str) -> list[str]:
    lines = chart.splitlines()
    under = [i + 1 for i, line in enumerate(lines) if "└" in line]
    return lines[under[-1]].split()


def test_a_squeezed_val_loss_gets_its_own_panel_with_its_findings(real_logs):
    # whisper: train loss 0.3 -> 1e-4 on a log axis, eval_loss 0.32 -> 0.42: on one axis the
    # overfitting eval_loss was a flat line in the top row.
    chart = loss_chart(check_file(str(real_logs / "whisper-trainer_state.json")), width=100, height=30)
    panels = chart.split("└")
    assert len(panels) == 3  # two plot frames
    assert "eval_loss" in panels[1] and "eval_loss" not in panels[0]
    lower = [float(label) for label in _y_labels(panels[1] + "└")]
    assert lower and min(lower) >= 0.3 and max(lower) <= 0.45 and len(lower) >= 3  # its own scale
    assert "│" in panels[1].split("\n", 2)[2]  # the overfitting marks are drawn on the eval panel


def test_legend_glyphs_differ_and_ticks_are_round(real_logs):
    chart = loss_chart(check_file(str(real_logs / "gpt-lab-diffusion-train.log")), width=100, height=22)
    glyphs = dict((name, glyph) for glyph, name in re.findall(r"[│┤] (\S+) (train_loss|val_loss)", chart))
    assert len(glyphs) == 2 and glyphs["train_loss"] != glyphs["val_loss"]  # told apart without colour
    for label in _y_labels(chart) + _x_labels(chart):
        assert len(label) <= 5 and label.rstrip("k").replace(".", "").isdigit()  # 0.1, 2k: never 1268.8
        assert float(label.rstrip("k")) in {0, 0.1, 1, 10, 2, 4, 6, 8, 100, 0.01}


def test_huge_values_and_a_nan_last_value(tmp_path, capsys):
    log = tmp_path / "huge.log"
    log.write_text("step 1 loss 1.0\nstep 2 loss 2.0\nstep 3 loss 1e308\nstep 4 loss 1.0\nstep 5 loss nan\n")
    chart = loss_chart(check_file(str(log)), width=80, height=20)
    labels = _y_labels(chart)
    assert labels and all(len(label) <= 6 for label in labels)  # 1e248, never 1e+280T
    assert "T" not in "".join(labels) and "+" not in "".join(labels)
    markdown = lossmon("check", "--markdown", str(log)).stdout.decode()
    assert "`loss`: last nan," in markdown
