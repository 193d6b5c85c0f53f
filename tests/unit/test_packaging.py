"""The stylesheet is found when reader is installed from a wheel (not only from the repo)."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_ships_the_stylesheet_and_the_installed_app_finds_it(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist)],
                   cwd=ROOT, check=True, capture_output=True)
    [wheel] = dist.glob("reader-*.whl")
    with zipfile.ZipFile(wheel) as z:
        assert z.read("reader/ui/app.tcss") == (ROOT / ".textual.css").read_bytes()
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)  # what a non-editable install puts in site-packages
    code = "from reader.ui.app import ReaderApp; print(ReaderApp.CSS_PATH)"
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=tmp_path)
    assert Path(out.stdout.strip()) == site / "reader" / "ui" / "app.tcss"


def test_editable_checkout_uses_the_repository_stylesheet():
    from reader.ui.stylesheet import stylesheet_path

    assert stylesheet_path() in (ROOT / ".textual.css", ROOT / "src" / "reader" / "ui" / "app.tcss")
