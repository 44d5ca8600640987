#!/bin/sh
# A translator's first steps (F12), as docs/TRANSLATING.md gives them, in a
# copy of the sources: `make new-language CODE=xx` creates po/xx.po and adds
# xx to po/LINGUAS; the build then configures, the new catalog, desktop
# file, metainfo and translated content build, and the data checks of the
# new language pass, with nothing translated. Then one item is translated:
# the content shows it, and English for the rest; the desktop file, already
# built, is rebuilt with the translation.
#
# Only the translation targets are built and only the data tests run: the
# C sources are not compiled a second time (the languages test, in the ui
# suite, reads po/LINGUAS for the language menu).
#
#   test-new-language.sh SOURCE_DIR
set -eu

srcdir=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cg-new-language.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0

fail ()
{
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

mkdir "$tmp/src"
(cd "$srcdir" && tar -cf - Makefile meson.build meson_options.txt data po src tests ui) | tar -C "$tmp/src" -xf -
cd "$tmp/src"

# A code no bundled language has.
code=
for c in de nl it pt sv; do
  if ! grep -qx "$c" po/LINGUAS; then code=$c; break; fi
done
[ -n "$code" ] || { echo "no free language code" >&2; exit 1; }

# Step 1, word for word.
make --no-print-directory new-language CODE="$code" >"$tmp/new-language.log" 2>&1 ||
  { cat "$tmp/new-language.log" >&2; exit 1; }
[ -f "po/$code.po" ] || fail "make new-language did not create po/$code.po"
[ "$(tail -n 1 po/LINGUAS)" = "$code" ] || fail "make new-language did not add $code to po/LINGUAS"
# Twice is refused, and changes nothing.
if make --no-print-directory new-language CODE="$code" >/dev/null 2>&1; then
  fail "a second make new-language CODE=$code succeeded"
fi
[ "$(grep -cx "$code" po/LINGUAS)" = 1 ] || fail "$code is in po/LINGUAS more than once"

meson setup -Dbuildtype=plain "$tmp/build" "$tmp/src" >"$tmp/setup.log" 2>&1 ||
  { cat "$tmp/setup.log" >&2; exit 1; }

translation_targets="data/desktop-file data/metainfo-file po/content-$code"
# shellcheck disable=SC2086
meson compile -C "$tmp/build" $translation_targets >"$tmp/compile.log" 2>&1 ||
  { cat "$tmp/compile.log" >&2; exit 1; }

# The new language's data checks, as make test runs them.
meson test -C "$tmp/build" --no-rebuild --suite data "msgfmt-check-$code" "po-markup-$code" \
  potfiles-lists-content >"$tmp/test.log" 2>&1 ||
  { cat "$tmp/test.log" >&2; fail "the data tests of a new language fail"; }

content=$tmp/build/po/content/$code
[ -f "$content/does-microneedling-hurt.xml" ] || fail "no translated content for $code"
grep -q "<title>Does microneedling hurt?</title>" "$content/does-microneedling-hurt.xml" ||
  fail "an untranslated title is not shown in English"

# Translate one item and the desktop file's generic name, as a translator
# would in the .po.
python3 - "po/$code.po" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
for msgid, msgstr in (('Does microneedling hurt?', 'Tut Microneedling weh?'),
                      ('Patient Information', 'Patienteninformation')):
    entry = 'msgid "%s"\nmsgstr ""' % msgid
    assert entry in text, msgid
    text = text.replace(entry, 'msgid "%s"\nmsgstr "%s"' % (msgid, msgstr), 1)
open(path, 'w', encoding='utf-8').write(text)
PY

# shellcheck disable=SC2086
meson compile -C "$tmp/build" $translation_targets >"$tmp/compile2.log" 2>&1 ||
  { cat "$tmp/compile2.log" >&2; exit 1; }

grep -q "<title>Tut Microneedling weh?</title>" "$content/does-microneedling-hurt.xml" ||
  fail "the translated title is not in the $code content"
grep -q "<title>What is microneedling?</title>" "$content/what-is-microneedling.xml" ||
  fail "an untranslated article is not in English"
grep -q "numbing cream" "$content/does-microneedling-hurt.xml" ||
  fail "the untranslated paragraphs of a translated article are not in English"
grep -qx "GenericName\[$code\]=Patienteninformation" "$tmp/build/data/org.clinicguide.ClinicGuide.desktop" ||
  fail "the desktop file was not rebuilt with the new translation"

if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$tmp/build/data/org.clinicguide.ClinicGuide.desktop" || fail "desktop file invalid"
fi

[ "$failures" = 0 ] || exit 1
echo "make new-language CODE=$code: configured, built and checked; one translated item shown, English for the rest"
