#!/usr/bin/env python3
# Makes a pseudo-translation of po/clinic-guide.pot: every letter outside
# markup becomes an accented look-alike and each string is bracketed, so a
# test can tell at a glance whether anything a user sees escaped
# translation. Inline tags, entities, format specifiers and mnemonics are
# kept as they are (podebug mangles inline tags, hence this script).
#
#   pseudo-translate.py POT OUTPUT.po

import re
import sys

LETTERS = dict(zip(
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'àƀçđéƒĝĥîĵķĺɱñöþʠŕšţûṽŵẋýžÀßÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'))

# Runs that must survive untouched.
KEEP = re.compile(r'(<[^>]*>|&[#\w]+;|%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[lhz]*[diouxXeEfgGcsp%]|\\[nt"\\])')


def pseudo(text):
    if not text:
        return text
    parts = KEEP.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 1:
            out.append(part)
        else:
            out.append(''.join(LETTERS.get(c, c) for c in part))
    body = ''.join(out)
    # msgfmt insists that a message and its translation agree on a
    # leading and a trailing newline.
    lead = '\n' if body.startswith('\n') else ''
    trail = '\n' if body.endswith('\n') and len(body) > len(lead) else ''
    return lead + '⟦' + body[len(lead):len(body) - len(trail)] + '⟧' + trail


def quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'


def main(pot, output):
    sys.path.insert(0, __file__.rsplit('/', 1)[0])
    from importlib import import_module
    checks = import_module('check-translations')
    entries = checks.parse_po(pot)
    with open(output, 'w', encoding='utf-8') as f:
        f.write('msgid ""\nmsgstr ""\n'
                '"Project-Id-Version: clinic-guide\\n"\n'
                '"PO-Revision-Date: 2026-01-01 00:00+0000\\n"\n'
                '"Last-Translator: pseudo-translate.py\\n"\n'
                '"Language-Team: none\\n"\n'
                '"Language: pseudo\\n"\n'
                '"MIME-Version: 1.0\\n"\n'
                '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                '"Content-Transfer-Encoding: 8bit\\n"\n'
                '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
        for e in entries:
            if 'msgctxt' in e:
                f.write('msgctxt %s\n' % quote(e['msgctxt']))
            f.write('msgid %s\n' % quote(e['msgid']))
            if 'msgid_plural' in e:
                f.write('msgid_plural %s\n' % quote(e['msgid_plural']))
                f.write('msgstr[0] %s\n' % quote(pseudo(e['msgid'])))
                f.write('msgstr[1] %s\n\n' % quote(pseudo(e['msgid_plural'])))
            else:
                f.write('msgstr %s\n\n' % quote(pseudo(e['msgid'])))
    return 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.stderr.write('usage: pseudo-translate.py POT OUTPUT.po\n')
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
