#!/usr/bin/env python3
"""Writes the workbooks of issue 18 (items 5 and 6) into ../Corpus/inputs (run from this folder):
small files whose parts cost far more than their size to a careless reader, and a part that
hides a DTD behind another encoding. Deflated with zlib level 9, fixed dates: the same bytes
every run."""
import os, zipfile

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../Corpus/inputs")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>gemeente</t></is></c><c r="B1" t="inlineStr"><is><t>inwoners</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Delft</t></is></c><c r="B2"><v>101381</v></c></row>')


def parts(sheet, shared=None):
    rels = '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>' % REL
    p = [
        ("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
        ("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % REL),
        ("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>' % (MAIN, REL)),
    ]
    if shared is not None:
        rels += '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % REL
        p.append(("xl/sharedStrings.xml", shared))
    p.append(("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % rels))
    p.append(("xl/worksheets/sheet1.xml", sheet))
    return p


def write(name, entries):
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for k, v in entries:
            info = zipfile.ZipInfo(k, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, v)


def sheet(rows):
    return '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (MAIN, rows)


# 5: a cell of 50 MB of text (about 50 KB zipped).
write("cell-50mb.xlsx", parts(sheet(ROWS.replace("<t>Delft</t>", "<t>" + "x" * 50_000_000 + "</t>"))))
# 5: 50 million empty shared strings (about 370 KB zipped) beside a two-row sheet.
write("shared-strings-50m.xlsx", parts(sheet(ROWS), shared='<sst xmlns="%s">' % MAIN + "<si/>" * 50_000_000 + "</sst>"))
# 5: a valid sheet padded with 64 MiB of white space between its rows (about 65 KB zipped).
write("whitespace-64mb.xlsx", parts(sheet(ROWS.replace("</row><row", "</row>" + " " * (64 << 20) + "<row"))))
# 6: a part that declares UTF-7 and hides a DOCTYPE in it (+ADw- is <, +AD4- is >).
write("utf7-doctype.xlsx", parts('<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE worksheet +AFs-+ADw-!ENTITY e SYSTEM "file:///etc/hostname"+AD4-+AF0-+AD4-' + sheet(ROWS)))
# 6: a DOCTYPE in a part that says UTF-8.
write("doctype.xlsx", parts('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY e "Delft">]>' + sheet(ROWS.replace("Delft", "&e;"))))
