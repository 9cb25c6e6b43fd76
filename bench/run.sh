#!/usr/bin/env bash
# Prints chartlint's speed figures as one table (docs/performance.md explains them):
#   1. throughput: a generated stream of N Deployments and DaemonSets, all rules against a bare
#      SnakeYAML compose in the same JVM, with the time per phase; the 10k stream again against
#      an inventory of 1,000 nodes in 50 pools; then the 100k stream linted with -Xmx256m
#   2. scaling: the corpus of rendered charts with 1 and 2 threads
#   3. start-up: ./chartlint version and ./chartlint lint on one small manifest, against a Java
#      hello world
#   4. charts: ./chartlint lint on one corpus chart and on every corpus chart in one process (with
#      its render workers in parallel, and with --threads 1: one render at a time), against
#      `helm template` run over the same charts one after another when a helm executable is on PATH
#   5. policies: 1,000 objects against 20 custom JSON Schema policies, then against 20 CEL
#      ValidatingAdmissionPolicies (bench/policies.sh)
# Usage: bench/run.sh [--quick]
#   --quick: N = 1k and 10k with fewer repetitions, no 100k stream, fewer start-up runs; finishes
#   in about three minutes on two cores.
# Every step has a time limit; a step that fails or runs out of time says so in its row and the
# script goes on. Builds the command-line jar first when it is missing (./mvnw package, never
# install). Writes only to a temporary directory.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/linter-cli/target/chartlint.jar"
corpus="${CHARTLINT_CORPUS:-$root/../shared/corpus/rendered}"
charts="${CHARTLINT_CHARTS:-$root/../shared/corpus/charts}"
java_cmd="java"
if [ -n "${JAVA_HOME:-}" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
quick=false
if [ "${1:-}" = "--quick" ]; then
  quick=true
fi

# "$root/chartlint" builds the jar when it is missing or older than the sources.
if ! "$root/chartlint" version >/dev/null; then
  echo "cannot build or run $root/chartlint" >&2
  exit 2
fi

work="$(mktemp -d)"
# The launchers keep their class-data archive in the user cache directory: keep it in here instead.
export XDG_CACHE_HOME="$work/cache"
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# limited SECONDS CMD...: runs CMD with a time limit (its output is the caller's business).
# Status 124 means the limit was reached.
limited() {
  local limit="$1"
  shift
  timeout --kill-after=10 "$limit" "$@"
}

# The word for a failed step's status.
failure() {
  case "$1" in
    124 | 137) echo "timed out" ;;
    *) echo "failed" ;;
  esac
}

# median_ms RUNS LIMIT CMD...: median wall time in ms of running CMD RUNS times, output discarded;
# "failed" or "timed out" when any run does not exit 0 within LIMIT seconds (exit status 1, the
# linter's "findings" status, counts as success).
median_ms() {
  local runs="$1" limit="$2"
  shift 2
  local times=() i t0 status
  for ((i = 0; i < runs; i++)); do
    t0=$(now_ms)
    limited "$limit" "$@" >/dev/null 2>&1
    status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
      failure "$status"
      return
    fi
    times+=($(($(now_ms) - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

is_number() { [[ "$1" =~ ^[0-9]+(\.[0-9]+)?$ ]]; }
ratio() {
  if is_number "$1" && is_number "$2"; then
    awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f×", a / b}'
  else
    echo "—"
  fi
}
verdict() { # verdict RATIO× TARGET
  local r="${1%×}"
  if is_number "$r"; then
    awk -v r="$r" -v t="$2" 'BEGIN {print (r <= t ? "met" : "not met")}'
  else
    echo "—"
  fi
}

echo "machine: $(nproc) cores, $("$java_cmd" -version 2>&1 | head -1), $(date -u '+%Y-%m-%d %H:%M UTC')," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
$quick && echo "(--quick: fewer sizes and repetitions)"
echo

# 1. Throughput
sizes=(1000 10000 100000)
runs_arg=()
limit=1500
if $quick; then
  sizes=(1000 10000)
  runs_arg=(--runs 3)
  limit=150
fi
echo "| 1. throughput (1 thread)     | compose ms | lint ms | lint/compose | target ≤1.3× | findings |"
echo "|------------------------------|-----------:|--------:|-------------:|--------------|---------:|"
limited "$limit" "$java_cmd" -Xss8m -cp "$jar" "$root/bench/Throughput.java" \
  ${runs_arg[@]+"${runs_arg[@]}"} --phases "$work/phases.txt" "$work" "${sizes[@]}" \
  >"$work/throughput.txt" 2>"$work/throughput.err"
status=$?
for n in "${sizes[@]}"; do
  row=$(awk -v n="$n" '$1 == n' "$work/throughput.txt")
  label="$n Deployments+DaemonSets"
  if [ -n "$row" ]; then
    read -r _ compose lint r findings <<<"$row"
    printf '| %-28s | %10s | %7s | %11s× | %-12s | %8s |\n' \
      "$label" "$compose" "$lint" "$r" "$(verdict "$r" 1.3)" "$findings"
  else
    printf '| %-28s | %10s | %7s | %12s | %-12s | %8s |\n' \
      "$label" "$(failure "$status")" "—" "—" "—" "—"
  fi
done
if [ "$status" -ne 0 ] && [ "$status" -ne 124 ] && [ "$status" -ne 137 ]; then
  echo "(throughput: $(tail -1 "$work/throughput.err"))"
fi
# The same stream against a node inventory of 1,000 nodes in 50 pools: workload-fits-no-node and
# daemonset-coverage schedule every workload onto every node.
inv_n=10000
inv_runs=(--runs 7)
# the row compares two lints of about a second, each of which a garbage collection may or may
# not fall into: even --quick takes the median of five
$quick && inv_runs=(--runs 5)
limited "$limit" "$java_cmd" -Xss8m -cp "$jar" "$root/bench/Throughput.java" "${inv_runs[@]}" \
  --nodes 1000:50 "$work" "$inv_n" >"$work/inventory.txt" 2>"$work/inventory.err"
status=$?
row=$(awk -v n="$inv_n" '$1 == n' "$work/inventory.txt")
if [ -n "$row" ]; then
  # The sixth column is the same stream linted without the inventory in the same JVM, run by run
  # in turn with it: the ratio compares the two under the same load.
  read -r _ compose lint r findings base <<<"$row"
  printf '| %-28s | %10s | %7s | %11s× | %-12s | %8s |\n' \
    "$inv_n, 1,000 nodes/50 pools" "$compose" "$lint" "$r" \
    "$(ratio "$lint" "$base") of $base ms without" "$findings"
else
  printf '| %-28s | %10s | %7s | %12s | %-12s | %8s |\n' \
    "$inv_n, 1,000 nodes/50 pools" "$(failure "$status")" "—" "—" "—" "—"
fi
if [ -s "$work/phases.txt" ]; then
  echo
  echo "Where the lint time goes (ms; phases: median of 5 runs, rules: mean of 3, same JVM):"
  sed 's/^/    /' "$work/phases.txt"
fi
if ! $quick; then
  t0=$(now_ms)
  limited 900 "$java_cmd" -Xmx256m -cp "$jar" "$root/bench/Throughput.java" "$work" --lint-only 100000 \
    >"$work/lint-only.txt" 2>&1
  status=$?
  if [ "$status" -eq 0 ]; then
    echo "| 100k stream with -Xmx256m    | lints in $(($(now_ms) - t0)) ms (incl. generating and compiling)," \
      "$(tail -1 "$work/lint-only.txt") findings |"
  else
    echo "| 100k stream with -Xmx256m    | $(failure "$status"): $(tail -1 "$work/lint-only.txt") |"
  fi
fi
echo

# 2. Scaling
if [ -d "$corpus" ]; then
  files=$(find "$corpus" -name '*.yaml' | wc -l)
  runs=5
  $quick && runs=3
  one=$(median_ms $runs 120 "$java_cmd" -jar "$jar" lint --threads 1 --format json -o "$work/out.json" "$corpus")
  two=$(median_ms $runs 120 "$java_cmd" -jar "$jar" lint --threads 2 --format json -o "$work/out.json" "$corpus")
  echo "| 2. scaling: corpus, $files files | 1 thread ms | 2 threads ms | speed-up |"
  echo "|------------------------------|------------:|-------------:|---------:|"
  printf '| %-28s | %11s | %12s | %8s |\n' "chartlint lint (whole JVM)" "$one" "$two" "$(ratio "$one" "$two")"
else
  echo "2. scaling: skipped, no corpus at $corpus"
fi
echo

# 3. Start-up
mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello world");
  }
}
EOF
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$work/hello" "$work/hello/Hello.java"
printf 'Main-Class: Hello\n' >"$work/hello/manifest.txt"
"${JAVA_HOME:+$JAVA_HOME/bin/}jar" cfm "$work/hello.jar" "$work/hello/manifest.txt" -C "$work/hello" Hello.class
cat >"$work/small.yaml" <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: {cpu: 100m, memory: 128Mi}
EOF
runs=15
$quick && runs=5
limited 60 "$root/chartlint" lint "$work/small.yaml" >/dev/null 2>&1 # creates the class-data archive
hello=$(median_ms $runs 30 "$java_cmd" -jar "$work/hello.jar")
version=$(median_ms $runs 30 "$root/chartlint" version)
cds=$(median_ms $runs 30 "$root/chartlint" lint "$work/small.yaml")
nocds=$(median_ms $runs 30 env CHARTLINT_CDS=0 "$root/chartlint" lint "$work/small.yaml")
plain=$(median_ms $runs 30 "$java_cmd" -jar "$jar" lint "$work/small.yaml")
echo "| 3. start-up: one small manifest       | ms   | × hello world | target ≤4× |"
echo "|---------------------------------------|-----:|--------------:|------------|"
printf '| %-37s | %4s | %13s | %-10s |\n' "java -jar hello.jar" "$hello" "1.00×" ""
row() { printf '| %-37s | %4s | %13s | %-10s |\n' "$1" "$2" "$(ratio "$2" "$hello")" "$3"; }
row "./chartlint version (launcher, CDS)" "$version" ""
c=$(ratio "$cds" "$hello")
row "./chartlint lint (launcher, CDS)" "$cds" "$(verdict "$c" 4)"
row "CHARTLINT_CDS=0 ./chartlint lint" "$nocds" "$(verdict "$(ratio "$nocds" "$hello")" 4)"
row "java -jar chartlint.jar lint" "$plain" "$(verdict "$(ratio "$plain" "$hello")" 4)"
echo

# 4. Charts
if [ -d "$charts" ]; then
  one_chart="$charts/kruise"
  [ -d "$one_chart" ] || one_chart="$(find "$charts" -mindepth 1 -maxdepth 1 -type d | sort | head -1)"
  count=$(find "$charts" -mindepth 1 -maxdepth 1 -type d | wc -l)
  runs=3
  $quick && runs=1
  cl_one=$(median_ms $runs 120 "$root/chartlint" lint --format json -o "$work/chart.json" "$one_chart")
  cl_all=$(median_ms 1 600 "$root/chartlint" lint --format json -o "$work/charts.json" "$charts")
  cl_serial=$(median_ms 1 600 "$root/chartlint" lint --threads 1 --format json -o "$work/charts1.json" "$charts")
  echo "| 4. charts                                     | ms     | target |"
  echo "|-----------------------------------------------|-------:|--------|"
  if command -v helm >/dev/null 2>&1; then
    helm_one=$(median_ms $runs 120 helm template x "$one_chart")
    # every chart in turn, one helm process each; a chart helm cannot render is skipped
    printf 'for c in "$1"/*/; do helm template x "$c" >/dev/null 2>&1 || true; done\n' >"$work/all-helm.sh"
    helm_all=$(median_ms 1 600 bash "$work/all-helm.sh" "$charts")
    printf '| %-45s | %6s | %-6s |\n' "helm template $(basename "$one_chart")" "$helm_one" ""
    printf '| %-45s | %6s | %-6s |\n' "./chartlint lint $(basename "$one_chart")" "$cl_one" \
      "$(ratio "$cl_one" "$helm_one") of helm, ≤3×: $(verdict "$(ratio "$cl_one" "$helm_one")" 3)"
    printf '| %-45s | %6s | %-6s |\n' "helm template, each of $count charts in turn" "$helm_all" ""
    printf '| %-45s | %6s | %-6s |\n' "./chartlint lint, all $count charts, one process" "$cl_all" \
      "$(ratio "$cl_all" "$helm_all") of helm, ≤0.5×: $(verdict "$(ratio "$cl_all" "$helm_all")" 0.5)"
    printf '| %-45s | %6s | %-6s |\n' "  the same with --threads 1 (one render at a time)" "$cl_serial" \
      "$(ratio "$cl_serial" "$helm_all") of helm"
  else
    printf '| %-45s | %6s | %-6s |\n' "./chartlint lint $(basename "$one_chart")" "$cl_one" "—"
    printf '| %-45s | %6s | %-6s |\n' "./chartlint lint, all $count charts, one process" "$cl_all" "—"
    printf '| %-45s | %6s | %-6s |\n' "  the same with --threads 1 (one render at a time)" "$cl_serial" \
      "$(ratio "$cl_all" "$cl_serial") of it in parallel"
    echo "(no helm executable on PATH: the comparison with helm template is not measured;" \
      "chartlint renders charts with its embedded Helm)"
  fi
else
  echo "4. charts: skipped, no corpus charts at $charts"
fi
echo

# 5. Policies
echo "5. policies: 1,000 objects against 20 JSON Schema policies and 20 CEL policies (bench/policies.sh)"
rounds=5
$quick && rounds=2
limited 300 "$root/bench/policies.sh" "$rounds" >"$work/policies.txt" 2>&1
status=$?
sed 's/^/    /' "$work/policies.txt"
if [ "$status" -ne 0 ]; then
  echo "    policies: $(failure "$status")"
fi
