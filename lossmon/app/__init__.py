"""The terminal app: Textual widgets that render the engine's state. Nothing here is imported by
the engine.

app.py wires it together: the reader (reader.py: the engine's follower) posts LogsChanged (messages.py) from its thread;
the app keeps a LogView per log and, on a throttle (refresh.py), takes a snapshot (scene.py) and
draws it on the LogScreen (log_screen.py): the header from header_scene.py, the charts planned by
scene.py and drawn by charting/ to the chart specification (lossmon.charts), the badges, the
checklist (checklist_ticks.py) and the findings timeline (widgets/). Keys change the reactive
view state (actions.py, view_state.py) and the app's watchers redraw."""
