#!/usr/bin/env python3
"""Makes the workbook fixtures with real writers (run from this folder; needs openpyxl from pip
and LibreOffice's soffice from Debian's libreoffice-calc-nogui). The outputs are committed; the
tests need neither program.

- libreoffice-haaglanden-2017.xlsx: Fixtures/haaglanden-inwoners-2017.csv opened in LibreOffice
  with Dutch number notation (so 101.381 is 101381) and saved as .xlsx.
- libreoffice-two-sheets.xlsx: two sheets, a total row with a SUM formula; written by openpyxl,
  then opened and saved by LibreOffice, which writes shared strings and the formula's result.
- openpyxl-weights.xlsx: written by openpyxl (inline strings, rich text, a date, a boolean),
  with numbers written as Excel writes them (17 significant digits, "%.17g"), so 20157.18 is
  stored as 20157.180000000001 as in a workbook saved by Excel.
"""
import datetime, os, shutil, subprocess, tempfile
import openpyxl
from openpyxl.cell import _writer
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

here = os.path.dirname(os.path.abspath(__file__))
csv = os.path.join(here, "../../../Fixtures/haaglanden-inwoners-2017.csv")
tmp = tempfile.mkdtemp()

def soffice(source, infilter=None):
    args = ["soffice", "--headless"]
    if infilter: args.append("--infilter=" + infilter)
    args += ["--convert-to", "xlsx", "--outdir", tmp, source]
    subprocess.run(args, check=True, capture_output=True)
    return os.path.join(tmp, os.path.splitext(os.path.basename(source))[0] + ".xlsx")

# 1. The CSV, read with ';', '"', UTF-8, from row 1, Dutch (1043) number notation.
shutil.copy(soffice(csv, "CSV:59,34,76,1,,1043"), os.path.join(here, "libreoffice-haaglanden-2017.xlsx"))

# 2. Two sheets and a total row, saved by LibreOffice.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Inwoners 2017"
ws.append(["Gemeente", "Inwoners"])
for row in [("Delft", 101381), ("Den Haag", 524882), ("Midden-Delfland", 19034), ("Westland", 105885), ("Rijswijk", 51027)]:
    ws.append(row)
ws.append(["Totaal", "=SUM(B2:B6)"])
second = wb.create_sheet("Inwoners 2016")
second.append(["Gemeente", "Inwoners"])
for row in [("Delft", 101075), ("Den Haag", 519411), ("Midden-Delfland", 18870), ("Westland", 105007), ("Rijswijk", 49322)]:
    second.append(row)
source = os.path.join(tmp, "two-sheets-source", "libreoffice-two-sheets.xlsx")
os.makedirs(os.path.dirname(source))
wb.save(source)
shutil.copy(soffice(source), os.path.join(here, "libreoffice-two-sheets.xlsx"))

# 3. openpyxl, numbers as Excel writes them.
plain = _writer.safe_string
_writer.safe_string = lambda v: ("%.17g" % v) if isinstance(v, float) else plain(v)
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Bijdrage"
ws.append(["Gemeente", "Inwoners", "Peildatum", "Bijdrage 2018", "Controle"])
ws.append(["Delft", 101381, datetime.date(2017, 9, 27), 20157.18, True])
ws.append(["Den Haag", 524882, datetime.date(2017, 9, 27), 104360.18, False])
ws.append([CellRichText(TextBlock(InlineFont(b=True), "Midden-"), "Delfland"), 19034, datetime.date(2017, 9, 27), 3784.45, None])
ws.append(["Westland", 105885, datetime.date(2017, 9, 27), 21052.69])
ws.append(["  Rijswijk", 51027, datetime.date(2017, 9, 27), 10145.49])
ws.append([])
ws.append(["0,1 + 0,2", 0.1 + 0.2, 1e-05, 123456789012345, 1.5e5])
wb.save(os.path.join(here, "openpyxl-weights.xlsx"))
shutil.rmtree(tmp)
