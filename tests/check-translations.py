#!/usr/bin/env python3
# Checks and reports on the translations in po/.
#
#   check-translations.py markup PO...        inline tags of each translation match its msgid
#   check-translations.py potfiles POTFILES.in FILE...   every content file is listed
#   check-translations.py report PODIR        a table of translated / fuzzy / untranslated
#
# Content strings are those whose references point into data/ XML files;
# the others are the interface's.

import os
import re
import sys
from collections import Counter

TAG = re.compile(r'<(/?)([A-Za-z][\w.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(/?)>')
ATTR = re.compile(r'([\w:.-]+)\s*=\s*"([^"]*)"')


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    s = s[1:-1]
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\'}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def parse_po(path):
    """Yields dicts: line, msgid, msgstr (list for plurals), flags, refs, obsolete."""
    entries, cur, field = [], None, None

    def flush():
        if cur is not None and 'msgid' in cur:
            entries.append(cur)

    with open(path, encoding='utf-8') as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            if line.startswith('#~'):
                continue
            if not line.strip():
                flush()
                cur, field = None, None
                continue
            if cur is None:
                cur = {'line': n, 'flags': set(), 'refs': [], 'msgstr': {}}
            if line.startswith('#,'):
                cur['flags'].update(x.strip() for x in line[2:].split(','))
            elif line.startswith('#:'):
                cur['refs'].extend(line[2:].split())
            elif line.startswith('#'):
                pass
            elif line.startswith('msgctxt '):
                field = 'msgctxt'
                cur[field] = unquote(line[8:])
            elif line.startswith('msgid_plural '):
                field = 'msgid_plural'
                cur[field] = unquote(line[13:])
            elif line.startswith('msgid '):
                field = 'msgid'
                cur['line'] = n
                cur[field] = unquote(line[6:])
            elif line.startswith('msgstr['):
                idx = int(line[7:line.index(']')])
                field = ('msgstr', idx)
                cur['msgstr'][idx] = unquote(line[line.index(']') + 1:])
            elif line.startswith('msgstr '):
                field = ('msgstr', 0)
                cur['msgstr'][0] = unquote(line[7:])
            elif line.startswith('"'):
                if isinstance(field, tuple):
                    cur['msgstr'][field[1]] += unquote(line)
                else:
                    cur[field] += unquote(line)
    flush()
    return [e for e in entries if e['msgid'] != '']


def tags(text):
    found = []
    for m in TAG.finditer(text):
        closing, name, attrs, empty = m.groups()
        if closing:
            found.append(('/' + name,))
        else:
            found.append((name, tuple(sorted(ATTR.findall(attrs))), bool(empty)))
    return Counter(found)


def is_content(entry):
    return any(r.startswith('data/content/') or r.startswith('data/clinic.xml') for r in entry['refs'])


def check_markup(paths):
    problems = 0
    for path in paths:
        for e in parse_po(path):
            if 'fuzzy' in e['flags'] or '<' not in e['msgid']:
                continue
            for idx, text in e['msgstr'].items():
                if not text:
                    continue
                if tags(text) != tags(e['msgid']):
                    sys.stderr.write('%s:%d: the inline tags of the translation differ from the '
                                     'original: keep <em>, <strong>, <link …> and <clinic …/> '
                                     'exactly as they are\n' % (path, e['line']))
                    problems += 1
    print('%d problem(s)' % problems)
    return 1 if problems else 0


def check_potfiles(potfiles, files):
    listed = set()
    with open(potfiles, encoding='utf-8') as f:
        for line in f:
            line = line.split('#')[0].strip()
            if line:
                listed.add(line)
    root = os.path.dirname(os.path.dirname(os.path.abspath(potfiles)))
    missing = [os.path.relpath(f, root) for f in files if os.path.relpath(f, root) not in listed]
    for m in missing:
        sys.stderr.write('%s: %s is not listed, so its strings cannot be translated\n' % (potfiles, m))
    print('%d content file(s) checked, %d missing' % (len(files), len(missing)))
    return 1 if missing else 0


def report(podir):
    langs = []
    with open(os.path.join(podir, 'LINGUAS'), encoding='utf-8') as f:
        for line in f:
            langs.extend(line.split('#')[0].split())
    rows = []
    for lang in langs:
        counts = Counter()
        for e in parse_po(os.path.join(podir, lang + '.po')):
            kind = 'content' if is_content(e) else 'ui'
            if 'fuzzy' in e['flags']:
                state = 'fuzzy'
            elif all(e['msgstr'].values()) and e['msgstr']:
                state = 'translated'
            else:
                state = 'untranslated'
            counts[(kind, state)] += 1
        rows.append((lang, counts))
    header = '%-6s | %-28s | %-28s' % ('lang', 'interface: done/fuzzy/todo', 'content: done/fuzzy/todo')
    print(header)
    print('-' * len(header))
    for lang, c in rows:
        def cell(kind):
            total = sum(c[(kind, s)] for s in ('translated', 'fuzzy', 'untranslated'))
            pct = 100.0 * c[(kind, 'translated')] / total if total else 100.0
            return '%4d / %3d / %3d  (%5.1f%%)' % (c[(kind, 'translated')], c[(kind, 'fuzzy')],
                                                  c[(kind, 'untranslated')], pct)
        print('%-6s | %-28s | %-28s' % (lang, cell('ui'), cell('content')))
    return 0


if __name__ == '__main__':
    if len(sys.argv) >= 3 and sys.argv[1] == 'markup':
        sys.exit(check_markup(sys.argv[2:]))
    if len(sys.argv) >= 3 and sys.argv[1] == 'potfiles':
        sys.exit(check_potfiles(sys.argv[2], sys.argv[3:]))
    if len(sys.argv) == 3 and sys.argv[1] == 'report':
        sys.exit(report(sys.argv[2]))
    sys.stderr.write(__doc__ if __doc__ else 'usage: see the top of this file\n')
    sys.exit(2)
