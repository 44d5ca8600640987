#!/usr/bin/env python3
# Reading level of the English articles.
#
#   check-readability.py [--max-grade G] [--max-words N] [--report] ARTICLE.xml...
#
# For each article: the Flesch-Kincaid grade of the text a patient reads
# (title, summary, paragraphs, list items, note and section titles, image
# captions) and its longest sentence. Fails when an article is above
# --max-grade or a sentence is longer than --max-words. Keywords and alt
# text are left out: they are not read as prose.
#
# Syllables are counted with a vowel-group rule and a few English
# corrections; it is an estimate, like every readability formula, and
# is the same for every article, so the limits compare like with like.

import re
import sys
import xml.etree.ElementTree as ET

BLOCKS = {'title', 'summary', 'p', 'item', 'caption', 'question'}
WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019.-][A-Za-z0-9]+)*")
# A sentence ends at . ! ? or : followed by a space and a capital, or at
# the end of a block.
SENTENCE_END = re.compile(r'(?<=[.!?])\s+(?=["\u201c(]?[A-Z0-9])')


def syllables(word):
    w = word.lower()
    if w.isdigit():
        # Numbers are read aloud: "30" is two syllables, "1997" about four.
        return 1 if len(w) == 1 else max(2, len(w))
    w = re.sub(r"[^a-z]", '', w)
    if len(w) <= 3:
        return 1
    # Silent endings: "make", "makes", "used" (but "needle", "wanted" keep theirs).
    if w.endswith('le') and w[-3] not in 'aeiouy':
        tail = 1
        w = w[:-2]
    else:
        tail = 0
        w = re.sub(r'(?:es|ed|e)$', '', w) if not re.search(r'[td]ed$', w) else w
    w = re.sub(r'^y', '', w)
    n = len(re.findall(r'[aeiouy]+', w))
    # Vowel pairs read as two syllables: "media", "radio", "create".
    n += len(re.findall(r'ia|io|eo|ua|uo|ea(?=t)', w))
    return max(1, n + tail)


def block_texts(root):
    for el in root.iter():
        if el.tag not in BLOCKS:
            continue
        if el.tag == 'item' and el.find('p') is not None:
            continue  # its paragraphs are counted on their own
        text = ' '.join(''.join(el.itertext()).split())
        if text:
            yield text


def sentences(text):
    for part in SENTENCE_END.split(text):
        # Colons and semicolons introduce a new clause a reader pauses on.
        for clause in re.split(r'(?<=[:;])\s+', part):
            words = WORD.findall(clause)
            if words:
                yield words


def measure(path):
    root = ET.parse(path).getroot()
    n_sentences = n_words = n_syllables = 0
    longest = (0, '')
    for text in block_texts(root):
        for words in sentences(text):
            n_sentences += 1
            n_words += len(words)
            n_syllables += sum(syllables(w) for w in words)
            if len(words) > longest[0]:
                longest = (len(words), ' '.join(words))
    if n_words == 0:
        return None
    grade = 0.39 * n_words / n_sentences + 11.8 * n_syllables / n_words - 15.59
    return grade, n_words / n_sentences, longest


def main(argv):
    max_grade, max_words, report, files = 8.0, 30, False, []
    i = 0
    while i < len(argv):
        if argv[i] == '--max-grade':
            max_grade = float(argv[i + 1]); i += 2
        elif argv[i] == '--max-words':
            max_words = int(argv[i + 1]); i += 2
        elif argv[i] == '--report':
            report = True; i += 1
        else:
            files.append(argv[i]); i += 1

    failed = 0
    for path in sorted(files):
        root = ET.parse(path).getroot()
        if root.tag != 'article':
            continue
        result = measure(path)
        if result is None:
            continue
        grade, mean, (n, sentence) = result
        problems = []
        if grade > max_grade:
            problems.append('grade %.1f is above %.1f' % (grade, max_grade))
        if n > max_words:
            problems.append('a sentence of %d words (limit %d): "%s"' % (n, max_words, sentence))
        name = path.rsplit('/', 1)[-1]
        if report or problems:
            print('%-52s grade %4.1f  %4.1f words/sentence  longest %2d' % (name, grade, mean, n))
        for p in problems:
            print('  FAIL: %s' % p)
            failed += 1
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
