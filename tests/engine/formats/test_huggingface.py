import math

from parse_helpers import assert_series, read, read_fixture, steps


def test_hf_4x_dicts_train_eval_and_summary():
    monitor = read_fixture("hf_dict_4x.log")
    assert monitor.format_id == "hf_dict"
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 4, 0.0),
            "grad_norm": ("train", "grad_norm", 4, math.nan),
            "learning_rate": ("train", "lr", 4, 0.00023197796125026934),
            "epoch": ("train", "other", 5, 1.74),
            "eval_loss": ("val", "loss", 1, 0.5432123422622681),
        },
        primary=("loss", "eval_loss"),
    )
    # No step is printed: train dicts are counted, an eval dict sits at the train step before it.
    assert steps(monitor, "loss") == [1, 2, 3, 4]
    assert steps(monitor, "eval_loss") == [2]
    assert monitor.store["loss"].values[2] == 1.2217858750118953e25  # divergence, then the 0.0/nan collapse
    # The end-of-training summary (train_loss is an average over the run) is not a point.
    assert "train_loss" not in monitor.store and "train_runtime" not in monitor.store


def test_hf_5x_quoted_values_and_token_counter():
    monitor = read_fixture("hf_dict_5x.log")
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 2, math.nan),
            "grad_norm": ("train", "grad_norm", 2, math.inf),
            "learning_rate": ("train", "lr", 2, 0.0),
            "epoch": ("train", "other", 3, 2.0),
            "eval_loss": ("val", "loss", 1, 0.5432),
        },
        primary=("loss", "eval_loss"),
    )


def test_hf_dicts_behind_tqdm_frames_and_a_second_run():
    monitor = read_fixture("hf_dict_tqdm.log")
    assert_series(
        monitor,
        {
            "loss": ("train", "loss", 4, 0.0),
            "grad_norm": ("train", "grad_norm", 4, math.nan),
            "learning_rate": ("train", "lr", 4, 0.00023197796125026934),
            "epoch": ("train", "other", 4, 3.47),
        },
        primary=("loss", None),
    )
    # The summary dict ends a run: the next run counts from 1 again, a new segment.
    assert steps(monitor, "loss") == [1, 2, 1, 2]
    assert monitor.store["loss"].segment_starts == [0, 2]


def test_a_printed_dict_with_its_own_step():
    text = "".join(f"{{'step': {s}, 'train_loss': {1 / s}, 'acc': 0.5}}\n" for s in (10, 20, 30))
    monitor = read(text)
    assert steps(monitor, "train_loss") == [10, 20, 30]
    assert monitor.store.primary_train == "train_loss"


def test_a_list_of_one_dict_is_that_dict_and_a_list_of_several_is_an_echo():
    # holdout20d's deepanshus98 notebook ("Zero to GANs" template): "history = [evaluate(model,
    # valid_dl)]" shows the evaluation before training, then fit_one_cycle prints one line an epoch
    text = (
        "[{'val_acc': 0.02591117098927498, 'val_loss': 3.8896164894104004}]\n"
        "Epoch [0],last_lr: 0.00589, train_loss: 1.3628, val_loss: 165.6215, val_acc: 0.0240\n"
        "Epoch [1],last_lr: 0.00994, train_loss: 1.9505, val_loss: 4.8602, val_acc: 0.0447\n"
    )
    monitor = read(text)
    assert list(monitor.store["val_loss"].values) == [3.8896164894104004, 165.6215, 4.8602]
    assert len(monitor.store["train_loss"]) == 2
    # "history" shown after training: its records were read already, none is read again
    echoed = text + "[{'val_loss': 165.6215, 'val_acc': 0.024}, {'val_loss': 4.8602, 'val_acc': 0.0447}]\n"
    assert list(read(echoed).store["val_loss"].values) == [3.8896164894104004, 165.6215, 4.8602]


def test_whisper_trainer_state(real_logs):
    monitor = read((real_logs / "whisper-trainer_state.json").read_bytes())
    assert monitor.format_id == "hf_trainer_state"
    assert_series(
        monitor,
        {
            "epoch": ("train", "other", 205, 38.17),
            "learning_rate": ("train", "lr", 200, 8.88888888888889e-09),
            "loss": ("train", "loss", 200, 0.0002),
            "eval_loss": ("val", "loss", 5, 0.4200145900249481),
            "eval_wer": ("val", "metric", 5, 0.7449365679946583),
        },
        primary=("loss", "eval_loss"),
    )
    assert steps(monitor, "eval_loss") == [1000, 2000, 3000, 4000, 5000]


def test_trainer_state_predict_entries_without_step_take_the_last_step():
    text = """{
  "log_history": [
    {
      "epoch": 0.91,
      "loss": 1.1409,
      "step": 500
    },
    {
      "epoch": 1.0,
      "eval_loss": 0.6597685217857361,
      "eval_rouge-1": 46.5406,
      "step": 549
    },
    {
      "epoch": 1.0,
      "predict_loss": 0.6476863622665405
    },
    {
      "epoch": 10.0,
      "step": 5490,
      "train_loss": 0.4479398911550831,
      "train_runtime": 64358.151
    }
  ]
}
"""
    monitor = read(text)
    assert_series(
        monitor,
        {
            "epoch": ("train", "other", 3, 1.0),
            "loss": ("train", "loss", 1, 1.1409),
            "eval_loss": ("val", "loss", 1, 0.6597685217857361),
            "eval_rouge-1": ("val", "metric", 1, 46.5406),
            "predict_loss": ("test", "loss", 1, 0.6476863622665405),
        },
        primary=("loss", "eval_loss"),
    )
    assert steps(monitor, "predict_loss") == [549]


def test_a_lone_brace_later_in_a_log_is_not_a_trainer_state():
    text = "step=1 loss=0.5 acc=0.1\n{\nstep=2 loss=0.4 acc=0.2\nstep=3 loss=0.3 acc=0.3\n"
    monitor = read(text)
    assert steps(monitor, "loss") == [1, 2, 3]


def _nested_entry(step: int, levels: int) -> str:
    """A log_history entry nested ``levels`` deep (the entry itself is the first level)."""
    return f'{{"loss": 0.5, "step": {step}, "x": ' + "[" * (levels - 1) + "1" + "]" * (levels - 1) + "}"


def test_trainer_state_entries_obey_the_json_depth_cap_of_every_json_path():
    """The cap (MAX_JSON_DEPTH levels, deeper is a bad entry) is the one JSON lines obey: an entry
    nested one level past it is skipped, one at the cap is read, and the entries around are kept."""
    from lossmon.engine.formats.jsonl import MAX_JSON_DEPTH

    entries = [
        '{"loss": 1.0, "step": 1}',
        _nested_entry(2, MAX_JSON_DEPTH),
        _nested_entry(3, MAX_JSON_DEPTH + 1),
        '{"loss": 0.25, "step": 4}',
    ]
    state = '{\n  "log_history": [\n' + ",\n".join("    " + entry for entry in entries) + '\n  ]\n}\n'
    assert steps(read(state), "loss") == [1, 2, 4]
    # the same entries as JSON lines: the same cap
    assert steps(read("\n".join(entries) + "\n"), "loss") == [1, 2, 4]


# st-gcn prints its whole argument dict at every start (tests/corpus/stgcn-kinetics-cpu-nan-restarts)
STGCN_ARGS = (
    "{'work_dir': '.\\\\output\\\\', 'config': 'config/st_gcn/kinetics-skeleton/train.yaml', 'phase': 'train', "
    "'save_result': False, 'start_epoch': 0, 'num_epoch': 50, 'use_gpu': False, 'device': [0, 1, 2, 3], "
    "'log_interval': 100, 'save_interval': 10, 'eval_interval': 5, 'save_log': True, 'print_log': True, "
    "'pavi_log': False, 'feeder': 'feeder.feeder.Feeder', 'num_worker': 4, 'base_lr': 0.1, 'weight_decay': 0.0001}\n"
)


def test_a_printed_dict_of_settings_is_no_record():
    text = "".join(
        STGCN_ARGS + f"[03.24.23|09:56:11] Training epoch: {epoch}\n[03.24.23|09:56:31] \tmean_loss: {loss}\n"
        for epoch, loss in ((0, 6.1), (1, 5.2), (0, 6.0), (1, 5.1))
    )
    monitor = read(text)
    names = {series.name for series in monitor.store}
    assert not names & {"log_interval", "num_epoch", "num_worker", "weight_decay", "base_lr", "start_epoch"}
    assert monitor.store["mean_loss"].values.tolist() == [6.1, 5.2, 6.0, 5.1]
    # a Trainer dict of 5.x (numbers quoted) stays a record
    assert steps(read("{'loss': '2.312', 'grad_norm': 'nan', 'learning_rate': '4.95e-05', 'epoch': '0.01'}\n"), "loss") == [1]


# A Keras history dict per epoch with the run's tags among its numbers ('dataset', 'aggregator_type'),
# each written as one quoted CSV field (tests/corpus/clutchshot-our-kfold-history-dict-lines-prefix).
_TAGGED_HISTORY = (
    "\n"
    "\"{'val_loss': 0.2800858464768734, 'val_acc': 0.8842273180458624, 'loss': 0.4695547721151474, 'acc': 0.7690636, "
    "'val_aupr': 0.9442487663719396, 'val_auc': 0.9535269183752066, 'val_f1': 0.8870384061636639, 'dataset': 'our', "
    "'aggregator_type': 'single', 'kfold': 1, 'epoch_count': 1}\"\n"
    "\"{'val_loss': 0.18324116688841957, 'val_acc': 0.9331206380857427, 'loss': 0.21405291530569082, 'acc': 0.91738456, "
    "'val_aupr': 0.9750054391027827, 'val_auc': 0.9802980957850465, 'val_f1': 0.9341810903096668, 'dataset': 'our', "
    "'aggregator_type': 'single', 'kfold': 1, 'epoch_count': 2}\"\n"
    "\"{'val_loss': 0.16007153071945948, 'val_acc': 0.9475174476570289, 'loss': 0.1438950681903673, 'acc': 0.9491206, "
    "'val_aupr': 0.9798517896600025, 'val_auc': 0.9854017034393854, 'val_f1': 0.9483232545354591, 'dataset': 'our', "
    "'aggregator_type': 'single', 'kfold': 1, 'epoch_count': 3}\"\n"
)


def test_a_metrics_dict_with_a_few_text_tags_is_a_record():
    unquoted = _TAGGED_HISTORY.replace('"', "")  # as print(history) shows them
    store = read(unquoted).store
    assert (store.primary_train, store.primary_val) == ("loss", "val_loss")
    assert store["loss"].values.tolist() == [0.4695547721151474, 0.21405291530569082, 0.1438950681903673]
    assert store["val_loss"].values.tolist() == [0.2800858464768734, 0.18324116688841957, 0.16007153071945948]


def test_a_dict_quoted_as_one_csv_field_is_read_as_the_dict():
    store = read(_TAGGED_HISTORY).store
    assert (store.primary_train, store.primary_val) == ("loss", "val_loss")
    assert steps(read(_TAGGED_HISTORY), "loss") == [1, 2, 3]
    assert store["val_loss"].values.tolist() == [0.2800858464768734, 0.18324116688841957, 0.16007153071945948]
