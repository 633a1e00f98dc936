import csv
import math

from tests.commands.test_check import lossmon


def test_export_writes_every_point_as_step_series_value(real_logs, tmp_path):
    out = tmp_path / "whisper.csv"
    result = lossmon("export", str(real_logs / "whisper-trainer_state.json"), "--csv", str(out))
    assert result.returncode == 0
    with out.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["step", "series", "value"]
    eval_loss = [(int(r["step"]), float(r["value"])) for r in rows if r["series"] == "eval_loss"]
    assert eval_loss[0] == (1000, 0.320997953414917) and len(eval_loss) == 5
    assert sum(r["series"] == "loss" for r in rows) == 200


def test_export_keeps_non_finite_values_readable(tmp_path):
    log = tmp_path / "train.log"
    log.write_text("s:0 trl:2.5\ns:1 trl:nan\ns:2 trl:inf\n")
    result = lossmon("export", str(log), "--csv", "-")
    rows = list(csv.reader(result.stdout.decode().splitlines()))
    values = [float(r[2]) for r in rows[1:]]
    assert values[0] == 2.5 and math.isnan(values[1]) and values[2] == math.inf


def test_export_to_an_unwritable_place_is_a_clear_error(real_logs):
    result = lossmon("export", str(real_logs / "llmc-main.log"), "--csv", "/no/such/dir/out.csv")
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and b"Traceback" not in result.stderr
