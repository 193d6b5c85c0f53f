"""Span detection internals: :mod:`.figures` (quantities, dates, times), :mod:`.quotes`
(quotation spans and their speakers) and :mod:`.assemble` (runs both, builds the sorted spans).
The public entry point is :func:`reader.core.spans.detect`.

These modules may be compiled with Cython at install time (see :mod:`.native`); ``IMPLEMENTATION``
says which form runs: ``"compiled"`` or ``"python"``."""

from .native import select as _select

IMPLEMENTATION = _select()
