#!/usr/bin/env python3
"""Makes the OpenDocument spreadsheet (.ods) placement fixtures with real writers (run from this
folder; needs odfpy from pip and LibreOffice's soffice from Debian's libreoffice-calc-nogui).
The outputs are committed; the tests need neither program.

- plaatsingen-libreoffice.ods: Fixtures/plaatsingen-haaglanden-2018.csv opened in LibreOffice
  (comma-separated, UTF-8) and saved as .ods: the dates became date cells (office:date-value).
- plaatsingen-odfpy.ods: the same placements written by odfpy, sorted and without the dossier
  column, in the compact form ODF allows: consecutive equal rows as one row with
  table:number-rows-repeated, equal neighbouring cells as one cell with
  table:number-columns-repeated, dates as date cells, a comment on a cell, an empty hidden
  column, and LibreOffice's padding of a million empty rows at the end.
- plaatsingen-verborgen-libreoffice.ods: a header and three placements, the second filtered
  away (table:visibility="filter"), written by odfpy and saved again by LibreOffice.
- plaatsingen-foute-datum-libreoffice.ods: header, two placements, and on row 4 a date typed as
  text that is no date ('2018-13-01'); written by odfpy, saved again by LibreOffice.
- plaatsingen-totaal-libreoffice.ods: header, two placements and a total row ('Totaal' in the
  date column); written by odfpy, saved again by LibreOffice.
"""
import csv, datetime, os, shutil, subprocess, tempfile
from odf.opendocument import OpenDocumentSpreadsheet
from odf.number import DateStyle, Day, Month, Text, Year
from odf.office import Annotation
from odf.style import Style
from odf.table import Table, TableColumn, TableRow, TableCell
from odf.text import P

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(here, "../../../Fixtures/plaatsingen-haaglanden-2018.csv")
tmp = tempfile.mkdtemp()


def soffice(path, infilter=None):
    args = ["soffice", "--headless"]
    if infilter:
        args.append("--infilter=" + infilter)
    out = os.path.join(tmp, "out")
    os.makedirs(out, exist_ok=True)
    args += ["--convert-to", "ods", "--outdir", out, path]
    subprocess.run(args, check=True, capture_output=True)
    return os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".ods")


def text_cell(value, repeat=1, annotation=None):
    attributes = {"valuetype": "string"}
    if repeat > 1:
        attributes["numbercolumnsrepeated"] = repeat
    cell = TableCell(**attributes)
    if annotation:
        note = Annotation()
        note.addElement(P(text=annotation))
        cell.addElement(note)
    cell.addElement(P(text=value))
    return cell


def with_date_style(document):
    """A DD-MM-YYYY date style, which a date cell needs to stay a date when LibreOffice saves it
    (without one LibreOffice shows, and saves, the day's serial number)."""
    style = DateStyle(name="N-datum")
    for part in [Day(style="long"), Text(text="-"), Month(style="long"), Text(text="-"), Year(style="long")]:
        style.addElement(part)
    document.automaticstyles.addElement(style)
    document.automaticstyles.addElement(Style(name="ce-datum", family="table-cell", datastylename="N-datum"))
    return document


def date_cell(value):
    cell = TableCell(valuetype="date", datevalue=value, stylename="ce-datum")
    cell.addElement(P(text=datetime.date.fromisoformat(value).strftime("%d-%m-%Y")))
    return cell


def row_of(values, repeat=1, visibility=None):
    attributes = {}
    if repeat > 1:
        attributes["numberrowsrepeated"] = repeat
    if visibility:
        attributes["visibility"] = visibility
    row = TableRow(**attributes)
    first, rest = values[0], values[1:]
    row.addElement(date_cell(first) if first[:1].isdigit() and first[4:5] == "-" else text_cell(first))
    # Equal neighbouring cells as one repeated cell, as LibreOffice writes them.
    index = 0
    while index < len(rest):
        run = 1
        while index + run < len(rest) and rest[index + run] == rest[index]:
            run += 1
        row.addElement(text_cell(rest[index], repeat=run))
        index += run
    return row


# 1. The CSV saved by LibreOffice: comma, double quote, UTF-8 (76), from row 1.
shutil.copy(soffice(source, "CSV:44,34,76,1"), os.path.join(here, "plaatsingen-libreoffice.ods"))

# 2. odfpy, compact.
with open(source, newline="", encoding="utf-8") as handle:
    records = list(csv.reader(handle))
header, data = records[0][:4], sorted(record[:4] for record in records[1:])
document = with_date_style(OpenDocumentSpreadsheet())
table = Table(name="Plaatsingen")
table.addElement(TableColumn(numbercolumnsrepeated=4))
table.addElement(TableColumn(visibility="collapse"))
table.addElement(TableColumn(numbercolumnsrepeated=16379))
header_row = TableRow()
for index, name in enumerate(header):
    header_row.addElement(text_cell(name, annotation="kolom uit het bronsysteem" if index == 1 else None))
table.addElement(header_row)
index = 0
while index < len(data):
    run = 1
    while index + run < len(data) and data[index + run] == data[index]:
        run += 1
    table.addElement(row_of(data[index], repeat=run))
    index += run
padding = TableRow(numberrowsrepeated=1048576 - 1 - len(data))
padding.addElement(TableCell(numbercolumnsrepeated=16384))
table.addElement(padding)
document.spreadsheet.addElement(table)
document.save(os.path.join(here, "plaatsingen-odfpy.ods"))


def resaved(name, rows):
    document = with_date_style(OpenDocumentSpreadsheet())
    table = Table(name="Blad1")
    for row in rows:
        table.addElement(row)
    document.spreadsheet.addElement(table)
    path = os.path.join(tmp, name)
    document.save(path)
    shutil.copy(soffice(path), os.path.join(here, name))


# 3. A filtered-away row, saved by LibreOffice.
resaved("plaatsingen-verborgen-libreoffice.ods", [
    row_of(header),
    row_of(["2018-01-02", "Delft", "Bouw & Techniek", "participatiewet"]),
    row_of(["2018-01-03", "Westland", "Zorg & Welzijn", "participatiewet"], visibility="filter"),
    row_of(["2018-01-04", "Delft", "Overig", "participatiewet"]),
])

# 4. A date typed as text that is no date, on row 4, saved by LibreOffice.
bad = TableRow()
for value in ["2018-13-01", "Delft", "Overig", "participatiewet"]:
    bad.addElement(text_cell(value))
resaved("plaatsingen-foute-datum-libreoffice.ods", [
    row_of(header),
    row_of(["2018-01-02", "Delft", "Bouw & Techniek", "participatiewet"]),
    row_of(["2018-01-03", "Westland", "Zorg & Welzijn", "participatiewet"]),
    bad,
])

# 5. A total row under the placements, saved by LibreOffice.
resaved("plaatsingen-totaal-libreoffice.ods", [
    row_of(header),
    row_of(["2018-01-02", "Delft", "Bouw & Techniek", "participatiewet"]),
    row_of(["2018-01-03", "Westland", "Zorg & Welzijn", "participatiewet"]),
    row_of(["Totaal", "", "", "2"]),
])
shutil.rmtree(tmp)
