#!/usr/bin/env python3
"""Writes the TOML reader's reference corpus, checked by Python's tomllib (an independent TOML 1.0 reader).

  valid/<name>.toml + valid/<name>.json   documents tomllib accepts; the JSON is tomllib's reading in a
                                           canonical tagged form (see canonical()) the Swift test reproduces
  invalid/<name>.toml + invalid/expected.json   documents tomllib rejects; expected.json gives the line our
                                           reader must name (written by hand) and the error kind
  mutants.json                             deterministic byte mutations of data/shifts.toml (base64) with tomllib's
                                           verdict (and reading) for each, for a differential test

Run from anywhere: python3 Tests/CallDataTests/Fixtures/toml/make_expected.py  (Python >= 3.11).
The Swift tests never call Python; they read the committed output.

Exploration (not committed, too large): `make_expected.py --explore N OUT.json` writes N mutants of a
feature-rich document (every string, number, date, array, table form) with tomllib's readings;
`HEADCOUNT_TOML_MUTANTS=OUT.json swift test --filter exploratoryMutants` compares them.
"""
import base64
import datetime
import json
import os
import random
import struct
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))

VALID = {
    # comments and whitespace
    "empty": "",
    "only-comments": "# a comment\n   # another\n\n",
    "comment-after-value": 'a = 1 # one\nb = "x#y" # hash inside a string\n',
    "crlf": 'a = 1\r\nb = "two"\r\n',
    "tabs-and-spaces": "\t a \t=\t 1 \t\n",
    "no-final-newline": "a = 1",
    # keys
    "bare-keys": "key = 1\nbare_key = 2\nbare-key = 3\n1234 = 4\nA-z_0 = 5\n",
    "quoted-keys": '"127.0.0.1" = "v"\n"character encoding" = "v"\n\'key2\' = "v"\n\'quoted "value"\' = "v"\n"ʎǝʞ" = "v"\n',
    "empty-quoted-key": '"" = "blank"\n',
    "dotted-keys": 'name = "Orange"\nphysical.color = "orange"\nphysical.shape = "round"\nsite."google.com" = true\n',
    "dotted-keys-spaces": 'fruit . name = "banana"\nfruit. color = "yellow"\n',
    "number-like-dotted-key": "3.14159 = \"pi\"\n",
    "dotted-into-implicit": "[a.b.c]\nz = 1\n[a]\nb.d = 2\n",
    # strings
    "basic-string-escapes": 'a = "tab\\tnl\\nquote\\"back\\\\slash\\bform\\freturn\\r"\n',
    "unicode-escapes": 'a = "\\u00E9 \\U0001F600 \\u0041"\n',
    "utf8-text": 'a = "Grüße, 日本, 😀"\n',
    "literal-string": "path = 'C:\\Users\\nodejs\\templates'\nregex = '<\\i\\c*\\s*>'\n",
    "multiline-basic": 'a = """\nRoses are red\nViolets are blue"""\n',
    "multiline-basic-crlf": 'a = """\r\nline one\r\nline two"""\r\n',
    "multiline-line-ending-backslash": 'a = """\\\n    The quick brown \\\n\n\n    fox jumps over \\\n      the lazy dog."""\n',
    "multiline-quotes": 'a = """Here are two quotation marks: "". Simple enough."""\nb = """Here are three quotation marks: ""\\"."""\nc = """"This," she said, "is just a pointless statement.""""\n',
    "multiline-literal": "a = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''\nb = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''\nc = ''''That,' she said, 'is still pointless.''''\n",
    "string-with-tab": 'a = "a\tb"\nb = \'c\td\'\n',
    "empty-strings": "a = \"\"\nb = ''\nc = \"\"\"\"\"\"\nd = ''''''\n",
    # integers
    "integers": "a = +99\nb = 42\nc = 0\nd = -17\ne = 1_000\nf = 5_349_221\ng = 53_49_221\nh = 1_2_3_4_5\ni = -0\nj = +0\n",
    "integer-prefixes": "a = 0xDEADBEEF\nb = 0xdeadbeef\nc = 0xdead_beef\nd = 0o01234567\ne = 0o755\nf = 0b11010110\ng = 0x0\n",
    "integer-limits": "max = 9223372036854775807\nmin = -9223372036854775808\nhexmax = 0x7FFFFFFFFFFFFFFF\n",
    # floats
    "floats": "a = +1.0\nb = 3.1415\nc = -0.01\nd = 5e+22\ne = 1e06\nf = -2E-2\ng = 6.626e-34\nh = 224_617.445_991_228\ni = 0.0\nj = -0.0\nk = 1e1_0\nl = 0e0\n",
    "float-special": "a = inf\nb = +inf\nc = -inf\nd = nan\ne = +nan\nf = -nan\n",
    "float-overflow-to-inf": "a = 1e400\nb = -1e400\n",
    "float-precision": "a = 0.1\nb = 1.7976931348623157e308\nc = 5e-324\nd = 123456789.123456789\n",
    # booleans
    "booleans": "t = true\nf = false\n",
    # dates and times
    "offset-datetimes": "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00-07:00\nc = 1979-05-27T00:32:00.999999-07:00\nd = 1979-05-27 07:32:00Z\ne = 1979-05-27t07:32:00z\nf = 2024-02-29T23:59:59+14:00\n",
    "local-datetimes": "a = 1979-05-27T07:32:00\nb = 1979-05-27T00:32:00.999999\nc = 1979-05-27 07:32:00.5\n",
    "local-dates": "a = 1979-05-27\nb = 2000-02-29\nc = 0001-01-01\nd = 9999-12-31\n",
    "local-times": "a = 07:32:00\nb = 00:32:00.999999\nc = 23:59:59.1234567\n",
    "datetime-fraction-truncated": "a = 1979-05-27T07:32:00.123456789Z\n",
    # arrays
    "arrays": 'integers = [ 1, 2, 3 ]\ncolors = [ "red", "yellow", "green" ]\nnested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]\nnested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]\nstring_array = [ "all", \'strings\', """are the same""", \'\'\'type\'\'\' ]\nnumbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]\n',
    "array-multiline-trailing-comma": "a = [\n  1,\n  2, # two\n  # a comment line\n  3,\n]\nb = [\n]\n",
    "array-empty": "a = []\nb = [[]]\nc = [ ]\n",
    "array-of-inline-tables": 'points = [ { x = 1, y = 2, z = 3 },\n           { x = 7, y = 8, z = 9 },\n           { x = 2, y = 4, z = 8 } ]\n',
    "array-mixed-types": 'a = [1, "two", 3.0, true, 1979-05-27, [4], {five = 5}]\n',
    # inline tables
    "inline-tables": 'name = { first = "Tom", last = "Preston-Werner" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = "pug" }\nempty = {}\nnested = { a = { b = { c = 1 } } }\n',
    # tables
    "tables": '[table-1]\nkey1 = "some string"\nkey2 = 123\n\n[table-2]\nkey1 = "another string"\nkey2 = 456\n',
    "table-whitespace": '[ j . "ʞ" . \'l\' ]\nx = 1\n[a.b.c]\n[ d.e.f ]\n[ g .  h  . i ]\n',
    "table-implicit-then-explicit": "[x.y.z.w]\n[x]\na = 1\n",
    "table-subtable-after-dotted": '[fruit]\napple.color = "red"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n',
    "table-out-of-order": '[fruit.apple]\n[animal]\n[fruit.orange]\n',
    "root-then-tables": 'title = "x"\n[owner]\nname = "Tom"\n[database]\nports = [ 8000, 8001, 8002 ]\nenabled = true\n',
    # arrays of tables
    "array-of-tables": '[[products]]\nname = "Hammer"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = "Nail"\nsku = 284758393\ncolor = "gray"\n',
    "array-of-tables-nested": '[[fruits]]\nname = "apple"\n\n[fruits.physical]  # subtable\ncolor = "red"\nshape = "round"\n\n[[fruits.varieties]]  # nested array of tables\nname = "red delicious"\n\n[[fruits.varieties]]\nname = "granny smith"\n\n[[fruits]]\nname = "banana"\n\n[[fruits.varieties]]\nname = "plantain"\n',
    "shift-file": open(os.path.join(HERE, "../../../../data/shifts.toml"), encoding="utf-8").read(),
    "shift-file-inline-breaks": '[[shift]]\nname = "full"\nlength = "8h"\nbreak = [ { length = "30m", paid = false, window = ["3h", "5h"] } ]\n',
    "bom": "\ufeffa = 1\n",  # tomllib refuses a BOM; handled specially below
}

# name: (document, line our reader must report, kind)
INVALID = {
    "two-bytes-bracket-equals": ("[=", 1, "syntax"),
    "bare-cr": ("a = 1\rb = 2\n", 1, "syntax"),
    "control-in-comment": ("# bell \x07\na = 1\n", 1, "syntax"),
    "control-in-string": ('a = "x\x01y"\n', 1, "syntax"),
    "no-value": ("a =\n", 1, "syntax"),
    "no-equals": ("a 1\n", 1, "syntax"),
    "no-key": ("= 1\n", 1, "syntax"),
    "two-pairs-one-line": ("a = 1 b = 2\n", 1, "syntax"),
    "bare-key-bad-char": ("a.b! = 1\n", 1, "syntax"),
    "key-newline": ("a\n= 1\n", 1, "syntax"),
    "multiline-key": ('"""a""" = 1\n', 1, "syntax"),
    "duplicate-key": ('name = "Tom"\nname = "Pradyun"\n', 2, "duplicate"),
    "duplicate-key-quoted": ('spelling = "favorite"\n"spelling" = "favourite"\n', 2, "duplicate"),
    "dotted-over-value": ('fruit.apple = 1\nfruit.apple.smooth = true\n', 2, "duplicate"),
    "value-over-dotted": ('a.b = 1\na = 2\n', 2, "duplicate"),
    "duplicate-table": ("[fruit]\napple = 1\n\n[fruit]\norange = 2\n", 4, "duplicate"),
    "table-over-dotted": ('[fruit]\napple.color = "red"\n[fruit.apple]\n', 3, "duplicate"),
    "table-over-dotted-2": ('[fruit]\napple.taste.sweet = true\n[fruit.apple.taste]\n', 3, "duplicate"),
    "dotted-over-table": ("[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n", 4, "duplicate"),
    "table-over-value": ("a = 1\n[a]\n", 2, "duplicate"),
    "table-over-inline": ("a = {}\n[a]\n", 2, "duplicate"),
    "subtable-of-inline": ("a = { b = 1 }\n[a.c]\n", 2, "duplicate"),
    "extend-inline-with-dotted": ("a = { b = 1 }\na.c = 2\n", 2, "duplicate"),
    "table-over-array-of-tables": ("[[a]]\n[a]\n", 2, "duplicate"),
    "array-of-tables-over-table": ("[a]\n[[a]]\n", 2, "duplicate"),
    "array-of-tables-over-array": ("a = [1]\n[[a]]\n", 2, "duplicate"),
    "implicit-table-then-array-of-tables": ("[a.b]\n[[a]]\n", 2, "duplicate"),
    "inline-duplicate-key": ("a = { b = 1, b = 2 }\n", 1, "duplicate"),
    "inline-trailing-comma": ("a = { b = 1, }\n", 1, "syntax"),
    "inline-newline": ("a = { b = 1,\n c = 2 }\n", 1, "syntax"),
    "inline-unclosed": ("a = { b = 1\n", 1, "syntax"),
    "array-unclosed": ("a = [1, 2\n", 2, "syntax"),
    "array-missing-comma": ("a = [1 2]\n", 1, "syntax"),
    "array-leading-comma": ("a = [,1]\n", 1, "syntax"),
    "array-double-comma": ("a = [1,,2]\n", 1, "syntax"),
    "header-unclosed": ("[a\nb = 1\n", 1, "syntax"),
    "header-empty": ("[]\n", 1, "syntax"),
    "array-header-spaced": ("[[a] ]\n", 1, "syntax"),
    "header-trailing-text": ("[a] b = 1\n", 1, "syntax"),
    "header-trailing-dot": ("[a.]\n", 1, "syntax"),
    "string-unterminated": ('a = "abc\n', 1, "syntax"),
    "string-unterminated-eof": ('a = "abc', 1, "syntax"),
    "literal-unterminated": ("a = 'abc\n", 1, "syntax"),
    "multiline-unterminated": ('a = """abc\n\n', 3, "syntax"),
    "multiline-literal-unterminated": ("a = '''abc\n", 2, "syntax"),
    "bad-escape": ('a = "\\x41"\n', 1, "syntax"),
    "escape-e-is-toml-1.1": ('a = "\\e"\n', 1, "syntax"),
    "short-unicode-escape": ('a = "\\u00G0"\n', 1, "syntax"),
    "surrogate-escape": ('a = "\\uD800"\n', 1, "syntax"),
    "escape-beyond-unicode": ('a = "\\U00110000"\n', 1, "syntax"),
    "backslash-space-not-at-eol": ('a = """a\\ b"""\n', 1, "syntax"),
    "literal-newline": ("a = 'x\ny'\n", 1, "syntax"),
    "leading-zero": ("a = 012\n", 1, "syntax"),
    "leading-zero-float": ("a = 01.5\n", 1, "syntax"),
    "double-underscore": ("a = 1__000\n", 1, "syntax"),
    "trailing-underscore": ("a = 1_\n", 1, "syntax"),
    "leading-underscore-after-sign": ("a = +_1\n", 1, "syntax"),
    "signed-hex": ("a = +0x1F\n", 1, "syntax"),
    "uppercase-prefix": ("a = 0X1F\n", 1, "syntax"),
    "bad-binary-digit": ("a = 0b102\n", 1, "syntax"),
    "empty-hex": ("a = 0x\n", 1, "syntax"),
    # TOML 1.0 requires an error for integers that do not fit 64 bits; tomllib keeps Python's big integers.
    "integer-overflow": ("a = 9223372036854775808\n", 1, "syntax", "tomllib accepts"),
    "integer-underflow": ("a = -9223372036854775809\n", 1, "syntax", "tomllib accepts"),
    "float-no-leading-digit": ("a = .5\n", 1, "syntax"),
    "float-no-trailing-digit": ("a = 1.\n", 1, "syntax"),
    "float-exponent-without-digits": ("a = 1e\n", 1, "syntax"),
    "float-underscore-at-dot": ("a = 1_.5\n", 1, "syntax"),
    "float-infinity-word": ("a = infinity\n", 1, "syntax"),
    "float-capital-inf": ("a = Inf\n", 1, "syntax"),
    "boolean-capital": ("a = True\n", 1, "syntax"),
    "boolean-prefix": ("a = tru\n", 1, "syntax"),
    "boolean-suffix": ("a = trueish\n", 1, "syntax"),
    "date-bad-month": ("a = 1979-13-27\n", 1, "syntax"),
    "date-bad-day": ("a = 2023-02-29\n", 1, "syntax"),
    "date-year-zero": ("a = 0000-01-01\n", 1, "syntax"),
    "time-bad-hour": ("a = 24:00:00\n", 1, "syntax"),
    "time-leap-second": ("a = 23:59:60\n", 1, "syntax"),
    "time-without-seconds": ("a = 07:32\n", 1, "syntax"),
    "datetime-bad-offset": ("a = 1979-05-27T07:32:00+24:00\n", 1, "syntax"),
    "datetime-fraction-empty": ("a = 1979-05-27T07:32:00.Z\n", 1, "syntax"),
    "datetime-bad-separator": ("a = 1979-05-27X07:32:00\n", 1, "syntax"),
    "unquoted-string": ("a = hello\n", 1, "syntax"),
    "invalid-utf8": (b'a = "\xff"\n', 1, "syntax"),
    "overlong-utf8": (b'a = "\xc0\xaf"\n', 1, "syntax"),
    "error-on-later-line": ('# ok\n[[shift]]\nname = "full"\nlength = "8h" x\n', 4, "syntax"),
}


def canonical(v):
    """tomllib's value as the tagged form of the toml-test suite, with exact floats (IEEE bits in hex)."""
    if isinstance(v, dict):
        return {k: canonical(x) for k, x in v.items()}
    if isinstance(v, list):
        return [canonical(x) for x in v]
    if isinstance(v, bool):
        return {"type": "bool", "value": "true" if v else "false"}
    if isinstance(v, str):
        return {"type": "string", "value": v}
    if isinstance(v, int):
        if not -(2**63) <= v < 2**63:
            raise OverflowError("integer outside 64 bits (TOML 1.0 requires an error)")
        return {"type": "integer", "value": str(v)}
    if isinstance(v, float):
        bits = "nan" if v != v else struct.pack(">d", v).hex()
        return {"type": "float", "value": bits}
    if isinstance(v, datetime.datetime):
        text = f"{v.year:04d}-{v.month:02d}-{v.day:02d}T" + time_text(v)
        if v.tzinfo is None:
            return {"type": "datetime-local", "value": text}
        off = int(v.utcoffset().total_seconds())
        sign = "-" if off < 0 else "+"
        off = abs(off)
        return {"type": "datetime", "value": text + f"{sign}{off // 3600:02d}:{off % 3600 // 60:02d}"}
    if isinstance(v, datetime.date):
        return {"type": "date-local", "value": f"{v.year:04d}-{v.month:02d}-{v.day:02d}"}
    if isinstance(v, datetime.time):
        return {"type": "time-local", "value": time_text(v)}
    raise TypeError(type(v))


def time_text(t):
    s = f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}"
    return s + (f".{t.microsecond:06d}" if t.microsecond else "")


def dump(obj):
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def mutants(seed_text, count, rng):
    """Byte-level mutations in the style of a fuzzer: flip, insert, delete, duplicate, splice TOML tokens."""
    tokens = [b"[", b"]", b"[[", b"]]", b"=", b'"', b"'", b'"""', b"\n", b"#", b".", b",", b"{", b"}", b"\\",
              b"\\u", b"0x", b"1e", b"_", b" ", b"true", b"-", b":", b"\r", b"\t", b"\x00", b"\xff", b"nan"]
    out = []
    base = seed_text.encode()
    for _ in range(count):
        b = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            op = rng.randrange(5)
            p = rng.randrange(len(b) + 1)
            if op == 0 and b:
                p = min(p, len(b) - 1)
                b[p] = rng.randrange(256)
            elif op == 1:
                b[p:p] = rng.choice(tokens)
            elif op == 2 and b:
                q = min(len(b), p + rng.randint(1, 8))
                del b[p:q]
            elif op == 3 and b:
                q = min(len(b), p + rng.randint(1, 40))
                b[p:p] = b[p:q]
            else:
                b[p:p] = bytes([rng.randrange(32, 127)])
        out.append(bytes(b))
    return out


def main():
    for sub in ("valid", "invalid"):
        os.makedirs(os.path.join(HERE, sub), exist_ok=True)
    for name, text in VALID.items():
        data = text.encode("utf-8")
        with open(os.path.join(HERE, "valid", name + ".toml"), "wb") as f:
            f.write(data)
        # tomllib takes str; a BOM is not TOML for tomllib, so the reference is read without it
        # (our reader skips a leading BOM, as editors on Windows write one).
        value = tomllib.loads(text.removeprefix("\ufeff"))
        with open(os.path.join(HERE, "valid", name + ".json"), "w", encoding="utf-8") as f:
            f.write(dump(canonical(value)) + "\n")
    expected = {}
    for name, (text, line, kind, *note) in INVALID.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with open(os.path.join(HERE, "invalid", name + ".toml"), "wb") as f:
            f.write(data)
        try:
            tomllib.loads(data.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            expected[name] = {"line": line, "kind": kind, "tomllib": str(e)}
            continue
        if note:
            expected[name] = {"line": line, "kind": kind, "tomllib": note[0]}
            continue
        raise SystemExit(f"tomllib accepts invalid/{name}")
    with open(os.path.join(HERE, "invalid", "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    rng = random.Random(20261123)
    seed = open(os.path.join(HERE, "../../../../data/shifts.toml"), encoding="utf-8").read()
    rows = []
    for m in mutants(seed, 400, rng):
        try:
            verdict = dump(canonical(tomllib.loads(m.decode("utf-8"))))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OverflowError):
            verdict = None
        rows.append({"document": base64.b64encode(m).decode(), "reading": verdict})
    with open(os.path.join(HERE, "mutants.json"), "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=0)
        f.write("\n")
    accepted = sum(r["reading"] is not None for r in rows)
    print(f"valid={len(VALID)} invalid={len(INVALID)} mutants={len(rows)} (tomllib accepts {accepted})")


RICH = ["basic-string-escapes", "unicode-escapes", "multiline-basic", "multiline-quotes", "multiline-literal",
        "integers", "integer-prefixes", "floats", "float-special", "offset-datetimes", "local-datetimes",
        "local-times", "arrays", "array-multiline-trailing-comma", "inline-tables", "dotted-keys",
        "table-subtable-after-dotted", "array-of-tables-nested"]


def explore(count, out):
    parts = []
    for i, name in enumerate(RICH):
        text = VALID[name]
        parts.append(text if text.lstrip().startswith("[") else f"[t{i}]\n" + text)
    seed = "\n".join(parts)
    tomllib.loads(seed)
    rows = []
    for m in mutants(seed, count, random.Random(7)):
        try:
            verdict = dump(canonical(tomllib.loads(m.decode("utf-8"))))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OverflowError):
            verdict = None
        rows.append({"document": base64.b64encode(m).decode(), "reading": verdict})
    with open(out, "w", encoding="utf-8") as f:
        json.dump(rows, f)
    print(f"mutants={count} (tomllib accepts {sum(r['reading'] is not None for r in rows)}) -> {out}")


if __name__ == "__main__":
    import sys

    if len(sys.argv) == 4 and sys.argv[1] == "--explore":
        explore(int(sys.argv[2]), sys.argv[3])
    else:
        main()
