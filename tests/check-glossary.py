#!/usr/bin/env python3
# Flags glossary terms translated differently within one catalog.
#
#   check-glossary.py GLOSSARY.md PO...
#
# po/GLOSSARY.md lists, for each English term (a regular expression), the
# accepted forms in each language. A translated, non-fuzzy entry whose
# msgid holds the term must hold one of its language's forms (a term whose
# notes begin with "Content:" only in the content's strings). Search
# keywords and synonyms are left out: they list other words on purpose.

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

checks = import_module('check-translations')

# The translator notes of <keyword> and <term> (data/its/clinic-guide.its).
SEARCH_NOTES = ('a patient might type', 'mean the same thing to a patient')


def read_glossary(path):
    """Returns (languages, [(english regex, {lang: [forms]}, content only)])."""
    languages, terms = None, []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line.startswith('## ') and languages is not None:
                break
            if not line.startswith('|'):
                continue
            cells = [c.strip() for c in line.strip('|').split('|')]
            if cells[0] == 'English':
                languages = cells[1:-1]
                continue
            if languages is None or set(cells[0]) <= set('-'):
                continue
            english = cells[0].strip('`')
            content_only = cells[-1].startswith('Content:')
            forms = {lang: [x.strip() for x in cell.split(' / ') if x.strip()]
                     for lang, cell in zip(languages, cells[1:-1])}
            terms.append((re.compile(english, re.I), forms, content_only))
    if not terms:
        raise SystemExit('%s: no glossary table found' % path)
    return languages, terms


def search_entries(path):
    """Line numbers of the msgids of search keywords and synonyms."""
    lines, notes, found = [], [], set()
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    for n, line in enumerate(lines, 1):
        if line.startswith('#.'):
            notes.append(line)
        elif line.startswith('msgid '):
            if any(note in ' '.join(notes) for note in SEARCH_NOTES):
                found.add(n)
            notes = []
        elif not line.startswith('#') and not line.startswith('msgctxt'):
            notes = []
    return found


def main(glossary, paths):
    languages, terms = read_glossary(glossary)
    problems = 0
    for path in paths:
        lang = os.path.splitext(os.path.basename(path))[0]
        if lang not in languages:
            sys.stderr.write('%s: the glossary has no column for "%s"\n' % (path, lang))
            problems += 1
            continue
        skip = search_entries(path)
        for e in checks.parse_po(path):
            if 'fuzzy' in e['flags'] or e['line'] in skip:
                continue
            # The words, not the markup: ref="aftercare-instructions" is an id.
            words = checks.TAG.sub(' ', e['msgid'])
            for pattern, forms, content_only in terms:
                if content_only and not checks.is_content(e):
                    continue
                if not forms.get(lang) or not pattern.search(words):
                    continue
                for text in e['msgstr'].values():
                    if text and not any(form.lower() in text.lower() for form in forms[lang]):
                        sys.stderr.write('%s:%d: "%s" is not translated as the glossary says (%s): %s\n'
                                         % (path, e['line'], pattern.pattern, ' / '.join(forms[lang]),
                                            text[:100].replace('\n', ' ')))
                        problems += 1
    print('%d problem(s)' % problems)
    return 1 if problems else 0


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.stderr.write('usage: check-glossary.py GLOSSARY.md PO...\n')
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
