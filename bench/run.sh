#!/usr/bin/env bash
# Prints whole-process wall time and peak RSS for: kube-inject, a YamlDotNet load+save floor, and
# kubectl kustomize applying an equivalent strategic-merge patch. Usage: [BENCH_RUNS=3] bench/run.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-2000 20000}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release src/KubeInject.Cli/KubeInject.Cli.csproj >/dev/null && dotnet build -c Release bench/KubeInject.Benchmarks/KubeInject.Benchmarks.csproj >/dev/null
cli="dotnet src/KubeInject.Cli/bin/Release/net10.0/kube-inject.dll"
# The same CLI published ReadyToRun for this machine (less JIT at start-up), when the SDK can restore crossgen2.
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
r2r=""
if dotnet publish src/KubeInject.Cli/KubeInject.Cli.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" >/dev/null 2>&1; then
  r2r="dotnet $work/r2r/kube-inject.dll"
fi
helper="dotnet bench/KubeInject.Benchmarks/bin/Release/net10.0/KubeInject.Benchmarks.dll"

runs=${BENCH_RUNS:-3}
measure() { # label, command...: the median of $runs runs (this machine's timings vary by ±30% run to run)
  local label=$1; shift
  : > "$work/times"
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f "%e %U %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { echo "$label: failed"; cat "$work/err"; return; }
    cat "$work/time" >> "$work/times"
  done
  read -r secs user kb < <(sort -n "$work/times" | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-34s %8.2f s wall %8.2f s cpu %8.1f MB peak RSS  (median of %d)\n' "$label" "$secs" "$user" "$(echo "$kb / 1024" | bc -l)" "$runs"
  echo "$secs" > "$work/last"
}

for n in ${sizes[@]}; do
  $helper generate "$n" "$work/bundle-$n.yaml"
  echo "N=$n workloads ($(du -h "$work/bundle-$n.yaml" | cut -f1) input, $((n * 3)) documents)"
  measure "  kube-inject" $cli -f "$work/bundle-$n.yaml" -o "$work/out-$n.yaml" --report none
  ours=$(cat "$work/last")
  if [ -n "$r2r" ]; then measure "  kube-inject, ReadyToRun publish" $r2r -f "$work/bundle-$n.yaml" -o "$work/out-$n.yaml" --report none; ours_r2r=$(cat "$work/last"); fi
  measure "  YamlDotNet load+save (floor)" $helper floor "$work/bundle-$n.yaml" "$work/floor-$n.yaml"
  floor=$(cat "$work/last")
  # kube-inject ships with TieredPGO off (see its csproj); the floor is shown both ways, the ratio uses the faster.
  measure "  floor, TieredPGO off" env DOTNET_TieredPGO=0 $helper floor "$work/bundle-$n.yaml" "$work/floor-$n.yaml"
  floor_nopgo=$(cat "$work/last")
  if [ "$(echo "$floor_nopgo < $floor" | bc -l)" = 1 ]; then floor=$floor_nopgo; fi
  printf '  ratio kube-inject / fastest floor: %.2f\n' "$(echo "$ours / $floor" | bc -l)"
  [ -n "$r2r" ] && printf '  ratio ReadyToRun kube-inject / fastest floor: %.2f\n' "$(echo "$ours_r2r / $floor" | bc -l)"
  echo "$ours" > "$work/ours-$n"
done
if [ -f "$work/ours-2000" ] && [ -f "$work/ours-20000" ]; then
  printf 'time ratio N=20000 / N=2000: %.2f\n' "$(echo "$(cat "$work/ours-20000") / $(cat "$work/ours-2000")" | bc -l)"
fi
if command -v kubectl >/dev/null; then
  n=500
  mkdir -p "$work/kust"
  $helper generate $n "$work/kust/bundle.yaml"
  $helper patch $n "$work/kust/patch.yaml"
  printf 'resources:\n- bundle.yaml\npatches:\n- path: patch.yaml\n' > "$work/kust/kustomization.yaml"
  echo "N=$n (kustomize is quadratic in the number of patches)"
  measure "  kubectl kustomize (SMP patch)" kubectl kustomize "$work/kust"
  measure "  kube-inject" $cli -f "$work/kust/bundle.yaml" -o "$work/kust/out.yaml" --report none
fi
