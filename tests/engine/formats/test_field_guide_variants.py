"""The field guide's shapes (/work/shared/field-guide/log-formats.md, about 20 frameworks) as a
script really prints them, each in a few variants (issue 12, generalization audit): a launcher's
rank prefix, logging timestamps, ANSI colour, ``\\r`` frames, CRLF, tabs, thousands separators in the
step, ``step 100/5000`` fractions, percentages, glued units, scientific notation, a running average
in parentheses, a value's repr. Each must give its primary train (and val) loss, every record, and
the current value (never the running average)."""

import math

import pytest
from parse_helpers import read

N = 30
def L(i):  # a falling loss
    return round(3.0 - 2.0 * i / N + 0.01 * (i % 3), 4)
def V(i):
    return round(3.1 - 1.8 * i / N, 4)
ESC = "\x1b"
def g(s): return f"{ESC}[32m{s}{ESC}[0m"

CASES = []  # (name, text, (train, ntrain, first_train_value), (val, nval) or None)
def cat(g):
    out = []
    for x in g: out.extend(x)
    return out
def case(name, lines, train, val=None, eol="\n"):
    CASES.append((name, eol.join(lines) + eol, train, val))

# 1 HF dicts
hf = [f"{{'loss': {L(i)}, 'grad_norm': 1.2, 'learning_rate': 4.9e-05, 'epoch': {i/10:.2f}}}" for i in range(N)]
case("hf/rank0", ["[rank0]: " + l for l in hf] , ("loss", N, L(0)))
case("hf/timestamp", [f"2024-05-01 10:00:{i%60:02d},123 - INFO - __main__ - " + l for i, l in enumerate(hf)], ("loss", N, L(0)))
case("hf/crlf-glued-bar", [f"\r {i*3}%|█ | {i}/30 [00:0{i%10}<00:00, 8.09it/s]" + l for i, l in enumerate(hf)], ("loss", N, L(0)), eol="\r\n")
# 2 HF 5.x strings
hf5 = [f"{{'loss': '{L(i):.4g}', 'grad_norm': '1.2', 'learning_rate': '4.9e-05', 'epoch': '{i/10:.2g}'}}" for i in range(N)]
case("hf5/ansi", [g(l) for l in hf5], ("loss", N, L(0)))
case("hf5/tab-indented", ["\t" + l for l in hf5], ("loss", N, L(0)))
case("hf5/eval", cat(([l] + ([f"{{'eval_loss': '{V(i):.4g}', 'eval_runtime': '1.2', 'epoch': '{i/10:.2g}'}}"] if i % 10 == 9 else []) for i, l in enumerate(hf5))), ("loss", N, L(0)), ("eval_loss", 3))
# 3 Lightning bar
lb = [f"\rEpoch {i//10}:  {i%10*10}%|████      | {i%10}/10 [00:00<00:00, 96.78it/s, v_num=7, train_loss={L(i):.3f}]" for i in range(N)]
case("lightning/one-line-frames", ["".join(lb)], ("train_loss", N, L(0)))
case("lightning/per-line-crlf", lb, ("train_loss", N, L(0)), eol="\r\n")
case("lightning/sci", [f"Epoch {i//10}: 100%|██████████| 10/10 [00:00<00:00, 96.78it/s, v_num=7, train_loss={L(i)*1e-3:.3g}, val_loss={V(i):.3f}]" for i in range(N)], ("train_loss", N, float(f"{L(0)*1e-3:.3g}")), ("val_loss", N))
# 4 NeMo printer
nemo = [f"Training epoch 0, iteration {i}/999 | lr: 0.0003 | global_step: {i} | reduced_train_loss: {L(i)} | train_step_timing in s: 1.235 | consumed_samples: {i*512}" for i in range(N)]
case("nemo/rank", ["[rank0]:" + l for l in nemo], ("reduced_train_loss", N, L(0)))
case("nemo/timestamp", [f"[NeMo I 2024-05-01 10:00:00 nemo_logging:381] " + l for l in nemo], ("reduced_train_loss", N, L(0)))
case("nemo/thousands", [f"Training epoch 0, iteration {i*100:,}/{99900:,} | lr: 0.0003 | reduced_train_loss: {L(i)} | train_step_timing in s: 1.235" for i in range(N)], ("reduced_train_loss", N, L(0)))
# 5 Keras 2
k2 = []
for e in range(N):
    k2.append(f"Epoch {e+1}/{N}")
    k2.append(f"1563/1563 [==============================] - 5s 3ms/step - loss: {L(e):.4f} - accuracy: 0.9 - val_loss: {V(e):.4f} - val_accuracy: 0.9")
case("keras2/crlf", k2, ("loss", N, L(0)), ("val_loss", N), eol="\r\n")
case("keras2/percent-acc", [l.replace("accuracy: 0.9", "accuracy: 93.2%") for l in k2], ("loss", N, L(0)), ("val_loss", N))
case("keras2/timestamped", [f"2024-05-01 10:00:00 INFO {l}" for l in k2], ("loss", N, L(0)), ("val_loss", N))
# 6 Keras 3 verbose 1
k3 = []
for e in range(N):
    k3.append(f"Epoch {e+1}/{N}")
    k3.append(f"\r{ESC}[1m313/313{ESC}[0m {ESC}[32m━━━━━━━━━━━━━━━━━━━━{ESC}[0m{ESC}[37m{ESC}[0m {ESC}[1m2s{ESC}[0m 5ms/step - accuracy: 0.9031 - loss: {L(e):.4f} - val_accuracy: 0.9500 - val_loss: {V(e):.4f}")
case("keras3/ansi", k3, ("loss", N, L(0)), ("val_loss", N))
case("keras3/verbose2-tabs", [l if l.startswith("Epoch") else f"313/313 - 2s - 5ms/step - accuracy: 0.9031\t- loss: {L(i//2):.4f}\t- val_accuracy: 0.95\t- val_loss: {V(i//2):.4f}" for i, l in enumerate(k3)], ("loss", N, L(0)), ("val_loss", N))
case("keras3/neg-sci", [l if l.startswith("Epoch") else f"313/313 - 2s - 5ms/step - loss: {-L(i//2):.4e} - val_loss: {-V(i//2):.4e}" for i, l in enumerate(k3)], ("loss", N, -L(0)), ("val_loss", N))
# 8 nanoGPT
ng = [f"iter {i*10}: loss {L(i):.4f}, time 1537.05ms, mfu 14.52%" for i in range(N)]
case("nanogpt/thousands-iter", [f"iter {i*100:,}: loss {L(i):.4f}, time 1,537.05ms, mfu 14.52%" for i in range(N)], ("loss", N, L(0)))
case("nanogpt/rank-ansi", [f"[rank0]: iter {i*10}: loss {g(f'{L(i):.4f}')}, time 1537.05ms, mfu 14.52%" for i in range(N)], ("loss", N, L(0)))
case("nanogpt/evals-crlf", cat(([f"step {i*10}: train loss {L(i):.4f}, val loss {V(i):.4f}"] if i % 5 == 0 else []) + [l] for i, l in enumerate(ng)), ("loss", N, L(0)), ("val loss", 6), eol="\r\n")
# 9 llm.c stdout
lc = [f"step {i+1:4d}/18865 | loss {L(i):7.6f} (-0.53z)| norm 1.2345 (+0.12z)| lr 6.00e-04 | 312.45 ms | 48.3% bf16 MFU | 1678234 tok/s" for i in range(N)]
case("llmc/rank", ["[rank0]:" + l for l in lc], ("loss", N, L(0)))
case("llmc/py-train-loss", [f"step {i+1:4d}/18865 | train loss {L(i):.6f} | norm 1.2345 | lr 6.00e-04 | (312.45 ms | 1,678,234 tok/s)" for i in range(N)], ("loss", N, L(0)))
case("llmc/val", cat(([f"val loss {V(i):f}"] if i % 10 == 0 else []) + [l] for i, l in enumerate(lc)), ("loss", N, L(0)), ("val loss", 3))
# 10 llm.c main.log
ml = cat(([f"s:{i*10} tel:{V(i):.4f}"] if i % 10 == 0 else []) + [f"s:{i*10} trl:{L(i):.4f} lr:0.000214 norm:1.35"] for i in range(N))
case("llmc-main/crlf", ml, ("trl", N, L(0)), ("tel", 3), eol="\r\n")
case("llmc-main/float", [l.replace("trl:", "trl:").replace("lr:0.000214", "lr:2.14e-4") for l in ml], ("trl", N, L(0)), ("tel", 3))
case("llmc-main/rank", ["[rank0]:" + l for l in ml], ("trl", N, L(0)), ("tel", 3))
# 11 modded nanogpt
mn = cat(([f"step:{i*10}/300 val_loss:{V(i):.4f} train_time:{i*1000}ms step_avg:nanms"] if i % 10 == 0 else []) + [f"step:{i*10+1}/300 train_loss:{L(i):.4f} train_time:{i*1000}ms step_avg:{12.5:.2f}ms"] for i in range(N))
case("modded/sci", [l.replace(f"train_loss:", "train_loss:") for l in mn], ("train_loss", N, L(0)), ("val_loss", 3))
case("modded/seconds", [l.replace("ms step_avg", "s step_avg") for l in mn], ("train_loss", N, L(0)), ("val_loss", 3))
case("modded/rank-crlf", ["[rank0]:" + l for l in mn], ("train_loss", N, L(0)), ("val_loss", 3), eol="\r\n")
# 12 Megatron
mg = [f" [2025-01-02 03:04:05.678901] iteration {i*10:8d}/  500000 | consumed samples: {i*5120:12d} | elapsed time per iteration (ms): 1234.5 | learning rate: 3.000000E-04 | global batch size:   512 | lm loss: {L(i):.6E} | loss scale: 1.0 | grad norm: 1.234 | number of skipped iterations:   0 | number of nan iterations:   0 |" for i in range(N)]
case("megatron/srun-two-ranks", cat([f"0: " + l, f"1: " + l] for l in mg), ("lm loss", N, L(0)))
case("megatron/primus-ansi", [f"[{ESC}[32m20251202 06:56:28{ESC}[0m][{ESC}[36mrank-7/8{ESC}[0m][{ESC}[1mINFO {ESC}[0m] iteration {i*10:5d}/ 5000 | elapsed time per iteration (ms): 13100.0/13240.9 | lm loss: {L(i):.6E} | grad norm: 1.234 |" for i in range(N)], ("lm loss", N, L(0)))
case("megatron/val-crlf", cat(([l] + ([" validation loss at iteration %d | lm loss value: %.6E | lm loss PPL: 1.679147E+02 | " % (i*10, V(i))] if i % 10 == 9 else [])) for i, l in enumerate(mg)), ("lm loss", N, L(0)), ("validation lm loss", 3), eol="\r\n")
# 14 fairseq
fs = [f"2025-01-02 03:04:05 | INFO | train_inner | epoch 001:    {i*100:3d} / 1563 loss={L(i)}, nll_loss=9.845, ppl=919.67, wps=12345.6, ups=2.34, wpb=5234.5, bsz=128, num_updates={i*100}, lr=1.25e-05, gnorm=1.234, loss_scale=128, train_wall=43, gb_free=10.2, wall=45" for i in range(N)]
case("fairseq/valid", cat(([l] + ([f"2025-01-02 03:10:30 | INFO | valid | epoch 00{i//10+1} | valid on 'valid' subset | loss {V(i)} | nll_loss 8.301 | ppl 315.32 | wps 31234.5 | wpb 5230.1 | bsz 127.9 | num_updates {i*100}"] if i % 10 == 9 else [])) for i, l in enumerate(fs)), ("loss", N, L(0)), ("valid/loss", 3))
case("fairseq/json", [f"2025-01-02 03:04:05 | INFO | train_inner | {{\"epoch\": 1, \"update\": 0.0{i}, \"loss\": \"{L(i)}\", \"nll_loss\": \"9.845\", \"num_updates\": \"{i*100}\", \"lr\": \"1.25e-05\"}}" for i in range(N)], ("loss", N, L(0)))
case("fairseq/legacy", [f"| epoch 001:    {i*100:3d} / 1563 loss={L(i)}, nll_loss=9.845, ppl=919.67, wps=12345, ups=2, num_updates={i*100}, lr=1.25e-05" for i in range(N)], ("loss", N, L(0)))
# 16 mmengine
mm = [f"2023/06/04 15:36:29 - mmengine - INFO - Epoch(train)  [{i//10+1}][{i%10*5+5:2d}/50]  lr: 1.0000e-02  eta: 1 day, 2:03:04  time: 0.4073  data_time: 0.0335  memory: 970  loss: {L(i):.4f}  loss_cls: 0.2491" for i in range(N)]
case("mmengine/ansi-console", [f"07/03 13:04:17 - mmengine - {ESC}[4m{ESC}[97mINFO{ESC}[0m - " + l.split(" - INFO - ")[1] for l in mm], ("loss", N, L(0)))
case("mmengine/iter", [f"2023/06/04 15:36:29 - mmengine - INFO - Iter(train) [{i*10+10:5d}/90000]  lr: 1.0000e-02  eta: 2:03:04  time: 0.4073  data_time: 0.0335  memory: 970  loss: {L(i):.4f}" for i in range(N)], ("loss", N, L(0)))
case("mmengine/val", cat(([l] + ([f"2023/06/04 15:36:29 - mmengine - INFO - Epoch(val) [{i//10+1}][3/3]    coco/bbox_mAP: 0.7600  data_time: 1.4152  time: 1.5144"] if i % 10 == 9 else [])) for i, l in enumerate(mm)), ("loss", N, L(0)))
# 17 YOLO console
yh = "      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size"
yo = []
for e in range(N):
    yo.append(yh)
    yo.append(f"      {e+1}/{N}      2.61G      {L(e):.4g}      2.345      1.456         45        640: 100%|██████████| 8/8 [00:02<00:00,  3.1it/s]")
    yo.append("                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95): 100%|██████████| 1/1 [00:00<00:00,  5.1it/s]")
    yo.append("                   all         10         20      0.512      0.433      0.401      0.201")
case("yolo/ultralytics", yo, ("box_loss", N, L(0)))
case("yolo/crlf", yo, ("box_loss", N, L(0)), eol="\r\n")
case("yolo/frames", [l if "Epoch" in l or "Class" in l or "all" in l else "".join(f"\r{l.split(':')[0]}: {p}%|██ | {p//10}/8 [00:02<00:00,  3.1it/s]" for p in (10, 50)) + "\r" + l for l in yo], ("box_loss", N, L(0)))
# 18 timm
tm = [f"Train: {i//10} [{i%10*50:>4d}/1251 ({(i%10*50+1)*100/1251:>3.0f}%)]  Loss: {L(i):#.3g} ({L(i)+0.05:#.3g})  Time: 0.312s, 3282.05/s  (0.330s, 3103.03/s)  LR: 1.000e-03  Data: 0.012 (0.015)" for i in range(N)]
case("timm/file-handler", [f"2025-01-02 03:04:05,678 -                train: [    INFO] - " + l for l in tm], ("Loss", N, float(f"{L(0):#.3g}")))
case("timm/test", cat(([l] + ([f"Test: [  29/29]  Time: 0.041 (0.064)  Loss:  {V(i):.4f} ({V(i):.4f})  Acc@1: 81.2500 (87.5000)  Acc@5: 100.0000 (99.3750)"] if i % 10 == 9 else [])) for i, l in enumerate(tm)), ("Loss", N, float(f"{L(0):#.3g}")), ("eval_loss", 3))
case("timm/rank", ["[rank0]:" + l for l in tm], ("Loss", N, float(f"{L(0):#.3g}")))
# 19 torchtune
tt = [f"Step {i+1} | loss:{L(i)} lr:2e-05 tokens_per_second_per_gpu:1234.5678901234 peak_memory_active:14.2 " for i in range(N)]
case("torchtune/crlf", tt, ("loss", N, L(0)), eol="\r\n")
case("torchtune/bar", [f"1|{i+1}|Loss: {L(i):.4f}:   {i}%|          | {i+1}/1000 [00:21<34:12,  2.07s/it]" for i in range(N)], ("Loss", N, L(0)))
case("torchtune/rank", ["[rank0]:" + l for l in tt], ("loss", N, L(0)))
# 20 torchtitan
tn = [f"[titan] 2025-01-02 03:04:05,678 - root - INFO - {ESC}[31mstep: {i+1:2d}  {ESC}[32mloss:  {L(i):.5f}  {ESC}[38;2;180;60;0mgrad_norm:  1.2345  {ESC}[38;2;54;234;195mmemory: 29.43GiB(31.00%)  {ESC}[34mtps: 12,346  {ESC}[36mtflops: 1,234.57  {ESC}[35mmfu: 39.12%{ESC}[39m" for i in range(N)]
case("torchtitan/default", tn, ("loss", N, L(0)))
case("torchtitan/default0", ["[default0]:" + l for l in tn], ("loss", N, L(0)))
case("torchtitan/nocolor", [f"[titan] 2025-01-02 03:04:05,678 - root - INFO - step: {(i+1)*1000:,}  loss:  {L(i):.5f}  grad_norm:  1.2345  memory: 29.43GiB(31.00%)  tps: 12,346  tflops: 1,234.57  mfu: 39.12%" for i in range(N)], ("loss", N, L(0)))
# 21 LLaMA-Factory jsonl
lf = [f"{{\"current_steps\": {i*10}, \"total_steps\": 1000, \"loss\": {L(i)}, \"lr\": 4.99e-05, \"epoch\": 0.03, \"percentage\": 1.0, \"elapsed_time\": \"0:01:02\", \"remaining_time\": \"1:42:18\"}}" for i in range(N)]
case("llamafactory/crlf", lf, ("loss", N, L(0)), eol="\r\n")
case("llamafactory/console", [f"[INFO|2025-01-16 11:18:07] llamafactory.train:157 >> {{'loss': {L(i)}, 'grad_norm': 1.1, 'learning_rate': 4.9e-05, 'epoch': 0.1}}" for i in range(N)], ("loss", N, L(0)))
case("llamafactory/eval", cat(([l] + ([f"{{\"current_steps\": {i*10}, \"total_steps\": 1000, \"eval_loss\": {V(i)}, \"epoch\": 0.03}}"] if i % 10 == 9 else [])) for i, l in enumerate(lf)), ("loss", N, L(0)), ("eval_loss", 3))
# 22 custom python logging
case("custom/step-fraction", [f"2024-01-01 12:00:00,123 - __main__ - INFO - step {i*100}/5000 loss={L(i)*1e-3:.1e} acc: {90+i/10:.1f}%" for i in range(N)], ("loss", N, float(f"{L(0)*1e-3:.1e}")))
case("custom/paren-avg", [f"Epoch [{i//10+1}/3] Iter [{i%10*10+10}/100] loss {L(i):.4f} ({L(i)+0.1:.4f}) lr 1e-3" for i in range(N)], ("loss", N, L(0)))
case("custom/units", [f"INFO:__main__:step {i*10} | loss: {L(i):.4f} | time: 12.3ms | mem: 4.5GB | lr: 3e-4" for i in range(N)], ("loss", N, L(0)))
case("custom/tabs", [f"{i*10}\tloss={L(i):.4f}\tval_loss={V(i):.4f}" for i in range(N)], ("loss", N, L(0)), ("val_loss", N))
case("custom/thousands-step", [f"Step 1,{i*10:03d} | Loss: {L(i):.4f} | LR: 3.0e-04" for i in range(N)], ("Loss", N, L(0)))
case("custom/epoch-sep", [f"Epoch: {i+1:03d}, Train Loss: {L(i):.4f}, Val Loss: {V(i):.4f}, Val Acc: {80+i/3:.2f}%" for i in range(N)], ("Train Loss", N, L(0)), ("Val Loss", N))
case("custom/rank-colon-tqdm-postfix", [f"\rEpoch {i//10}: {i%10*10:3d}%|██  | {i}/100 [00:01<00:10, 9.1it/s, loss={L(i):.3f}, acc=93.2%]" for i in range(N)], ("loss", N, L(0)))
case("custom/pipe-equals", [f"[Epoch {i+1}/{N}] [Batch 100/100] [D loss: {V(i):.6f}] [G loss: {L(i):.6f}]" for i in range(N)], ("D loss", N, V(0)))
# 23 Keras CSVLogger
case("kerascsv/semicolon", ["epoch;accuracy;loss;val_accuracy;val_loss"] + [f"{i};0.9;{L(i)};0.9;{V(i)}" for i in range(N)], ("loss", N, L(0)), ("val_loss", N), eol="\r\n")
case("kerascsv/tab", ["epoch\taccuracy\tloss\tval_accuracy\tval_loss"] + [f"{i}\t0.9\t{L(i)}\t0.9\t{V(i)}" for i in range(N)], ("loss", N, L(0)), ("val_loss", N))
case("lightningcsv/sparse", ["epoch,step,train_loss,val_loss"] + cat(([f"0,{i*10+9},{L(i)},"] + ([f"0,{i*10+9},,{V(i)}"] if i % 10 == 9 else []) for i in range(N))), ("train_loss", N, L(0)), ("val_loss", 3), eol="\r\n")


# Other frameworks and script styles
mn = [f"Train Epoch: {i//10+1} [{i%10*640}/60000 ({i%10*640*100//60000}%)]\tLoss: {L(i):.6f}" for i in range(N)]
case("mnist/plain", cat(([l] + ([f"\nTest set: Average loss: {V(i):.4f}, Accuracy: 9663/10000 (97%)\n"] if i % 10 == 9 else [])) for i, l in enumerate(mn)), ("Loss", N, L(0)), ("Test set/Average loss", 3))
case("mnist/crlf-rank", ["[rank0]:" + l for l in mn], ("Loss", N, L(0)), eol="\r\n")
case("mnist/thousands", [f"Train Epoch: {i//10+1} [{i%10*6400:,}/60,000 ({i%10*10:.0f}%)]\tLoss: {L(i):.6f}" for i in range(N)], ("Loss", N, L(0)))
case("sklearn/mlp", [f"Iteration {i+1}, loss = {L(i):.8f}" for i in range(N)], ("loss", N, L(0)))
case("sklearn/mlp-val", cat([f"Iteration {i+1}, loss = {L(i):.8f}", f"Validation score: 0.{80+i%10}"] for i in range(N)), ("loss", N, L(0)))
case("xgboost/tabs", [f"[{i}]\ttrain-rmse:{L(i):.5f}\teval-rmse:{V(i):.5f}" for i in range(N)], ("train-rmse", N, L(0)), ("eval-rmse", N))
case("lightgbm/valid", [f"[{i+1}]\ttraining's l2: {L(i):.6f}\tvalid_1's l2: {V(i):.6f}" for i in range(N)], ("training's l2", N, L(0)), ("valid_1's l2", N))
case("catboost/learn", [f"{i}:\tlearn: {L(i):.7f}\ttest: {V(i):.7f}\tbest: {V(i):.7f} ({i})\ttotal: {i*10}ms\tremaining: 1.2s" for i in range(N)], ("learn", N, L(0)), ("test", N))
case("fastai/table", ["epoch     train_loss  valid_loss  accuracy  time    "] + [f"{i:<10d}{L(i):<12.6f}{V(i):<12.6f}{0.9:<10.6f}00:{i:02d}     " for i in range(N)], ("train_loss", N, L(0)), ("valid_loss", N))
case("detectron2/events", [f"[05/01 10:00:{i%60:02d} d2.utils.events]:  eta: 0:10:00  iter: {i*20+19}  total_loss: {L(i):.3f}  loss_cls: 1.1  loss_box_reg: 0.5  time: 0.3012  data_time: 0.0102  lr: 0.0004  max_mem: 2000M" for i in range(N)], ("total_loss", N, float(f"{L(0):.3f}")))
case("opennmt/steps", [f"[2024-05-01 10:00:00,000 INFO] Step {i*100+100}/10000; acc:  10.5; ppl: {math.exp(L(i)):.2f}; xent: {L(i):.2f}; lr: 0.00100; 1234/5678 tok/s;     10 sec" for i in range(N)], ("xent", N, float(f"{L(0):.2f}")))
case("espnet/iter", [f"[host] 2024-05-01 10:00:00,000 (trainer:732) INFO: 1epoch:train:{i*100+1}-{i*100+100}batch: iter_time=1.2e-04, forward_time=0.1, loss={L(i):.3f}, acc=0.1, backward_time=0.1, lr_0=1.0e-04, train_time=0.5" for i in range(N)], ("loss", N, float(f"{L(0):.3f}")))
case("paddle/ppdet", [f"[05/01 10:00:00] ppdet.engine INFO: Epoch: [{i//10}] [{i%10*10:3d}/100] learning_rate: 0.000100 loss: {L(i):.6f} loss_cls: 0.5 eta: 0:10:00 batch_cost: 0.3 data_cost: 0.01 ips: 10.5 images/s" for i in range(N)], ("loss", N, L(0)))
case("pyg/epoch", [f"Epoch: {i+1:03d}, Loss: {L(i):.4f}, Val: {0.7:.4f}, Test: {0.71:.4f}" for i in range(N)], ("Loss", N, L(0)))
case("pyg/gcn", [f"Epoch: {i+1:03d}, Loss: {L(i):.4f}, Train: {0.3+i/100:.4f}, Val: {0.2+i/100:.4f}, Test: {0.21+i/100:.4f}" for i in range(N)], ("Loss", N, L(0)))
case("dgl/pipes", [f"Epoch {i:05d} | Loss {L(i):.4f} | Time(s) nan | Accuracy 0.5 | ETputs(KTEPS) nan" for i in range(N)], ("Loss", N, L(0)))
case("fasttext/progress", ["".join(f"\rProgress: {p:5.1f}% words/sec/thread:  123,456 lr:  0.0{9-int(p//12)} avg.loss: {L(int(p*0.29)):.6f} ETA:   0h 0m{int(100-p)}s" for p in [k*100/29 for k in range(N)])], ("avg.loss", N, L(0)))
case("jax/absl", [f"I0501 10:00:00.123456 140123 train.py:42] step {i*100}, loss: {L(i):.4f}, accuracy: 0.9" for i in range(N)], ("loss", N, L(0)))
case("loguru", [f"2024-05-01 10:00:00.123 | INFO     | __main__:train:42 - step {i*10} loss {L(i):.4f} lr 3.0e-04" for i in range(N)], ("loss", N, L(0)))
case("rich/logging", [f"[05/01/24 10:00:00] INFO     step {i*10} loss={L(i):.4f} lr=3e-04                        train.py:42" for i in range(N)], ("loss", N, L(0)))
case("tensor-print", [f"epoch {i} loss tensor({L(i):.4f}, device='cuda:0', grad_fn=<NllLossBackward0>)" for i in range(N)], ("loss", N, L(0)))
case("spaces-equals", [f"epoch = {i} , loss = {L(i):.4f} , val_loss = {V(i):.4f}" for i in range(N)], ("loss", N, L(0)), ("val_loss", N))
case("slash-names", [f"step {i*10} Loss/train: {L(i):.4f} Loss/val: {V(i):.4f}" for i in range(N)], ("Loss/train", N, L(0)), ("Loss/val", N))
case("fullwidth-colon", [f"第{i+1}轮 损失：{L(i):.4f} loss：{L(i):.4f}" for i in range(N)], ("loss", N, L(0)))
case("iter-bracket", [f"[Epoch {i//10+1}][Iter {i%10*100+100}/1000] loss: {L(i):.4f}, lr: 1.0e-04" for i in range(N)], ("loss", N, L(0)))
case("plusminus", [f"Epoch {i+1}: loss {L(i):.4f} ± 0.0123, acc 93.2% ± 0.4%" for i in range(N)], ("loss", N, L(0)))
case("glued-units", [f"it {i*10}: loss={L(i):.4f}nats time=12.3s mem=4.5GB lr=3e-4" for i in range(N)], ("loss", N, L(0)))
case("epoch-time-prefix", [f"Epoch {i+1}/{N} - 12s - loss: {L(i):.4f} - val_loss: {V(i):.4f}" for i in range(N)], ("loss", N, L(0)), ("val_loss", N))
case("wandb-summary", [f"step {i*10} loss {L(i):.4f}" for i in range(N)] + ["wandb: Run summary:", "wandb:       loss 1.23", "wandb: train/loss 1.23"], ("loss", N, L(0)))
case("sb3/table", cat(["-----------------------------", "| rollout/           |      |", f"|    ep_rew_mean     | {i*1.5:.1f} |", "| train/             |      |", f"|    loss            | {L(i):.3g} |", f"|    n_updates       | {i*10} |", "-----------------------------"] for i in range(N)), ("train/loss", N, float(f"{L(0):.3g}")))
case("paren-avg-first", [f"[{i*10}/300] Loss {L(i)+0.1:.4f} ({L(i):.4f})\tPrec@1 50.000 (45.000)" for i in range(N)], ("Loss", N, L(0)+0.1))
case("accelerate-print", [f"epoch {i}: {{'accuracy': 0.8{i%10}, 'f1': 0.7}} train_loss: {L(i):.4f}" for i in range(N)], ("train_loss", N, L(0)))
case("iso-T-Z", [f"2024-05-01T10:00:{i%60:02d}.123Z step={i*10} loss={L(i):.4f}" for i in range(N)], ("loss", N, L(0)))
case("unix-time", [f"{1714557600+i}.123 step={i*10} loss={L(i):.4f}" for i in range(N)], ("loss", N, L(0)))
case("ctime", [f"Wed May  1 10:00:{i%60:02d} 2024 step {i*10} loss {L(i):.4f}" for i in range(N)], ("loss", N, L(0)))
case("bracket-time", [f"[10:00:{i%60:02d}] step {i*10} | train_loss {L(i):.4f} | val_loss {V(i):.4f}" for i in range(N)], ("train_loss", N, L(0)), ("val_loss", N))
case("colon-no-space-pipes", [f"epoch:{i}|step:{i*100}|loss:{L(i):.4f}|lr:1e-4" for i in range(N)], ("loss", N, L(0)))
case("percent-loss-word", [f"Epoch {i+1}/{N}: train loss 0.{i:02d}{L(i):.4f}"[:0] + f"Epoch {i+1}/{N}: train_acc 93.2% train_loss {L(i):.4f} val_acc 90.1% val_loss {V(i):.4f}" for i in range(N)], ("train_loss", N, L(0)), ("val_loss", N))
case("ansi-256", [f"\x1b[38;5;208mstep {i*10}\x1b[0m \x1b[1;34mloss\x1b[0m=\x1b[1;32m{L(i):.4f}\x1b[0m" for i in range(N)], ("loss", N, L(0)))
case("tqdm-postfix-thousands", [f"\r100%|██████████| 1,000/1,000 [00:10<00:00, 99.9it/s, loss={L(i):.3f}, lr=1.0e-04]" for i in range(N)], ("loss", N, L(0)))
case("step-of", [f"step {i*100} of 5000: loss {L(i):.4f}" for i in range(N)], ("loss", N, L(0)))
case("pct-value-loss", [f"Epoch {i+1} | loss {L(i):.4f} | acc 93.20% | val_loss {V(i):.4f} | val_acc 90.10%" for i in range(N)], ("loss", N, L(0)), ("val_loss", N))


def _same(got: str | None, expected: str) -> bool:
    return got is not None and got.lower().replace("/", " ") == expected.lower().replace("/", " ")


@pytest.mark.parametrize("name, text, train, val", CASES, ids=[case[0] for case in CASES])
def test_a_field_guide_variant_is_read(name, text, train, val):
    store = read(text).store
    train_name, train_count, first = train
    assert _same(store.primary_train, train_name), [series.name for series in store]
    series = store[store.primary_train]
    assert len(series) == train_count
    assert math.isclose(float(series.values[0]), first, rel_tol=1e-6)
    if val is None:
        assert store.primary_val is None
    else:
        assert _same(store.primary_val, val[0]), [series.name for series in store]
        assert len(store[store.primary_val]) == val[1]
