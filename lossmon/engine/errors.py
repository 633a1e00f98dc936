"""Errors that reach the user as one clear line, never as a traceback."""


class LossmonError(Exception):
    """A problem the user can act on (a missing file, a bad option); the message says which."""
