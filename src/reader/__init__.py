"""reader: a keyboard-first terminal workbench for reading news across outlets."""

__version__ = "0.1.0"
