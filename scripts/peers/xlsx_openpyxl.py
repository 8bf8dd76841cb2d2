# Peer: openpyxl (write-only, the fast mode) writing the same events sheet from GridMap's CSV:
# the same header, numbers as numbers, the three times as datetime cells. Whole process timed outside.
import csv, datetime, sys, openpyxl
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("事件")
sheet.freeze_panes = "A2"
sheet.append(rows[0])
def time(text): return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S") if text else None
for r in rows[1:]:
    sheet.append([int(r[0]), r[1], r[2], r[3], r[4], r[5], time(r[6]), time(r[7]), time(r[8]), r[9], int(r[10])] + r[11:])
book.save(sys.argv[2])
