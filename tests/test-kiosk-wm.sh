#!/bin/bash
# Waiting-room mode under a real window manager (F14): the program itself,
# on a private X screen of each size a waiting room has, with Openbox, whose
# menus and keys are the ways out a patient finds. Real key and pointer
# events (xdotool, wmctrl) try each way; after each, the window must be
# back within a second: mapped, full screen, on the workspace in view,
# covering the whole screen, and painted to the bottom (a window the size
# of its default, 760 pixels high, leaves the rest of a portrait screen
# black).
#
#   test-kiosk-wm.sh CLINIC_GUIDE SCREEN_MEAN
set -u

exe=$1
screen_mean=$2
for tool in Xvfb xdpyinfo openbox xdotool wmctrl xwininfo xprop dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "Bail out! $tool is missing (make deps)"; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cg-kiosk-wm.XXXXXX")
pids=()
cleanup () { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

n=0
failures=0
ok () { n=$((n + 1)); echo "ok $n - $*"; }
not_ok () { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $*"; }

# What the screen shows of the kiosk window, on one line.
window_state ()
{
  local info
  info=$(xwininfo -id "$win" 2>/dev/null)
  echo "$(sed -n 's/.*Map State: //p' <<<"$info")" \
       "$(sed -n 's/.*-geometry \([0-9]*x[0-9]*\).*/\1/p' <<<"$info")" \
       "$(xprop -id "$win" _NET_WM_STATE 2>/dev/null | grep -o FULLSCREEN)" \
       "desktop $(xprop -id "$win" _NET_WM_DESKTOP 2>/dev/null | sed 's/.*= //')/$(xprop -root _NET_CURRENT_DESKTOP | sed 's/.*= //')"
}

# The lowest tenth of the screen is painted (the window's background is
# light; an X window GTK never drew in is black).
bottom_painted ()
{
  local height=${size#*x} width=${size%x*}
  awk -v m="$("$screen_mean" 0 $((height - height / 10)) "$width" $((height / 10)))" 'BEGIN { exit !(m > 0.5) }'
}

# Nothing frames the window: each edge of the screen looks like the line
# 3 pixels inside it (the header's or a page's background; on the right,
# the header's only: a page's scroll bar shows there). Without a
# compositor GTK drew a 5 pixel frame, a darker line outside a lighter
# band, inside the full-screen window.
no_frame ()
{
  local height=${size#*x} width=${size%x*} a b
  for edge in "0 0 1 $height:3 0 1 $height" "$((width - 1)) 0 1 40:$((width - 4)) 0 1 40" \
              "0 0 $width 1:0 3 $width 1" "0 $((height - 1)) $width 1:0 $((height - 4)) $width 1"; do
    # shellcheck disable=SC2086
    a=$("$screen_mean" ${edge%%:*}); b=$("$screen_mean" ${edge#*:})
    awk -v a="$a" -v b="$b" 'BEGIN { d = a - b; exit !(d < 0.02 && d > -0.02) }' || { echo "edge $edge: $a against $b"; return 1; }
  done
}

# The window is mapped, full screen, of the screen's size, on the
# workspace in view.
is_back ()
{
  local state=$1 desk=${1##* }
  [[ $state == "IsViewable $size FULLSCREEN desktop "* && ${desk%/*} == "${desk#*/}" ]]
}

restores () { grep -c 'restoring it' "$tmp/app-$size.log"; }

# Waits up to a second for the window to be back as it must be. With
# "hid", the way out must have worked first: the kiosk says (in its debug
# output) that it saw its window hidden and restored it.
check_back ()
{
  local what=$1 hid=${2:-} state
  for _ in $(seq 20); do
    sleep 0.05
    state=$(window_state)
    is_back "$state" && break
  done
  sleep 0.2
  state=$(window_state)
  sleep 0.1
  if [[ -n $hid ]] && (( $(restores) <= restored )); then
    not_ok "$size: $what: the window was never hidden: the way out was not tried"
  elif is_back "$state" && bottom_painted; then
    if frame=$(no_frame); then
      ok "$size: $what: back ($state)"
    else
      not_ok "$size: $what: back ($state), but framed: $frame"
    fi
  else
    not_ok "$size: $what: the kiosk stays hidden, smaller or unpainted ($state)"
  fi
}

for size in 800x1280 1366x768 1920x1080; do
  display=:$((300 + RANDOM % 600))
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 & pids+=($!)
  for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
  export DISPLAY=$display GDK_BACKEND=x11
  openbox >/dev/null 2>&1 & pids+=($!)
  sleep 1

  home=$tmp/home-$size
  mkdir -p "$home"
  HOME=$home XDG_CONFIG_HOME=$home XDG_CACHE_HOME=$home XDG_DATA_HOME=$home XDG_STATE_HOME=$home \
    G_DEBUG= GTK_A11Y=none G_MESSAGES_DEBUG=cg-app \
    dbus-run-session -- "$exe" --kiosk >"$tmp/app-$size.log" 2>&1 & app=$!
  pids+=($app)

  win=""
  for _ in $(seq 200); do
    win=$(xdotool search --onlyvisible --name 'Clinic Guide' 2>/dev/null | head -1)
    [[ -n $win ]] && break
    sleep 0.1
  done
  if [[ -z $win ]]; then
    not_ok "$size: no kiosk window within 20 s: $(tail -3 "$tmp/app-$size.log")"
    continue
  fi
  sleep 1
  xdotool windowfocus --sync "$win" 2>/dev/null

  check_back "at start"

  # Openbox's window menu opens at the window's corner; "Iconify" is its
  # sixth row (Send to desktop, Layer, Restore, Move, Resize, Iconify).
  restored=$(restores); xdotool mousemove 0 0 key alt+space; sleep 0.5
  xdotool mousemove 45 104 click 1
  check_back "Alt+Space, Iconify (window menu, pointer)" hid

  # The same with keys alone, as from a keyboard left on the desk: the
  # menu's mnemonic for Iconify is "n" (Ico_nify).
  restored=$(restores); xdotool key alt+space; sleep 0.5
  xdotool key n
  check_back "Alt+Space, N (window menu, Iconify, keys only)" hid

  restored=$(restores); xdotool windowminimize "$win"
  check_back "minimised (xdotool windowminimize)" hid

  restored=$(restores); wmctrl -i -r "$win" -b remove,fullscreen
  check_back "taken out of full screen (wmctrl -b remove,fullscreen)" hid

  restored=$(restores); xdotool key super+d
  check_back "Super+D (Openbox: show desktop)" hid

  restored=$(restores); xdotool key ctrl+alt+Right
  check_back "Ctrl+Alt+Right (Openbox: next workspace)" hid

  restored=$(restores); xdotool windowunmap "$win"
  check_back "unmapped by another client (xdotool windowunmap)" hid

  xdotool key alt+F4
  check_back "Alt+F4 (Openbox: close)"
  kill -0 "$app" 2>/dev/null && ok "$size: the program still runs" || not_ok "$size: the program ended"

  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  pids=()
done

echo "1..$n"
exit $((failures > 0))
