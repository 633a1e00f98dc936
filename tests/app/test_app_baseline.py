"""The app with a baseline (`lossmon --baseline PATH ...`): its findings reach the timeline like
the others, and nothing breaks on findings that belong to no episode."""

from lossmon.app.widgets.timeline import Timeline
from lossmon.engine import Monitor
from lossmon.engine.baseline import Baseline, with_baseline

from .conftest import make_app, wait_loaded


async def test_baseline_findings_are_in_the_timeline(real_logs, tick_dir):
    baseline = Baseline.read(str(real_logs / "modded-nanogpt-adamw.log"))
    app = make_app(real_logs / "llmc-main.log", tick_dir=tick_dir, make_monitor=with_baseline(Monitor, baseline))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot, timeout=120)
        await pilot.pause()
        timeline = app.query_one(Timeline)
        prompts = [str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count)]
        assert any("BASELINE" in prompt and "17750" in prompt for prompt in prompts), prompts  # reached
        assert any("BASELINE" in prompt and "9536" in prompt for prompt in prompts), prompts  # behind
