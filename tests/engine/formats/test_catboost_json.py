"""CatBoost's own training log, catboost_info/catboost_training.json (lines from
tests/corpus/catboost-training-json-churn-auc-logloss), read by the JSON document parser."""

from parse_helpers import read, steps

CATBOOST_JSON = (
    '{\n'
    '"meta":{"test_sets":["test"],"test_metrics":[{"best_value":"Max","name":"AUC"},{"best_value":"Min","name":"Logloss"}],"learn_metrics":[{"best_value":"Min","name":"Logloss"}],"launch_mode":"Train","parameters":"","iteration_count":300,"learn_sets":["learn"],"name":"experiment"},\n'
    '"iterations":[\n'
    '{"learn":[0.5862293424],"iteration":0,"passed_time":0.03837036009,"remaining_time":11.47273767,"test":[0.8928920869,0.5868185289]},\n'
    '{"learn":[0.5106931468],"iteration":1,"passed_time":0.07652560052,"remaining_time":11.40231448,"test":[0.8966102804,0.5115767998]},\n'
    '{"learn":[0.4607240513],"iteration":2,"passed_time":0.1199387568,"remaining_time":11.87393692,"test":[0.9004136268,0.4619237933]},\n'
    '{"learn":[0.2949418404],"iteration":299,"passed_time":13.68650024,"remaining_time":0,"test":[0.914286719,0.3010198029]}\n'
    ']}'
)


def test_catboost_training_json_series_per_set_and_metric():
    for chunk in (1 << 20, 50):
        monitor = read(CATBOOST_JSON, chunk=chunk)
        store = monitor.store
        assert (store.primary_train, store.primary_val) == ("learn/Logloss", "test/Logloss")
        assert steps(monitor, "learn/Logloss") == [0, 1, 2, 299]
        assert store["test/AUC"].values.tolist() == [0.8928920869, 0.8966102804, 0.9004136268, 0.914286719]
        assert store["test/AUC"].kind == "metric"
        assert store["learn/Logloss"].lines.tolist() == [4, 5, 6, 7]  # each iteration's own line


def test_the_objective_is_the_loss_whatever_its_name():
    rmse = CATBOOST_JSON.replace('"name":"Logloss"', '"name":"RMSE"')
    store = read(rmse).store
    assert store.primary_train == "learn/RMSE" and store["learn/RMSE"].kind == "loss"
    assert store.primary_val == "test/RMSE"
