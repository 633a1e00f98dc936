from lossmon.app.badge_board import BadgeBoard
from lossmon.engine.findings import Finding


def _finding(pathology, severity):
    return Finding(pathology, severity, "loss", 10.0, 12, "message")


def test_one_badge_per_seed_pathology_with_its_label():
    labels = [badge.label for badge in BadgeBoard()]
    assert labels == ["EXPLODING", "NaN/Inf", "NOT CONVERGING", "OVERFITTING", "CONTRADICTORY", "PERIODIC", "PLATEAU"]


def test_a_change_of_state_flashes_until_acknowledged():
    board = BadgeBoard()
    assert board.update({}) == [] and not board.flashing
    assert board.update({"nan_or_inf": _finding("nan_or_inf", "alert")}) == ["nan_or_inf"]
    assert board.badges["nan_or_inf"].severity == "alert" and board.flashing
    assert board.update({"nan_or_inf": _finding("nan_or_inf", "alert")}) == []  # same state: no news
    assert board.acknowledge() == 1 and not board.flashing
    assert board.badges["nan_or_inf"].severity == "alert"  # acknowledging never hides the state
    assert board.update({}) == ["nan_or_inf"] and board.badges["nan_or_inf"].flashing  # recovered


def test_pathologies_beyond_the_seeds_get_a_badge_when_they_fire():
    board = BadgeBoard()
    board.update({"grad_explosion": _finding("grad_explosion", "warn")})
    assert board.badges["grad_explosion"].label == "GRAD ↑"


def test_a_pathology_that_fired_and_stopped_is_cleared_with_its_worst_finding():
    board = BadgeBoard()
    warn, info = _finding("exploding_loss", "warn"), _finding("exploding_loss", "info")
    board.update({})
    board.note_history([warn, info])  # a warning, then a milder echo; neither active now
    badge = board.badges["exploding_loss"]
    assert badge.state == "cleared" and badge.cleared is warn
    assert board.badges["plateau"].state is None
    board.update({"exploding_loss": info})
    board.note_history([warn, info])
    assert badge.state == "info" and badge.cleared is None  # active again: not "cleared"
