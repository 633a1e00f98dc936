"""blake2b without OpenSSL: ``hashlib`` loads OpenSSL's libcrypto (3 MB resident) to offer its
algorithms, and blake2b lives in a C module of its own. The engine's digests (echoes' series
ids, notebooks' outputs) come from here, so that a check never loads libcrypto (issue 18)."""

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

__all__ = ["blake2b"]
