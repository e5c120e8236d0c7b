"""The project's promises about itself: set-up commands, CI, pins, architecture and safety rules."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from bench.pages import URL_PATHS

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
    assert "apt-get install -y chromium" in script
    assert "export CI=true" in script
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
    for path in python_files("stancekit", "components", "app_pages") + [ROOT / "dashboard.py"]:
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), path


def test_the_page_table_of_benchmarks_and_tests_matches_the_app():
    assert set(URL_PATHS) == {path.stem for path in (ROOT / "app_pages").glob("*.py")}
    router = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    routed = re.findall(r'st\.Page\(\s*"app_pages/(\w+)\.py".*?url_path="([\w-]+)"', router, flags=re.DOTALL)
    default = re.search(r'"app_pages/(\w+)\.py"[^)]*default=True', router).group(1)
    assert dict(routed) == {name: URL_PATHS[name] or name for name in URL_PATHS}
    in_menu = [name for name, _ in routed if name != "presenter"]  # the presenter's page is built first
    assert in_menu == [name for name in URL_PATHS if name != "presenter"]
    assert URL_PATHS[default] == ""
