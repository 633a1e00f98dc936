"""`lossmon check --plot`: a text chart of the primary losses, drawn by plotext."""

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
