"""A UTF-16 log (Windows PowerShell's ``>`` redirect writes UTF-16LE with a byte-order mark) is
read as the UTF-8 it stands for (issue 12: a whole Ultralytics run in such a file gave nothing),
however its bytes are cut into reads, and the bar glyphs PowerShell misread through the console's
code page are mended."""

import codecs

import pytest

from lossmon.engine import check_file
from lossmon.engine.transcoding import Utf16Transcoder, mend_mojibake
from tests.engine.formats.parse_helpers import CORPUS, read

_RUN = "".join(
    f"\x1b[K      {epoch}/100         0G      {3.35 - epoch / 50:.4g}      5.818      4.334         30        320: 100% "
    f"ÔöüÔöüÔöüÔöüÔöüÔöü 1/1 1.5it/s 0.7s\r\n"
    "\x1b[K                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95): 100% "
    "ÔöüÔöüÔöüÔöüÔöüÔöü 1/1 2.1it/s 0.5s\r\n"
    "                   all          4         17          0          0          0          0\r\n"
    for epoch in range(1, 9)
)
_LOG = (
    "\x1b[34m\x1b[1moptimizer:\x1b[0m AdamW(lr=0.000119, momentum=0.9) with parameter groups 103 weight(decay=0.0)\r\n"
    "      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size\r\n" + _RUN
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
@pytest.mark.parametrize("chunk", [1 << 20, 1, 3, 7])
def test_a_utf16_log_reads_as_its_text(encoding, chunk):
    data = _LOG.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    store = read(data, chunk=chunk).store
    # (each epoch's validation row "all 4 17 0 0 0 0" is read too: formats/yolo_console_val_rows.py)
    validation = ["metrics/precision(B)", "metrics/recall(B)", "metrics/mAP50(B)", "metrics/mAP50-95(B)"]
    assert [series.name for series in store] == ["GPU_mem", "box_loss", "cls_loss", "dfl_loss", "Instances", *validation]
    assert store["box_loss"].values.tolist() == [round(3.35 - epoch / 50, 4) for epoch in range(1, 9)]
    assert store["box_loss"].steps.tolist() == [float(epoch) for epoch in range(1, 9)]
    assert store["metrics/mAP50(B)"].steps.tolist() == store["box_loss"].steps.tolist()


def test_the_corpus_powershell_capture_reads_its_hundred_epochs():
    monitor = check_file(str(CORPUS / "yolo-miniproj-utf16-train-output" / "train_output.txt"))
    assert len(monitor.store["box_loss"]) == 100
    assert [series.name for series in monitor.store if not series.name.isascii()] == []


def test_misread_bar_glyphs_are_mended_and_real_text_is_not():
    assert mend_mojibake("100% ÔöüÔöüÔöü 1/1") == "100% ━━━ 1/1"  # cp850
    assert mend_mojibake("100% ΓöüΓöüΓöü 1/1") == "100% ━━━ 1/1"  # cp437
    assert mend_mojibake(" 50%|ÔûêÔûêÔûê   |") == " 50%|███   |"
    for text in ("época 3 pérdida: 0.25", "训练损失：0.52", "naïve café ü", "━━ done"):
        assert mend_mojibake(text) == text


def test_a_stream_without_a_byte_order_mark_passes_unchanged():
    transcoder = Utf16Transcoder()
    pieces = [transcoder.feed(piece) for piece in (b"\xff", b"x loss=1\n", b"\xff\xfe")] + [transcoder.flush()]
    assert b"".join(pieces) == b"\xffx loss=1\n\xff\xfe"
    assert not transcoder.active


@pytest.mark.parametrize("chunk", [1 << 20, 1, 2])
def test_a_utf8_byte_order_mark_is_no_text(chunk):
    # pandas' to_csv(encoding="utf-8-sig"), Notepad: the header was "\ufeffepoch", no header at all
    csv = b"\xef\xbb\xbfepoch,train_loss,val_loss\n1,0.9,0.95\n2,0.8,0.85\n3,0.7,0.8\n4,0.6,0.75\n"
    store = read(csv, chunk=chunk).store
    assert (store.primary_train, store.primary_val) == ("train_loss", "val_loss")
    assert store["train_loss"].values.tolist() == [0.9, 0.8, 0.7, 0.6]
    lines = read(b"\xef\xbb\xbfstep 1 loss 0.9\nstep 2 loss 0.8\nstep 3 loss 0.7\n", chunk=chunk).store
    assert lines["loss"].steps.tolist() == [1.0, 2.0, 3.0]


def test_no_scan_workers_read_a_utf16_file(tmp_path, monkeypatch):
    # their byte offsets would cut its characters: the monitor reads it alone, whole
    from lossmon.engine import Monitor, history
    from lossmon.engine.scan_workers import MIN_BYTES

    started = []

    def no_workers(path, *args, **kwargs):
        started.append(path)
        raise RuntimeError("not started in this test")  # (scan_ahead reads the log alone then)

    monkeypatch.setattr(history, "ScanWorkers", no_workers)
    monkeypatch.setenv("LOSSMON_SCAN_WORKERS", "2")
    lines = "".join(f"step {step} loss {1 + (step * 7919 % 100003) / 100003:.7f}\r\n" for step in range(MIN_BYTES // 24))
    plain, wide = tmp_path / "plain.log", tmp_path / "ps.log"
    plain.write_text(lines)
    wide.write_bytes(lines.encode("utf-16"))
    history.read_to_end(Monitor(str(plain)), str(plain))
    assert started == [str(plain)]  # (a plain file this big gets them)
    monitor = history.read_to_end(Monitor(str(wide)), str(wide))
    assert started == [str(plain)]
    assert len(monitor.store["loss"]) == MIN_BYTES // 24
