#!/usr/bin/env bash
# Prints how long chart rendering takes: one chart, and every corpus chart in one run, with
# chartlint's embedded Helm and, when a helm executable is on PATH, with `helm template`.
# Usage: bench/helm.sh [CORPUS_CHARTS_DIR] (default ../shared/corpus/charts)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
charts="${1:-$root/../shared/corpus/charts}"
one="$charts/kruise"
[ -d "$one" ] || { echo "no corpus charts at $charts" >&2; exit 2; }
"$root/chartlint" version >/dev/null # build once, outside the timings

seconds() { # runs "$@", prints the wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

printf '%-52s %8s\n' "what" "seconds"
printf '%-52s %8.2f\n' "chartlint lint kruise (embedded Helm, one JVM)" \
  "$(seconds "$root/chartlint" lint "$one")"
printf '%-52s %8.2f\n' "chartlint lint all $(ls "$charts" | wc -l) corpus charts (embedded, one JVM)" \
  "$(seconds "$root/chartlint" lint "$charts")"
printf '%-52s %8.2f\n' "chartlint lint testdata/.../node-agent --ci-values" \
  "$(seconds "$root/chartlint" lint --ci-values "$root/testdata/src/main/resources/charts/node-agent")"

if command -v helm >/dev/null 2>&1; then
  printf '%-52s %8.2f\n' "helm template kruise" "$(seconds helm template kruise "$one")"
  all() { for c in "$charts"/*/; do helm template x "$c" >/dev/null 2>&1 || true; done; }
  printf '%-52s %8.2f\n' "helm template, every corpus chart in turn" "$(seconds all)"
  printf '%-52s %8.2f\n' "chartlint lint all corpus charts --helm-binary" \
    "$(seconds "$root/chartlint" lint --helm-binary "$(command -v helm)" "$charts")"
else
  echo "no helm executable on PATH: only the embedded figures above (they include JVM start-up" \
    "and the one-time load of the native library, about a second)"
fi
