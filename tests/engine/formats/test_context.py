"""Context carried across lines (issue 12, class 3): one metric per line under a step header, and
logging prefixes whose host name and source location are never metrics."""

from parse_helpers import read

# Real lines: AntonioLopardo/OLMo @f2d90249 training.log (steps 1-4 of 8 kept by the corpus).
_OLMO = [
    '2025-12-12 11:05:02.009\tquick-rain-shines-fin-03:0\tolmo.train:979\tINFO\t[step=1/15000,epoch=0]',
    '    optim/total_grad_norm=0.2370',
    '    train/CrossEntropyLoss=2.998',
    '    train/Perplexity=20.04',
    '    throughput/total_tokens=2,097,152',
    '    throughput/total_training_Gflops=19,049,038',
    '    throughput/total_training_log_Gflops=16.76',
    '    System/Peak GPU Memory (MB)=111,477',
    '2025-12-12 11:05:05.850\tquick-rain-shines-fin-03:0\tolmo.train:979\tINFO\t[step=2/15000,epoch=0]',
    '    optim/total_grad_norm=0.2051',
    '    train/CrossEntropyLoss=2.919',
    '    train/Perplexity=18.52',
    '    throughput/total_tokens=4,194,304',
    '    throughput/total_training_Gflops=38,098,077',
    '    throughput/total_training_log_Gflops=17.46',
    '    throughput/device/tokens_per_second=68,289',
    '    throughput/device/batches_per_second=0.2605',
    '    System/Peak GPU Memory (MB)=111,478',
    '2025-12-12 11:05:09.701\tquick-rain-shines-fin-03:0\tolmo.train:979\tINFO\t[step=3/15000,epoch=0]',
    '    optim/total_grad_norm=0.1769',
    '    train/CrossEntropyLoss=3.022',
    '    train/Perplexity=20.52',
    '    throughput/total_tokens=6,291,456',
    '    throughput/total_training_Gflops=57,147,116',
    '    throughput/total_training_log_Gflops=17.86',
    '    throughput/device/tokens_per_second=68,170',
    '    throughput/device/batches_per_second=0.2600',
    '2025-12-12 11:05:13.548\tquick-rain-shines-fin-03:0\tolmo.train:979\tINFO\t[step=4/15000,epoch=0]',
    '    optim/total_grad_norm=0.1792',
    '    train/CrossEntropyLoss=3.055',
    '    train/Perplexity=21.23',
    '    throughput/total_tokens=8,388,608',
]


def test_metric_lines_under_a_step_header_take_its_step():
    monitor = read("\n".join(_OLMO) + "\n")
    assert monitor.store.primary_train == "train/CrossEntropyLoss"
    assert monitor.store["train/CrossEntropyLoss"].steps.tolist() == [1, 2, 3, 4]
    assert monitor.store["train/CrossEntropyLoss"].values.tolist()[:2] == [2.998, 2.919]


def test_host_names_and_source_locations_are_not_metrics():
    monitor = read("\n".join(_OLMO) + "\n")
    names = {series.name for series in monitor.store}
    assert not any("quick-rain" in name or "olmo.train" in name for name in names), names


def test_a_pair_inside_code_does_not_take_the_header_step():
    lines = [*_OLMO[:8], "    loss = compute(x)  # CrossEntropyLoss=1.0", *_OLMO[8:]]
    monitor = read("\n".join(lines) + "\n")
    assert len(monitor.store["train/CrossEntropyLoss"]) == 4
