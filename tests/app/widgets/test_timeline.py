"""The timeline lists events (episodes), as `lossmon check` does: one row per event that grows
with it, not one row per finding."""

from textual.app import App, ComposeResult

from lossmon.app.widgets.timeline import Timeline
from lossmon.engine.episodes import EpisodeBook
from lossmon.engine.findings import Finding


class _Host(App):
    def compose(self) -> ComposeResult:
        yield Timeline()


def _place(book: EpisodeBook, *findings: Finding) -> None:
    book.take(list(findings), [], [], lambda series, line: line)


def _prompts(timeline: Timeline) -> list[str]:
    return [str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count)]


async def test_an_event_that_escalates_is_one_row_that_shows_its_escalations():
    book = EpisodeBook()
    spike = Finding("exploding_loss", "warn", "loss", 100.0, 100, "loss 40 is 28x above its running level")
    stays = Finding("exploding_loss", "alert", "loss", 102.0, 102, "still up", while_lit=True)
    again = Finding("exploding_loss", "alert", "loss", 103.0, 103, "runaway", while_lit=True)
    nan = Finding("nan_or_inf", "alert", "grad_norm", 300.0, 300, "grad_norm is nan")
    app = _Host()
    async with app.run_test() as pilot:
        timeline = app.query_one(Timeline)
        log = object()
        findings = [spike]
        _place(book, spike)
        timeline.show(findings, log)
        assert timeline.option_count == 1 and timeline.events == 1
        assert "warn" not in _prompts(timeline)[0].split("loss")[-1]  # no escalation yet
        _place(book, stays, again)
        findings += [stays, again]
        timeline.show(findings, log)
        await pilot.pause()
        assert timeline.option_count == 1  # the same event, its row redrawn
        row = _prompts(timeline)[0]
        assert "100" in row and "warn→alert" in row and "+1" in row  # the repeat is folded in
        _place(book, nan)
        findings.append(nan)
        timeline.show(findings, log)
        assert timeline.events == 2 and "300" in _prompts(timeline)[1]
        timeline.highlighted = 0
        assert timeline.chosen_finding is spike  # choosing the event goes to where it began
        timeline.show(findings, object())  # another log: built again, the same rows
        assert timeline.events == 2 and "warn→alert" in _prompts(timeline)[0]


async def test_a_symptom_listed_before_its_cause_joins_the_cause_row():
    book = EpisodeBook()
    symptom = Finding("not_converging", "warn", "loss", 50.0, 50, "bounces")
    cause = Finding("exploding_loss", "alert", "loss", 60.0, 60, "runaway")
    app = _Host()
    async with app.run_test():
        timeline = app.query_one(Timeline)
        log = object()
        _place(book, symptom)
        timeline.show([symptom], log)
        assert timeline.events == 1
        _place(book, cause)
        timeline.show([symptom, cause], log)
        assert timeline.events == 1 and len(book.episodes) == 1
        row = _prompts(timeline)[0]
        assert "EXPLODING" in row and "NOT CONVERGING" not in row and "+1" in row
