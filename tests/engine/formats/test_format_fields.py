"""A run that logs its own source first (modded-nanogpt's and OpenAI parameter-golf's train_gpt.py
write the script at the top of their log) prints format strings: "val_loss:{val_loss:.4f}" is a
replacement field, not a val_loss of 0.4. Real lines: AliUraish/parameter-golf
records/track_10min_16mb/2026-03-17_LoRA_TTT/train_v1.txt (lines 1226 and 1350, a log read as an
unseen sample: its val_loss had a value 0.4 at step 0 and two series of the code's names), and
tests/corpus/strip-ai-transfer-learning-md-two-runs (line 354)."""

import pytest
from parse_helpers import read

from lossmon.engine.formats.pairs import message_pairs


@pytest.mark.parametrize(
    "text",
    (
        '                f"step:{step}/{args.iterations} val_loss:{val_loss:.4f} val_bpb:{val_bpb:.4f} "',
        "        f\"final_int8_zlib_roundtrip val_loss:{q_val_loss:.4f} val_bpb:{q_val_bpb:.4f} \"",
        "            print(f'{phase} Loss: {epoch_loss:.4f} Acc: {epoch_acc:.4f}')",
        'logger.info(f"loss:{loss:.3e}")',
    ),
)
def test_a_replacement_field_holds_no_value(text):
    assert message_pairs(text) == []


def test_values_in_braces_stay_values():
    # a logging call that mixes "{}" and "%" styles prints the values in braces
    found = message_pairs("epoch: {1/300}, step: {1/8250}, loss : {1.6534357}, lr : {0.0001000}")
    assert {pair.name: pair.value for pair in found} == {"epoch": 1.0, "step": 1.0, "loss": 1.6534357, "lr": 0.0001}


def test_the_script_at_the_top_of_a_log_gives_no_record():
    log = (
        '            log0(\n'
        '                f"step:{step}/{args.iterations} val_loss:{val_loss:.4f} val_bpb:{val_bpb:.4f} "\n'
        '            )\n'
        # (the log's lines 1435-1437 and 1450)
        "step:0/20000 val_loss:6.9357 val_bpb:4.1077 train_time:0ms step_avg:0.02ms\n"
        "step:1/20000 train_loss:6.9351 train_time:174ms step_avg:173.60ms\n"
        "step:2/20000 train_loss:16.7655 train_time:342ms step_avg:171.16ms\n"
        "step:200/20000 val_loss:2.8495 val_bpb:1.6877 train_time:33975ms step_avg:169.87ms\n"
    )
    assert read(log).store["val_loss"].values.tolist() == [6.9357, 2.8495]
