"""The core runs without the UI: importing it must not load textual or rich."""

import subprocess
import sys


def test_core_does_not_import_textual_or_rich():
    code = (
        "import sys, pkgutil, importlib, reader.core\n"
        "for m in pkgutil.iter_modules(reader.core.__path__):\n"
        "    importlib.import_module('reader.core.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich') or n.startswith('reader.ui'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_linter_contract_holds():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=root)
    assert out.returncode == 0, out.stdout + out.stderr


def test_sanitize_neutralises_controls_bidi_and_surrogates_keeping_offsets():
    from reader.core.sanitize import clean_display, clean_line

    raw = "a\x1b[31mb\u202ec\ud800d\te\nf\x9b"
    out = clean_display(raw)
    assert len(out) == len(raw)
    assert "\x1b" not in out and "\u202e" not in out and "\ud800" not in out and "\x9b" not in out
    assert "\t" in out and "\n" in out
    assert clean_line("x\ny\tz") == "x y z"
