#!/usr/bin/env bash
# The native AOT build: publishes the native kube-inject (installing clang and zlib1g-dev from Debian when missing),
# then runs it and the managed build over the golden cases, the conformance corpus of every bundled Istio version and
# the other commands on the samples, and compares exit codes, stdout and stderr byte for byte (tests/native/compare.py).
# Prints one "PASS: native ..." / "FAIL: native ..." / "SKIP: native ... (why)" line per check; .ci/run counts them.
# Usage: tests/native/run.sh [path/to/kube-inject.dll]   (default: the Release build, which must exist)
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
dll=${1:-$repo/src/KubeInject.Cli/bin/Release/net10.0/kube-inject.dll}
work=$(mktemp -d /tmp/kubeinject-native.XXXXXX)
trap 'rm -rf "$work"' EXIT
pass() { echo "PASS: native $1"; }
fail() { echo "FAIL: native $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2" | tail -n 30; }
skip() { echo "SKIP: native $1 ($2)"; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64) rid=linux-arm64 ;;
  *) skip "publish" "only Linux x64/arm64 is set up here, not $(uname -s)-$(uname -m)"; exit 0 ;;
esac

# The native toolchain: clang (compiler driver and linker) and zlib's headers/static library, from Debian.
have_toolchain() { command -v clang >/dev/null && [ -f /usr/include/zlib.h ]; }
if ! have_toolchain; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
  if command -v apt-get >/dev/null; then
    ($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clang zlib1g-dev) > "$work/apt.log" 2>&1
  fi
  if ! have_toolchain; then
    skip "publish" "clang and zlib1g-dev are missing and could not be installed: $(tail -n 1 "$work/apt.log" 2>/dev/null || echo 'no apt-get')"
    exit 0
  fi
fi
if [ ! -f "$dll" ]; then fail "managed build missing: $dll (run dotnet build KubeInject.sln -c Release first)"; exit 0; fi

# The README's command (with -o). Warnings are errors (Directory.Build.props), so a trim or AOT warning fails here too.
t=publish
start=$(date +%s)
# Into a folder of its own: dotnet pack (bench/run.sh) publishes the ReadyToRun tool into the default publish folder.
if dotnet publish src/KubeInject.Cli -c Release -r "$rid" -p:PublishAot=true -o "$work/publish" > "$work/publish.log" 2>&1; then
  bin=$work/publish/kube-inject
  size=$(stat -c %s "$bin")
  # Single file: the executable is the only thing needed besides debug symbols, docs and pdbs.
  extra=$(find "$(dirname "$bin")" -maxdepth 1 -type f ! -name kube-inject ! -name '*.dbg' ! -name '*.pdb' ! -name '*.xml' -printf '%f ')
  if [ -x "$bin" ] && [ -z "$extra" ] && [ "$(head -c 4 "$bin" | tail -c 3)" = ELF ]; then
    pass "$t ($rid, $(( $(date +%s) - start )) s, $(( size / 1024 / 1024 )) MiB)"
  else
    echo "not a lone native executable; other files: $extra" >> "$work/publish.log"; fail $t "$work/publish.log"; exit 0
  fi
else
  fail $t "$work/publish.log"; exit 0
fi

# It runs without the .NET runtime: no dotnet on PATH, no DOTNET_ROOT.
t=runs-without-dotnet
if env -i PATH=/usr/bin:/bin HOME="$work" "$bin" -f samples/httpbin.yaml > "$work/alone.yaml" 2> "$work/alone.log" \
   && grep -q 'name: istio-proxy' "$work/alone.yaml"; then pass $t; else fail $t "$work/alone.log"; fi

py=python3
$py -c 'import yaml' 2>/dev/null || py=/usr/bin/python3
if ! $py -c 'import yaml' 2>/dev/null; then skip "native vs managed" "python3 with PyYAML is missing"; exit 0; fi
$py tests/native/compare.py "$bin" "$dll"
