"""Records never depend on how the input is cut into blocks (issue 19 item 17): the same bytes fed
through the parsing path of check and watch in random block sizes give the same records, and no
input raises. Random and mutated real lines, bounded examples, derandomized (CI)."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import difference, random_log, real_lines, records

_REAL = real_lines()


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.lists(st.integers(1, 400), min_size=1, max_size=6))
def test_random_and_mutated_lines_read_alike_in_any_blocks(seed, sizes):
    data = random_log(random.Random(seed), _REAL, lines=50)
    assert difference(data, sizes) is None


def _regressions() -> dict[str, bytes]:
    """The three classes the audit found, each in a log that teaches templates around it."""
    def steps(lo, hi):
        return "".join(f"step={s} loss={1 / s:.4f} lr=0.001\n" for s in range(lo, hi))

    return {
        "a step beyond float range, then a subnormal one": (
            steps(1, 10) + "step=1e309 loss=0.5 lr=0.001\nstep=1e-320 loss=0.4 lr=0.001\n" + steps(12, 30)
        ).encode(),
        "repeated frames of one record on a line": "".join(
            f"\r{s}%|#| {s}/9 [00:00<00:00]\rstep={s} loss={1 / s:.4f}\r\rstep={s} loss={1 / s:.4f}\n" for s in range(1, 40)
        ).encode(),
        "an exponent that a block boundary could cut": "".join(
            f"step={s} train_loss:1.558164e-0{s % 3 + 1}\n" for s in range(1, 60)
        ).encode(),
        "a different extra key on every line": "".join(
            f"step={s} loss={1 / s:.4f} key_{random.Random(s).randrange(10**6)}={s}\n" for s in range(1, 60)
        ).encode(),
    }


def test_the_audit_cases_read_alike_at_every_block_size():
    for name, data in _regressions().items():
        whole = records(data)
        for size in range(1, 80):
            assert records(data, [size]) == whole, (name, size)


def test_a_number_cut_by_a_block_boundary_is_read_whole():
    data = b"step=1 train_loss:5.423475e-02\nstep=2 train_loss:5.1e-02\nstep=3 train_loss:5.0e-02\n"
    for size in range(1, len(data)):
        found = records(data, [size])
        assert [dict(metrics)["train_loss"] for _, _, metrics in found] == [0.05423475, 0.051, 0.05], size


def test_every_loss_is_read_beside_a_different_key_on_every_line():
    data = _regressions()["a different extra key on every line"]
    losses = [dict(metrics).get("loss") for _, _, metrics in records(data)]
    assert losses == [round(1 / s, 4) for s in range(1, 60)]
