#!/usr/bin/env bash
# Prints whole-process wall time and peak RSS for: kube-inject, a YamlDotNet load+save floor, and
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
  measure "  kube-inject (${installed:-tool})" $cli -f "$work/bundle-$n.yaml" -o "$work/out-$n.yaml" --report none
  ours=$(cat "$work/last")
  measure "  kube-inject (portable package)" $portable -f "$work/bundle-$n.yaml" -o "$work/out-$n.yaml" --report none
  ours_portable=$(cat "$work/last")
  measure "  YamlDotNet load+save (floor)" $helper floor "$work/bundle-$n.yaml" "$work/floor-$n.yaml"
  floor=$(cat "$work/last")
  # kube-inject ships with TieredPGO off (see its csproj); the floor is shown both ways, the ratio uses the faster.
  measure "  floor, TieredPGO off" env DOTNET_TieredPGO=0 $helper floor "$work/bundle-$n.yaml" "$work/floor-$n.yaml"
  floor_nopgo=$(cat "$work/last")
  if [ "$(echo "$floor_nopgo < $floor" | bc -l)" = 1 ]; then floor=$floor_nopgo; fi
  printf '  ratio kube-inject / fastest floor: %.2f (portable package: %.2f)\n' "$(echo "$ours / $floor" | bc -l)" "$(echo "$ours_portable / $floor" | bc -l)"
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
