"""Episodes: the findings of one event make one episode that escalates (engine/episodes.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from lossmon.engine import Monitor
from lossmon.engine.episodes import GAP_POINTS, EpisodeBook
from lossmon.engine.findings import Finding


def finding(pathology, severity, line, series="loss", while_lit=False) -> Finding:
    return Finding(pathology, severity, series, float(line), line, f"{pathology} {severity} at {line}", while_lit=while_lit)


def by_line(series: str, line: int) -> int:
    return line  # one point of every series per line


def shape(book: EpisodeBook) -> list[tuple]:
    return [
        (e.pathology, e.severity, [f.line for f in e.escalations], [f.line for f in e.folded]) for e in book.episodes
    ]


def test_an_escalation_while_the_badge_is_lit_joins_the_episode():
    book = EpisodeBook()
    news = book.take([finding("exploding_loss", "warn", 10)], [], [], by_line)
    news += book.take(
        [finding("exploding_loss", "alert", 13, while_lit=True), finding("exploding_loss", "alert", 900, while_lit=True)],
        [], [], by_line,
    )
    assert shape(book) == [("exploding_loss", "alert", [10, 13], [900])]
    assert [f.line for f in news] == [10, 13]  # the repeat at the same level is no news
    assert [f.escalates for f in book.episodes[0].findings] == [True, True, False]


def test_the_episode_ends_a_gap_after_its_badge_went_dark():
    book = EpisodeBook()
    book.take([finding("exploding_loss", "warn", 10)], [("exploding_loss", "loss", 60)], [], by_line)
    book.take([finding("exploding_loss", "alert", 60 + GAP_POINTS)], [("exploding_loss", "loss", 200)], [], by_line)
    book.take([finding("exploding_loss", "warn", 201 + GAP_POINTS)], [], [], by_line)
    assert shape(book) == [
        ("exploding_loss", "alert", [10, 60 + GAP_POINTS], []),
        ("exploding_loss", "warn", [201 + GAP_POINTS], []),
    ]


def test_follow_on_symptoms_of_an_explosion_are_folded_into_it():
    book = EpisodeBook()
    book.take(
        [
            finding("not_converging", "warn", 80),  # seen first: the loss ramped up
            finding("exploding_loss", "warn", 100),
            finding("overfitting", "alert", 150, series="val_loss"),
            finding("plateau", "info", 160),  # not a symptom of an explosion
        ],
        [("exploding_loss", "loss", 170)],
        [],
        by_line,
    )
    # While its own badge stays lit a folded symptom keeps following the explosion...
    book.take([finding("not_converging", "alert", 400, while_lit=True)], [], [], by_line)
    # ...and once the explosion is over, a new symptom is a pathology of its own.
    book.take([finding("overfitting", "warn", 171 + GAP_POINTS + 500, series="val_loss")], [], [], by_line)
    assert shape(book) == [
        ("exploding_loss", "alert", [100, 150], [80, 400]),
        ("plateau", "info", [160], []),
        ("overfitting", "warn", [771], []),
    ]
    assert book.episodes[0].step == 100  # the explosion opened the event


def test_an_echo_is_folded_into_the_latest_episode_until_it_escalates():
    book = EpisodeBook()
    book.take([finding("exploding_loss", "warn", 10)], [("exploding_loss", "loss", 60)], [], by_line)
    book.take([finding("exploding_loss", "info", 500)], [("exploding_loss", "loss", 550)], [], by_line)
    assert shape(book) == [("exploding_loss", "warn", [10], [500])]
    book.take([finding("exploding_loss", "info", 900), finding("exploding_loss", "info", 901, while_lit=True)], [], [], by_line)
    assert shape(book) == [("exploding_loss", "warn", [10], [500, 900, 901])]
    news = book.take([finding("exploding_loss", "alert", 903, while_lit=True)], [], [], by_line)
    assert shape(book) == [("exploding_loss", "warn", [10], [500]), ("exploding_loss", "alert", [900, 903], [901])]
    assert [f.line for f in news] == [903]


def test_a_new_segment_of_the_series_ends_its_episodes():
    book = EpisodeBook()
    book.take([finding("exploding_loss", "warn", 10)], [], [], by_line)
    book.take([finding("exploding_loss", "warn", 12, while_lit=True)], [], [("loss", 11)], by_line)
    book.take([finding("exploding_loss", "alert", 14, while_lit=True)], [], [], by_line)
    book.restart()
    book.take([finding("exploding_loss", "alert", 3, while_lit=True)], [], [], by_line)
    assert shape(book) == [
        ("exploding_loss", "warn", [10], []),
        ("exploding_loss", "alert", [12, 14], []),
        ("exploding_loss", "alert", [3], []),
    ]


def exploding_run(seed: int = 1, n: int = 4000, at: int = 2500) -> bytes:
    """A JSONL run whose loss ramps up 20x from step ``at`` and stays there (val every 100)."""
    rng = np.random.default_rng(seed)
    steps = np.arange(1, n + 1)
    loss = (0.5 + 2.0 * np.exp(-steps / 300)) * np.exp(0.03 * rng.standard_normal(n))
    loss[at:] *= np.exp(np.minimum((steps[at:] - at) / 40, 3.0))
    lines = []
    for step, value in zip(steps.tolist(), loss.tolist()):
        lines.append(json.dumps({"step": step, "loss": value}))
        if step % 100 == 0:
            val = 0.6 + 2.0 * np.exp(-step / 300) + max(0, step - at) / 200
            lines.append(json.dumps({"step": step, "val_loss": val}))
    return ("\n".join(lines) + "\n").encode()


def episodes_of(data: bytes, cuts: list[int]) -> list[tuple]:
    monitor = Monitor("run.jsonl")
    for a, b in zip([0, *cuts], [*cuts, len(data)]):
        monitor.feed(data[a:b])
    monitor.finish()
    return [
        (e.pathology, e.severity, e.series, [(f.pathology, f.line) for f in e.escalations],
         [(f.pathology, f.line) for f in e.folded])
        for e in monitor.episodes
    ]


def test_an_explosion_is_one_episode_with_its_rules_and_symptoms():
    (episode,) = [e for e in episodes_of(exploding_run(), []) if e[0] == "exploding_loss"]
    pathologies = {p for p, _ in episode[3] + episode[4]}
    assert episode[1] == "alert" and len(episode[3]) + len(episode[4]) >= 3
    assert "not_converging" in pathologies  # tripped by the ramp just before the explosion rules
    assert all(e[0] != "not_converging" for e in episodes_of(exploding_run(), []))


@pytest.mark.parametrize("chunk", [97, 4096, 50_000])
def test_episodes_do_not_depend_on_how_the_input_is_chunked(chunk):
    data = exploding_run(seed=2)
    whole = episodes_of(data, [])
    assert whole
    assert episodes_of(data, list(range(chunk, len(data), chunk))) == whole


def test_episodes_of_a_real_log_do_not_depend_on_chunking(real_logs):
    data = (real_logs / "gpt-lab-diffusion-train.log").read_bytes()
    whole = episodes_of(data, [])
    rng = np.random.default_rng(4)
    cuts = sorted(set(rng.integers(1, len(data), size=300).tolist()))
    assert episodes_of(data, cuts) == whole


def test_a_restarted_file_starts_its_episodes_again():
    data = exploding_run(seed=3)
    monitor = Monitor("run.jsonl")
    monitor.feed(data)
    monitor.restart()  # the file was truncated and written again from line 1
    monitor.feed(data)
    monitor.finish()
    explosions = [e for e in monitor.episodes if e.pathology == "exploding_loss"]
    assert len(explosions) == 2 and explosions[0].ended and not explosions[1].ended
    assert [f.line for f in explosions[0].escalations] == [f.line for f in explosions[1].escalations]


def nan_bursts(gap: int) -> bytes:
    """NaN losses at steps 300 and 300 + gap: the badge goes dark 20 finite points after the
    first, and whether the second is the same episode depends on where that was."""
    lines = []
    for step in range(1, 301 + gap + 200):
        value = "NaN" if step in (300, 300 + gap) else f"{0.5 + 2.0 / step:.5f}"
        lines.append(f'{{"step": {step}, "loss": {value}}}')
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("gap", [110, 119, 121, 140])
@pytest.mark.parametrize("chunk", [50, 333, 4096])
def test_where_a_nan_badge_goes_dark_does_not_depend_on_chunking(gap, chunk):
    data = nan_bursts(gap)
    whole = episodes_of(data, [])
    assert whole and all(e[0] == "nan_or_inf" for e in whole)
    assert episodes_of(data, list(range(chunk, len(data), chunk))) == whole
