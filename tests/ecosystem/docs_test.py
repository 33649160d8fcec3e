#!/usr/bin/env python3
"""The reference in docs/ agrees with the program, both ways: every diagnostic code in the
source, every key the participants and layout loaders take, every field of the JSON report
and every command-line option is documented, and everything documented exists.
Usage: docs_test.py LOGOGRID_BINARY"""
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from probe import SOURCE, flatten_fields, probe_keys, run

DOCS = SOURCE / "docs"
# Kebab-case literals next to a diagnostic call that are not codes.
NOT_CODES = {"sans-serif", "system-ui", "xml-stylesheet", "logo-fragment", "logo-facts"}

failures = []


def compare(what, program, documented, pending=frozenset()):
    for name in sorted(program - documented):
        failures.append(f"{what} `{name}` is in the program but not documented")
    for name in sorted(documented - program):
        if name in pending:
            print(f"pending: {what} `{name}` is documented; its branch has not landed yet")
        else:
            failures.append(f"{what} `{name}` is documented but not in the program")
    for name in sorted(pending & program):
        print(f"note: {what} `{name}` is implemented now: delete it from tests/ecosystem/pending.txt")


def table_keys(markdown, pattern=r"[a-z_0-9]+(?:\[\])?(?:\.[a-z_0-9]+(?:\[\])?)*"):
    """First-column `names` of the Markdown tables in a file."""
    return {m.group(1) for m in re.finditer(r"^\| `(%s)` \|" % pattern, markdown, re.M)}


def pending_items(kind):
    lines = (Path(__file__).parent / "pending.txt").read_text().splitlines()
    return {l.split()[1] for l in lines if l.startswith(kind + " ")}


def source_codes():
    """Codes used in a diagnostic call (`error(`, `warning(`, `add(`, `problem(`, `code ==`,
    SchemaCodes) anywhere in src/, and every kebab-case literal at all (a documented code
    must at least appear in the source)."""
    used, literals = set(), set()
    call = re.compile(r"\b(error|warning|add|problem)\s*\(|\bcode\s*==|Codes\b")
    for path in sorted((SOURCE / "src").rglob("*.[ch]pp")):
        text = re.sub(r"//[^\n]*", "", path.read_text())
        for statement in re.split(r"[;{}]\s*\n", text):
            found = set(re.findall(r'"([a-z]+(?:-[a-z0-9]+)+)"', statement))
            literals |= found
            if call.search(statement):
                used |= found - NOT_CODES
    return used, literals


def check_codes():
    markdown = (DOCS / "diagnostics.md").read_text()
    headings = set(re.findall(r"^## `([a-z0-9-]+)`$", markdown, re.M))
    overview = table_keys(markdown, r"[a-z0-9]+(?:-[a-z0-9]+)+")
    for code in sorted(headings ^ overview):
        failures.append(f"code `{code}` is not both in the overview table and a section")
    for code in headings:
        section = markdown.split(f"## `{code}`", 1)[1].split("\n## ", 1)[0]
        if f"[{code}]" not in section or "Fix:" not in section or section.count("```") < 4:
            failures.append(f"code `{code}`: its section needs an example input, the message "
                            "and a Fix:")
    used, literals = source_codes()
    pending = pending_items("code")
    for code in sorted(used - headings):
        failures.append(f"code `{code}` is used in src/ but not documented")
    for code in sorted(headings - literals):
        if code in pending:
            print(f"pending: code `{code}` is documented; its branch has not landed yet")
        else:
            failures.append(f"code `{code}` is documented but appears nowhere in src/")
    for code in sorted(pending & literals):
        print(f"note: code `{code}` is in src/ now: delete it from tests/ecosystem/pending.txt")


def check_keys(binary):
    compare("layout key", probe_keys(binary, "layout"),
            table_keys((DOCS / "layout.md").read_text()), pending_items("layout"))
    compare("participants key", probe_keys(binary, "participants"),
            table_keys((DOCS / "participants.md").read_text()), pending_items("participants"))


def check_report(binary):
    """The fields of `check --format json` and `build --report` on the shipped example, with
    an alias, PNG logos, references and a warning, so every optional field shows."""
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("participants.yaml", "logos", "layouts"):
            src = SOURCE / name
            (shutil.copytree if src.is_dir() else shutil.copy)(src, Path(tmp, name))
        with open(Path(tmp, "participants.yaml"), "a") as f:
            f.write("  - name: Soest\n    logo: logos/werl.svg\n"
                    "    commitment: {kind: letter_of_intent, date: 2021-09-01}\n")
        env = {"XDG_CACHE_HOME": str(Path(tmp, "cache"))}
        checked = run(binary, ["check", "--format", "json"], tmp, env)
        built = run(binary, ["build", "--report", "out/report.json"], tmp, env)
        if built.returncode != 0:
            failures.append(f"build of the example failed: {built.stderr}")
            return
        fields = flatten_fields(json.loads(checked.stdout))
        fields |= flatten_fields(json.loads(Path(tmp, "out/report.json").read_text()))
    compare("report field", fields, table_keys((DOCS / "report.md").read_text()),
            pending_items("report"))


def check_options(binary):
    commands_md = (DOCS / "commands.md").read_text()
    options_table = commands_md.split("## Options", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`(--?[a-z][a-z-]*)`", options_table))
    top = run(binary, ["--help"], SOURCE).stdout
    commands = re.findall(r"^\s{2}(\w+)\s{2,}", top.split("SUBCOMMANDS:", 1)[-1], re.M)
    if not commands:
        failures.append("no subcommands found in logogrid --help")
    program = set(re.findall(r"(?:^|[\s,])(--?[a-z][a-z-]*)", top.split("SUBCOMMANDS:")[0]))
    for command in commands:
        if not re.search(rf"^## {command}$", commands_md, re.M):
            failures.append(f"command `{command}` has no section in docs/commands.md")
        text = run(binary, [command, "--help"], SOURCE).stdout
        options = text.split("OPTIONS:", 1)[-1]
        for short, long in re.findall(r"^\s+(?:(-[a-z]),)?(--[a-z][a-z-]*)", options, re.M):
            program |= {long} | ({short} if short else set())
    compare("option", program, documented)


def check_links():
    """README and docs link only to files inside the project, and those exist."""
    for page in [SOURCE / "README.md", *sorted(DOCS.rglob("*.md"))]:
        text = page.read_text()
        if "../shared" in text:
            failures.append(f"{page.relative_to(SOURCE)} points outside the project (../shared)")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = (page.parent / target.split("#")[0]).resolve()
            if SOURCE not in path.parents and path != SOURCE:
                failures.append(f"{page.relative_to(SOURCE)} links outside the project: {target}")
            elif not path.exists():
                failures.append(f"{page.relative_to(SOURCE)} links to a missing file: {target}")


def main():
    binary = str(Path(sys.argv[1]).resolve())
    check_codes()
    check_keys(binary)
    check_report(binary)
    check_options(binary)
    check_links()
    for failure in failures:
        print("FAIL:", failure)
    print(f"docs_test: {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
