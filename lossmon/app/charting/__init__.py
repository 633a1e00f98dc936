"""Chart building, independent of the terminal: arrays in, rows of styled text out.

Every function here costs O(chart size), not O(points): a frame at one million points costs what
it costs at one thousand, and it can be benchmarked without a terminal.
"""
