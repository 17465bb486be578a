#!/usr/bin/env python3
"""Writes inflate-vectors.json: raw DEFLATE streams made by Python's zlib, with the data they
hold (small ones inline, large ones as a generator the Swift test repeats). Run from this folder;
the output is committed so the tests need no Python."""
import base64, json, zlib

def lcg(seed, count):
    out = bytearray()
    x = seed
    for _ in range(count):
        x = (x * 1103515245 + 12345) % 2**31
        out.append((x >> 16) & 0xFF)
    return bytes(out)

def raw(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return c.compress(data) + c.flush()

text = open("../../../Fixtures/haaglanden-inwoners-2017.csv", "rb").read()
words = b" ".join(lcg(7, 3000).hex().encode()[i:i+5] for i in range(0, 6000, 5))
vectors = []
def add(name, data, stream, generator=None):
    v = {"name": name, "deflate": base64.b64encode(stream).decode(), "size": len(data)}
    if generator: v["generator"] = generator
    else: v["plain"] = base64.b64encode(data).decode()
    vectors.append(v)

add("empty", b"", raw(b""))
add("stored", lcg(1, 1000), raw(lcg(1, 1000), level=0), {"lcg": 1, "count": 1000})
add("fixed", text, raw(text, strategy=zlib.Z_FIXED))
add("dynamic", text * 3 + words, raw(text * 3 + words, level=9))
add("long-matches", b"a" * 100000, raw(b"a" * 100000, level=9), {"repeat": "a", "count": 100000})
add("random-then-text", lcg(3, 4000) + text * 20, raw(lcg(3, 4000) + text * 20), {"lcg": 3, "count": 4000, "thenFixture": "haaglanden-inwoners-2017.csv", "times": 20})
json.dump(vectors, open("inflate-vectors.json", "w"), indent=1)
