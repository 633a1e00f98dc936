"""Every known format, most specific first: the first anchor that finds a message names it."""

from __future__ import annotations

from lossmon.engine.formats.base import Format
from lossmon.engine.formats.caffe2_print import Caffe2Print
from lossmon.engine.formats.cell_lines import CellLines
from lossmon.engine.formats.column import Column, GluedValues, ValueArrays
from lossmon.engine.formats.console_table import BoxedTable, WhitespaceTable
from lossmon.engine.formats.darknet import Darknet
from lossmon.engine.formats.darts import Darts
from lossmon.engine.formats.dataframe_table import DataFrameTable
from lossmon.engine.formats.deepspeed import DeepSpeed
from lossmon.engine.formats.fairseq import Fairseq
from lossmon.engine.formats.generic import KeyValue
from lossmon.engine.formats.grouped_table import GroupedTable
from lossmon.engine.formats.gpt import LlmcLog, LlmcStdout, ModdedNanoGPT, NanoGPT
from lossmon.engine.formats.huggingface import HFDict, HFState, JsonDocument
from lossmon.engine.formats.jsonl import JsonLines, LlamaFactory
from lossmon.engine.formats.keras import Keras
from lossmon.engine.formats.lightning import LightningBar, Nemo
from lossmon.engine.formats.loss_dict import LossDict
from lossmon.engine.formats.megatron import Megatron
from lossmon.engine.formats.mmengine import MMEngine, MMEngineScalars
from lossmon.engine.formats.numbered_rows import NumberedRows
from lossmon.engine.formats.pass_columns import PassColumns
from lossmon.engine.formats.stacked_rows import StackedRows
from lossmon.engine.formats.table import KerasCsv, LightningCsv, Table, UltralyticsCsv
from lossmon.engine.formats.torch_recipes import Timm, Torchtitan, Torchtune
from lossmon.engine.formats.keyed_lists import KeyedLists
from lossmon.engine.formats.value_lists import BareValueList, SplitLists
from lossmon.engine.formats.yolo_results import YoloResultsTxt

FORMATS: tuple[Format, ...] = (
    HFDict(),
    HFState(),
    JsonDocument(),
    ModdedNanoGPT(),
    LlmcLog(),
    LlmcStdout(),
    NanoGPT(),
    Megatron(),
    Nemo(),
    LightningBar(),
    Keras(),
    DeepSpeed(),
    Darknet(),
    Darts(),
    Caffe2Print(),
    Fairseq(),
    MMEngine(),
    MMEngineScalars(),
    Timm(),
    Torchtune(),
    Torchtitan(),
    LlamaFactory(),
    JsonLines(),
    UltralyticsCsv(),
    LightningCsv(),
    KerasCsv(),
    Table(),
    BoxedTable(),
    GroupedTable(),
    PassColumns(),
    CellLines(),
    YoloResultsTxt(),
    DataFrameTable(),
    WhitespaceTable(),
    Column(),
    ValueArrays(),
    GluedValues(),
    NumberedRows(),
    LossDict(),
    BareValueList(),
    StackedRows(),
    SplitLists(),
    KeyedLists(),
    KeyValue(),
)
FORMATS_BY_ID: dict[str, Format] = {fmt.id: fmt for fmt in FORMATS}
FALLBACK = KeyValue.id
