"""Things made on first use: a value (`Lazy`), and a package's public names, imported from their
modules on first use (PEP 562) so that importing one module of a subpackage does not load its
siblings."""

from __future__ import annotations

import sys
import threading
from importlib import import_module
from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """The `__getattr__` of `package`: `exports` maps a public name to the submodule defining it."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{exports[name]}", package), name)
        namespace[name] = value
        return value

    return __getattr__


class Lazy(Generic[T]):
    """A value made on first use, once: a second thread asking meanwhile waits for the first."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make: Callable[[], T] | None = make
        self._value: T | None = None
        self._lock = threading.Lock()

    @classmethod
    def of(cls, value: T) -> "Lazy[T]":
        done: Lazy[T] = cls(lambda: value)
        done.get()
        return done

    def get(self) -> T:
        if self._make is not None:
            with self._lock:
                if self._make is not None:
                    self._value, self._make = self._make(), None
        return self._value  # type: ignore[return-value]
