#!/bin/sh
# The installed layout (F17): a second build configured with a temporary
# prefix is installed there; the copied sources and that build are then
# deleted, and the installed program runs as a user of the package would run
# it, with nothing in its environment pointing into a source or build tree.
# What a user would notice is checked: that it finds its content, its
# translations and its settings schema, that the menu entry names a program
# and an icon that are there, and that a clinic folder set for every user of
# the PC (a system data folder, or the dconf lockdown example) is read.
#
#   test-installed.sh SOURCE_DIR
set -eu

srcdir=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cg-installed.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
prefix=$tmp/prefix
failures=0

fail ()
{
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Only what meson.build reads: a build directory inside the source tree (the
# developer's build/, or dpkg-buildpackage's obj-*) is not copied.
mkdir "$tmp/src"
(cd "$srcdir" && tar -cf - meson.build meson_options.txt data po src tests ui) | tar -C "$tmp/src" -xf -

# Unoptimised, and only the targets that are installed (and the translated
# content the install script copies): the tests are not built a second time.
meson setup -Dbuildtype=plain --prefix "$prefix" "$tmp/build" "$tmp/src" >"$tmp/setup.log" 2>&1 ||
  { cat "$tmp/setup.log" >&2; exit 1; }
targets=$(meson introspect --targets "$tmp/build" | python3 -c '
import json, os, sys
build = sys.argv[1]
for t in json.load(sys.stdin):
    if os.sep + "tests" + os.sep in t["defined_in"]:
        continue
    if t["installed"] or t["name"].startswith("content-"):
        for f in t["filename"]:
            print(os.path.relpath(f, build))
' "$tmp/build")
ninja -C "$tmp/build" $targets >"$tmp/build.log" 2>&1 || { tail -n 40 "$tmp/build.log" >&2; exit 1; }
meson install --no-rebuild -C "$tmp/build" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; exit 1; }
rm -rf "$tmp/build" "$tmp/src"

share=$prefix/share
for f in bin/clinic-guide \
         share/clinic-guide/clinic.xml \
         share/clinic-guide/content/topics.xml \
         share/clinic-guide/content/fr/does-microneedling-hurt.xml \
         share/locale/fr/LC_MESSAGES/clinic-guide.mo \
         share/glib-2.0/schemas/org.clinicguide.ClinicGuide.gschema.xml \
         share/glib-2.0/schemas/gschemas.compiled \
         share/metainfo/org.clinicguide.ClinicGuide.metainfo.xml \
         share/doc/clinic-guide/examples/clinic-guide-kiosk.service \
         share/doc/clinic-guide/examples/clinic-guide-kiosk.desktop \
         share/doc/clinic-guide/examples/dconf/profile/user \
         share/doc/clinic-guide/examples/dconf/db/local.d/00-clinic-guide \
         share/doc/clinic-guide/examples/dconf/db/local.d/locks/clinic-guide; do
  [ -s "$prefix/$f" ] || fail "$f is not installed"
done

# The menu entry: its program is the installed one, its icon is installed.
desktop=$share/applications/org.clinicguide.ClinicGuide.desktop
if [ -f "$desktop" ]; then
  exec_line=$(sed -n 's/^Exec=//p' "$desktop")
  icon=$(sed -n 's/^Icon=//p' "$desktop")
  [ -x "$prefix/bin/${exec_line%% *}" ] || fail "the menu entry runs \"$exec_line\", not installed in $prefix/bin"
  [ -f "$share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "the menu entry's icon $icon is not installed"
else
  fail "the menu entry is not installed"
fi

# A user's environment: no GSETTINGS_SCHEMA_DIR, no G_TEST_*; a prefix that
# is not /usr needs its share folder in XDG_DATA_DIRS, like any program's.
SITE_DATA=
BACKEND=memory
DCONF_PROFILE=
run ()
{
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" LC_ALL=C.UTF-8 \
    XDG_DATA_DIRS="${SITE_DATA:+$SITE_DATA:}$share:/usr/share" \
    GSETTINGS_BACKEND="$BACKEND" ${DCONF_PROFILE:+DCONF_PROFILE=$DCONF_PROFILE} \
    "$prefix/bin/clinic-guide" "$@"
}
mkdir "$tmp/home"
tab=$(printf '\t')

expect ()
{
  what=$1
  pattern=$2
  shift 2
  status=0
  run "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  if [ $status -ne 0 ] || ! grep -q -- "$pattern" "$tmp/out"; then
    fail "$what: clinic-guide $* exited with $status and printed:"
    cat "$tmp/out" "$tmp/err" >&2
  else
    echo "ok: $what"
  fi
}

expect "version" '^clinic-guide [0-9]' --version
expect "the installed content validates" ': no problems$' --validate
expect "French messages from the installed catalog" 'aucun problème' --validate --lang fr
expect "English search of the installed content" \
  "^does-microneedling-hurt${tab}Does microneedling hurt?${tab}" --search 'does it hurt'
expect "French search of the installed translated content" \
  "^does-microneedling-hurt${tab}Le microneedling fait-il mal" --search 'fait-il mal' --lang fr

# The version the program reports has its release notes in the installed
# metainfo and its entry in the Debian changelog, and every screenshot the
# metainfo lists is one of data/screenshots/.
version=$(run --version | sed -n 's/^clinic-guide //p')
metainfo=$share/metainfo/org.clinicguide.ClinicGuide.metainfo.xml
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo has no release $version"
head -n 1 "$srcdir/debian/changelog" | grep -q "^clinic-guide ($version[-)]" ||
  fail "debian/changelog does not start with version $version"
shots=$(sed -n 's|.*<image[^>]*>.*/\([^/<]*\)</image>.*|\1|p' "$metainfo")
[ -n "$shots" ] || fail "the metainfo lists no screenshot"
for shot in $shots; do
  [ -f "$srcdir/data/screenshots/$shot" ] || fail "the metainfo's screenshot $shot is not in data/screenshots/"
done

# A clinic's own folder, with its version of one article.
clinic=$tmp/clinic
mkdir -p "$clinic"
cat >"$clinic/does-microneedling-hurt.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<article id="does-microneedling-hurt" topic="on-the-day" order="2">
  <title>Does it hurt at Riverside?</title>
  <summary>What our patients tell us.</summary>
  <review date="2026-12-01" by="Riverside team"/>
  <body>
    <p>Most of our patients say it feels like fine sandpaper.</p>
  </body>
</article>
EOF

# 1. For every user: a system data folder (XDG_DATA_DIRS starts with
#    /usr/local/share on Debian), <dir>/clinic-guide/content.
mkdir -p "$tmp/site/clinic-guide"
cp -r "$clinic" "$tmp/site/clinic-guide/content"
SITE_DATA=$tmp/site
expect "a system-wide clinic folder" \
  "^does-microneedling-hurt${tab}Does it hurt at Riverside?${tab}" --search 'does it hurt'
SITE_DATA=

# 2. For every user: the content-directory key in the dconf system database,
#    from the lockdown example (its folder swapped for ours), compiled as
#    `dconf update` compiles /etc/dconf/db/local.d.
examples=$share/doc/clinic-guide/examples/dconf/db/local.d
mkdir -p "$tmp/dconf/local.d/locks"
sed "s|^content-directory=.*|content-directory='$clinic'|" "$examples/00-clinic-guide" \
  >"$tmp/dconf/local.d/00-clinic-guide"
cp "$examples/locks/clinic-guide" "$tmp/dconf/local.d/locks/"
if dconf compile "$tmp/dconf/local" "$tmp/dconf/local.d"; then
  echo "file-db:$tmp/dconf/local" >"$tmp/dconf/profile"
  BACKEND=dconf
  DCONF_PROFILE=$tmp/dconf/profile
  expect "the clinic folder of the dconf example" \
    "^does-microneedling-hurt${tab}Does it hurt at Riverside?${tab}" --search 'does it hurt'
  # The example's keys exist in the installed schema and are locked.
  for key in content-directory kiosk idle-timeout kiosk-text-scale; do
    writable=$(env -i GSETTINGS_BACKEND=dconf DCONF_PROFILE="$DCONF_PROFILE" HOME="$tmp/home" \
                 XDG_DATA_DIRS="$share:/usr/share" gsettings writable org.clinicguide.ClinicGuide "$key" 2>&1) || true
    [ "$writable" = false ] || fail "the dconf example does not lock $key: $writable"
  done
else
  fail "dconf compile failed on the lockdown example"
fi

[ $failures -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
