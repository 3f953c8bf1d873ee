#!/usr/bin/env bash
# Prints whole-process wall time, CPU time and peak RSS for: kube-inject (the dotnet tool as installed, the portable
# package, and the native AOT binary when the native toolchain is there), a YamlDotNet load+save floor, and
# kubectl kustomize applying an equivalent strategic-merge patch. Usage: [BENCH_RUNS=3] bench/run.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-2000 20000}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release bench/KubeInject.Benchmarks/KubeInject.Benchmarks.csproj >/dev/null
# The CLI as users install it (README "Install as a tool"): KubeInject.Tool resolves to the ReadyToRun package on
# linux-x64 and to the portable one elsewhere; the portable package (KubeInject.Tool.any) is measured too.
dotnet pack src/KubeInject.Cli -c Release -o "$work/artifacts" >/dev/null
dotnet tool install --tool-path "$work/tool" --add-source "$work/artifacts" KubeInject.Tool >/dev/null
dotnet tool install --tool-path "$work/tool-any" --add-source "$work/artifacts" KubeInject.Tool.any >/dev/null
cli="$work/tool/kube-inject"
installed=$(ls "$work/tool/.store/kubeinject.tool/"*/ | grep -v '^kubeinject.tool$' | head -n 1)
portable="$work/tool-any/kube-inject"
helper="dotnet bench/KubeInject.Benchmarks/bin/Release/net10.0/KubeInject.Benchmarks.dll"
# The native AOT binary, built as README "Native binary" says; skipped when the native toolchain (clang) is missing.
native=
case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) rid= ;; esac
if [ -z "$rid" ] || ! command -v clang >/dev/null; then
  echo "native AOT binary: skipped (needs the native toolchain: clang and zlib1g-dev, see README \"Native binary\")"
elif dotnet publish src/KubeInject.Cli -c Release -r $rid -p:PublishAot=true -o "$work/native" >"$work/native.log" 2>&1; then
  native="$work/native/kube-inject"
else
  echo "native AOT binary: skipped (dotnet publish -p:PublishAot=true failed, last lines below)"; tail -n 5 "$work/native.log"
fi

runs=${BENCH_RUNS:-3}
echo "machine: $(nproc) cores; kube-inject edits documents on every core (InjectionOptions.Parallelism)"
# This machine's timings drift by up to ±30% from minute to minute, so the commands of one size run interleaved
# (round r runs each once) and the ratio is the median of the per-round ratios, each taken within one round.
run_once() { # file, command...: appends "wall cpu kb" of one run to file
  local file=$1; shift
  local rc=0
  /usr/bin/time -f "%e %U %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || rc=$?
  [ $rc -eq 0 ] || { echo "failed (exit $rc): $*"; cat "$work/err" "$work/time"; exit 1; }
  cat "$work/time" >> "$file"
}
report() { # label, file: the median run of the file
  read -r secs user kb < <(sort -n "$2" | sed -n "$(( ($(wc -l < "$2") + 1) / 2 ))p")
  printf '%-44s %6.2f s wall %6.2f s cpu %7.1f MB peak RSS  (median of %d)\n' "$1" "$secs" "$user" "$(echo "$kb / 1024" | bc -l)" "$(wc -l < "$2")"
}
median_ratio() { # numerator file, denominator files...: median over rounds of wall(num) / min(wall(den...))
  paste -d' ' "$@" | awk '{ d = $4; for (i = 7; i <= NF; i += 3) if ($i < d) d = $i; print $1 / d }' | sort -n \
    | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'
}

for n in ${sizes[@]}; do
  $helper generate "$n" "$work/bundle-$n.yaml"
  echo "N=$n workloads ($(du -h "$work/bundle-$n.yaml" | cut -f1) input, $((n * 3)) documents)"
  rm -f "$work"/t-*
  for ((r = 0; r < runs; r++)); do
    run_once "$work/t-ours" $cli -f "$work/bundle-$n.yaml" -o "$work/out-$n.yaml" --report none
    run_once "$work/t-portable" $portable -f "$work/bundle-$n.yaml" -o "$work/out-$n.yaml" --report none
    [ -z "$native" ] || run_once "$work/t-native" $native -f "$work/bundle-$n.yaml" -o "$work/out-native-$n.yaml" --report none
    run_once "$work/t-floor" $helper floor "$work/bundle-$n.yaml" "$work/floor-$n.yaml"
    # kube-inject ships with TieredPGO off (see its csproj); the floor runs both ways and the ratio uses the faster.
    run_once "$work/t-floor-nopgo" env DOTNET_TieredPGO=0 $helper floor "$work/bundle-$n.yaml" "$work/floor-$n.yaml"
  done
  report "  kube-inject (${installed:-tool})" "$work/t-ours"
  report "  kube-inject (portable package)" "$work/t-portable"
  [ -z "$native" ] || report "  kube-inject (native AOT binary)" "$work/t-native"
  report "  YamlDotNet load+save (floor)" "$work/t-floor"
  report "  floor, TieredPGO off" "$work/t-floor-nopgo"
  printf '  ratio kube-inject / fastest floor (median of per-round ratios): %s (portable package: %s)\n' \
    "$(median_ratio "$work/t-ours" "$work/t-floor" "$work/t-floor-nopgo")" "$(median_ratio "$work/t-portable" "$work/t-floor" "$work/t-floor-nopgo")"
  if [ -n "$native" ]; then
    printf '  ratio native AOT binary / fastest floor: %s\n' "$(median_ratio "$work/t-native" "$work/t-floor" "$work/t-floor-nopgo")"
    cmp -s "$work/out-$n.yaml" "$work/out-native-$n.yaml" || { echo "the native binary's output differs from the tool's"; exit 1; }
    sort -n "$work/t-native" | sed -n "$(( (runs + 1) / 2 ))p" | cut -d' ' -f1 > "$work/native-$n"
  fi
  sort -n "$work/t-ours" | sed -n "$(( (runs + 1) / 2 ))p" | cut -d' ' -f1 > "$work/ours-$n"
done
if [ -f "$work/ours-2000" ] && [ -f "$work/ours-20000" ]; then
  printf 'time ratio N=20000 / N=2000: %.2f' "$(echo "$(cat "$work/ours-20000") / $(cat "$work/ours-2000")" | bc -l)"
  [ ! -f "$work/native-2000" ] || printf ' (native AOT binary: %.2f)' "$(echo "$(cat "$work/native-20000") / $(cat "$work/native-2000")" | bc -l)"
  echo
fi
if command -v kubectl >/dev/null; then
  n=500
  mkdir -p "$work/kust"
  $helper generate $n "$work/kust/bundle.yaml"
  $helper patch $n "$work/kust/patch.yaml"
  printf 'resources:\n- bundle.yaml\npatches:\n- path: patch.yaml\n' > "$work/kust/kustomization.yaml"
  echo "N=$n (kustomize is quadratic in the number of patches)"
  for ((r = 0; r < runs; r++)); do
    run_once "$work/t-kustomize" kubectl kustomize "$work/kust"
    run_once "$work/t-kust-ours" $cli -f "$work/kust/bundle.yaml" -o "$work/kust/out.yaml" --report none
  done
  report "  kubectl kustomize (SMP patch)" "$work/t-kustomize"
  report "  kube-inject" "$work/t-kust-ours"
fi
