"""Build hook: compile the span detector's hot modules with Cython, when that is possible.

The detector modules ``src/reader/core/detect/figures.py``, ``quotes.py`` and ``assemble.py`` (the list
is ``native.MODULES``) are plain Python; their ``.pxd`` files add C types for Cython (pure-Python mode).
When the wheel is built (``pip install .``, ``pip install -e .``, ``hatchling build``) this hook
compiles them:

- a regular wheel gets the extension modules (and ``compiled.json``) added next to the ``.py`` files;
- an editable install gets them written in place, beside the ``.py`` files in ``src/`` (git ignores them).

``compiled.json`` records a hash of each compiled module's source; ``reader.core.detect`` uses an
extension module only while its ``.py``, ``.pxd`` and ``.h`` (C helpers, where a module has them) are
unchanged (an edited module runs as Python until the next install). When anything fails (no Cython,
no C compiler, no Python headers), the hook prints a warning and the wheel holds the pure-Python
modules only: the detector gives the same output either way, only slower. ``READER_PURE_PYTHON=1`` skips compilation.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE_DIR = "src/reader/core/detect"
# The generated C is large (2-4 MB a module). -O3 inlines Cython's string-indexing helpers, which -O1
# and -O2 leave as calls: 6-7 % fewer instructions in detection, for about 20 s more of compiling.
COMPILE_ARGS = ["-O3"]
DIRECTIVES = {"language_level": 3, "annotation_typing": False, "binding": False}


def _native():
    """``src/reader/core/detect/native.py`` (standard library only), loaded by path: it defines the
    compiled modules and the source hash that ``compiled.json`` records."""
    import importlib.util

    path = Path(__file__).resolve().parent / PACKAGE_DIR / "native.py"
    spec = importlib.util.spec_from_file_location("_reader_native", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


NATIVE = _native()
MODULES = NATIVE.MODULES


class CythonBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or os.environ.get("READER_PURE_PYTHON"):
            return
        root = Path(self.root)
        src = root / PACKAGE_DIR
        editable = version == "editable"
        if editable:
            _remove_compiled(src)  # never leave a stale extension module beside a changed source
        work = Path(tempfile.mkdtemp(prefix="reader-cython-"))
        try:
            built = _compile(root, work)
        except Exception as exc:  # noqa: BLE001 - any failure means: ship pure Python
            self.app.display_warning(
                f"reader: the span detector was not compiled ({type(exc).__name__}: {exc}); "
                "installing the pure-Python modules (same output, slower)")
            shutil.rmtree(work, ignore_errors=True)
            return
        manifest = {m: NATIVE.source_hash(src, m) for m in MODULES}
        if editable:
            for module, path in built.items():
                shutil.copy2(path, src / path.name)
            (src / "compiled.json").write_text(json.dumps(manifest, indent=1) + "\n")
        else:
            (work / "compiled.json").write_text(json.dumps(manifest, indent=1) + "\n")
            for module, path in built.items():
                build_data["force_include"][str(path)] = f"reader/core/detect/{path.name}"
            build_data["force_include"][str(work / "compiled.json")] = "reader/core/detect/compiled.json"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        self._work = work

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def _remove_compiled(src: Path) -> None:
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    for module in MODULES:
        (src / (module + suffix)).unlink(missing_ok=True)
    (src / "compiled.json").unlink(missing_ok=True)


def _compile(root: Path, work: Path) -> dict[str, Path]:
    """Cythonize and compile MODULES into ``work``; returns {module: path of the extension module}."""
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension

    exts = [Extension(f"reader.core.detect.{m}", [str(root / PACKAGE_DIR / f"{m}.py")],
                      include_dirs=[str(root / PACKAGE_DIR)],  # a module's C helpers: <module>.h
                      extra_compile_args=COMPILE_ARGS) for m in MODULES]
    exts = cythonize(exts, compiler_directives=DIRECTIVES, build_dir=str(work / "c"), quiet=True,
                     force=True)
    dist = Distribution({"ext_modules": exts, "script_args": []})
    cmd = dist.get_command_obj("build_ext")
    cmd.build_lib = str(work / "lib")
    cmd.build_temp = str(work / "tmp")
    cmd.parallel = os.cpu_count() or 1
    cmd.ensure_finalized()
    cmd.run()
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    built = {m: work / "lib" / "reader" / "core" / "detect" / (m + suffix) for m in MODULES}
    missing = [str(p) for p in built.values() if not p.exists()]
    if missing:
        raise RuntimeError(f"build_ext did not produce {missing}")
    return built


if __name__ == "__main__" and sys.argv[1:] == ["--inplace"]:  # developers: rebuild in place
    _root = Path(__file__).resolve().parent
    _src = _root / PACKAGE_DIR
    _work = Path(tempfile.mkdtemp(prefix="reader-cython-"))
    try:
        for _m, _p in _compile(_root, _work).items():
            shutil.copy2(_p, _src / _p.name)
        (_src / "compiled.json").write_text(
            json.dumps({m: NATIVE.source_hash(_src, m) for m in MODULES}, indent=1) + "\n")
    finally:
        shutil.rmtree(_work, ignore_errors=True)
