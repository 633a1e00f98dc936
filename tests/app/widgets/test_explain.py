"""The app says when lines of the log went unread, and `e` shows what was read and skipped."""

from __future__ import annotations

from lossmon.app.widgets.explain import ExplainScreen

from ..conftest import make_app, trainer_lines, wait_loaded, write_log
from ..screen import screen_text

# Lines of ../shared/real-logs/gpt-lab-diffusion-train.log (AkramjitS/gpt-lab-diffusion) that carry
# numbers but no metric: lossmon reads nothing from them, and nothing was lost.
NOISE = [
    "Validating on 40960 tokens (10 steps with 4096 batch size)",
    "Saved checkpoint to experiments/20250530_144815_ModdedGPT/state_step002000.pt",
]
# A line that names a metric which lossmon does not read (tests/corpus/bilstm-cn-lm-epoch-loss-resumed).
METRIC_UNREAD = "test accuracy: 20.78%, (512570/2466133)"


def _mixed_log(tmp_path, extra):
    lines = []
    for k, line in enumerate(trainer_lines(200)):
        lines.append(line)
        if k % 10 == 9:
            lines.extend(extra)
    return write_log(tmp_path / "train.log", lines)


async def test_the_header_says_lines_were_not_understood_and_e_shows_them(tmp_path, tick_dir):
    app = make_app(_mixed_log(tmp_path, NOISE + [METRIC_UNREAD]), tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        header = "\n".join(screen_text(app).splitlines()[:3])
        assert "23% of lines not understood: e" in header, header  # 60 of 264 lines
        await pilot.press("e")
        assert isinstance(app.screen, ExplainScreen)
        await pilot.pause()
        text = screen_text(app)
        assert "What lossmon read" in text
        assert "not understood, by shape" in text
        assert "test accuracy: #%, (#/#)" in text
        assert "Validating on # tokens (# steps with # batch size)" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, ExplainScreen)


async def test_unread_lines_without_a_metric_leave_the_header_quiet_and_e_lists_them(tmp_path, tick_dir):
    """Banners, checkpoint notes and model summaries around records read whole are not a reason to
    warn: the header stays quiet, and `e` still shows them."""
    app = make_app(_mixed_log(tmp_path, NOISE), tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert "not understood" not in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert "Validating on # tokens (# steps with # batch size)" in screen_text(app)


async def test_a_log_read_whole_says_nothing_of_unread_lines(healthy_log, tick_dir):
    app = make_app(healthy_log, tick_dir=tick_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        assert "not understood" not in screen_text(app)
