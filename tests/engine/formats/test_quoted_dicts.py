"""A dict or JSON object printed after its step (issue 12): accelerate's examples print
``accelerator.print(f"epoch {epoch}:", eval_metric)``, i.e. ``epoch 0: {'accuracy': 0.81, 'f1':
0.87}``, and scripts write ``Epoch 3 {"train_loss": 0.41, "val_loss": 0.52}``. The prefix keeps the
dict and JSON formats from taking the line; its quoted keys name the values. A pretty-printed config
(one quoted key a line) and a run's closing summary (``eval_results= {...}``, no step) give nothing."""

from parse_helpers import read


def test_an_accelerate_epoch_metrics_line_is_read_at_its_epoch():
    # accelerate examples/nlp_example.py on MRPC (values as it prints them)
    text = (
        "epoch 0: {'accuracy': 0.7916666666666666, 'f1': 0.8605341246290802}\n"
        "epoch 1: {'accuracy': 0.8406862745098039, 'f1': 0.8873483535528596}\n"
        "epoch 2: {'accuracy': 0.8480392156862745, 'f1': 0.8938356164383562}\n"
    )
    store = read(text).store
    assert store["accuracy"].values.tolist() == [0.7916666666666666, 0.8406862745098039, 0.8480392156862745]
    assert store["f1"].steps.tolist() == [0.0, 1.0, 2.0]


def test_a_json_object_after_the_epoch_gives_train_and_val_losses():
    text = "".join(f'Epoch {epoch} {{"train_loss": 0.{9 - epoch}1, "val_loss": 0.{9 - epoch}7}}\n' for epoch in range(1, 6))
    store = read(text).store
    assert (store.primary_train, store.primary_val) == ("train_loss", "val_loss")
    assert store["train_loss"].values.tolist() == [0.81, 0.71, 0.61, 0.51, 0.41]
    assert store["val_loss"].steps.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0]


def test_a_pretty_printed_config_body_gives_no_series():
    config = '{\n  "attn_pdrop": 0.1,\n  "n_embd": 768,\n  "vocab_size": 30000\n}\n'
    text = config * 3 + "".join(f"step {step} loss {2 - step / 10}\n" for step in range(5))
    assert [series.name for series in read(text).store] == ["loss"]


def test_a_closing_summary_dict_repeats_no_point():
    text = "".join(f"epoch {epoch}: {{'eval_loss': 0.{9 - epoch}, 'eval_f1': 0.9{epoch}}}\n" for epoch in range(4))
    text += "eval_results= {'eval_loss': 0.6, 'eval_f1': 0.93, 'eval_runtime': 1.0068}\n"
    assert read(text).store["eval_loss"].values.tolist() == [0.9, 0.8, 0.7, 0.6]


# PaddleDetection 0.x (edencfc/LearningPaddle's Cascade R-CNN notebook, tests/corpus/learningpaddle-
# cascadercnn-notebook-md-ppdet-iter-log): the stats dict's items printed without its braces after
# the iteration, keys and values quoted.
_PPDET_ITER_LINES = (
    "2020-06-12 00:53:41,892-INFO: iter: 0, lr: 0.000025, 'loss_cls_0': '3.181895', 'loss_loc_0': '0.063791', "
    "'loss_cls_1': '1.590563', 'loss_loc_1': '0.018472', 'loss_cls_2': '0.765304', 'loss_loc_2': '0.000000', "
    "'loss_rpn_cls': '0.832550', 'loss_rpn_bbox': '0.277769', 'loss': '6.730345', time: 0.000, eta: 0:00:08\n"
    "2020-06-12 01:01:21,904-INFO: iter: 200, lr: 0.000070, 'loss_cls_0': '0.206687', 'loss_loc_0': '0.038784', "
    "'loss_cls_1': '0.033679', 'loss_loc_1': '0.014171', 'loss_cls_2': '0.004816', 'loss_loc_2': '0.000749', "
    "'loss_rpn_cls': '0.283969', 'loss_rpn_bbox': '0.185311', 'loss': '0.804258', time: 2.328, eta: 7 days, 6:28:13\n"
)


def test_dict_items_without_braces_after_the_step_are_read():
    store = read(_PPDET_ITER_LINES).store
    assert store.primary_train == "loss"
    assert store["loss"].steps.tolist() == [0.0, 200.0]
    assert store["loss"].values.tolist() == [6.730345, 0.804258]
    assert store["loss_rpn_cls"].values.tolist() == [0.832550, 0.283969]


def test_one_quoted_item_after_a_step_is_no_dict():
    text = "".join(f"step: {n}, loss: 0.{9 - n}, 'note': '{n}'\n" for n in range(1, 5))
    assert sorted(series.name for series in read(text).store) == ["loss"]
