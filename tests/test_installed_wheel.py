"""A non-editable install finds its shipped content from any working directory.

Builds the wheel with hatchling (no network), installs it with ``--no-index
--no-deps`` into a fresh virtual environment that borrows this interpreter's
dependencies, and runs the ``studykit`` console script from an empty folder.
"""

import json
import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from studykit.concepts import load_concepts

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.packaging


def run(*args, cwd, env=None):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The bin folder of a venv with the studykit wheel installed (not editable)."""
    base = tmp_path_factory.mktemp("install")
    built = run(sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(base / "dist"), cwd=ROOT)
    assert built.returncode == 0, built.stderr
    wheel = next((base / "dist").glob("studykit-*.whl"))
    venv = base / "venv"
    made = run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=base)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    purelib = Path(
        run(
            str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=base
        ).stdout.strip()
    )
    # click, rich and pyyaml come from the running interpreter: a .pth line appends its
    # site-packages after the venv's own, and .pth files there (an editable studykit) are not read.
    deps = [
        path
        for path in {sysconfig.get_path("purelib"), sysconfig.get_path("platlib"), *site.getsitepackages()}
    ]
    (purelib / "borrowed-deps.pth").write_text(
        "".join(f"{path}\n" for path in deps if path), encoding="utf-8"
    )
    pip = run(
        sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-index", "--no-deps",
        str(wheel), cwd=base,
    )  # fmt: skip
    assert pip.returncode == 0, pip.stderr
    return venv / "bin"


def clean_env():
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "STUDYKIT_CONTENT")}
    env["NO_COLOR"] = "1"
    return env


def test_installed_package_is_imported_from_the_venv_not_the_checkout(installed, tmp_path):
    result = run(
        str(installed / "python"),
        "-c",
        "import studykit; print(studykit.__file__)",
        cwd=tmp_path,
        env=clean_env(),
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_relative_to(installed.parent)


def test_studykit_topics_lists_the_shipped_concepts_from_another_folder(installed, tmp_path):
    result = run(str(installed / "studykit"), "topics", "--json", cwd=tmp_path, env=clean_env())
    assert result.returncode == 0, result.stderr
    listed = {
        concept["id"] for group in json.loads(result.stdout)["domains"] for concept in group["concepts"]
    }
    assert listed == set(load_concepts().ids)
    text = run(str(installed / "studykit"), "topics", cwd=tmp_path, env=clean_env())
    assert text.returncode == 0 and "Domain 3: Applications of Foundation Models" in text.stdout


def test_python_dash_m_studykit_reads_a_concept(installed, tmp_path):
    concept_id = next(iter(load_concepts())).id
    result = run(
        str(installed / "python"), "-m", "studykit", "learn", concept_id, cwd=tmp_path, env=clean_env()
    )
    assert result.returncode == 0, result.stderr
    assert "Sources\n-------" in result.stdout


def test_the_installed_question_banks_are_found_from_another_folder(installed, tmp_path):
    result = run(str(installed / "studykit"), "bank", "coverage", "--json", cwd=tmp_path, env=clean_env())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["questions"] > 0
