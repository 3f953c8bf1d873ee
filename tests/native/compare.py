#!/usr/bin/env python3
"""Runs the native kube-inject and the managed build with the same arguments, input and environment, and compares
exit code, stdout and stderr byte for byte. Prints one "PASS: native ..." / "FAIL: native ..." line per check (a group
of runs); under a FAIL, the first differing runs, indented.

Usage: compare.py NATIVE_BINARY MANAGED_DLL   (run from the repository root)
"""
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

import yaml

native, dll = sys.argv[1], sys.argv[2]
repo = os.getcwd()
work = tempfile.mkdtemp(prefix="kubeinject-native-")


def run(argv, stdin=b"", env=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    def one(prefix):
        p = subprocess.run(prefix + argv, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=full_env, timeout=120)
        return p.returncode, p.stdout, p.stderr
    return one([native]), one(["dotnet", dll])


def first_difference(a, b):
    (ra, oa, ea), (rb, ob, eb) = a, b
    if ra != rb:
        return "exit code %d (native) vs %d (managed)" % (ra, rb)
    for name, x, y in (("stdout", oa, ob), ("stderr", ea, eb)):
        if x != y:
            i = next((k for k in range(min(len(x), len(y))) if x[k] != y[k]), min(len(x), len(y)))
            return "%s differs at byte %d: native %r vs managed %r" % (name, i, x[max(0, i - 30):i + 50], y[max(0, i - 30):i + 50])
    return None


def check(name, runs):
    """runs: list of (label, argv, stdin, env). Runs both builds over each (two at a time), one line for the group."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda r: (r[0], run(r[1], r[2], r[3])), runs))
    bad = [(label, d) for label, (a, b) in results for d in [first_difference(a, b)] if d]
    # A check whose runs all crash the same way would compare equal: say how many exited 0.
    ok = sum(1 for _, (a, _) in results if a[0] == 0)
    if bad:
        print("FAIL: native %s (%d of %d runs differ)" % (name, len(bad), len(results)))
        for label, d in bad[:10]:
            print("    %s: %s" % (label, d))
    else:
        print("PASS: native %s (%d runs identical, %d exited 0)" % (name, len(results), ok))
    sys.stdout.flush()
    return results


def deep_merge(base, over):
    out = dict(base)
    for k, v in over.items():
        out[k] = deep_merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


# Golden cases of the test project (tests/KubeInject.Tests/Cases), with the Istio version of their snapshots.
cases_dir = os.path.join("tests", "KubeInject.Tests", "Cases")
golden = sorted(d for d in os.listdir(cases_dir) if os.path.isfile(os.path.join(cases_dir, d, "input.yaml")))
check("golden cases", [(d, ["-f", os.path.join(cases_dir, d, "input.yaml"), "--istio-version", "1.23.0"], b"", None) for d in golden])

# Istio's conformance corpus, invoked as .ci/run invokes it (through compare.py --run-corpus), for each bundled version.
bundled = json.loads(subprocess.run(["dotnet", dll, "version", "-o", "json"], stdout=subprocess.PIPE, check=True).stdout)["bundledIstioVersions"]
for version in bundled:
    corpus = os.path.join("tests", "conformance", "istio-" + version)
    if not os.path.isfile(os.path.join(corpus, "cases.yaml")):
        continue
    runs = []
    for case in yaml.safe_load(open(os.path.join(corpus, "cases.yaml"))):
        sdir = os.path.join(corpus, "settings", case["settings"])
        mesh = os.path.join(sdir, "mesh.yaml")
        if case.get("meshOverrides"):
            merged = deep_merge(yaml.safe_load(open(mesh)) or {}, case["meshOverrides"])
            mesh = os.path.join(work, "%s-%s-mesh.yaml" % (version, case["id"]))
            with open(mesh, "w") as f:
                yaml.safe_dump(merged, f, default_flow_style=False, sort_keys=True)
        native_sidecar = bool(case.get("nativeSidecar"))
        flags = dict(case.get("featureFlags") or {})
        flags.setdefault("ENABLE_NATIVE_SIDECARS", native_sidecar)
        env = {str(k): (str(v).lower() if isinstance(v, bool) else str(v)) for k, v in flags.items()}
        argv = ["-f", os.path.join(corpus, case["input"]), "--values", os.path.join(sdir, "values.yaml"), "--mesh-config", mesh,
                "--injector-config", os.path.join(sdir, "injector-config.yaml"), "--istio-version", version,
                "--native-sidecars", "true" if native_sidecar else "false", "--reinject", "merge", "--report", "none"]
        runs.append((case["id"], argv, b"", env))
    check("conformance corpus istio-%s" % version, runs)

# The other commands and outputs, on the samples.
httpbin, sleep = "samples/httpbin.yaml", "samples/sleep.yaml"
injected = os.path.join(work, "injected.yaml")
with open(injected, "wb") as f:
    f.write(subprocess.run(["dotnet", dll, "-f", httpbin, "-f", sleep, "--report", "none"], stdout=subprocess.PIPE, check=True).stdout)
resource_list = ("apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n"
                 + "".join("- " + "\n  ".join(doc.splitlines()) + "\n" for doc in open(sleep).read().split("\n---\n") if doc.strip())).encode()
check("inject and report", [
    ("report text", ["-f", httpbin, "-f", sleep], b"", None),
    ("report json", ["-f", httpbin, "--report", "json"], b"", None),
    ("stdin", ["-f", "-", "--istio-version", "1.22"], open(sleep, "rb").read(), None),
    ("diff", ["-f", httpbin, "--diff", "--color", "always"], b"", None),
    ("patch", ["-f", sleep, "--output-format", "patch"], b"", None),
    ("recursive samples", ["-R", "-f", "samples", "--report", "json"], b"", None),
    ("already injected", ["-f", injected], b"", None),
    ("missing file", ["-f", "does-not-exist.yaml"], b"", None),
    ("bad option", ["--no-such-option"], b"", None),
    ("help", ["--help"], b"", None),
])
check("uninject", [("uninject", ["uninject", injected], b"", None)])
check("krm", [("krm", ["krm"], resource_list, None)])
check("check", [
    ("text", ["check", httpbin, sleep], b"", None),
    ("json", ["check", "-o", "json", httpbin, sleep], b"", None),
    ("sarif", ["check", "-o", "sarif", httpbin, sleep], b"", None),
    ("github", ["check", "-o", "github", httpbin, sleep], b"", None),
    ("recursive", ["check", "-R", "samples"], b"", None),
    ("expect injected", ["check", "--expect-injected", injected], b"", None),
])
check("version", [
    ("text", ["version"], b"", None),
    ("json", ["version", "-o", "json"], b"", None),
    ("--version", ["--version"], b"", None),
    ("proxies", ["version", "--proxies", injected], b"", None),
    ("proxies json", ["version", "--proxies", "-o", "json", injected], b"", None),
])
check("completion", [(shell, ["completion", shell], b"", None) for shell in ("bash", "zsh", "fish", "pwsh")])
