#!/usr/bin/env python3
"""The JSON Schemas in docs/schema/ (what editors check while typing) against the shipped
files, every fixture, and the loaders:
- the shipped participants file and layouts carry a `# yaml-language-server: $schema=` line
  that points at the right schema, and are valid;
- every fixture (tests/fixtures/**.yaml) the schema rejects, `check` rejects too;
- fixtures known good are valid, fixtures with shape errors are rejected (the schemas
  check something);
- the schemas name exactly the keys the loaders take (probed from the binary).
Usage: schema_test.py LOGOGRID_BINARY"""
import json
import re
import sys
import tempfile
from pathlib import Path

import jsonschema
import yaml

from probe import MINIMAL_PARTICIPANTS, SOURCE, name_of, probe_keys, run

SCHEMAS = SOURCE / "docs" / "schema"
FIXTURES = SOURCE / "tests" / "fixtures"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)

# Must be valid / must be rejected by the schema (and by check).
KNOWN_VALID = ["check/clean.yaml", "check/deadline-boundary.yaml", "check/commitment-missing.yaml", "proof/participants.yaml",
               "check/layout-font-missing.layout.yaml"]
KNOWN_INVALID = ["check/schema-unknown-key.yaml", "check/schema-type.yaml",
                 "check/schema-missing-field.yaml", "check/commitment-kind.yaml",
                 "check/commitment-date-invalid.yaml", "check/empty-file.yaml",
                 "check/yaml-syntax.yaml", "check/layout-invalid.layout.yaml"]

# Small cases on top of the fixtures, each judged the same by the schema and by check:
# mistakes both reject, and spellings both accept (an editor must not flag a valid file).
ENTRY = ("participants:\n  - name: Brilon\n    logo: logos/shield.svg\n"
         "    commitment: {kind: letter_of_intent, date: 2021-09-01}\n")
CAMPAIGN = "campaign:\n  deadline: 2021-10-15\n"
BOTH_REJECT = [
    ("participants", "campaign:\n  deadline: 2021-10-15\n  region: sauerland\n" + ENTRY),
    ("participants", CAMPAIGN + ENTRY.replace("logo:", "ags: \"1234\"\n    logo:")),
    ("participants", CAMPAIGN + ENTRY.replace(", date: 2021-09-01", "")),
    ("participants", CAMPAIGN + ENTRY.replace("2021-09-01", "20210901")),
    ("participants", CAMPAIGN + ENTRY.replace("commitment:", "Commitment:")),
    ("participants", "campaign:\n  title: Unsere Mitmacherkommunen\n" + ENTRY),
    ("participants", CAMPAIGN + "participants:\n  name: Brilon\n"),
    ("layout", "grid:\n  order: alphabetical\n"),
    ("layout", "logo:\n  trim: yes\n"),
    ("layout", "caption:\n  font: DejaVu Sans\n"),
    ("layout", "margins: {top: 30}\n"),
    ("layout", "page:\n  size: Letter\n"),
    ("layout", "page:\n  size: [210mm]\n"),
    ("layout", "page_numbers:\n  position: left\n"),
    ("layout", "caption:\n  max_lines: 9\n"),
    ("layout", "Page:\n  size: A4\n"),
]
BOTH_ACCEPT = [
    ("participants", CAMPAIGN + ENTRY.replace("logo:", "ags: 05958012\n    logo:")),
    ("participants", CAMPAIGN + ENTRY.replace("2021-09-01", "\"2021-09-01\"")),
    ("participants", CAMPAIGN + ENTRY.replace("logo:", "caption: 2021\n    logo:")),
    ("participants", CAMPAIGN + ENTRY.replace("    commitment: {kind: letter_of_intent, "
                                              "date: 2021-09-01}\n", "    commitment:\n")),
    ("participants", CAMPAIGN + "participants:\n"),
    ("participants", "campaign:\n  deadline: 2021-10-15\n  region: none\n" + ENTRY),
    ("layout", ""),
    ("layout", "grid:\n  columns: \"4\"\n  gutter: 2.5 pt\n"),
    ("layout", "logo:\n  trim: \"false\"\n  base: 0.5\n"),
    ("layout", "page:\n  size: [297mm, 420mm]\n  orientation: landscape\n"),
    ("layout", "heading: {text: 2021, font: \"DejaVu Sans Bold 12.5\"}\n"),
]

failures = []


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema, as the YAML language server reads it: no timestamps, no
    yes/no/on/off booleans, no sexagesimal numbers; aliases refused (they are bounded by
    the loader, and a schema check would expand them)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.events.AliasEvent):
            raise yaml.YAMLError("aliases are not checked against the schema")
        return super().compose_node(parent, index)


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
        ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
        ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
        ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
         list("-+0123456789")),
        ("tag:yaml.org,2002:float",
         r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
         r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789"))]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int",
                             lambda loader, node: int(loader.construct_scalar(node), 0)
                             if not re.match(r"^[-+]?0[0-9]+$", node.value)
                             else int(node.value, 10))


def schema(name):
    return jsonschema.Draft7Validator(json.loads((SCHEMAS / name).read_text()))


PARTICIPANTS = schema("participants.schema.json")
LAYOUT = schema("layout.schema.json")


def kind_of(path, text):
    """Which schema a file is for: its modeline, else its name (*.layout.yaml, layouts/)."""
    line = MODELINE.search(text)
    if line:
        return "layout" if "layout.schema" in line.group(1) else "participants"
    if path.name.endswith(".layout.yaml") or path.parent.name in ("layouts", "layout"):
        return "layout"
    return "participants"


def schema_errors(path, kind):
    """The schema's complaints, [] when valid; a file that is no YAML is rejected."""
    try:
        data = yaml.load(path.read_bytes().decode("utf-8"), Loader=Yaml12Loader)
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as e:
        return [f"not YAML: {str(e).splitlines()[0]}"]
    validator = LAYOUT if kind == "layout" else PARTICIPANTS
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]


def check_rejects(binary, path, kind):
    with tempfile.TemporaryDirectory() as tmp:
        if kind == "layout":
            Path(tmp, "p.yaml").write_text(MINIMAL_PARTICIPANTS)
            args = ["check", "-p", str(Path(tmp, "p.yaml")), "-l", str(path)]
        else:
            args = ["check", "-p", str(path)]
        return run(binary, args, path.parent, {"XDG_CACHE_HOME": tmp}).returncode != 0


def check_shipped():
    shipped = [SOURCE / "participants.yaml", *sorted((SOURCE / "layouts").glob("*.yaml"))]
    for path in shipped:
        text = path.read_text()
        line = MODELINE.search(text)
        if not line or not text.startswith(line.group(0)):
            failures.append(f"{path.relative_to(SOURCE)}: no yaml-language-server line on top")
            continue
        target = (path.parent / line.group(1)).resolve()
        wanted = "layout" if path.parent.name == "layouts" else "participants"
        if target != SCHEMAS / f"{wanted}.schema.json":
            failures.append(f"{path.relative_to(SOURCE)}: $schema points at {line.group(1)}")
        for error in schema_errors(path, wanted):
            failures.append(f"{path.relative_to(SOURCE)}: {error}")


def check_fixtures(binary):
    fixtures = sorted(FIXTURES.rglob("*.yaml"))
    rejected = set()
    for path in fixtures:
        name = str(path.relative_to(FIXTURES))
        kind = kind_of(path, path.read_bytes().decode("utf-8", "replace"))
        errors = schema_errors(path, kind)
        if not errors:
            continue
        rejected.add(name)
        if not check_rejects(binary, path, kind):
            failures.append(f"{name}: the {kind} schema rejects it ({errors[0]}), check accepts it")
    for name in KNOWN_VALID:
        if name in rejected:
            failures.append(f"{name}: should be valid: {schema_errors(FIXTURES / name, kind_of(FIXTURES / name, ''))}")
    for name in KNOWN_INVALID:
        if name not in rejected:
            failures.append(f"{name}: the schema should reject it")
    print(f"schema_test: {len(fixtures)} fixtures, {len(rejected)} rejected by the schemas")


def schema_keys(node, root, prefix=()):
    """Key paths a schema names, as the probe writes them."""
    keys = set()
    for key, sub in node.get("properties", {}).items():
        path = prefix + (key,)
        keys.add(name_of(path))
        sub = resolve(sub, root)
        if "properties" in sub:
            keys |= schema_keys(sub, root, path)
        items = resolve(sub.get("items", {}), root)
        if "properties" in items:
            keys |= schema_keys(items, root, path + ("[]",))
    return keys


def resolve(node, root):
    while "$ref" in node:
        node = root["definitions"][node["$ref"].rsplit("/", 1)[1]]
    return node


def check_keys(binary):
    pending = {l.split()[1] for l in (Path(__file__).parent / "pending.txt").read_text()
               .splitlines() if l.startswith("layout ")}
    for kind, validator in (("layout", LAYOUT), ("participants", PARTICIPANTS)):
        named = schema_keys(validator.schema, validator.schema)
        loader = probe_keys(binary, kind)
        for key in sorted(loader - named):
            failures.append(f"{kind} key `{key}`: the loader takes it, the schema does not name it")
        for key in sorted(named - loader - pending):
            failures.append(f"{kind} key `{key}`: the schema names it, the loader does not take it")


def check_cases(binary):
    with tempfile.TemporaryDirectory() as tmp:
        logos = Path(tmp, "logos")
        logos.mkdir()
        (logos / "shield.svg").write_bytes((FIXTURES / "check/logos/shield.svg").read_bytes())
        for wanted, cases in ((True, BOTH_REJECT), (False, BOTH_ACCEPT)):
            for kind, text in cases:
                path = Path(tmp, "case.layout.yaml" if kind == "layout" else "case.yaml")
                path.write_text(text)
                by_schema = bool(schema_errors(path, kind))
                by_check = check_rejects(binary, path, kind)
                if by_schema != wanted or by_check != wanted:
                    failures.append(f"{kind} case (schema rejects: {by_schema}, check rejects: "
                                    f"{by_check}, both should be {wanted}):\n{text}")


def main():
    binary = str(Path(sys.argv[1]).resolve())
    check_shipped()
    check_fixtures(binary)
    check_cases(binary)
    check_keys(binary)
    for failure in failures:
        print("FAIL:", failure)
    print(f"schema_test: {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
