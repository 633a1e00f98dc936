"""What a chart shows, for both of lossmon's chart renderers (the app's braille canvas in
lossmon.app.charting, and plotext for ``check --plot`` in lossmon.plot): the chart specification
(spec.py) and its axis ticks and labels (axis_ticks.py). No terminal and no UI library here."""
