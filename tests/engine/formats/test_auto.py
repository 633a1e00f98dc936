from parse_helpers import read, steps

from lossmon.engine.formats import FORMATS, FORMATS_BY_ID, detect


def test_every_format_detects_its_own_example():
    for fmt in FORMATS:
        if fmt.id in ("key_value", "hf_trainer_state"):
            continue  # the fallback has no anchor; the trainer state is a whole-file document
        example = fmt.example.split("\\n")[0]
        from lossmon.engine.formats.prefixes import strip_prefix

        # (on line 1: a format found there only, as a one-column file, must be found there)
        assert detect(strip_prefix(example) if fmt.strip_prefix else example, line=1) is fmt, fmt.id


def test_anchored_formats_only_match_at_the_start():
    from lossmon.engine.formats.prefixes import strip_prefix

    for fmt in FORMATS:
        if fmt.anchored and fmt.id not in ("key_value", "hf_trainer_state"):
            example = fmt.example.split("\\n")[0]
            example = strip_prefix(example) if fmt.strip_prefix else example
            assert detect("# " + example, line=1) is not fmt, fmt.id


def test_format_ids_are_unique():
    assert len(FORMATS_BY_ID) == len(FORMATS)


def test_a_resumed_job_with_another_trainer_is_redetected():
    text = (
        "iter 0: loss 10.9, time 95.8ms, mfu -100.00%\n"
        "iter 10: loss 9.5, time 95.8ms, mfu 1.00%\n"
        "{'loss': 2.3, 'grad_norm': 3.4, 'learning_rate': 5e-05, 'epoch': 0.01}\n"
        "{'loss': 2.2, 'grad_norm': 3.3, 'learning_rate': 5e-05, 'epoch': 0.02}\n"
        " iteration      100/  500000 | lm loss: 7.012345E+00 | grad norm: 1.234 |\n"
    )
    monitor = read(text)
    assert monitor.parser.record_counts == {"nanogpt": 2, "hf_dict": 2, "megatron": 1}
    assert steps(monitor, "loss") == [0, 10, 1, 2]  # a new segment where the HF run starts
    assert monitor.store["loss"].segment_starts == [0, 2]
    assert steps(monitor, "lm loss") == [100]


def test_forced_format_reads_only_that_format():
    text = "s:0 trl:11.0 lr:0.1 norm:1.0\nstep=1 loss=0.5 acc=0.1\nstep=2 loss=0.4 acc=0.2\nstep=3 loss=0.3 acc=0.3\n"
    monitor = read(text, format_id="llmc_main_log")
    assert [s.name for s in monitor.store] == ["trl", "lr", "norm"]
    assert monitor.format_id == "llmc_main_log"


def test_weird_lines_between_metrics():
    data = (
        b"step=1 loss=0.5 acc=0.1\n"
        b"[bold]not markup[/bold] \x1b]0;title\x07 \x00\x07 loss=\n"
        b"Traceback (most recent call last):\n    loss = compute(x)  # loss=1.0\n"
        b"step=2 loss=0.4 acc=0.2\n\xff\xfe broken utf-8 \xc3\n"
        b"step=3 loss=0.3 acc=0.3"  # no final newline: read at the end of the file
    )
    monitor = read(data)
    assert steps(monitor, "loss") == [1, 2, 3]
    assert monitor.lines == 7
