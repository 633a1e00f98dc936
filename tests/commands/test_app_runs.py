"""`lossmon PATH... --baseline B`: the baseline is one of the app's runs (pinned in its run list)."""

import pytest

from lossmon.commands.app import runs_with_baseline
from lossmon.engine.errors import LossmonError


def test_the_baseline_joins_the_runs_unless_a_path_opens_it(tmp_path):
    runs = tmp_path / "runs"
    for name in ("a", "b"):
        (runs / name).mkdir(parents=True)
        (runs / name / "train.log").write_text("step 1 loss 2.0\n")
    other = tmp_path / "base.log"
    other.write_text("step 1 loss 2.0\n")
    a, b = str(runs / "a" / "train.log"), str(runs / "b" / "train.log")
    assert runs_with_baseline([b], a) == [a, b]
    assert runs_with_baseline([a, b], a) == [a, b]
    assert runs_with_baseline([str(runs / "*" / "train.log")], a) == [str(runs / "*" / "train.log")]
    assert runs_with_baseline([str(runs)], a) == [str(runs)]  # a directory of runs holds it
    assert runs_with_baseline([str(runs)], str(other)) == [str(other), str(runs)]
    assert runs_with_baseline([a], None) == [a]
    with pytest.raises(LossmonError, match="no such file"):
        runs_with_baseline([a], str(tmp_path / "missing.log"))
