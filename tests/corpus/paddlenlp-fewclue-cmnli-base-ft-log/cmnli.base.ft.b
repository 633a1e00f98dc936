[33m[2022-08-31 14:25:37,271] [ WARNING][0m - evaluation_strategy reset to IntervalStrategy.STEPS for do_eval is True. you can also set evaluation_strategy='epoch'.[0m
[32m[2022-08-31 14:25:37,272] [    INFO][0m - The default value for the training argument `--report_to` will change in v5 (from all installed integrations to none). In v5, you will need to use `--report_to all` to get the same behavior as now. You should start updating your code and make this info disappear :-).[0m
[32m[2022-08-31 14:25:37,272] [    INFO][0m - ============================================================[0m
[32m[2022-08-31 14:25:37,272] [    INFO][0m -      Model Configuration Arguments      [0m
[32m[2022-08-31 14:25:37,272] [    INFO][0m - paddle commit id              :65f388690048d0965ec7d3b43fb6ee9d8c6dee7c[0m
[32m[2022-08-31 14:25:37,273] [    INFO][0m - do_save                       :True[0m
[32m[2022-08-31 14:25:37,273] [    INFO][0m - do_test                       :True[0m
[32m[2022-08-31 14:25:37,273] [    INFO][0m - early_stop_patience           :4[0m
[32m[2022-08-31 14:25:37,273] [    INFO][0m - export_type                   :paddle[0m
[32m[2022-08-31 14:25:37,273] [    INFO][0m - model_name_or_path            :ernie-3.0-base-zh[0m
[32m[2022-08-31 14:25:37,273] [    INFO][0m - [0m
[32m[2022-08-31 14:25:37,273] [    INFO][0m - ============================================================[0m
[32m[2022-08-31 14:25:37,274] [    INFO][0m -       Data Configuration Arguments      [0m
[32m[2022-08-31 14:25:37,274] [    INFO][0m - paddle commit id              :65f388690048d0965ec7d3b43fb6ee9d8c6dee7c[0m
[32m[2022-08-31 14:25:37,274] [    INFO][0m - encoder_hidden_size           :200[0m
[32m[2022-08-31 14:25:37,274] [    INFO][0m - prompt                        :“{'text':'text_a'}”和“{'text':'text_b'}”之间的逻辑关系是{'mask'}{'mask'}。[0m
[32m[2022-08-31 14:25:37,274] [    INFO][0m - soft_encoder                  :lstm[0m
[32m[2022-08-31 14:25:37,274] [    INFO][0m - split_id                      :few_all[0m
[32m[2022-08-31 14:25:37,274] [    INFO][0m - task_name                     :cmnli[0m
[32m[2022-08-31 14:25:37,275] [    INFO][0m - [0m
[32m[2022-08-31 14:25:37,275] [    INFO][0m - Already cached /ssd2/wanghuijuan03/.paddlenlp/models/ernie-3.0-base-zh/ernie_3.0_base_zh.pdparams[0m
W0831 14:25:37.277127 32797 gpu_resources.cc:61] Please NOTE: device: 0, GPU Compute Capability: 7.0, Driver API Version: 11.2, Runtime API Version: 11.2
W0831 14:25:37.283023 32797 gpu_resources.cc:91] device: 0, cuDNN Version: 8.1.
[32m[2022-08-31 14:25:40,361] [    INFO][0m - Already cached /ssd2/wanghuijuan03/.paddlenlp/models/ernie-3.0-base-zh/ernie_3.0_base_zh_vocab.txt[0m
[32m[2022-08-31 14:25:40,392] [    INFO][0m - tokenizer config file saved in /ssd2/wanghuijuan03/.paddlenlp/models/ernie-3.0-base-zh/tokenizer_config.json[0m
[32m[2022-08-31 14:25:40,393] [    INFO][0m - Special tokens file saved in /ssd2/wanghuijuan03/.paddlenlp/models/ernie-3.0-base-zh/special_tokens_map.json[0m
[32m[2022-08-31 14:25:40,394] [    INFO][0m - Using template: [{'add_prefix_space': '', 'hard': '“'}, {'add_prefix_space': '', 'text': 'text_a'}, {'add_prefix_space': '', 'hard': '”和“'}, {'add_prefix_space': '', 'text': 'text_b'}, {'add_prefix_space': '', 'hard': '”之间的逻辑关系是'}, {'add_prefix_space': '', 'mask': None}, {'add_prefix_space': '', 'mask': None}, {'add_prefix_space': '', 'hard': '。'}][0m
[32m[2022-08-31 14:25:40,397] [    INFO][0m - {'contradiction': 0, 'entailment': 1, 'neutral': 2}[0m
2022-08-31 14:25:40,399 INFO [download.py:119] unique_endpoints {''}
2022-08-31 14:25:42,696 INFO [download.py:119] unique_endpoints {''}
[32m[2022-08-31 14:25:42,858] [    INFO][0m - ============================================================[0m
[32m[2022-08-31 14:25:42,858] [    INFO][0m -     Training Configuration Arguments    [0m
[32m[2022-08-31 14:25:42,858] [    INFO][0m - paddle commit id              :65f388690048d0965ec7d3b43fb6ee9d8c6dee7c[0m
[32m[2022-08-31 14:25:42,858] [    INFO][0m - _no_sync_in_gradient_accumulation:True[0m
[32m[2022-08-31 14:25:42,858] [    INFO][0m - adam_beta1                    :0.9[0m
[32m[2022-08-31 14:25:42,858] [    INFO][0m - adam_beta2                    :0.999[0m
[32m[2022-08-31 14:25:42,858] [    INFO][0m - adam_epsilon                  :1e-08[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - alpha_rdrop                   :5.0[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - alpha_rgl                     :0.5[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - current_device                :gpu:0[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - dataloader_drop_last          :False[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - dataloader_num_workers        :0[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - device                        :gpu[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - disable_tqdm                  :True[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - do_eval                       :True[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - do_export                     :False[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - do_predict                    :True[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - do_train                      :True[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - eval_batch_size               :64[0m
[32m[2022-08-31 14:25:42,859] [    INFO][0m - eval_steps                    :100[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - evaluation_strategy           :IntervalStrategy.STEPS[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - first_max_length              :None[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - fp16                          :False[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - fp16_opt_level                :O1[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - freeze_dropout                :False[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - freeze_plm                    :False[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - gradient_accumulation_steps   :1[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - greater_is_better             :True[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - ignore_data_skip              :False[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - label_names                   :None[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - learning_rate                 :3e-05[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - load_best_model_at_end        :True[0m
[32m[2022-08-31 14:25:42,860] [    INFO][0m - local_process_index           :0[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - local_rank                    :-1[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - log_level                     :-1[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - log_level_replica             :-1[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - log_on_each_node              :True[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - logging_dir                   :./checkpoints/runs/Aug31_14-25-37_instance-3bwob41y-01[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - logging_first_step            :False[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - logging_steps                 :10[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - logging_strategy              :IntervalStrategy.STEPS[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - lr_scheduler_type             :SchedulerType.LINEAR[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - max_grad_norm                 :1.0[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - max_seq_length                :128[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - max_steps                     :-1[0m
[32m[2022-08-31 14:25:42,861] [    INFO][0m - metric_for_best_model         :accuracy[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - minimum_eval_times            :None[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - no_cuda                       :False[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - num_train_epochs              :50.0[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - optim                         :OptimizerNames.ADAMW[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - other_max_length              :None[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - output_dir                    :./checkpoints/[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - overwrite_output_dir          :False[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - past_index                    :-1[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - per_device_eval_batch_size    :64[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - per_device_train_batch_size   :64[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - ppt_adam_beta1                :0.9[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - ppt_adam_beta2                :0.999[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - ppt_adam_epsilon              :1e-08[0m
[32m[2022-08-31 14:25:42,862] [    INFO][0m - ppt_learning_rate             :0.0003[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - ppt_weight_decay              :0.0[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - prediction_loss_only          :False[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - process_index                 :0[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - remove_unused_columns         :True[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - report_to                     :['visualdl'][0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - resume_from_checkpoint        :None[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - run_name                      :./checkpoints/[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - save_on_each_node             :False[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - save_steps                    :100[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - save_strategy                 :IntervalStrategy.STEPS[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - save_total_limit              :None[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - scale_loss                    :32768[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - seed                          :42[0m
[32m[2022-08-31 14:25:42,863] [    INFO][0m - should_log                    :True[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - should_save                   :True[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - task_type                     :multi-class[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - train_batch_size              :64[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - truncate_mode                 :tail[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - use_rdrop                     :False[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - use_rgl                       :False[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - warmup_ratio                  :0.0[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - warmup_steps                  :0[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - weight_decay                  :0.0[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - world_size                    :1[0m
[32m[2022-08-31 14:25:42,864] [    INFO][0m - [0m
[32m[2022-08-31 14:25:42,867] [    INFO][0m - ***** Running training *****[0m
[32m[2022-08-31 14:25:42,867] [    INFO][0m -   Num examples = 391783[0m
[32m[2022-08-31 14:25:42,867] [    INFO][0m -   Num Epochs = 50[0m
[32m[2022-08-31 14:25:42,867] [    INFO][0m -   Instantaneous batch size per device = 64[0m
[32m[2022-08-31 14:25:42,867] [    INFO][0m -   Total train batch size (w. parallel, distributed & accumulation) = 64[0m
[32m[2022-08-31 14:25:42,867] [    INFO][0m -   Gradient Accumulation steps = 1[0m
[32m[2022-08-31 14:25:42,867] [    INFO][0m -   Total optimization steps = 306100.0[0m
[32m[2022-08-31 14:25:42,867] [    INFO][0m -   Total num train samples = 19589150[0m
[32m[2022-08-31 14:25:49,741] [    INFO][0m - loss: 1.21554871, learning_rate: 2.9999019928128062e-05, global_step: 10, interval_runtime: 6.8718, interval_samples_per_second: 9.313, interval_steps_per_second: 1.455, epoch: 0.0016[0m
[32m[2022-08-31 14:25:55,321] [    INFO][0m - loss: 1.12669315, learning_rate: 2.9998039856256126e-05, global_step: 20, interval_runtime: 5.5807, interval_samples_per_second: 11.468, interval_steps_per_second: 1.792, epoch: 0.0033[0m
[32m[2022-08-31 14:26:00,909] [    INFO][0m - loss: 1.12475176, learning_rate: 2.9997059784384187e-05, global_step: 30, interval_runtime: 5.5884, interval_samples_per_second: 11.452, interval_steps_per_second: 1.789, epoch: 0.0049[0m
[32m[2022-08-31 14:26:06,566] [    INFO][0m - loss: 1.0891777, learning_rate: 2.999607971251225e-05, global_step: 40, interval_runtime: 5.6553, interval_samples_per_second: 11.317, interval_steps_per_second: 1.768, epoch: 0.0065[0m
[32m[2022-08-31 14:26:12,201] [    INFO][0m - loss: 1.0767786, learning_rate: 2.9995099640640313e-05, global_step: 50, interval_runtime: 5.636, interval_samples_per_second: 11.356, interval_steps_per_second: 1.774, epoch: 0.0082[0m
[32m[2022-08-31 14:26:17,785] [    INFO][0m - loss: 1.04838524, learning_rate: 2.9994119568768377e-05, global_step: 60, interval_runtime: 5.5832, interval_samples_per_second: 11.463, interval_steps_per_second: 1.791, epoch: 0.0098[0m
[32m[2022-08-31 14:26:23,363] [    INFO][0m - loss: 1.01537561, learning_rate: 2.9993139496896438e-05, global_step: 70, interval_runtime: 5.5786, interval_samples_per_second: 11.472, interval_steps_per_second: 1.793, epoch: 0.0114[0m
[32m[2022-08-31 14:26:28,964] [    INFO][0m - loss: 1.01055336, learning_rate: 2.9992159425024502e-05, global_step: 80, interval_runtime: 5.6012, interval_samples_per_second: 11.426, interval_steps_per_second: 1.785, epoch: 0.0131[0m
[32m[2022-08-31 14:26:34,549] [    INFO][0m - loss: 0.95157442, learning_rate: 2.9991179353152563e-05, global_step: 90, interval_runtime: 5.5854, interval_samples_per_second: 11.458, interval_steps_per_second: 1.79, epoch: 0.0147[0m
[32m[2022-08-31 14:26:40,140] [    INFO][0m - loss: 0.92614336, learning_rate: 2.9990199281280628e-05, global_step: 100, interval_runtime: 5.5908, interval_samples_per_second: 11.447, interval_steps_per_second: 1.789, epoch: 0.0163[0m
[32m[2022-08-31 14:26:40,140] [    INFO][0m - ***** Running Evaluation *****[0m
[32m[2022-08-31 14:26:40,141] [    INFO][0m -   Num examples = 12241[0m
[32m[2022-08-31 14:26:40,141] [    INFO][0m -   Pre device batch size = 64[0m
[32m[2022-08-31 14:26:40,141] [    INFO][0m -   Total Batch size = 64[0m
[32m[2022-08-31 14:26:40,141] [    INFO][0m -   Total prediction steps = 192[0m
[32m[2022-08-31 14:27:35,100] [    INFO][0m - eval_loss: 0.8164545893669128, eval_accuracy: 0.6349971407564742, eval_runtime: 54.9586, eval_samples_per_second: 222.731, eval_steps_per_second: 3.494, epoch: 0.0163[0m
[32m[2022-08-31 14:27:35,100] [    INFO][0m - Saving model checkpoint to ./checkpoints/checkpoint-100[0m
[32m[2022-08-31 14:27:35,101] [    INFO][0m - Trainer.model is not a `PretrainedModel`, only saving its state dict.[0m
[32m[2022-08-31 14:27:36,757] [    INFO][0m - tokenizer config file saved in ./checkpoints/checkpoint-100/tokenizer_config.json[0m
[32m[2022-08-31 14:27:36,757] [    INFO][0m - Special tokens file saved in ./checkpoints/checkpoint-100/special_tokens_map.json[0m
[32m[2022-08-31 14:27:44,887] [    INFO][0m - loss: 0.8577157, learning_rate: 2.998921920940869e-05, global_step: 110, interval_runtime: 64.7471, interval_samples_per_second: 0.988, interval_steps_per_second: 0.154, epoch: 0.018[0m
[32m[2022-08-31 14:27:50,612] [    INFO][0m - loss: 0.89079742, learning_rate: 2.9988239137536753e-05, global_step: 120, interval_runtime: 5.725, interval_samples_per_second: 11.179, interval_steps_per_second: 1.747, epoch: 0.0196[0m
[32m[2022-08-31 14:27:56,254] [    INFO][0m - loss: 0.80290632, learning_rate: 2.9987259065664818e-05, global_step: 130, interval_runtime: 5.642, interval_samples_per_second: 11.343, interval_steps_per_second: 1.772, epoch: 0.0212[0m
[32m[2022-08-31 14:28:01,873] [    INFO][0m - loss: 0.85783281, learning_rate: 2.9986278993792882e-05, global_step: 140, interval_runtime: 5.6195, interval_samples_per_second: 11.389, interval_steps_per_second: 1.78, epoch: 0.0229[0m
[32m[2022-08-31 14:28:07,502] [    INFO][0m - loss: 0.81869507, learning_rate: 2.9985298921920943e-05, global_step: 150, interval_runtime: 5.629, interval_samples_per_second: 11.37, interval_steps_per_second: 1.777, epoch: 0.0245[0m
[32m[2022-08-31 14:28:13,133] [    INFO][0m - loss: 0.80487223, learning_rate: 2.9984318850049004e-05, global_step: 160, interval_runtime: 5.63, interval_samples_per_second: 11.368, interval_steps_per_second: 1.776, epoch: 0.0261[0m
[32m[2022-08-31 14:28:18,768] [    INFO][0m - loss: 0.78805165, learning_rate: 2.998333877817707e-05, global_step: 170, interval_runtime: 5.6352, interval_samples_per_second: 11.357, interval_steps_per_second: 1.775, epoch: 0.0278[0m
[32m[2022-08-31 14:28:24,415] [    INFO][0m - loss: 0.81532526, learning_rate: 2.998235870630513e-05, global_step: 180, interval_runtime: 5.648, interval_samples_per_second: 11.331, interval_steps_per_second: 1.771, epoch: 0.0294[0m
[32m[2022-08-31 14:28:30,062] [    INFO][0m - loss: 0.75256863, learning_rate: 2.9981378634433194e-05, global_step: 190, interval_runtime: 5.6464, interval_samples_per_second: 11.335, interval_steps_per_second: 1.771, epoch: 0.031[0m
[32m[2022-08-31 14:28:35,733] [    INFO][0m - loss: 0.77374105, learning_rate: 2.9980398562561255e-05, global_step: 200, interval_runtime: 5.6709, interval_samples_per_second: 11.286, interval_steps_per_second: 1.763, epoch: 0.0327[0m
[32m[2022-08-31 14:28:35,733] [    INFO][0m - ***** Running Evaluation *****[0m
[32m[2022-08-31 14:28:35,733] [    INFO][0m -   Num examples = 12241[0m
[32m[2022-08-31 14:28:35,734] [    INFO][0m -   Pre device batch size = 64[0m
[32m[2022-08-31 14:28:35,734] [    INFO][0m -   Total Batch size = 64[0m
[32m[2022-08-31 14:28:35,734] [    INFO][0m -   Total prediction steps = 192[0m
[32m[2022-08-31 14:29:30,843] [    INFO][0m - eval_loss: 0.6790741682052612, eval_accuracy: 0.7116248672494078, eval_runtime: 55.1084, eval_samples_per_second: 222.126, eval_steps_per_second: 3.484, epoch: 0.0327[0m
[32m[2022-08-31 14:29:30,843] [    INFO][0m - Saving model checkpoint to ./checkpoints/checkpoint-200[0m
[32m[2022-08-31 14:29:30,844] [    INFO][0m - Trainer.model is not a `PretrainedModel`, only saving its state dict.[0m
[32m[2022-08-31 14:29:32,522] [    INFO][0m - tokenizer config file saved in ./checkpoints/checkpoint-200/tokenizer_config.json[0m
[32m[2022-08-31 14:29:32,523] [    INFO][0m - Special tokens file saved in ./checkpoints/checkpoint-200/special_tokens_map.json[0m
[32m[2022-08-31 14:29:40,733] [    INFO][0m - loss: 0.73817816, learning_rate: 2.997941849068932e-05, global_step: 210, interval_runtime: 64.9997, interval_samples_per_second: 0.985, interval_steps_per_second: 0.154, epoch: 0.0343[0m
[32m[2022-08-31 14:29:46,452] [    INFO][0m - loss: 0.7480824, learning_rate: 2.997843841881738e-05, global_step: 220, interval_runtime: 5.7191, interval_samples_per_second: 11.191, interval_steps_per_second: 1.749, epoch: 0.0359[0m
[32m[2022-08-31 14:29:52,117] [    INFO][0m - loss: 0.77800169, learning_rate: 2.9977458346945445e-05, global_step: 230, interval_runtime: 5.6652, interval_samples_per_second: 11.297, interval_steps_per_second: 1.765, epoch: 0.0376[0m
[32m[2022-08-31 14:29:57,790] [    INFO][0m - loss: 0.67297468, learning_rate: 2.9976478275073506e-05, global_step: 240, interval_runtime: 5.6726, interval_samples_per_second: 11.282, interval_steps_per_second: 1.763, epoch: 0.0392[0m
[32m[2022-08-31 14:30:03,506] [    INFO][0m - loss: 0.7737771, learning_rate: 2.997549820320157e-05, global_step: 250, interval_runtime: 5.7166, interval_samples_per_second: 11.196, interval_steps_per_second: 1.749, epoch: 0.0408[0m
[32m[2022-08-31 14:30:09,180] [    INFO][0m - loss: 0.70870543, learning_rate: 2.997451813132963e-05, global_step: 260, interval_runtime: 5.674, interval_samples_per_second: 11.28, interval_steps_per_second: 1.762, epoch: 0.0425[0m
[32m[2022-08-31 14:30:14,887] [    INFO][0m - loss: 0.75408697, learning_rate: 2.9973538059457695e-05, global_step: 270, interval_runtime: 5.7066, interval_samples_per_second: 11.215, interval_steps_per_second: 1.752, epoch: 0.0441[0m
[32m[2022-08-31 14:30:20,549] [    INFO][0m - loss: 0.73531466, learning_rate: 2.9972557987585756e-05, global_step: 280, interval_runtime: 5.6627, interval_samples_per_second: 11.302, interval_steps_per_second: 1.766, epoch: 0.0457[0m
[32m[2022-08-31 14:30:26,219] [    INFO][0m - loss: 0.71841607, learning_rate: 2.9971577915713817e-05, global_step: 290, interval_runtime: 5.6698, interval_samples_per_second: 11.288, interval_steps_per_second: 1.764, epoch: 0.0474[0m
[32m[2022-08-31 14:30:31,868] [    INFO][0m - loss: 0.67825623, learning_rate: 2.9970597843841882e-05, global_step: 300, interval_runtime: 5.6483, interval_samples_per_second: 11.331, interval_steps_per_second: 1.77, epoch: 0.049[0m
[32m[2022-08-31 14:30:31,868] [    INFO][0m - ***** Running Evaluation *****[0m
[32m[2022-08-31 14:30:31,869] [    INFO][0m -   Num examples = 12241[0m
[32m[2022-08-31 14:30:31,869] [    INFO][0m -   Pre device batch size = 64[0m
[32m[2022-08-31 14:30:31,869] [    INFO][0m -   Total Batch size = 64[0m
[32m[2022-08-31 14:30:31,869] [    INFO][0m -   Total prediction steps = 192[0m
[32m[2022-08-31 14:31:26,687] [    INFO][0m - eval_loss: 0.6830440163612366, eval_accuracy: 0.7282901723715383, eval_runtime: 54.8178, eval_samples_per_second: 223.303, eval_steps_per_second: 3.503, epoch: 0.049[0m
[32m[2022-08-31 14:31:26,688] [    INFO][0m - Saving model checkpoint to ./checkpoints/checkpoint-300[0m
[32m[2022-08-31 14:31:26,688] [    INFO][0m - Trainer.model is not a `PretrainedModel`, only saving its state dict.[0m
[32m[2022-08-31 14:31:28,353] [    INFO][0m - tokenizer config file saved in ./checkpoints/checkpoint-300/tokenizer_config.json[0m
[32m[2022-08-31 14:31:28,353] [    INFO][0m - Special tokens file saved in ./checkpoints/checkpoint-300/special_tokens_map.json[0m
[32m[2022-08-31 14:31:36,423] [    INFO][0m - loss: 0.72071791, learning_rate: 2.9969617771969943e-05, global_step: 310, interval_runtime: 64.5552, interval_samples_per_second: 0.991, interval_steps_per_second: 0.155, epoch: 0.0506[0m
[32m[2022-08-31 14:31:42,090] [    INFO][0m - loss: 0.6745223, learning_rate: 2.9968637700098007e-05, global_step: 320, interval_runtime: 5.6669, interval_samples_per_second: 11.294, interval_steps_per_second: 1.765, epoch: 0.0523[0m
[32m[2022-08-31 14:31:47,763] [    INFO][0m - loss: 0.6990756, learning_rate: 2.9967657628226068e-05, global_step: 330, interval_runtime: 5.6737, interval_samples_per_second: 11.28, interval_steps_per_second: 1.763, epoch: 0.0539[0m
[32m[2022-08-31 14:31:53,430] [    INFO][0m - loss: 0.69066486, learning_rate: 2.9966677556354133e-05, global_step: 340, interval_runtime: 5.6668, interval_samples_per_second: 11.294, interval_steps_per_second: 1.765, epoch: 0.0555[0m
[32m[2022-08-31 14:31:59,102] [    INFO][0m - loss: 0.65782485, learning_rate: 2.9965697484482194e-05, global_step: 350, interval_runtime: 5.6712, interval_samples_per_second: 11.285, interval_steps_per_second: 1.763, epoch: 0.0572[0m
[32m[2022-08-31 14:32:04,759] [    INFO][0m - loss: 0.61550908, learning_rate: 2.9964717412610258e-05, global_step: 360, interval_runtime: 5.6573, interval_samples_per_second: 11.313, interval_steps_per_second: 1.768, epoch: 0.0588[0m
[32m[2022-08-31 14:32:10,421] [    INFO][0m - loss: 0.68507719, learning_rate: 2.9963737340738322e-05, global_step: 370, interval_runtime: 5.6626, interval_samples_per_second: 11.302, interval_steps_per_second: 1.766, epoch: 0.0604[0m
[32m[2022-08-31 14:32:16,081] [    INFO][0m - loss: 0.72605276, learning_rate: 2.9962757268866387e-05, global_step: 380, interval_runtime: 5.6602, interval_samples_per_second: 11.307, interval_steps_per_second: 1.767, epoch: 0.0621[0m
[32m[2022-08-31 14:32:21,739] [    INFO][0m - loss: 0.66221895, learning_rate: 2.9961777196994448e-05, global_step: 390, interval_runtime: 5.657, interval_samples_per_second: 11.313, interval_steps_per_second: 1.768, epoch: 0.0637[0m
[32m[2022-08-31 14:32:27,398] [    INFO][0m - loss: 0.67764273, learning_rate: 2.9960797125122512e-05, global_step: 400, interval_runtime: 5.6589, interval_samples_per_second: 11.31, interval_steps_per_second: 1.767, epoch: 0.0653[0m
[32m[2022-08-31 14:32:27,398] [    INFO][0m - ***** Running Evaluation *****[0m
[32m[2022-08-31 14:32:27,399] [    INFO][0m -   Num examples = 12241[0m
[32m[2022-08-31 14:32:27,399] [    INFO][0m -   Pre device batch size = 64[0m
[32m[2022-08-31 14:32:27,399] [    INFO][0m -   Total Batch size = 64[0m
[32m[2022-08-31 14:32:27,399] [    INFO][0m -   Total prediction steps = 192[0m
[32m[2022-08-31 14:33:22,492] [    INFO][0m - eval_loss: 0.7069441080093384, eval_accuracy: 0.7121150232824116, eval_runtime: 55.0929, eval_samples_per_second: 222.188, eval_steps_per_second: 3.485, epoch: 0.0653[0m
[32m[2022-08-31 14:33:22,493] [    INFO][0m - Saving model checkpoint to ./checkpoints/checkpoint-400[0m
[32m[2022-08-31 14:33:22,493] [    INFO][0m - Trainer.model is not a `PretrainedModel`, only saving its state dict.[0m
[32m[2022-08-31 14:33:23,941] [    INFO][0m - tokenizer config file saved in ./checkpoints/checkpoint-400/tokenizer_config.json[0m
[32m[2022-08-31 14:33:23,941] [    INFO][0m - Special tokens file saved in ./checkpoints/checkpoint-400/special_tokens_map.json[0m
[32m[2022-08-31 14:33:31,865] [    INFO][0m - loss: 0.722543, learning_rate: 2.9959817053250573e-05, global_step: 410, interval_runtime: 64.4679, interval_samples_per_second: 0.993, interval_steps_per_second: 0.155, epoch: 0.067[0m
[32m[2022-08-31 14:33:37,527] [    INFO][0m - loss: 0.70435562, learning_rate: 2.9958836981378638e-05, global_step: 420, interval_runtime: 5.6614, interval_samples_per_second: 11.305, interval_steps_per_second: 1.766, epoch: 0.0686[0m
[32m[2022-08-31 14:33:43,189] [    INFO][0m - loss: 0.698592, learning_rate: 2.99578569095067e-05, global_step: 430, interval_runtime: 5.6624, interval_samples_per_second: 11.303, interval_steps_per_second: 1.766, epoch: 0.0702[0m
[32m[2022-08-31 14:33:48,876] [    INFO][0m - loss: 0.71383467, learning_rate: 2.995687683763476e-05, global_step: 440, interval_runtime: 5.6872, interval_samples_per_second: 11.253, interval_steps_per_second: 1.758, epoch: 0.0719[0m
[32m[2022-08-31 14:33:54,553] [    INFO][0m - loss: 0.64804401, learning_rate: 2.9955896765762824e-05, global_step: 450, interval_runtime: 5.6767, interval_samples_per_second: 11.274, interval_steps_per_second: 1.762, epoch: 0.0735[0m
[32m[2022-08-31 14:34:01,125] [    INFO][0m - loss: 0.66841898, learning_rate: 2.9954916693890885e-05, global_step: 460, interval_runtime: 5.6721, interval_samples_per_second: 11.283, interval_steps_per_second: 1.763, epoch: 0.0751[0m
[32m[2022-08-31 14:34:06,788] [    INFO][0m - loss: 0.69893928, learning_rate: 2.995393662201895e-05, global_step: 470, interval_runtime: 6.5634, interval_samples_per_second: 9.751, interval_steps_per_second: 1.524, epoch: 0.0768[0m
[32m[2022-08-31 14:34:12,465] [    INFO][0m - loss: 0.68817639, learning_rate: 2.995295655014701e-05, global_step: 480, interval_runtime: 5.6766, interval_samples_per_second: 11.274, interval_steps_per_second: 1.762, epoch: 0.0784[0m
[32m[2022-08-31 14:34:18,127] [    INFO][0m - loss: 0.69352393, learning_rate: 2.9951976478275075e-05, global_step: 490, interval_runtime: 5.662, interval_samples_per_second: 11.304, interval_steps_per_second: 1.766, epoch: 0.08[0m
[32m[2022-08-31 14:34:23,811] [    INFO][0m - loss: 0.62687826, learning_rate: 2.9950996406403136e-05, global_step: 500, interval_runtime: 5.6836, interval_samples_per_second: 11.26, interval_steps_per_second: 1.759, epoch: 0.0817[0m
[32m[2022-08-31 14:34:23,811] [    INFO][0m - ***** Running Evaluation *****[0m
[32m[2022-08-31 14:34:23,811] [    INFO][0m -   Num examples = 12241[0m
[32m[2022-08-31 14:34:23,811] [    INFO][0m -   Pre device batch size = 64[0m
[32m[2022-08-31 14:34:23,811] [    INFO][0m -   Total Batch size = 64[0m
[32m[2022-08-31 14:34:23,811] [    INFO][0m -   Total prediction steps = 192[0m
[32m[2022-08-31 14:35:18,599] [    INFO][0m - eval_loss: 0.706729531288147, eval_accuracy: 0.7242872314353402, eval_runtime: 54.7868, eval_samples_per_second: 223.43, eval_steps_per_second: 3.504, epoch: 0.0817[0m
[32m[2022-08-31 14:35:18,599] [    INFO][0m - Saving model checkpoint to ./checkpoints/checkpoint-500[0m
[32m[2022-08-31 14:35:18,599] [    INFO][0m - Trainer.model is not a `PretrainedModel`, only saving its state dict.[0m
[32m[2022-08-31 14:35:20,071] [    INFO][0m - tokenizer config file saved in ./checkpoints/checkpoint-500/tokenizer_config.json[0m
[32m[2022-08-31 14:35:20,071] [    INFO][0m - Special tokens file saved in ./checkpoints/checkpoint-500/special_tokens_map.json[0m
[32m[2022-08-31 14:35:28,028] [    INFO][0m - loss: 0.71502252, learning_rate: 2.99500163345312e-05, global_step: 510, interval_runtime: 64.2178, interval_samples_per_second: 0.997, interval_steps_per_second: 0.156, epoch: 0.0833[0m
[32m[2022-08-31 14:35:33,688] [    INFO][0m - loss: 0.67674956, learning_rate: 2.994903626265926e-05, global_step: 520, interval_runtime: 5.66, interval_samples_per_second: 11.307, interval_steps_per_second: 1.767, epoch: 0.0849[0m
[32m[2022-08-31 14:35:39,370] [    INFO][0m - loss: 0.75441189, learning_rate: 2.9948056190787326e-05, global_step: 530, interval_runtime: 5.6813, interval_samples_per_second: 11.265, interval_steps_per_second: 1.76, epoch: 0.0866[0m
[32m[2022-08-31 14:35:45,037] [    INFO][0m - loss: 0.66781087, learning_rate: 2.9947076118915387e-05, global_step: 540, interval_runtime: 5.6671, interval_samples_per_second: 11.293, interval_steps_per_second: 1.765, epoch: 0.0882[0m
[32m[2022-08-31 14:35:51,155] [    INFO][0m - loss: 0.63371754, learning_rate: 2.994609604704345e-05, global_step: 550, interval_runtime: 5.6614, interval_samples_per_second: 11.305, interval_steps_per_second: 1.766, epoch: 0.0898[0m
[32m[2022-08-31 14:35:56,847] [    INFO][0m - loss: 0.67632422, learning_rate: 2.9945115975171512e-05, global_step: 560, interval_runtime: 6.1485, interval_samples_per_second: 10.409, interval_steps_per_second: 1.626, epoch: 0.0915[0m
[32m[2022-08-31 14:36:02,536] [    INFO][0m - loss: 0.65212545, learning_rate: 2.9944135903299577e-05, global_step: 570, interval_runtime: 5.6893, interval_samples_per_second: 11.249, interval_steps_per_second: 1.758, epoch: 0.0931[0m
[32m[2022-08-31 14:36:08,221] [    INFO][0m - loss: 0.61424675, learning_rate: 2.9943155831427638e-05, global_step: 580, interval_runtime: 5.6854, interval_samples_per_second: 11.257, interval_steps_per_second: 1.759, epoch: 0.0947[0m
[32m[2022-08-31 14:36:13,948] [    INFO][0m - loss: 0.65015364, learning_rate: 2.99421757595557e-05, global_step: 590, interval_runtime: 5.726, interval_samples_per_second: 11.177, interval_steps_per_second: 1.746, epoch: 0.0964[0m
[32m[2022-08-31 14:36:19,606] [    INFO][0m - loss: 0.64129725, learning_rate: 2.9941195687683763e-05, global_step: 600, interval_runtime: 5.6578, interval_samples_per_second: 11.312, interval_steps_per_second: 1.767, epoch: 0.098[0m
[32m[2022-08-31 14:36:19,606] [    INFO][0m - ***** Running Evaluation *****[0m
[32m[2022-08-31 14:36:19,606] [    INFO][0m -   Num examples = 12241[0m
[32m[2022-08-31 14:36:19,606] [    INFO][0m -   Pre device batch size = 64[0m
[32m[2022-08-31 14:36:19,606] [    INFO][0m -   Total Batch size = 64[0m
[32m[2022-08-31 14:36:19,606] [    INFO][0m -   Total prediction steps = 192[0m
[32m[2022-08-31 14:37:14,725] [    INFO][0m - eval_loss: 0.611442506313324, eval_accuracy: 0.754350134792909, eval_runtime: 55.1179, eval_samples_per_second: 222.088, eval_steps_per_second: 3.483, epoch: 0.098[0m
[32m[2022-08-31 14:37:14,725] [    INFO][0m - Saving model checkpoint to ./checkpoints/checkpoint-600[0m
[32m[2022-08-31 14:37:14,726] [    INFO][0m - Trainer.model is not a `PretrainedModel`, only saving its state dict.[0m
[32m[2022-08-31 14:37:16,198] [    INFO][0m - tokenizer config file saved in ./checkpoints/checkpoint-600/tokenizer_config.json[0m
[32m[2022-08-31 14:37:16,198] [    INFO][0m - Special tokens file saved in ./checkpoints/checkpoint-600/special_tokens_map.json[0m
[32m[2022-08-31 14:37:24,718] [    INFO][0m - loss: 0.62093363, learning_rate: 2.9940215615811824e-05, global_step: 610, interval_runtime: 65.1131, interval_samples_per_second: 0.983, interval_steps_per_second: 0.154, epoch: 0.0996[0m
[32m[2022-08-31 14:37:30,375] [    INFO][0m - loss: 0.60404706, learning_rate: 2.9939235543939892e-05, global_step: 620, interval_runtime: 5.6561, interval_samples_per_second: 11.315, interval_steps_per_second: 1.768, epoch: 0.1013[0m
[32m[2022-08-31 14:37:36,039] [    INFO][0m - loss: 0.69325652, learning_rate: 2.9938255472067953e-05, global_step: 630, interval_runtime: 5.6643, interval_samples_per_second: 11.299, interval_steps_per_second: 1.765, epoch: 0.1029[0m
[32m[2022-08-31 14:37:41,743] [    INFO][0m - loss: 0.69546223, learning_rate: 2.9937275400196017e-05, global_step: 640, interval_runtime: 5.7041, interval_samples_per_second: 11.22, interval_steps_per_second: 1.753, epoch: 0.1045[0m
[32m[2022-08-31 14:37:47,411] [    INFO][0m - loss: 0.60037975, learning_rate: 2.9936295328324078e-05, global_step: 650, interval_runtime: 5.6675, interval_samples_per_second: 11.292, interval_steps_per_second: 1.764, epoch: 0.1062[0m
[32m[2022-08-31 14:37:53,099] [    INFO][0m - loss: 0.63813982, learning_rate: 2.9935315256452143e-05, global_step: 660, interval_runtime: 5.6882, interval_samples_per_second: 11.251, interval_steps_per_second: 1.758, epoch: 0.1078[0m
[32m[2022-08-31 14:37:58,760] [    INFO][0m - loss: 0.67611351, learning_rate: 2.9934335184580204e-05, global_step: 670, interval_runtime: 5.6613, interval_samples_per_second: 11.305, interval_steps_per_second: 1.766, epoch: 0.1094[0m
[32m[2022-08-31 14:38:04,412] [    INFO][0m - loss: 0.66516151, learning_rate: 2.9933355112708268e-05, global_step: 680, interval_runtime: 5.6515, interval_samples_per_second: 11.324, interval_steps_per_second: 1.769, epoch: 0.1111[0m
[32m[2022-08-31 14:38:10,084] [    INFO][0m - loss: 0.64092846, learning_rate: 2.993237504083633e-05, global_step: 690, interval_runtime: 5.6717, interval_samples_per_second: 11.284, interval_steps_per_second: 1.763, epoch: 0.1127[0m
[32m[2022-08-31 14:38:15,744] [    INFO][0m - loss: 0.61171145, learning_rate: 2.9931394968964393e-05, global_step: 700, interval_runtime: 5.6601, interval_samples_per_second: 11.307, interval_steps_per_second: 1.767, epoch: 0.1143[0m
[32m[2022-08-31 14:38:15,744] [    INFO][0m - ***** Running Evaluation *****[0m
[32m[2022-08-31 14:38:15,745] [    INFO][0m -   Num examples = 12241[0m
[32m[2022-08-31 14:38:15,745] [    INFO][0m -   Pre device batch size = 64[0m
[32m[2022-08-31 14:38:15,745] [    INFO][0m -   Total Batch size = 64[0m
[32m[2022-08-31 14:38:15,745] [    INFO][0m -   Total prediction steps = 192[0m
[32m[2022-08-31 14:39:10,698] [    INFO][0m - eval_loss: 0.5951129198074341, eval_accuracy: 0.7652152601911608, eval_runtime: 54.9529, eval_samples_per_second: 222.754, eval_steps_per_second: 3.494, epoch: 0.1143[0m
[32m[2022-08-31 14:39:10,699] [    INFO][0m - Saving model checkpoint to ./checkpoints/checkpoint-700[0m
[32m[2022-08-31 14:39:10,699] [    INFO][0m - Trainer.model is not a `PretrainedModel`, only saving its state dict.[0m
[32m[2022-08-31 14:39:12,459] [    INFO][0m - tokenizer config file saved in ./checkpoints/checkpoint-700/tokenizer_config.json[0m
[32m[2022-08-31 14:39:12,459] [    INFO][0m - Special tokens file saved in ./checkpoints/checkpoint-700/special_tokens_map.json[0m
[32m[2022-08-31 14:39:21,243] [    INFO][0m - loss: 0.65470495, learning_rate: 2.9930414897092454e-05, global_step: 710, interval_runtime: 65.4999, interval_samples_per_second: 0.977, interval_steps_per_second: 0.153, epoch: 0.116[0m
[32m[2022-08-31 14:39:26,921] [    INFO][0m - loss: 0.62275553, learning_rate: 2.992943482522052e-05, global_step: 720, interval_runtime: 5.6777, interval_samples_per_second: 11.272, interval_steps_per_second: 1.761, epoch: 0.1176[0m
[32m[2022-08-31 14:39:32,566] [    INFO][0m - loss: 0.62941651, learning_rate: 2.992845475334858e-05, global_step: 730, interval_runtime: 5.6442, interval_samples_per_second: 11.339, interval_steps_per_second: 1.772, epoch: 0.1192[0m
[32m[2022-08-31 14:39:38,215] [    INFO][0m - loss: 0.66768112, learning_rate: 2.992747468147664e-05, global_step: 740, interval_runtime: 5.65, interval_samples_per_second: 11.327, interval_steps_per_second: 1.77, epoch: 0.1209[0m
[32m[2022-08-31 14:39:43,866] [    INFO][0m - loss: 0.67562971, learning_rate: 2.9926494609604705e-05, global_step: 750, interval_runtime: 5.6512, interval_samples_per_second: 11.325, interval_steps_per_second: 1.77, epoch: 0.1225[0m
[32m[2022-08-31 14:39:49,528] [    INFO][0m - loss: 0.69885988, learning_rate: 2.9925514537732766e-05, global_step: 760, interval_runtime: 5.6618, interval_samples_per_second: 11.304, interval_steps_per_second: 1.766, epoch: 0.1241[0m
[32m[2022-08-31 14:39:55,177] [    INFO][0m - loss: 0.66681585, learning_rate: 2.992453446586083e-05, global_step: 770, interval_runtime: 5.6487, interval_samples_per_second: 11.33, interval_steps_per_second: 1.77, epoch: 0.1258[0m
[32m[2022-08-31 14:40:00,816] [    INFO][0m - loss: 0.65928564, learning_rate: 2.992355439398889e-05, global_step: 780, interval_runtime: 5.6389, interval_samples_per_second: 11.35, interval_steps_per_second: 1.773, epoch: 0.1274[0m
[32m[2022-08-31 14:40:06,511] [    INFO][0m - loss: 0.63385005, learning_rate: 2.9922574322116956e-05, global_step: 790, interval_runtime: 5.6945, interval_samples_per_second: 11.239, interval_steps_per_second: 1.756, epoch: 0.129[0m
[32m[2022-08-31 14:40:12,210] [    INFO][0m - loss: 0.63931422, learning_rate: 2.9921594250245017e-05, global_step: 800, interval_runtime: 5.6997, interval_samples_per_second: 11.229, interval_steps_per_second: 1.754, epoch: 0.1307[0m
[32m[2022-08-31 14:40:12,211] [    INFO][0m - ***** Running Evaluation *****[0m
[32m[2022-08-31 14:40:12,211] [    INFO][0m -   Num examples = 12241[0m
[32m[2022-08-31 14:40:12,211] [    INFO][0m -   Pre device batch size = 64[0m
[32m[2022-08-31 14:40:12,211] [    INFO][0m -   Total Batch size = 64[0m
[32m[2022-08-31 14:40:12,211] [    INFO][0m -   Total prediction steps = 192[0m
[32m[2022-08-31 14:41:06,681] [    INFO][0m - eval_loss: 0.5873503088951111, eval_accuracy: 0.7670124989788416, eval_runtime: 54.4698, eval_samples_per_second: 224.73, eval_steps_per_second: 3.525, epoch: 0.1307[0m
[32m[2022-08-31 14:41:06,682] [    INFO][0m - Saving model checkpoint to ./checkpoints/checkpoint-800[0m
[32m[2022-08-31 14:41:06,682] [    INFO][0m - Trainer.model is not a `PretrainedModel`, only saving its state dict.[0m
[32m[2022-08-31 14:41:08,502] [    INFO][0m - tokenizer config file saved in ./checkpoints/checkpoint-800/tokenizer_config.json[0m
[32m[2022-08-31 14:41:08,502] [    INFO][0m - Special tokens file saved in ./checkpoints/checkpoint-800/special_tokens_map.json[0m
