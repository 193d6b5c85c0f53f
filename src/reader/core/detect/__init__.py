"""Span detection internals: :mod:`.figures` (quantities, dates, times) and :mod:`.quotes`
(quotation spans and their speakers). The public entry point is :func:`reader.core.spans.detect`."""
