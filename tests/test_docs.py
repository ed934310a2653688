"""The README tells the truth (after datasette's documentation tests): every command, option and
setting is in it, the Quick start is two lines that CI runs, and error codes are unique."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
import typer.main

from allegiance import errors
from allegiance.cli import app
from allegiance.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.MULTILINE | re.DOTALL)
    assert m, f"README has no '## {title}' section"
    return m.group(1)


def table_rows(text: str) -> list[list[str]]:
    """Cells of a Markdown table's body rows (``\\|`` inside a cell is a literal bar)."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("|") or re.fullmatch(r"\|[-| :]+\|", line.strip()):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]
        rows.append(cells)
    return rows[1:]  # without the header


def fenced_blocks(text: str) -> list[str]:
    return re.findall(r"^```[^\n]*\n(.*?)^```", text, re.MULTILINE | re.DOTALL)


CLI = typer.main.get_command(app)
COMMAND_ROWS = {
    re.match(r"`allegiance (\S+)", row[0]).group(1): row for row in table_rows(section("Commands"))
}


# --- Quick start -------------------------------------------------------------------------------


def quick_start_lines() -> list[str]:
    blocks = fenced_blocks(section("Quick start"))
    assert blocks, "Quick start has no code block"
    return [line for line in blocks[0].splitlines() if line.strip()]


def test_quick_start_is_exactly_two_lines():
    assert quick_start_lines() == ["make demo", "make test"]


def test_ci_runs_the_second_quick_start_line():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert quick_start_lines()[1] in commands


def _recipe(target: str) -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    m = re.search(rf"^{target}:[^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.MULTILINE)
    assert m, f"Makefile has no {target} target"
    return [line.strip() for line in m.group(1).splitlines()]


def test_make_demo_sets_up_and_runs_the_demo():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:\s*setup\b", makefile, re.MULTILINE)
    assert any(re.search(r"allegiance run\s*$", line) for line in _recipe("demo"))


def test_make_test_sets_up_and_runs_every_test():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^test:\s*setup\b", makefile, re.MULTILINE)
    recipe = " ".join(_recipe("test"))
    assert "pytest" in recipe and "with-postgres.sh" in recipe
    pytest_args = recipe.split("pytest", 1)[1]
    assert not re.search(r"(\s-m\s|--deselect|not slow|\s-k\s|--ignore)", f" {pytest_args} "), \
        "make test must run the whole suite, slow tests included"


# --- Commands ------------------------------------------------------------------------------------


def test_every_command_is_in_the_commands_table():
    assert set(CLI.commands) == set(COMMAND_ROWS)


@pytest.mark.parametrize("name", sorted(CLI.commands))
def test_every_option_of_a_command_is_in_its_row(name: str):
    row = COMMAND_ROWS[name]
    for param in CLI.commands[name].params:
        if param.param_type_name == "option":
            long = [o for o in param.opts if o.startswith("--")]
            assert any(o in row[0] for o in long), f"{name}: {long} not in README row {row[0]!r}"
    assert len(row) >= 2 and row[1], f"{name}: no description in README"


def test_global_options_are_documented():
    text = section("Commands")
    for param in CLI.params:
        assert any(f"`{o}" in text or f"/`{o}`" in text or o in text for o in param.opts), param.opts


def test_python_dash_m_and_exit_codes_are_documented():
    text = section("Commands")
    assert "python -m allegiance" in text
    for code in ("0", "1", "2"):
        assert re.search(rf"\b{code} ", text)


# --- Settings --------------------------------------------------------------------------------------


SETTING_ROWS = {row[0].strip("`"): row for row in table_rows(section("Settings"))}


def _shown(default: object) -> str:
    if isinstance(default, float) and default.is_integer():
        return str(int(default))
    return str(default)


def test_every_setting_is_in_the_settings_table():
    assert set(Settings.model_fields) == set(SETTING_ROWS)


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_setting_row_names_its_variable_and_default(name: str):
    row = SETTING_ROWS[name]
    prefix = Settings.model_config.get("env_prefix", "")
    assert row[1] == f"`{prefix}{name.upper()}`"
    assert row[2] == f"`{_shown(Settings.model_fields[name].default)}`"
    assert row[3]


def test_config_file_variable_is_documented():
    assert "ALLEGIANCE_CONFIG" in section("Settings") and "allegiance.toml" in section("Settings")


# --- errors and attribution -------------------------------------------------------------------------


def _error_classes() -> list[type[errors.AllegianceError]]:
    return [c for _, c in inspect.getmembers(errors, inspect.isclass)
            if issubclass(c, errors.AllegianceError) and c.__module__ == errors.__name__]


def test_error_codes_are_unique_and_well_formed():
    codes = [c.code for c in _error_classes()]
    assert len(codes) > 10
    assert all(re.fullmatch(r"A\d{3}", code) for code in codes)
    duplicates = {code for code in codes if codes.count(code) > 1}
    assert not duplicates, duplicates


def test_error_codes_in_the_readme_exist():
    known = {c.code for c in _error_classes()}
    for code in re.findall(r"\[(A\d{3})\]", README):
        assert code in known, code


def test_data_attribution_section_is_the_one_shipped_with_the_data():
    shipped = (ROOT / "src" / "allegiance" / "normalise" / "data" / "README_SECTION.md").read_text(encoding="utf-8")
    assert shipped.strip().startswith("## Data attribution")
    assert shipped.strip() in README
    for source in ("MIMU", "GeoNames", "CC BY 4.0"):
        assert source in section("Data attribution")


def test_paths_named_in_the_readme_exist():
    for path in re.findall(r"`((?:src|tests|scripts)/[\w./-]+)`", README):
        assert (ROOT / path).exists(), path
