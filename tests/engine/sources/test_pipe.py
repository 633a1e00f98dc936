import gzip
import os
import threading

from lossmon.engine.sources.compressed import FinishedFile
from lossmon.engine.sources.pipe import _PIPE_CHUNKS, PipeStream
from lossmon.engine.sources.pipe import READ_BYTES as CHUNK_BYTES
from tests.engine.recording_sink import Recorder


def test_a_pipe_is_not_read_ahead_of_the_follower_without_bound():
    read_end, write_end = os.pipe()
    ready = threading.Event()
    with open(read_end, "rb", buffering=0) as stdin:
        stream = PipeStream("-", stdin, ready.set)
        sink = Recorder()
        stream.poll(sink, CHUNK_BYTES)  # starts the reading thread
        written = 0
        os.set_blocking(write_end, False)
        try:
            while written < 64 * CHUNK_BYTES:
                written += os.write(write_end, b"x" * 65536)
        except BlockingIOError:
            pass  # the reader stopped taking: the writer is held back
        assert written < (_PIPE_CHUNKS + 2) * CHUNK_BYTES
        os.close(write_end)
        got = 0
        while not stream.done:
            ready.wait(5)
            ready.clear()
            stream.poll(sink, CHUNK_BYTES)
            got = sum(len(entry[1]) for entry in sink.log if entry[0] == "data")
        assert got == written
        assert sink.log[-2:] == [("end",), ("event", "finished")]


def test_a_finished_file_is_read_a_budget_at_a_time(tmp_path):
    log = tmp_path / "train.log.gz"
    log.write_bytes(gzip.compress(b"a line\n" * 500_000))
    stream, sink = FinishedFile(str(log)), Recorder()
    polls = 1
    while stream.poll(sink, CHUNK_BYTES):
        polls += 1
    assert polls >= 3
    assert sum(len(entry[1]) for entry in sink.log if entry[0] == "data") == 3_500_000
    assert sink.log[0] == ("event", "opened") and sink.log[-2:] == [("end",), ("event", "finished")]
