"""The core: plain Python, no textual and no rich. The UI depends on it, never the reverse."""
