import numpy as np

from lossmon.engine.records import Column, RecordBuilder


def test_rows_added_one_by_one_and_as_columns_come_out_in_line_order():
    builder = RecordBuilder()
    builder.add(5, 50.0, {"eval_loss": 0.5}, "hf_dict")
    builder.add_columns(
        np.array([1, 2, 9]), np.array([1.0, 2.0, 9.0]),
        {"loss": Column(np.array([0, 1, 2]), np.array([3.0, 2.0, 1.0])), "acc": Column(np.array([2]), np.array([0.9]))},
        "hf_dict",
    )
    builder.add(7, 70.0, {"loss": 1.5}, "hf_dict")
    batch = builder.build()
    assert batch.lines.tolist() == [1, 2, 5, 7, 9]
    assert batch.steps.tolist() == [1, 2, 50, 70, 9]
    assert batch.columns["loss"].rows.tolist() == [0, 1, 3, 4]
    assert batch.columns["loss"].values.tolist() == [3.0, 2.0, 1.5, 1.0]
    assert batch.columns["acc"].rows.tolist() == [4]
    assert batch.formats == {"hf_dict": 5}
    assert len(builder) == 0


def test_records_added_late_are_put_back_in_line_order():
    builder = RecordBuilder()
    builder.add(9, 3.0, {"loss": 0.3}, "key_value")
    builder.add(1, 1.0, {"loss": 0.5}, "key_value")
    builder.add(5, 2.0, {"loss": 0.4, "acc": 0.1}, "key_value")
    batch = builder.build()
    assert list(batch.records()) == [(1, 1.0, {"loss": 0.5}), (5, 2.0, {"loss": 0.4, "acc": 0.1}), (9, 3.0, {"loss": 0.3})]
