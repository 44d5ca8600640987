#!/bin/sh
# Start-up of the reading window, for `make bench` (not a test: nothing is
# asserted). Prints:
#   startup_ms       process start to the first frame drawn with the bundled
#                    content, median of RUNS launches
#   startup_bare_ms  the same for an empty AdwApplicationWindow with a header
#                    bar (tests/bench/bare-window.c): the floor on this machine
#   rss_mb_app       resident memory of clinic-guide after its first frame
# and, window first (F10), on a library of 10,000 articles (cg-bench's
# corpus, written to a temporary folder unless CG_BENCH_CORPUS_10K names one):
#   startup_10k_ms       process start to the first frame (the window comes
#                        before the content), against startup_bare_ms
#   search_ready_10k_ms  process start to the first frame showing the
#                        results of a query typed at once, median of RUNS_10K
#   rss_mb_app_10k       resident memory of clinic-guide then, with all the
#                        content loaded and indexed
# Both programs print the wall-clock time of their first frame when
# CLINIC_GUIDE_BENCH_FIRST_FRAME is set, and quit. Needs a display: `make
# bench` runs it under Xvfb.
#
#   tests/bench/startup.sh [BUILDDIR] [RUNS] [RUNS_10K]
set -eu

build=${1:-build}
runs=${2:-9}
runs_10k=${3:-3}
app=$build/src/clinic-guide
bare=$build/tests/bare-window
cg_bench=$build/tests/bench/cg-bench

for program in "$app" "$bare" "$cg_bench"; do
  [ -x "$program" ] || { echo "startup.sh: $program is not built" >&2; exit 1; }
done
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "startup.sh: no display (run it under xvfb-run, as make bench does)" >&2
  exit 1
fi

# Same settings for both: no dconf, the window at its default size.
export GSETTINGS_BACKEND=memory CLINIC_GUIDE_BENCH_FIRST_FRAME=1
unset CLINIC_GUIDE_PAGE

# One launch: "<milliseconds to the first frame> <resident kB>"; with
# CLINIC_GUIDE_BENCH_SEARCH set, "<milliseconds to the results> <resident kB>".
launch () {
  start=$(date +%s%N)
  out=$("$@" 2>/dev/null) || { echo "startup.sh: $1 failed" >&2; exit 1; }
  echo "$out" | awk -v start="$start" -v search="${CLINIC_GUIDE_BENCH_SEARCH:-}" '
    /^first_frame_unix_us / { frame = $2 }
    /^rss_kb / { rss = $2 }
    /^search_ready_unix_us / { ready = $2 }
    /^search_rss_kb / { search_rss = $2 }
    END {
      if (frame == "") { print "startup.sh: no first frame reported" > "/dev/stderr"; exit 1 }
      if (search != "") {
        if (ready == "") { print "startup.sh: no answered search reported" > "/dev/stderr"; exit 1 }
        printf "%.1f %d\n", (ready * 1000 - start) / 1e6, search_rss
      } else
        printf "%.1f %d\n", (frame * 1000 - start) / 1e6, rss
    }'
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

app_runs=$(mktemp)
bare_runs=$(mktemp)
app_10k_runs=$(mktemp)
search_10k_runs=$(mktemp)
corpus=${CG_BENCH_CORPUS_10K:-}
written=""
cleanup () {
  rm -f "$app_runs" "$bare_runs" "$app_10k_runs" "$search_10k_runs"
  [ -z "$written" ] || rm -rf "$written"
}
trap cleanup EXIT
if [ -z "$corpus" ]; then
  written=$(mktemp -d)
  corpus=$written/corpus
  "$cg_bench" --write-corpus "$corpus" 10000 >/dev/null
fi

# A first launch of each fills the file caches; then the three alternate,
# so that a busy moment on the machine costs them the same.
launch "$app" >/dev/null
launch "$app" --content-dir "$corpus" >/dev/null
launch "$bare" >/dev/null
i=0
while [ "$i" -lt "$runs" ]; do
  launch "$app" >>"$app_runs"
  launch "$app" --content-dir "$corpus" >>"$app_10k_runs"
  launch "$bare" >>"$bare_runs"
  i=$((i + 1))
done

# Launch to the first query answered: each run loads and indexes it all.
export CLINIC_GUIDE_BENCH_SEARCH=aftercare
i=0
while [ "$i" -lt "$runs_10k" ]; do
  launch "$app" --content-dir "$corpus" >>"$search_10k_runs"
  i=$((i + 1))
done
unset CLINIC_GUIDE_BENCH_SEARCH

startup=$(cut -d' ' -f1 "$app_runs" | median)
startup_bare=$(cut -d' ' -f1 "$bare_runs" | median)
rss_app=$(cut -d' ' -f2 "$app_runs" | median)
rss_bare=$(cut -d' ' -f2 "$bare_runs" | median)

echo "startup_runs: $runs launches each (GSK_RENDERER=${GSK_RENDERER:-default})"
echo "startup_ms: $startup ms"
echo "startup_bare_ms: $startup_bare ms"
awk -v a="$startup" -v b="$startup_bare" 'BEGIN {
  r = a / b
  printf "startup_ratio: %.2f  (target: startup_ms at most 1.3 x startup_bare_ms: %s)\n", r, r <= 1.3 ? "met" : "NOT MET"
}'
awk -v k="$rss_app" 'BEGIN { printf "rss_mb_app: %.1f MB\n", k / 1024 }'
awk -v k="$rss_bare" 'BEGIN { printf "rss_mb_bare: %.1f MB\n", k / 1024 }'

startup_10k=$(cut -d' ' -f1 "$app_10k_runs" | median)
search_10k=$(cut -d' ' -f1 "$search_10k_runs" | median)
rss_10k=$(cut -d' ' -f2 "$search_10k_runs" | median)
echo "startup_10k_ms: $startup_10k ms  ($runs launches on 10,000 articles)"
awk -v a="$startup_10k" -v b="$startup_bare" 'BEGIN {
  r = a / b
  printf "startup_10k_ratio: %.2f  (target: startup_10k_ms at most 1.3 x startup_bare_ms: %s)\n", r, r <= 1.3 ? "met" : "NOT MET"
}'
echo "search_ready_10k_ms: $search_10k ms  ($runs_10k launches)"
awk -v k="$rss_10k" 'BEGIN { printf "rss_mb_app_10k: %.1f MB  (all loaded and indexed, one query answered)\n", k / 1024 }'
