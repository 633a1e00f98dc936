"""A printed dict of settings is no record (issue 12, holdout15c): a FaceX-Zoo style training log
prints its backbone's and head's parameters as dicts at start, once per rank under
torch.distributed, and each key became a constant series of two points. A dict whose keys name no
loss, metric or learning rate counts only once a dict of the same keys changes a value."""

from parse_helpers import read

# Real lines: tests/corpus/cv-teamlab-swin-mv-softmax-face-train-log (licy-gh/cv_teamlab
# log/train_log.log), its lines 9-12 (the two ranks print the same four lines) and its first
# loss lines.
_SETTINGS = (
    "backbone param:\n"
    "{'img_size': 224, 'patch_size': 4, 'in_chans': 3, 'embed_dim': 96, 'depths': [2, 2, 18, 2], 'num_heads': [3, 6, 12, 24], 'window_size': 7, 'mlp_ratio': 4.0, 'drop_rate': 0.0, 'drop_path_rate': 0.3}\n"
    "head param:\n"
    "{'feat_dim': 512, 'num_class': 72778, 'is_am': 1, 'margin': 0.35, 'mv_weight': 1.12, 'scale': 32}\n"
)
_LOSS = (
    "INFO 2022-05-07 17:18:14 train.py: 88] Epoch 0, iter 0/628, lr 0.000000, loss 16.129133\n"
    "INFO 2022-05-07 17:24:09 train.py: 88] Epoch 0, iter 200/628, lr 0.000016, loss 16.014233\n"
    "INFO 2022-05-07 17:30:05 train.py: 88] Epoch 0, iter 400/628, lr 0.000032, loss 14.868338\n"
)


def _names(text: str) -> set[str]:
    return {series.name for series in read(text).store}


def test_settings_dicts_printed_by_each_rank_give_no_series():
    assert _names(_SETTINGS * 2 + _LOSS) == {"Epoch", "lr", "loss"}


def test_a_settings_dict_printed_once_gives_no_series():
    assert _names(_SETTINGS + _LOSS) == {"Epoch", "lr", "loss"}


def test_a_dict_of_such_keys_that_changes_is_a_series_from_its_first_dict():
    head = _SETTINGS.splitlines()[3]
    changed = head.replace("'margin': 0.35", "'margin': 0.4")
    store = read(f"{head}\n{changed}\n{changed.replace('0.4', '0.45')}\n").store
    assert store["margin"].values.tolist() == [0.35, 0.4, 0.45]
    assert len(store["feat_dim"]) == 3
