"""Fill the French catalogue's plural forms with the French source text.

French is the source language, so its catalogue is mostly empty: gettext then shows the
source itself. Plurals are the exception: an untranslated plural falls back to the English
rule, and "0 mission ouverte" would read "0 missions ouvertes". Each plural entry of
`locale/fr` therefore carries its own forms: the singular for 0 and 1, the plural above.

    python -m core.french_plurals     (run by `make messages`, after makemessages)
"""

import re
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _field(lines: list[str], name: str) -> str | None:
    found, parts = False, []
    for line in lines:
        if line.startswith(name + " "):
            found = True
            parts.append(line[len(name) + 1 :])
        elif found and line.startswith('"'):
            parts.append(line)
        elif found:
            break
    return "".join(_STRING.findall("\n".join(parts))) if found else None


def _plurals(text: str):
    """(index, lines, singular, plural, filled) for each plural entry of a catalogue."""
    for index, block in enumerate(text.split("\n\n")):
        lines = block.split("\n")
        plural = _field(lines, "msgid_plural")
        if plural is None:
            continue
        singular = _field(lines, "msgid")
        forms = [_field(lines, f"msgstr[{n}]") for n in range(3)]
        # A fuzzy entry (makemessages guessed it from a neighbour) is not used: redo it.
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        yield index, lines, singular, plural, forms == [singular, plural, plural] and not fuzzy


def untranslated(path: Path = CATALOGUE) -> list[str]:
    """The singular source of each plural entry whose French forms are missing or wrong."""
    return [singular for _i, _l, singular, _p, filled in _plurals(path.read_text()) if not filled]


def fill(path: Path = CATALOGUE) -> int:
    """Give every French plural entry its forms (empty, fuzzy or stale); how many changed."""
    text = path.read_text()
    blocks = text.split("\n\n")
    filled = 0
    for index, lines, singular, plural, done in _plurals(text):
        if done:
            continue
        # The msgstr lines (and their continuations) close an entry.
        first = next(n for n, line in enumerate(lines) if line.startswith("msgstr"))
        kept = [line for line in lines[:first] if not line.startswith("#|")]
        kept = [_unfuzzy(line) if line.startswith("#,") else line for line in kept]
        kept = [line for line in kept if line != "#,"]
        # Django's French rule: form 0 for 0 and 1, form 1 for millions, form 2 otherwise.
        kept += [f'msgstr[0] "{singular}"', f'msgstr[1] "{plural}"', f'msgstr[2] "{plural}"']
        blocks[index] = "\n".join(kept)
        filled += 1
    path.write_text("\n\n".join(blocks))
    return filled


def _unfuzzy(flags: str) -> str:
    kept = [flag.strip() for flag in flags[2:].split(",") if flag.strip() != "fuzzy"]
    return "#, " + ", ".join(kept) if kept else "#,"


if __name__ == "__main__":
    count = fill(Path(sys.argv[1]) if len(sys.argv) > 1 else CATALOGUE)
    print(f"{count} French plural entries filled")
