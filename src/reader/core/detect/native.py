"""Which implementation of the detector modules runs: compiled (Cython) or plain Python.

``figures`` and ``quotes`` are plain Python modules that the build (``hatch_build.py``) also compiles
with Cython when it can, writing ``compiled.json`` with a hash of each compiled source. An extension
module is used only while its source is unchanged since it was compiled (an edited module in an
editable checkout runs as Python until the next install) and ``READER_PURE_PYTHON`` is not set;
otherwise the ``.py`` files are loaded. Both give identical output. Standard library only: the build
hook loads this file by path.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

MODULES = ("figures", "quotes", "assemble")
"""The compiled modules, in import order (quotes imports figures; assemble imports both)."""
HERE = Path(__file__).resolve().parent
PACKAGE = "reader.core.detect"


def source_hash(directory: Path, module: str) -> str:
    """The hash of ``module``'s ``.py``, ``.pxd`` and ``.h`` (C helpers, where it has them) in
    ``directory``, as ``compiled.json`` records it."""
    h = hashlib.sha256()
    for suffix in (".py", ".pxd", ".h"):
        p = directory / (module + suffix)
        h.update(p.read_bytes() if p.exists() else b"")
    return h.hexdigest()


def _has_extension(module: str) -> bool:
    return any((HERE / (module + suffix)).exists() for suffix in EXTENSION_SUFFIXES)


def _compiled_usable() -> bool:
    if os.environ.get("READER_PURE_PYTHON"):
        return False
    try:
        recorded = json.loads((HERE / "compiled.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all(_has_extension(m) and recorded.get(m) == source_hash(HERE, m) for m in MODULES)


def _load_source(module: str) -> None:
    """Import ``module`` from its ``.py`` file even where an extension module sits beside it."""
    name = f"{PACKAGE}.{module}"
    spec = importlib.util.spec_from_file_location(name, HERE / f"{module}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    try:
        spec.loader.exec_module(mod)
    except BaseException:
        del sys.modules[name]
        raise
    setattr(sys.modules[PACKAGE], module, mod)


def select() -> str:
    """Arrange for the detector modules to be imported as compiled or as Python; returns which:
    ``"compiled"`` or ``"python"``. Called once, by ``reader.core.detect`` before its modules load."""
    if _compiled_usable():
        return "compiled"
    for m in MODULES:
        if _has_extension(m) and f"{PACKAGE}.{m}" not in sys.modules:
            _load_source(m)
    return "python"
