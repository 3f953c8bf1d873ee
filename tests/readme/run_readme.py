#!/usr/bin/env python3
"""Runs the README's blocks marked runnable, in a temporary clone, so the README cannot drift.

A fenced block counts when the line before it (blank lines aside) is `<!-- runnable -->`:
- a `sh` block runs as one bash script (`set -euo pipefail`) and must exit 0;
- a `console` block runs each `$ command` line with bash (stdout and stderr together) and its output must equal the
  lines that follow it in the README, up to the next `$ ` line (trailing spaces aside).
Blocks run in README order in one clone, so a block may use what an earlier one wrote. `kube-inject` is the
clone's own build (as after "Install as a tool"). Prints `PASS: readme …` / `FAIL: readme …` per block.

    tests/readme/run_readme.py [REPO]      (default: this repository; its committed HEAD is cloned)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARK = "<!-- runnable -->"


def blocks(readme):
    lines = readme.split("\n")
    out, i, pending = [], 0, None
    while i < len(lines):
        line = lines[i]
        if line.strip() == MARK:
            pending = i + 1
        elif line.startswith("```") and pending is not None:
            lang = line[3:].strip().split(" ")[0]
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            out.append((i + 1, lang, lines[i + 1:j]))
            pending, i = None, j
        elif line.strip() and pending is not None and not line.startswith("```"):
            pending = None
        i += 1
    return out


def console_steps(body):
    steps = []
    for line in body:
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
    return steps


def run(cmd, cwd, env, timeout=600):
    p = subprocess.run(["bash", "-c", cmd], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def main():
    repo = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
    tmp = tempfile.mkdtemp(prefix="kubeinject-readme-")
    try:
        clone = os.path.join(tmp, "clone")
        subprocess.run(["git", "clone", "-q", repo, clone], check=True)
        build = subprocess.run(["dotnet", "build", "-c", "Release", "-nologo", "-v", "q", "src/KubeInject.Cli"], cwd=clone,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if build.returncode != 0:
            print(build.stdout.decode()[-3000:])
            print("FAIL: readme build of the clone")
            return 1
        bindir = os.path.join(tmp, "bin")
        os.makedirs(bindir)
        shim = os.path.join(bindir, "kube-inject")
        with open(shim, "w") as f:
            f.write('#!/bin/sh\nexec dotnet "%s" "$@"\n' % os.path.join(clone, "src/KubeInject.Cli/bin/Release/net10.0/kube-inject.dll"))
        os.chmod(shim, 0o755)
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], NO_COLOR="1", HOME=os.path.join(tmp, "home"))
        env.pop("ENABLE_NATIVE_SIDECARS", None)
        os.makedirs(env["HOME"])
        with open(os.path.join(clone, "README.md"), encoding="utf-8") as f:
            found = blocks(f.read())
        failed = 0
        for line, lang, body in found:
            name = "readme block at line %d (%s)" % (line, lang)
            if lang == "sh":
                code, output = run("set -euo pipefail\n" + "\n".join(body), clone, env)
                ok = code == 0
                detail = "exit %d\n%s" % (code, output[-2000:])
            elif lang == "console":
                ok, detail = True, ""
                for cmd, expected in console_steps(body):
                    code, output = run(cmd, clone, env)
                    got = [l.rstrip() for l in output.rstrip("\n").split("\n")] if output.strip() else []
                    want = [l.rstrip() for l in expected]
                    while want and not want[-1]:
                        want.pop()
                    if got != want:
                        ok = False
                        import difflib
                        detail = "$ %s\n%s" % (cmd, "\n".join(difflib.unified_diff(want, got, "README", "actual", lineterm="")))
                        break
            else:
                ok, detail = False, "unknown block language %r" % lang
            print(("PASS: " if ok else "FAIL: ") + name)
            if not ok:
                failed += 1
                print(detail)
        if not found:
            print("FAIL: readme has no runnable blocks")
            failed += 1
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
