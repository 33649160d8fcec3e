#!/usr/bin/env python3
"""The CI recipes in docs/ci/ run: their command steps, taken from the files, run in a
temporary clone of a repository made from the shipped participants file, logos and
layouts (with a published-* tag and a change since), with the logogrid under test on PATH.
The set-up steps (tools, install) are not run — they need root and the network — but must
install logogrid the documented way. Two runs per recipe: a good change (every step passes,
every published artifact exists, the proof lists the change, the cache is filled) and a
broken one (check fails, the proof and its artifacts are still made, build is not run).
Usage: ci_recipes_test.py LOGOGRID_BINARY"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from probe import SOURCE

CI = SOURCE / "docs" / "ci"
SETUP_IDS = {"tools", "install"}

failures = []


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="ci", GIT_AUTHOR_EMAIL="ci@invalid",
                            GIT_COMMITTER_NAME="ci", GIT_COMMITTER_EMAIL="ci@invalid"))


def make_clone(tmp, broken):
    """A region office's repository: published once (tagged), then changed; cloned."""
    origin = Path(tmp, "origin")
    origin.mkdir()
    for name in ("participants.yaml", "logos", "layouts", "tools"):
        src = SOURCE / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, origin / name)
    git("init", "-q", "-b", "main", cwd=origin)
    git("add", "-A", cwd=origin)
    git("commit", "-q", "-m", "published", cwd=origin)
    git("tag", "published-2021-10-01", cwd=origin)
    participants = origin / "participants.yaml"
    text = participants.read_text()
    if broken:
        text = text.replace("kind: letter_of_intent", "kind: letter_of_intnet", 1)
    else:
        text = text.replace("  - name: Wendener Land\n",
                            "  - name: Wendener Land\n    caption: Gemeinde Wenden\n", 1)
    participants.write_text(text)
    git("commit", "-q", "-am", "change", cwd=origin)
    work = Path(tmp, "work")
    git("clone", "-q", str(origin), str(work), cwd=tmp)
    return work


def run_script(script, cwd, env, shell_flags):
    return subprocess.run(["bash", "--noprofile", "--norc", *shell_flags, "-c", script],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def environment(binary, tmp, extra):
    bin_dir = Path(tmp, "bin")
    bin_dir.mkdir(exist_ok=True)
    link = bin_dir / "logogrid"
    if not link.exists():
        link.symlink_to(Path(binary).resolve())
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", HOME=tmp,
               RUNNER_TEMP=tmp, XDG_CACHE_HOME=str(Path(tmp, "user-cache")))
    env.update({k: str(v) for k, v in extra.items()})
    return env


def proof_lists_change(work):
    text = subprocess.run(["pdftotext", str(work / "out/participants-proof.pdf"), "-"],
                          capture_output=True, text=True).stdout
    return "Wenden" in text and "GEÄNDERT" in text


def expect(condition, message):
    if not condition:
        failures.append(message)


def check_setup(recipe, commands):
    text = "\n".join(commands)
    for needed in ("tools/install-deps", "cmake --preset default", "cmake --install"):
        expect(needed in text, f"{recipe}: the set-up does not run `{needed}`")


def github(binary):
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text())
    triggers = workflow.get("on", workflow.get(True))
    for event in ("push", "pull_request"):
        paths = triggers[event]["paths"]
        expect({"participants.yaml", "layouts/**", "logos/**"} <= set(paths),
               f"github: {event} does not run on changes to participants, layouts and logos")
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    check_setup("github", [s["run"] for s in steps if s.get("id") in SETUP_IDS])
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    expect("actions/checkout" in uses and uses["actions/checkout"]["with"]["fetch-depth"] == 0,
           "github: checkout must fetch the whole history (tags for --previous)")
    cache_path = uses["actions/cache"]["with"]["path"]
    artifacts = uses["actions/upload-artifact"]["with"]["path"].split()
    commands = "\n".join(s.get("run", "") for s in steps)
    expect("--format github" in commands, "github: check must print annotations")
    expect(f"--cache {cache_path}" in commands, "github: build must use the cached folder")
    for broken in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            work = make_clone(tmp, broken)
            env = environment(binary, tmp, {**workflow.get("env", {}), **job.get("env", {})})
            failed, log = False, ""
            for step in steps:
                if "run" not in step or step.get("id") in SETUP_IDS:
                    continue
                if failed and "!cancelled()" not in str(step.get("if", "")):
                    continue
                expect("${{" not in step["run"], f"github: step {step['name']} uses an expression")
                result = run_script(step["run"], work, {**env, **step.get("env", {})},
                                    ["-eo", "pipefail"])
                log += result.stdout + result.stderr
                failed = failed or result.returncode != 0
            label = "github (broken input)" if broken else "github"
            expect(failed == broken, f"{label}: the run {'passed' if not failed else 'failed'}:\n{log}")
            expect((work / "out/participants-proof.pdf").exists(), f"{label}: no proof")
            if broken:
                expect("::error file=participants.yaml" in log, f"{label}: no annotation")
                expect(not (work / "out/participants.pdf").exists(), f"{label}: a PDF was built")
            else:
                for path in artifacts:
                    expect((work / path).exists(), f"{label}: artifact {path} was not made")
                expect(any((work / cache_path).rglob("*")), f"{label}: the cache is empty")
                expect(proof_lists_change(work), f"{label}: the proof does not list the change")


def gitlab(binary):
    pipeline = yaml.safe_load((CI / "gitlab-ci.yml").read_text())
    job = pipeline["logogrid"]
    changes = job["rules"][0]["changes"]
    expect({"participants.yaml", "layouts/**/*", "logos/**/*"} <= set(changes),
           "gitlab: does not run on changes to participants, layouts and logos")
    check_setup("gitlab", job["before_script"])
    expect(str(job["variables"].get("GIT_DEPTH")) == "0", "gitlab: GIT_DEPTH must be 0")
    cache_path = job["cache"]["paths"][0]
    junit = job["artifacts"]["reports"]["junit"]
    expect(job["artifacts"]["when"] == "always", "gitlab: artifacts must be kept on failure")
    script = "\n".join(job["script"])
    expect("--format junit" in script, "gitlab: check must write the JUnit report")
    expect(f"--cache {cache_path}" in script, "gitlab: build must use the cached folder")
    for broken in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            work = make_clone(tmp, broken)
            env = environment(binary, tmp, job.get("variables", {}))
            result = run_script(script, work, env, ["-eo", "pipefail"])
            log = result.stdout + result.stderr
            label = "gitlab (broken input)" if broken else "gitlab"
            expect((result.returncode != 0) == broken, f"{label}: exit {result.returncode}:\n{log}")
            expect((work / "out/participants-proof.pdf").exists(), f"{label}: no proof")
            report = (work / junit).read_text() if (work / junit).exists() else ""
            expect("<testsuites" in report, f"{label}: no JUnit report at {junit}")
            if broken:
                expect("<failure type=\"commitment-kind\"" in report, f"{label}: no failure")
                expect(not (work / "out/participants.pdf").exists(), f"{label}: a PDF was built")
            else:
                for path in ("out/participants.pdf", "out/preview/page-001.png",
                             "out/proof-preview/page-001.png", "out/participants.json"):
                    expect((work / path).exists(), f"{label}: {path} was not made")
                expect(any((work / cache_path).rglob("*")), f"{label}: the cache is empty")
                expect(proof_lists_change(work), f"{label}: the proof does not list the change")


def main():
    binary = str(Path(sys.argv[1]).resolve())
    github(binary)
    gitlab(binary)
    for failure in failures:
        print("FAIL:", failure)
    print(f"ci_recipes_test: {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
