"""The cheap half of :mod:`syriatalks._hints`: what runs at ``import syriatalks``.

:func:`install` swaps each function's string annotations for a :class:`LazyHints` holding the same
strings; the first read evaluates them (importing ``typing`` and the rest then, not at import).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any, Dict, Iterator, Mapping, Optional

    _Base = Dict[str, Any]
else:
    _Base = dict

__all__ = ["LazyHints", "install"]


class LazyHints(_Base):
    """A function's annotations: kept as strings until read, then evaluated once (see above)."""

    __slots__ = ("_module",)

    def __init__(self, raw: Mapping[str, Any], module: str) -> None:
        dict.__init__(self, raw)
        self._module: Optional[str] = module

    def _resolve(self) -> None:
        module, self._module = self._module, None
        if module is None:
            return
        from ._hints import namespace

        ns = namespace(module)
        for key, value in list(dict.items(self)):
            if isinstance(value, str):
                dict.__setitem__(self, key, eval(value, ns))  # noqa: S307 - the package's own annotations

    # Every way of reading resolves first. Overriding __iter__ also makes dict(hints) (what
    # get_type_hints and inspect do) go through keys() and __getitem__ rather than copying raw.
    def __iter__(self) -> Iterator[str]:
        self._resolve()
        return dict.__iter__(self)

    def __getitem__(self, key: str) -> Any:
        self._resolve()
        return dict.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        self._resolve()
        return dict.get(self, key, default)

    def keys(self) -> Any:
        self._resolve()
        return dict.keys(self)

    def values(self) -> Any:
        self._resolve()
        return dict.values(self)

    def items(self) -> Any:
        self._resolve()
        return dict.items(self)

    def copy(self) -> Dict[str, Any]:
        self._resolve()
        return dict(dict.items(self))

    def __repr__(self) -> str:
        self._resolve()
        return dict.__repr__(self)


def install(module: str, namespace: Mapping[str, object]) -> None:
    """Makes the annotations of the functions and methods defined in ``namespace`` (a module's
    globals) lazy, so that ``typing.get_type_hints`` resolves them."""
    function = type(install)
    for obj in list(namespace.values()):
        found = [obj]
        if isinstance(obj, type) and obj.__module__ == module:
            found = [getattr(v, "__func__", v) for v in vars(obj).values()]
            found += [v.fget for v in vars(obj).values() if isinstance(v, property)]
        for f in found:
            if isinstance(f, function) and f.__module__ == module and f.__annotations__ and not isinstance(f.__annotations__, LazyHints):
                f.__annotations__ = LazyHints(f.__annotations__, module)
