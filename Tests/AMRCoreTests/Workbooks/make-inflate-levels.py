#!/usr/bin/env python3
"""Writes inflate-levels.json: raw DEFLATE streams made by Python's zlib at every level and
strategy, of data the Swift test rebuilds from a seed (InflateLevelsTests.swift has the same
generators), so the file holds only the streams. Some streams join parts made with different
settings (a sync flush between them), so that stored blocks follow compressed ones. Run from
this folder; the output is committed so the tests need no Python."""
import base64, json, zlib

def lcg(seed):
    x = seed
    while True:
        x = (x * 1103515245 + 12345) % 2**31
        yield (x >> 16) & 0xFF

def rows(seed, count):
    """Worksheet-like rows: what workbooks hold, long matches at distances of a row or two."""
    g = lcg(seed)
    out = bytearray()
    i = 0
    while len(out) < count:
        i += 1
        out += b'<row r="%d"><c r="A%d" s="1"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c></row>' % (i, i, 45000 + next(g), i, next(g) % 30)
    return bytes(out[:count])

def periodic(seed, count):
    """Runs of a pattern of 1 to 8 bytes: matches at distances 1 to 8 that overlap themselves."""
    g = lcg(seed)
    out = bytearray()
    while len(out) < count:
        period = 1 + next(g) % 8
        pattern = bytes(next(g) for _ in range(period))
        out += pattern * (1 + next(g) % 40)
    return bytes(out[:count])

def noise(seed, count):
    g = lcg(seed)
    return bytes(next(g) for _ in range(count))

generators = {"rows": rows, "periodic": periodic, "noise": noise}
strategies = {"default": zlib.Z_DEFAULT_STRATEGY, "filtered": zlib.Z_FILTERED, "huffman": zlib.Z_HUFFMAN_ONLY, "rle": zlib.Z_RLE, "fixed": zlib.Z_FIXED}

def stream(parts):
    out = b""
    for index, part in enumerate(parts):
        data = generators[part["data"]](part["seed"], part["count"])
        c = zlib.compressobj(part["level"], zlib.DEFLATED, -15, 9, strategies[part.get("strategy", "default")])
        out += c.compress(data) + c.flush(zlib.Z_FINISH if index == len(parts) - 1 else zlib.Z_SYNC_FLUSH)
    return out

cases = []
for level in range(0, 10):
    cases.append({"name": "rows-level-%d" % level, "parts": [{"data": "rows", "seed": level + 1, "count": 300_000 if level == 6 else 40_000, "level": level}]})
for level in (1, 6, 9):
    cases.append({"name": "periodic-level-%d" % level, "parts": [{"data": "periodic", "seed": 20 + level, "count": 300_000 if level == 9 else 60_000, "level": level}]})
for strategy in ("filtered", "rle", "fixed"):
    cases.append({"name": "periodic-%s" % strategy, "parts": [{"data": "periodic", "seed": 30, "count": 8_000 if strategy == "rle" else 60_000, "level": 6, "strategy": strategy}]})
cases.append({"name": "rows-huffman-only", "parts": [{"data": "rows", "seed": 40, "count": 30_000, "level": 6, "strategy": "huffman"}]})
cases.append({"name": "rows-fixed", "parts": [{"data": "rows", "seed": 41, "count": 60_000, "level": 6, "strategy": "fixed"}]})
# Stored blocks after compressed ones (and compressed after stored): noise at level 0 between rows.
cases.append({"name": "stored-between-compressed", "parts": [
    {"data": "rows", "seed": 50, "count": 40_000, "level": 6},
    {"data": "noise", "seed": 51, "count": 5_000, "level": 0},
    {"data": "rows", "seed": 52, "count": 30_000, "level": 1, "strategy": "fixed"},
    {"data": "noise", "seed": 53, "count": 3, "level": 0},
    {"data": "periodic", "seed": 54, "count": 30_000, "level": 9}]})
# Incompressible data zlib itself stores, between rows.
cases.append({"name": "noise-in-rows", "parts": [
    {"data": "rows", "seed": 60, "count": 30_000, "level": 6},
    {"data": "noise", "seed": 61, "count": 4_000, "level": 6},
    {"data": "rows", "seed": 62, "count": 30_000, "level": 6}]})

for case in cases:
    case["deflate"] = base64.b64encode(stream(case["parts"])).decode()
json.dump(cases, open("inflate-levels.json", "w"), indent=1)
