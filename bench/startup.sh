#!/usr/bin/env bash
# Startup: the wall time of one small run, `kube-inject -f samples/httpbin.yaml`, each in a new process (the file cache
# warm: one unmeasured run first), median of BENCH_RUNS (default 21) runs taken interleaved, for
#   - the native AOT binary (dotnet publish src/KubeInject.Cli -c Release -r <rid> -p:PublishAot=true),
#   - the dotnet tool as users install it (dotnet pack; ReadyToRun on linux-x64, as bench/run.sh installs it),
#   - a native AOT "hello world" published the same way (bench/AotHello),
# and the ratio native kube-inject / hello (target: at most 10). Usage: [BENCH_RUNS=21] bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) echo "unsupported machine $(uname -m)"; exit 1 ;; esac
runs=${BENCH_RUNS:-21}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(uname -sm), dotnet $(dotnet --version)"
s=$EPOCHREALTIME
# Into folders of their own: dotnet pack publishes the ReadyToRun tool into the default publish folder.
dotnet publish src/KubeInject.Cli -c Release -r $rid -p:PublishAot=true -o "$work/native" >/dev/null
printf 'publish native kube-inject: %.0f s\n' "$(echo "$EPOCHREALTIME - $s" | bc -l)"
dotnet publish bench/AotHello -c Release -r $rid -p:PublishAot=true -o "$work/hello" >/dev/null
native=$work/native/kube-inject hello=$work/hello/aot-hello
dotnet pack src/KubeInject.Cli -c Release -o "$work/artifacts" >/dev/null
dotnet tool install --tool-path "$work/tool" --add-source "$work/artifacts" KubeInject.Tool >/dev/null
tool="$work/tool/kube-inject"
installed=$(ls "$work/tool/.store/kubeinject.tool/"*/ | grep -v '^kubeinject.tool$' | head -n 1)
printf 'sizes: native kube-inject %.1f MB, aot-hello %.1f MB\n' "$(echo "$(stat -c %s $native) / 1048576" | bc -l)" "$(echo "$(stat -c %s $hello) / 1048576" | bc -l)"

# One timed run: appends its wall time in milliseconds (bash's microsecond clock around fork+exec+exit) to a file.
timed() { local file=$1; shift; local s=$EPOCHREALTIME; "$@" >/dev/null 2>&1 || { echo "failed: $*"; exit 1; }; echo "($EPOCHREALTIME - $s) * 1000" | bc -l >> "$file"; }
median() { sort -n "$1" | sed -n "$(( ($(wc -l < "$1") + 1) / 2 ))p"; }
for cmd in "$native -f samples/httpbin.yaml" "$tool -f samples/httpbin.yaml" "$hello"; do $cmd >/dev/null 2>&1; done
for ((r = 0; r < runs; r++)); do
  timed "$work/t-native" $native -f samples/httpbin.yaml
  timed "$work/t-tool" $tool -f samples/httpbin.yaml
  timed "$work/t-hello" $hello
done
n=$(median "$work/t-native"); t=$(median "$work/t-tool"); h=$(median "$work/t-hello")
printf 'kube-inject -f samples/httpbin.yaml, wall time, median of %d:\n' "$runs"
printf '  %-40s %8.1f ms\n' "native AOT kube-inject" "$n" "dotnet tool (${installed:-tool})" "$t" "native AOT hello world" "$h"
printf 'ratio native kube-inject / hello world: %.1f (target <= 10); dotnet tool / native: %.1f\n' "$(echo "$n / $h" | bc -l)" "$(echo "$t / $n" | bc -l)"
