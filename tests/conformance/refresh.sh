#!/usr/bin/env bash
# Refreshes the repository's copy of Istio's conformance corpus (data only: cases, settings, cases.yaml and
# Istio's LICENSE) from the shared folder beside the clone (or the folder given as $1).
# The fidelity tests read this copy, so a clone from the internet runs them; ConformanceCopyTests fails when
# the copy is stale while the shared folder is present.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${1:-$here/../../../shared/conformance}"
[ -d "$src" ] || { echo "no corpus at $src" >&2; exit 66; }
for old in "$here"/istio-*/; do [ -d "$old" ] && rm -rf "$old"; done
cp "$src/LICENSE.istio" "$here/LICENSE.istio"
for dir in "$src"/istio-*/; do
  v="$(basename "$dir")"
  mkdir -p "$here/$v"
  cp "$dir/cases.yaml" "$here/$v/cases.yaml"
  cp -R "$dir/cases" "$dir/settings" "$here/$v/"
done
echo "copied $(find "$here" -path "$here/istio-*" -type f | wc -l) files from $src"
