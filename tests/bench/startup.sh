#!/bin/sh
# Start-up of the reading window, for `make bench` (not a test: nothing is
# asserted). Prints:
#   startup_ms       process start to the first frame drawn with the bundled
#                    content, median of RUNS launches
#   startup_bare_ms  the same for an empty AdwApplicationWindow with a header
#                    bar (tests/bench/bare-window.c): the floor on this machine
#   rss_mb_app       resident memory of clinic-guide after its first frame
# Both programs print the wall-clock time of their first frame when
# CLINIC_GUIDE_BENCH_FIRST_FRAME is set, and quit. Needs a display: `make
# bench` runs it under Xvfb.
#
#   tests/bench/startup.sh [BUILDDIR] [RUNS]
set -eu

build=${1:-build}
runs=${2:-9}
app=$build/src/clinic-guide
bare=$build/tests/bare-window

for program in "$app" "$bare"; do
  [ -x "$program" ] || { echo "startup.sh: $program is not built" >&2; exit 1; }
done
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "startup.sh: no display (run it under xvfb-run, as make bench does)" >&2
  exit 1
fi

# Same settings for both: no dconf, the window at its default size.
export GSETTINGS_BACKEND=memory CLINIC_GUIDE_BENCH_FIRST_FRAME=1
unset CLINIC_GUIDE_PAGE

# One launch: "<milliseconds to the first frame> <resident kB>".
launch () {
  start=$(date +%s%N)
  out=$("$1" 2>/dev/null) || { echo "startup.sh: $1 failed" >&2; exit 1; }
  echo "$out" | awk -v start="$start" '
    /^first_frame_unix_us / { frame = $2 }
    /^rss_kb / { rss = $2 }
    END {
      if (frame == "") { print "startup.sh: no first frame reported" > "/dev/stderr"; exit 1 }
      printf "%.1f %d\n", (frame * 1000 - start) / 1e6, rss
    }'
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

app_runs=$(mktemp)
bare_runs=$(mktemp)
trap 'rm -f "$app_runs" "$bare_runs"' EXIT

# A first launch of each fills the file caches; then the two alternate, so
# that a busy moment on the machine costs both the same.
launch "$app" >/dev/null
launch "$bare" >/dev/null
i=0
while [ "$i" -lt "$runs" ]; do
  launch "$app" >>"$app_runs"
  launch "$bare" >>"$bare_runs"
  i=$((i + 1))
done

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
