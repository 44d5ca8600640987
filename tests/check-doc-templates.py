#!/usr/bin/env python3
# The complete files docs/CONTENT.md gives content editors to copy (F12):
# every fenced block whose info string is "xml FILE-NAME" is saved under
# that name in an empty folder, which `clinic-guide --validate` must find
# free of problems, as a clinic's folder on top of the bundled content.
#
#   check-doc-templates.py CONTENT.md CLINIC-GUIDE

import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r'^```xml ([A-Za-z0-9_.-]+\.xml)\n(.*?)^```$', re.M | re.S)


def main(doc, program):
    with open(doc, encoding='utf-8') as f:
        blocks = FENCE.findall(f.read())
    names = [name for name, _ in blocks]
    # A topics file, an article and a FAQ file: the three an editor needs.
    for expected in ('topics.xml', 'parking.xml', 'faq-getting-here.xml'):
        if expected not in names:
            print(f'{doc}: no complete {expected} to copy', file=sys.stderr)
            return 1

    with tempfile.TemporaryDirectory() as folder:
        for name, text in blocks:
            with open(os.path.join(folder, name), 'w', encoding='utf-8') as f:
                f.write(text)
        env = dict(os.environ, LANGUAGE='en', LC_ALL='C.UTF-8')
        run = subprocess.run([program, '--validate', folder], capture_output=True, text=True, env=env)
        print(run.stdout, end='')
        print(run.stderr, end='', file=sys.stderr)
        if run.returncode != 0 or run.stderr:
            print(f'{doc}: the templates do not validate as they stand', file=sys.stderr)
            return 1
        # The new topic, article and questions were read.
        counts = re.match(r'(\d+) articles, (\d+) questions, (\d+) topics: no problems$', run.stdout.strip())
        bundled = subprocess.run([program, '--validate'], capture_output=True, text=True, env=env)
        base = re.match(r'(\d+) articles, (\d+) questions, (\d+) topics', bundled.stdout.strip())
        if not counts or not base or \
                [int(x) for x in counts.groups()] != [int(base.group(1)) + 1, int(base.group(2)) + 2,
                                                      int(base.group(3)) + 1]:
            print(f'{doc}: the templates did not add one topic, one article and two questions',
                  file=sys.stderr)
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
