"""loguru's default format puts "{name}:{function}:{line} - " between the level and the message
(``2025-11-06 17:39:09.918 | INFO     | __main__:_log_metrics:8 - iter=0000 ...``): that source
location is logging prefix, never a series named after the function with the line number as value."""

from parse_helpers import read

from lossmon.engine.formats.prefixes import strip_prefix

# Real lines: torchrl-ppo-hppo-mac-loguru-restarts (tests/corpus), and the HelloDeepSpeed run of
# deepspeed-hellobert-loguru-rank0-loss.
_TORCHRL = [
    "2025-11-06 17:39:09.918 | INFO     | __main__:_log_metrics:8 - iter=0000 reward=-217.7891 ESS=0.1216 "
    "clip_fraction=0.9453 entropy=0.1596 explained_variance=0.3810 kl_approx=2.5288 loss_critic=1074.0421 "
    "loss_entropy=-0.0016 loss_objective=0.1051",
    "2025-11-06 17:39:13.889 | INFO     | __main__:_log_metrics:8 - iter=0001 reward=-235.2426 ESS=0.9779 "
    "clip_fraction=0.0625 entropy=0.1047 explained_variance=0.9434 kl_approx=0.0269 loss_critic=2487.9539 "
    "loss_entropy=-0.0010 loss_objective=0.0096",
    "2025-11-06 17:39:25.418 | INFO     | __main__:_log_metrics:8 - iter=0002 reward=-255.1968 ESS=0.7493 "
    "clip_fraction=0.2578 entropy=0.9821 explained_variance=0.9573 kl_approx=inf loss_critic=870.5132 "
    "loss_entropy=-0.0098 loss_objective=0.3203",
]


def test_the_source_location_is_prefix():
    assert strip_prefix(_TORCHRL[0]).startswith("iter=0000 reward=-217.7891")
    line = "2023-08-02 00:41:07.043 | INFO     | __main__:log_dist:54 - [Rank 0] Creating Experiment Directory"
    assert strip_prefix(line) == "Creating Experiment Directory"  # DeepSpeed's [Rank 0] is prefix too


def test_no_series_from_the_function_and_line():
    monitor = read("\n".join(_TORCHRL) + "\n")
    names = {s.name for s in monitor.store}
    assert "_log_metrics" not in names
    assert monitor.store["loss_critic"].values.tolist() == [1074.0421, 2487.9539, 870.5132]
    assert monitor.store["loss_critic"].steps.tolist() == [0, 1, 2]


def test_a_loguru_prefix_changes_nothing_a_plain_log_reads():
    plain = [line.split(" - ", 1)[1] for line in _TORCHRL]
    prefixed = [f"2024-05-01 12:00:0{i}.123 | INFO     | train:main:42 - {line}" for i, line in enumerate(plain)]
    a, b = read("\n".join(plain) + "\n"), read("\n".join(prefixed) + "\n")
    assert {s.name for s in a.store} == {s.name for s in b.store}
    for series in a.store:
        assert b.store[series.name].values.tolist() == series.values.tolist()


def test_a_counter_before_a_dash_is_not_taken_for_a_source_location():
    # one field and a number ("step:10 - ") is no loguru location: it stays in the message
    monitor = read("".join(f"step:{i * 10} - loss 2.{i}\n" for i in range(1, 5)))
    assert monitor.store["loss"].steps.tolist() == [10, 20, 30, 40]
