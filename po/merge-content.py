#!/usr/bin/env python3
# Merges the translations of one language back into the content XML.
#
#   merge-content.py merge STAMP LANG MOFILE ITSFILE OUTDIR FILE...
#       writes OUTDIR/LANG/<name>.xml for each FILE, then STAMP
#   merge-content.py install BUILDDIR DATADIR
#       copies BUILDDIR/<lang>/*.xml to $DESTDIR DATADIR/<lang>/
#
# itstool, not `msgfmt --xml`: gettext 0.21 escapes inline markup. A string
# that itstool cannot merge ("Could not merge") fails the build instead of
# quietly staying English.

import os
import shutil
import subprocess
import sys


def merge(stamp, lang, mofile, itsfile, outdir, files):
    target = os.path.join(outdir, lang)
    os.makedirs(target, exist_ok=True)
    for path in files:
        result = subprocess.run(
            ['itstool', '-i', itsfile, '-m', mofile, '-l', lang, '-o', target + os.sep, path],
            capture_output=True, text=True)
        output = (result.stdout + result.stderr).strip()
        if result.returncode != 0 or 'Could not merge' in output or 'Error' in output:
            sys.stderr.write('%s: merging the %s translation failed:\n%s\n' % (path, lang, output))
            return 1
    with open(stamp, 'w') as f:
        f.write('\n'.join(files) + '\n')
    return 0


def install(builddir, datadir):
    destdir = os.environ.get('DESTDIR', '')
    root = destdir + datadir if destdir else datadir
    for lang in sorted(os.listdir(builddir)):
        source = os.path.join(builddir, lang)
        if not os.path.isdir(source):
            continue
        target = os.path.join(root, lang)
        os.makedirs(target, exist_ok=True)
        for name in sorted(os.listdir(source)):
            if name.endswith('.xml'):
                shutil.copyfile(os.path.join(source, name), os.path.join(target, name))
    return 0


if __name__ == '__main__':
    if len(sys.argv) > 7 and sys.argv[1] == 'merge':
        sys.exit(merge(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7:]))
    if len(sys.argv) == 4 and sys.argv[1] == 'install':
        sys.exit(install(sys.argv[2], sys.argv[3]))
    sys.stderr.write('usage: merge-content.py merge STAMP LANG MOFILE ITSFILE OUTDIR FILE...\n'
                     '       merge-content.py install BUILDDIR DATADIR\n')
    sys.exit(2)
