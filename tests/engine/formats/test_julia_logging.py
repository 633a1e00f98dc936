"""Julia's logging macros print a box: ``@info "Train Loss:" Flux.mse(ŷ, y)`` writes "┌ Info:
Train Loss:", one "│   <field> = <value>" line per field, and "└ @ <module> <file>:<line>". A field
is named by the box's message when the message names that metric (over an expression, or over
"loss" under "Test Loss:"), else by its own name ("epoch = 1" under "Epoch:", the step).

Real lines: tests/corpus/eliaslittle-ddpm-mnist-log-txt-julia-flux-flat-prefix (mnist_log.txt, a
Pluto notebook's Flux training loop, lines 1-13).
"""

from parse_helpers import CORPUS, read, steps

BOXES = """\
┌ Debug: Epoch: 
│   epoch = 1
└ @ Main.var"workspace#9" /Users/eliaslittle/Diffusion/notebook.jl#==#78a2a621-0faf-4322-8d2b-e418c3a335cb:7
┌ Info: Train Loss: 
│   Flux.mse(Ŷ_tr, Y_tr) = 0.36498135
└ @ Main.var"workspace#9" /Users/eliaslittle/Diffusion/notebook.jl#==#78a2a621-0faf-4322-8d2b-e418c3a335cb:17
┌ Info: Test Loss:
│   loss = 36.9799
└ @ Main.var"workspace#9" /Users/eliaslittle/Diffusion/notebook.jl#==#78a2a621-0faf-4322-8d2b-e418c3a335cb:18
best_loss = 36.9799f0
┌ Debug: Epoch: 
│   epoch = 2
└ @ Main.var"workspace#9" /Users/eliaslittle/Diffusion/notebook.jl#==#78a2a621-0faf-4322-8d2b-e418c3a335cb:7
┌ Info: Train Loss: 
│   Flux.mse(Ŷ_tr, Y_tr) = 0.3677402
└ @ Main.var"workspace#9" /Users/eliaslittle/Diffusion/notebook.jl#==#78a2a621-0faf-4322-8d2b-e418c3a335cb:17
┌ Info: Test Loss:
│   loss = 29.077972
└ @ Main.var"workspace#9" /Users/eliaslittle/Diffusion/notebook.jl#==#78a2a621-0faf-4322-8d2b-e418c3a335cb:18
"""


def test_a_box_names_its_field_by_the_metric_its_message_names():
    monitor = read(BOXES)
    store = monitor.store
    assert (store.primary_train, store.primary_val) == ("Train Loss", "Test Loss")
    assert store["Train Loss"].values.tolist() == [0.36498135, 0.3677402]
    assert store["Test Loss"].values.tolist() == [36.9799, 29.077972]
    assert steps(monitor, "Train Loss") == [1, 2]


def test_fields_of_a_message_that_names_no_metric_keep_their_names():
    monitor = read("┌ Info: Epoch 3 done\n│   loss = 0.52\n│   accuracy = 0.81\n└ @ Main train.jl:40\n"
                   "┌ Info: Epoch 4 done\n│   loss = 0.47\n│   accuracy = 0.84\n└ @ Main train.jl:40\n")
    assert monitor.store["loss"].values.tolist() == [0.52, 0.47]
    assert monitor.store["accuracy"].values.tolist() == [0.81, 0.84]


def test_the_whole_log():
    store = read((CORPUS / "eliaslittle-ddpm-mnist-log-txt-julia-flux-flat-prefix" / "mnist_log.txt").read_bytes()).store
    assert (len(store["Train Loss"]), len(store["Test Loss"])) == (87, 87)
