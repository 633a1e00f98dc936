"""The overlay and the run list on screen: two speedrun-style records of the same track (modded-
nanogpt AdamW and llm.c, ../shared/real-logs) and a diverging demo run."""

import pytest

from lossmon.app.palette import RUN_COLOURS_DARK
from lossmon.app.widgets.chart import ChartView

from .conftest import make_app, wait_loaded
from .screen import screen_text, style_of

SIZES = {"full": (120, 40), "side": (50, 30)}


@pytest.fixture
def three_runs(real_logs, demo_logs):
    return [real_logs / "modded-nanogpt-adamw.log", real_logs / "llmc-main.log", demo_logs / "exploding_loss.log"]


def _chart(app) -> str:
    return app.log_screen.query_one("#main-chart", ChartView).text


def _run_list(app) -> str:
    from lossmon.app.widgets.run_list import RunList

    run_list = app.log_screen.query_one(RunList)
    return "\n".join(run_list.get_option_at_index(i).prompt.plain for i in range(run_list.option_count))


@pytest.mark.parametrize("layout", sorted(SIZES))
async def test_overlay_shows_every_run_in_its_colour_with_a_legend(layout, three_runs, tick_dir):
    app = make_app(*three_runs)
    async with app.run_test(size=SIZES[layout]) as pilot:
        await wait_loaded(app, pilot)
        text = screen_text(app)
        assert "Runs (3)" in text
        rows = _run_list(app)
        assert "a ○ ok modded-nanogpt-adamw.log" in rows and "b ○ ok llmc-main.log" in rows
        assert "c ■ ALERT exploding_loss.log" in rows
        assert "best 3.102 @19559" in rows  # llm.c's best train loss and last step
        assert "o overlay" in text  # the key shows once two runs are open
        await pilot.press("o")
        await wait_loaded(app, pilot)
        chart = _chart(app)
        legend = chart.splitlines()[0]
        assert legend.startswith("a━ ") and "b━ " in legend and "c━ " in legend
        if layout == "full":
            assert "a━ modded-nano… 3.34" in legend and "b━ llmc-main.l… 3.222" in legend and "x step" in legend
        assert "val loss (dashed)" in chart  # the val losses: their own panel
        for index, letter in enumerate("abc"):
            assert style_of(app, f"{letter}━").color.name.lower() == RUN_COLOURS_DARK[index].lower()
        plot = "\n".join(chart.splitlines()[1:])
        assert "a" in plot and "b" in plot and "c" in plot  # each line ends on its run's letter
        assert "Runs (3) overlay" in screen_text(app)
        await pilot.press("o")  # back to the single view of the current run
        await wait_loaded(app, pilot)
        assert not _chart(app).startswith("a━")


async def test_without_colour_runs_are_told_apart_by_letters(three_runs, tick_dir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(*three_runs, ascii=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("o")
        await wait_loaded(app, pilot)
        chart = _chart(app)
        assert chart.startswith("a- ") and "b- " in chart and "c- " in chart
        plot = chart.splitlines()[1:]
        assert all(ord(ch) < 128 for line in plot for ch in line)
        assert any(line.rstrip().endswith("a") or "a" in line[8:] for line in plot)
        assert "c ! ALERT exploding_loss.log" in _run_list(app) or "c !! ALERT exploding_loss.log" in _run_list(app)


async def test_keys_hide_a_run_choose_one_and_pin_a_baseline(three_runs, tick_dir):
    app = make_app(*three_runs)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("o", "r")  # the overlay, then the run list
        await pilot.press("down", "space")  # hide llm.c
        await wait_loaded(app, pilot)
        assert "b━" not in _chart(app).splitlines()[0] and "c━" in _chart(app).splitlines()[0]
        assert "llmc-main.log (hidden)" in _run_list(app)
        await pilot.press("space")  # shown again
        await pilot.press("b")  # pinned as the baseline
        await wait_loaded(app, pilot)
        rows = _run_list(app).splitlines()
        assert rows[3].endswith("baseline")  # llm.c's second line
        assert "never" in rows[1]  # AdamW never reaches llm.c's final val loss (check --compare agrees)
        assert rows[1].split()[-2].startswith("-")  # and is below it (ahead) at step 9,536
        await pilot.press("enter")  # llm.c in the header, badges and checklist
        await wait_loaded(app, pilot)
        assert "llmc-main.log" in screen_text(app).splitlines()[0]
        assert ">b" in _run_list(app)


async def test_baseline_option_pins_a_run_at_start(three_runs, tick_dir):
    app = make_app(*three_runs, baseline=str(three_runs[0]))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        rows = _run_list(app).splitlines()
        assert rows[1].endswith("baseline")
        assert "x" in rows[3].split()[-1]  # llm.c: its speedup to AdamW's final val loss
        speedup = app.runs.table.gaps.result.runs[1].speedup
        assert rows[3].split()[-1] == f"{speedup:.2f}x"


async def test_slash_filters_the_runs(three_runs, tick_dir):
    app = make_app(*three_runs)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("o", "slash")
        await pilot.press(*"*adam*")
        await pilot.press("enter")
        await wait_loaded(app, pilot)
        assert "Runs (1 of 3, /*adam*) overlay" in screen_text(app)
        assert "llmc" not in _run_list(app)
        legend = _chart(app).splitlines()[0]
        assert legend.startswith("a━") and "b━" not in legend and "c━" not in legend


async def test_a_filter_is_text_never_markup(three_runs, tick_dir):
    app = make_app(*three_runs)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("slash", *"[/b]x[12", "enter")
        await wait_loaded(app, pilot)
        assert "Runs (0 of 3, /[/b]x[12)" in screen_text(app)  # an unbalanced tag, shown as typed
        assert app.is_running


async def test_one_run_has_no_run_list_and_no_overlay_key(three_runs, tick_dir):
    app = make_app(three_runs[0])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        text = screen_text(app)
        assert "Runs" not in text and "o overlay" not in text
        await pilot.press("o")
        await wait_loaded(app, pilot)
        assert not _chart(app).startswith("a━")


@pytest.mark.parametrize("layout", sorted(SIZES))
def test_overlay_snapshot(layout, three_runs, tick_dir, snap_compare):
    app = make_app(*three_runs, baseline=str(three_runs[1]))

    async def overlaid(pilot):
        await wait_loaded(app, pilot)
        await pilot.press("o")
        await wait_loaded(app, pilot)

    assert snap_compare(app, terminal_size=SIZES[layout], run_before=overlaid)


async def test_x_cycles_the_axes_some_run_has_and_says_which_runs_lack_it(real_logs, tick_dir):
    # gpt-lab's log counts its training time; llm.c's has steps only: x offers time, never an
    # axis no run has (epoch, tokens), which would leave the chart empty.
    app = make_app(real_logs / "llmc-main.log", real_logs / "gpt-lab-diffusion-train.log")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("o", "x")
        await wait_loaded(app, pilot)
        assert app.view_state.x_axis == "time"
        legend = _chart(app).splitlines()[0]
        assert "x time since first record" in legend and "no time: a" in legend
        await pilot.press("x")
        await wait_loaded(app, pilot)
        assert app.view_state.x_axis == "step" and "x step" in _chart(app).splitlines()[0]


async def test_x_stays_on_step_when_no_run_has_another_axis(three_runs, tick_dir):
    app = make_app(*three_runs)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("o", "x")
        await wait_loaded(app, pilot)
        assert app.view_state.x_axis == "step" and "x step" in _chart(app).splitlines()[0]


async def test_many_runs_draw_the_best_ten_and_say_so(tmp_path, tick_dir):
    from .conftest import trainer_lines, write_log

    paths = []
    for k in range(12):
        (tmp_path / f"seed{k}").mkdir()
        paths.append(write_log(tmp_path / f"seed{k}" / "train.log", trainer_lines(200, seed=k)))
    app = make_app(*paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(app, pilot)
        await pilot.press("o")
        await wait_loaded(app, pilot)
        assert "Runs (12) overlay of the 10 best" in screen_text(app)
        plan = app.runs.overlay_plan(app.views, app.view_state, 200, 40, False)
        assert len({t.tag for t in plan.traces if t.tag}) == 10  # ten runs, by their letters
        assert "seed0" in _run_list(app) and "seed11" in _run_list(app)  # every run is listed
