"""The closed vocabularies of syriatalks, as string enums built from the core crate's word lists.

Each member *is* its word (``EventKind.VETO == "veto"``), so filters accept either. The words come
from the compiled module (the core's ``WORDS`` of each vocabulary), never typed twice; each enum is
built the first time it is used, so that ``import syriatalks`` does not pay for ``enum``.
The stubs (``_vocab.pyi``) are generated from the same lists.
"""

from __future__ import annotations

from . import _native

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

_WORDS = _native.vocabularies()
__all__ = list(_WORDS)


def _word_base() -> Any:
    base = globals().get("_Word")
    if base is None:
        from enum import Enum

        class _Word(str, Enum):
            """A word of a closed vocabulary; compares equal to its string."""

            def __str__(self) -> str:
                return str(self.value)

            def __repr__(self) -> str:
                return f"{type(self).__name__}.{self.name}"

        _Word.__module__ = __name__
        globals()["_Word"] = base = _Word
    return base


def _build(name: str) -> Any:
    words = _WORDS[name]
    cls = _word_base()(name, [(w.upper(), w) for w in words], module=__name__, qualname=name)
    label = _native.vocabulary_labels()[name]
    cls.__doc__ = f"The {label} vocabulary: {', '.join(words)} (each member equals its word)."
    globals()[name] = cls
    return cls


def __getattr__(name: str) -> Any:
    if name == "_Word":
        return _word_base()
    if name in _WORDS:
        return _build(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WORDS) | {"_Word"})
