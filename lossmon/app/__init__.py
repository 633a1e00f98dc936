"""The terminal app: Textual widgets that render the engine's state. Nothing here is imported by
the engine."""
