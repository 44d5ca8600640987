#!/usr/bin/env python3
# Checks the pictures of the bundled content.
#
#   check-images.py XMLLINT CONTENTDIR PODIR LANG...
#
# For every <image> in the content:
#   - the file exists and xmllint reads it as well-formed XML;
#   - an SVG has an <svg> root with a width, a height and a viewBox, and
#     holds no words: its only <text> is the digits of numbered markers;
#   - a mirrored NAME-rtl.svg, if there is one, is as valid and has the
#     same markers;
#   - the markers are numbered 1 to N, and a numbered list of exactly N
#     items stands right after the picture (or, failing that, right
#     before it): that list is the picture's legend;
#   - it has an alt text and a caption;
#   - the alt text, the caption and every legend item are translated (not
#     fuzzy, not empty) in every language.

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    'check_translations', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'check-translations.py'))
check_translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_translations)

SVG = '{http://www.w3.org/2000/svg}'


def normalise(text):
    text = re.sub(r'\s+/>', '/>', text)
    return ' '.join(text.split())


def inner_xml(el):
    """The element's content as xgettext writes it into a msgid."""
    parts = [el.text or '']
    for child in el:
        parts.append(ET.tostring(child, encoding='unicode'))
    return normalise(''.join(parts))


def svg_problems(path, xmllint):
    problems = []
    result = subprocess.run([xmllint, '--noout', path], capture_output=True, text=True)
    if result.returncode != 0:
        return ['not well-formed XML: ' + result.stderr.strip()], 0
    root = ET.parse(path).getroot()
    if root.tag != SVG + 'svg':
        return ['the root element is not <svg>'], 0
    for attr in ('width', 'height', 'viewBox'):
        if not root.get(attr):
            problems.append('<svg> has no %s' % attr)
    numbers = []
    for text in root.iter(SVG + 'text'):
        content = ''.join(text.itertext()).strip()
        if not content.isdigit():
            problems.append('words in the picture that no catalog can reach: "%s"' % content)
        else:
            numbers.append(int(content))
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        problems.append('the markers are %s, not 1 to %d' % (sorted(numbers), len(numbers)))
    return problems, len(numbers)


def legend_of(parent, image):
    children = list(parent)
    i = children.index(image)
    for j in (i + 1, i - 1):
        if 0 <= j < len(children):
            el = children[j]
            if el.tag == 'list' and el.get('type') == 'numbered':
                return el
    return None


def main(argv):
    xmllint, content_dir, po_dir, languages = argv[0], argv[1], argv[2], argv[3:]
    catalogs = {}
    for lang in languages:
        entries = check_translations.parse_po(os.path.join(po_dir, lang + '.po'))
        catalogs[lang] = {normalise(e['msgid']): e for e in entries if 'msgctxt' not in e}

    failures, n_images = [], 0
    for name in sorted(os.listdir(content_dir)):
        if not name.endswith('.xml'):
            continue
        root = ET.parse(os.path.join(content_dir, name)).getroot()
        parents = {child: parent for parent in root.iter() for child in parent}
        for image in root.iter('image'):
            n_images += 1
            src = image.get('src')
            where = '%s: %s' % (name, src)
            path = os.path.join(content_dir, src)
            if not os.path.isfile(path):
                failures.append('%s: the file does not exist' % where)
                continue
            strings = []
            for part in ('alt', 'caption'):
                el = image.find(part)
                if el is None or not inner_xml(el):
                    failures.append('%s: no %s' % (where, part))
                else:
                    strings.append(inner_xml(el))
            if src.endswith('.svg'):
                problems, n_markers = svg_problems(path, xmllint)
                failures.extend('%s: %s' % (where, p) for p in problems)
                # A mirrored version for right-to-left languages shares the legend.
                mirrored = path[:-len('.svg')] + '-rtl.svg'
                if os.path.exists(mirrored):
                    problems, n_mirrored = svg_problems(mirrored, xmllint)
                    failures.extend('%s (right-to-left): %s' % (where, p) for p in problems)
                    if n_mirrored != n_markers:
                        failures.append('%s: %d markers, but %d in its right-to-left version'
                                        % (where, n_markers, n_mirrored))
                if n_markers:
                    legend = legend_of(parents[image], image)
                    items = [] if legend is None else legend.findall('item')
                    if len(items) != n_markers:
                        failures.append('%s: %d markers but the numbered list next to it has %d items'
                                        % (where, n_markers, len(items)))
                    strings.extend(inner_xml(item) for item in items)
            for lang in languages:
                for msgid in strings:
                    entry = catalogs[lang].get(msgid)
                    if entry is None:
                        failures.append('%s: [%s] not in the catalog: "%s"' % (where, lang, msgid[:70]))
                    elif 'fuzzy' in entry['flags'] or not entry['msgstr'].get(0):
                        failures.append('%s: [%s] not translated: "%s"' % (where, lang, msgid[:70]))

    for f in failures:
        print('FAIL: ' + f)
    print('%d pictures checked in %d languages' % (n_images, len(languages)))
    if n_images == 0:
        print('FAIL: the bundled content has no pictures')
        return 1
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
