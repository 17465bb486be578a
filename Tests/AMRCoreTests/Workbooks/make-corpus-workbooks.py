#!/usr/bin/env python3
"""Writes the damaged and unsupported workbooks of the bad-input corpus into ../Corpus/inputs
(run from this folder). Each is a small zip made with Python's zipfile and then, where the
damage needs it, patched at a known offset."""
import os, struct, zipfile, zlib

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../Corpus/inputs")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET = ('<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>gemeente</t></is></c>'
         '<c r="B1" t="inlineStr"><is><t>inwoners</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Delft</t></is></c>'
         '<c r="B2"><v>101381</v></c></row></sheetData></worksheet>' % MAIN)

def parts(sheet=SHEET, omit=()):
    p = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % REL,
        "xl/workbook.xml": '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>' % (MAIN, REL),
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % REL,
        "xl/worksheets/sheet1.xml": sheet,
    }
    return [(k, v) for k, v in p.items() if k not in omit]

def write(name, entries, method=zipfile.ZIP_STORED):
    path = os.path.join(out, name)
    with zipfile.ZipFile(path, "w", method) as z:
        for k, v in entries:
            info = zipfile.ZipInfo(k, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, v)
    return path

def patch(path, find, replace, count=1):
    data = open(path, "rb").read()
    assert data.count(find) >= count, (path, find)
    open(path, "wb").write(data.replace(find, replace, count))

ok = write("ok.xlsx", parts(), zipfile.ZIP_DEFLATED)
data = open(ok, "rb").read()
open(os.path.join(out, "truncated.xlsx"), "wb").write(data[: len(data) // 2])
# A stored sheet with one byte changed after zipping: its CRC no longer matches.
p = write("bad-crc.xlsx", parts())
patch(p, b"<v>101381</v>", b"<v>101382</v>")
write("no-sheet-part.xlsx", parts(omit=("xl/worksheets/sheet1.xml",)))
write("no-workbook.xlsx", [("notities.txt", "geen werkmap")])
# The encryption flag (bit 0) in the local header and the central directory of every entry.
p = write("encrypted.xlsx", parts())
data = bytearray(open(p, "rb").read())
for sig, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
    i = data.find(sig)
    while i >= 0:
        data[i + flags] |= 1
        i = data.find(sig, i + 4)
open(p, "wb").write(bytes(data))
# A deflated sheet whose headers declare 3,000,000,000 bytes: beyond the 256 MiB limit.
p = write("bomb.xlsx", parts(), zipfile.ZIP_DEFLATED)
data = bytearray(open(p, "rb").read())
size = len(SHEET.encode())
name = b"xl/worksheets/sheet1.xml"
for sig, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
    i = data.find(sig)
    while i >= 0:
        header = 30 if sig == b"PK\x03\x04" else 46
        if data[i + header: i + header + len(name)] == name:
            assert struct.unpack("<I", data[i + at: i + at + 4])[0] == size
            data[i + at: i + at + 4] = struct.pack("<I", 3_000_000_000)
        i = data.find(sig, i + 4)
open(p, "wb").write(bytes(data))
write("malformed-sheet.xlsx", parts(sheet=SHEET.replace("</c></row>", "</row>", 1)))
write("traversal.xlsx", parts() + [("../../evil.xml", "<x/>")])
# A Latin-1 byte (0xEB, ë) in an attribute of a sheet that says nothing of its encoding.
write("not-utf8.xlsx", [(k, v.replace('r="B2"', 'r="B2" x="Zo\u00eb"').encode("latin-1") if k.endswith("sheet1.xml") else v) for k, v in parts()])
write("spreadsheet.ods", [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")])
open(os.path.join(out, "old.xls"), "wb").write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
os.remove(ok)
