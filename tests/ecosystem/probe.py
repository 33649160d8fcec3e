"""Shared by the ecosystem tests: running the logogrid binary, and probing it for the keys
its loaders know (through the `X takes: a, b, c` hint of an unknown key), so the tests
compare docs and schemas with what the program does, not with a list kept by hand."""
import json
import os
import subprocess
import tempfile
from pathlib import Path

PROBE = "zzz_probe"
SOURCE = Path(__file__).resolve().parents[2]

# Enough of a participants file to load; the probes look only at their own findings.
MINIMAL_PARTICIPANTS = "campaign: {deadline: 2021-10-15, region: none}\nparticipants: []\n"


def run(binary, args, cwd, env=None):
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([binary, *args], cwd=cwd, env=full_env, capture_output=True,
                          text=True, timeout=120)


def _emit(tree, indent, lines, where, path):
    """Block YAML for a probe tree: a leaf `key: {zzz_probe: 1}` on its own line (recorded in
    `where`), an inner node as `key:` with its children, `[]` as a one-item list."""
    for key, child in tree.items():
        pad = " " * indent
        if key == "[]":
            if child is None:
                lines.append(pad + "- {%s: 1}" % PROBE)
                where[len(lines)] = path + ("[]",)
            else:
                start = len(lines)
                _emit(child, indent + 2, lines, where, path + ("[]",))
                lines[start] = pad + "- " + lines[start][indent + 2:]
            continue
        if child is None:
            lines.append(pad + "%s: {%s: 1}" % (key, PROBE))
            where[len(lines)] = path + (key,)
        else:
            lines.append(pad + key + ":")
            _emit(child, indent + 2, lines, where, path + (key,))


def _insert(tree, path):
    for part in path[:-1]:
        tree = tree.setdefault(part, {})
    tree.setdefault(path[-1], None)


def probe_keys(binary, kind):
    """Every key path a loader knows ('grid.columns', 'participants[].commitment.kind'),
    sections included. kind: 'layout' or 'participants'. One run per nesting level: each
    key of the level before is given a mapping holding an unknown key; where the loader
    names the keys it takes, the key is a section, else a leaf (a list when it says so)."""
    keys = set()
    with tempfile.TemporaryDirectory() as tmp:
        frontier = [()]
        while frontier:
            tree, where = {}, {}
            root_probe = frontier == [()]
            if root_probe:
                lines = ["%s: 1" % PROBE]
                where[1] = ()
            else:
                for path in frontier:
                    _insert(tree, path)
                lines = []
                _emit(tree, 0, lines, where, ())
            text = "\n".join(lines) + "\n"
            participants = Path(tmp, "participants.yaml")
            layout = Path(tmp, "probe-layout.yaml")
            if kind == "layout":
                participants.write_text(MINIMAL_PARTICIPANTS)
                layout.write_text(text)
                args = ["check", "-p", str(participants), "-l", str(layout), "--format", "json"]
            else:
                participants.write_text(text)
                args = ["check", "-p", str(participants), "--format", "json"]
            result = run(binary, args, tmp)
            report = json.loads(result.stdout)
            frontier_next = []
            for line, path in where.items():
                found = [d for d in report["diagnostics"] if d["line"] == line]
                takes = [h.split(" takes: ", 1)[1] for d in found if PROBE in d["message"]
                         for h in d["hints"] if " takes: " in h]
                if takes:
                    for key in takes[0].split(", "):
                        frontier_next.append(path + (key,))
                elif any("must be a list" in d["message"] for d in found) and path[-1:] != ("[]",):
                    frontier_next.append(path + ("[]",))
                if path and path[-1] != "[]":
                    keys.add(name_of(path))
            frontier = frontier_next
    return keys


def name_of(path):
    return ".".join(path).replace(".[]", "[]")


def flatten_fields(value, prefix="", out=None):
    """'participants[].logo.sha256' for every field of a JSON document."""
    out = set() if out is None else out
    if isinstance(value, dict):
        for key, child in value.items():
            name = prefix + ("." if prefix else "") + key
            out.add(name)
            flatten_fields(child, name, out)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)):
                flatten_fields(item, prefix + "[]", out)
    return out
