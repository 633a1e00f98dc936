from parse_helpers import assert_series, read, read_fixture, steps


def test_torchtune_jsonl():
    monitor = read_fixture("torchtune.jsonl")
    assert monitor.format_id == "jsonl"
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 2, 1.1),
            "lr": ("train", "lr", 2, 2e-05),
            "tokens_per_second_per_gpu": ("train", "other", 2, 1234.0),
        },
        primary=("loss", None),
    )


def test_llama_factory_trainer_log():
    monitor = read_fixture("trainer_log.jsonl")
    assert monitor.format_id == "llamafactory"
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 2, 1.1345),
            "lr": ("train", "lr", 2, 4.98e-05),
            "epoch": ("train", "other", 3, 0.06),
            "eval_loss": ("val", "loss", 1, 1.3),
        },
        primary=("loss", "eval_loss"),
    )
    assert steps(monitor, "loss") == [10, 20]


def test_python_json_nan_nested_objects_and_string_numbers():
    text = (
        '{"step": 1, "train": {"loss": 2.5}, "val": {"loss": "2.7"}, "note": "warmup"}\n'
        '{"step": 2, "train": {"loss": NaN}, "val": {"loss": Infinity}}\n'
    )
    monitor = read(text)
    assert_series(
        monitor,
        {"train/loss": ("train", "loss", 2, float("nan")), "val/loss": ("val", "loss", 2, float("inf"))},
        primary=("train/loss", "val/loss"),
    )
    assert steps(monitor, "val/loss") == [1, 2]


# EarnMore / ElegantRL-style logger (Flying932/oldEarnMore train_log.txt, lines 1-2 cut to their
# first keys): each key's values are appended to a list and dumped one episode per line.
EARNMORE = (
    '{"episode": [1], "train_obj_critics": ["5112179.857790"], "train_obj_actors": ["14.134051"], '
    '"train_act_lr": ["0.000000"], "train_rep_losses": ["4.657190"], "train_beta_losses": ["0.712195"], '
    '"val_SR_env0": ["1.101123"]}\n'
    '{"episode": [2], "train_obj_critics": ["7640794.075893"], "train_obj_actors": ["14.909338"], '
    '"train_act_lr": ["0.000000"], "train_rep_losses": ["4.674828"], "train_beta_losses": ["0.714186"], '
    '"val_SR_env0": ["0.979253"]}\n'
)


def test_one_element_lists_of_numeric_strings_are_values_and_the_episode_is_the_step():
    monitor = read(EARNMORE)
    assert monitor.format_id == "jsonl"
    assert_series(
        monitor,
        {
            "train_obj_critics": ("train", "other", 2, 7640794.075893),
            "train_obj_actors": ("train", "other", 2, 14.909338),
            "train_act_lr": ("train", "lr", 2, 0.0),
            "train_rep_losses": ("train", "loss", 2, 4.674828),
            "train_beta_losses": ("train", "loss", 2, 0.714186),
            "val_SR_env0": ("val", "other", 2, 0.979253),
        },
        primary=("train_rep_losses", None),
    )
    assert steps(monitor, "train_rep_losses") == [1, 2]


def test_a_list_of_several_values_or_of_text_is_not_a_value():
    # Which value of a longer list is the metric is not said (a param group's lr, per-class
    # scores); a list of words is no number.
    text = (
        '{"step": 1, "loss": 2.5, "lr": [0.001, 0.0001], "acc": [["0.5"]], "tag": ["warmup"]}\n'
        '{"step": 2, "loss": 2.4, "lr": [], "acc": [true], "tag": [null]}\n'
    )
    assert_series(read(text), {"loss": ("train", "loss", 2, 2.4)}, primary=("loss", None))
