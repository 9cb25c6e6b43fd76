#!/usr/bin/env bash
# Prints chartlint's speed figures as a table (docs/performance.md explains them):
#   1. throughput: a generated stream of N Deployments and DaemonSets, all rules against a bare
#      SnakeYAML compose in the same JVM; then the 100k stream linted with -Xmx256m
#   2. scaling: the corpus of rendered charts with 1 and 2 threads
#   3. start-up: ./chartlint lint on one small manifest against a Java hello world
# Usage: bench/run.sh [--quick]   (--quick: N = 1k and 10k only, fewer start-up runs)
# Builds the command-line jar first when it is missing (./mvnw package, never install).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/linter-cli/target/chartlint.jar"
corpus="${CHARTLINT_CORPUS:-$root/../shared/corpus/rendered}"
java_cmd="java"
if [ -n "${JAVA_HOME:-}" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
quick=false
if [ "${1:-}" = "--quick" ]; then
  quick=true
fi

if [ ! -f "$jar" ]; then
  echo "building $jar..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl linter-cli -am >&2)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# Median wall time in milliseconds of running "$@" $runs times, output discarded.
median_ms() {
  local runs="$1"
  shift
  local times=()
  for ((i = 0; i < runs; i++)); do
    local t0 t1
    t0=$(now_ms)
    "$@" >/dev/null 2>&1 || true
    t1=$(now_ms)
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN {print (r <= t ? "met" : "not met")}'; }

echo "machine: $(nproc) cores, $("$java_cmd" -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
echo

# 1. Throughput
sizes=(1000 10000 100000)
if $quick; then
  sizes=(1000 10000)
fi
echo "| 1. throughput (1 thread)     | compose ms | lint ms | lint/compose | target ≤1.3× | findings |"
echo "|------------------------------|-----------:|--------:|-------------:|--------------|---------:|"
"$java_cmd" -Xss8m -cp "$jar" "$root/bench/Throughput.java" "$work" "${sizes[@]}" |
  while read -r n compose lint r findings; do
    printf '| %-28s | %10s | %7s | %11s× | %-12s | %8s |\n' \
      "$n Deployments+DaemonSets" "$compose" "$lint" "$r" "$(verdict "$r" 1.3)" "$findings"
  done
if ! $quick; then
  t0=$(now_ms)
  if out=$("$java_cmd" -Xmx256m -cp "$jar" "$root/bench/Throughput.java" "$work" --lint-only 100000 2>&1); then
    echo "| 100k stream with -Xmx256m    | lints in $(($(now_ms) - t0)) ms (incl. generating and compiling), $out findings |"
  else
    echo "| 100k stream with -Xmx256m    | FAILED: $(echo "$out" | tail -1) |"
  fi
fi
echo

# 2. Scaling
if [ -d "$corpus" ]; then
  files=$(find "$corpus" -name '*.yaml' | wc -l)
  runs=5
  one=$(median_ms $runs "$java_cmd" -jar "$jar" lint --threads 1 --format json -o "$work/out.json" "$corpus")
  two=$(median_ms $runs "$java_cmd" -jar "$jar" lint --threads 2 --format json -o "$work/out.json" "$corpus")
  echo "| 2. scaling: corpus, $files files | 1 thread ms | 2 threads ms | speed-up |"
  echo "|------------------------------|------------:|-------------:|---------:|"
  printf '| %-28s | %11s | %12s | %7s× |\n' "chartlint lint (whole JVM)" "$one" "$two" "$(ratio "$one" "$two")"
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
if $quick; then
  runs=5
fi
"$root/chartlint" lint "$work/small.yaml" >/dev/null 2>&1 || true # creates the class-data archive
hello=$(median_ms $runs "$java_cmd" -jar "$work/hello.jar")
cds=$(median_ms $runs "$root/chartlint" lint "$work/small.yaml")
nocds=$(median_ms $runs env CHARTLINT_CDS=0 "$root/chartlint" lint "$work/small.yaml")
plain=$(median_ms $runs "$java_cmd" -jar "$jar" lint "$work/small.yaml")
echo "| 3. start-up: one small manifest       | ms   | × hello world | target ≤4× |"
echo "|---------------------------------------|-----:|--------------:|------------|"
printf '| %-37s | %4s | %12s  | %-10s |\n' "java -jar hello.jar" "$hello" "1.00×" ""
printf '| %-37s | %4s | %12s× | %-10s |\n' "./chartlint lint (launcher, CDS)" "$cds" "$(ratio "$cds" "$hello")" "$(verdict "$(ratio "$cds" "$hello")" 4)"
printf '| %-37s | %4s | %12s× | %-10s |\n' "CHARTLINT_CDS=0 ./chartlint lint" "$nocds" "$(ratio "$nocds" "$hello")" "$(verdict "$(ratio "$nocds" "$hello")" 4)"
printf '| %-37s | %4s | %12s× | %-10s |\n' "java -jar chartlint.jar lint" "$plain" "$(ratio "$plain" "$hello")" "$(verdict "$(ratio "$plain" "$hello")" 4)"
