"""The project's promises about itself: set-up commands, CI, pins, architecture and safety rules."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from components.pages import PAGES

ROOT = Path(__file__).resolve().parents[1]
RUN_COMMAND = "pip install -r requirements.txt && streamlit run dashboard.py"
TEST_COMMAND = "pip install -r requirements-dev.txt && python -m pytest"


def python_files(*folders: str) -> list[Path]:
    return [path for folder in folders for path in (ROOT / folder).rglob("*.py")]


def test_readme_states_exactly_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^pip install .*$", readme, flags=re.MULTILINE)
    assert commands == [RUN_COMMAND, TEST_COMMAND]


def test_ci_runs_the_readme_test_command_with_chromium():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.strip().splitlines()[-1] == TEST_COMMAND
    assert "missing+=(chromium)" in script and "missing+=(postgresql)" in script
    assert 'apt-get install -y "${missing[@]}"' in script
    assert "export STANCE_TEST_POSTGRES_URL=" in script  # Class Pulse's database tests run on PostgreSQL too
    assert "export CI=true" in script
    assert "command -v npm" in script  # the accessibility audit fetches axe-core with npm (testkit/axe.py)
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111


def test_streamlit_is_pinned_exactly():
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^streamlit==\d+\.\d+\.\d+$", requirements, flags=re.MULTILINE)
    for line in requirements.splitlines():
        if line and not line.startswith("#"):
            assert "==" in line, f"unpinned runtime dependency: {line}"


def test_streamlit_config_turns_off_usage_stats_and_unsafe_exports():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["disableDataExport"] is True  # the table toolbar's CSV would keep formulas


def test_core_never_imports_streamlit():
    for path in python_files("stancekit"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(name.split(".")[0] == "streamlit" for name in names), path


def test_no_unsafe_html_anywhere_in_the_app():
    scripts = []
    for path in python_files("stancekit", "components", "app_pages") + [ROOT / "dashboard.py"]:
        text = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in text, path
        scripts += [path.name] * text.count("unsafe_allow_javascript=True")
    assert scripts == ["language.py"]  # the one script: <html lang> from our own list of languages


def test_every_page_file_is_in_the_page_registry_and_draws_its_own_view():
    assert {spec.module for spec in PAGES} == {path.stem for path in (ROOT / "app_pages").glob("*.py")}
    for spec in PAGES:
        assert (ROOT / "components" / f"{spec.module}.py").exists(), spec.module
        assert f"from components import {spec.module}\n" in (ROOT / spec.script).read_text(encoding="utf-8")
    assert len({spec.url_path for spec in PAGES}) == len(PAGES)
    assert [spec.module for spec in PAGES if spec.default] == ["overview"]


def test_views_leave_counting_sorting_and_display_tables_to_the_core():
    computing = {
        *("groupby", "value_counts", "sort_values", "pivot_table", "assign", "mean", "sum", "DataFrame"),
        *("nunique", "unique", "count", "median", "agg", "merge"),
    }
    for path in python_files("components"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert node.func.attr not in computing, f"{path.name}:{node.lineno} calls {node.func.attr}"
