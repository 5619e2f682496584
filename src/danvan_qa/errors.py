"""Typed errors, so callers (CLI, UI, tests) can react to each failure precisely."""


class DanvanError(Exception):
    """Base class of every error this package raises on purpose."""


class ModelError(DanvanError):
    """The embedding model cannot be built, verified or loaded."""


class StoreError(DanvanError):
    """The index store is missing, stale, corrupted or from another model."""


class CorpusError(DanvanError):
    """The corpus directory cannot be read at all."""


class QueryError(DanvanError, ValueError):
    """A question is empty, too long or otherwise unusable."""
