"""Adds to a registry what a school adds by hand, and saves it with openpyxl (which renumbers the sheets):
a comment on a pupil's cell, a validation of the school's own over a range that crosses Qamqor's columns,
conditional formatting, and a sheet of its own with a bar chart. Usage: decorate-with-openpyxl.py IN OUT
(Debian: python3-openpyxl). Makes test/fixtures/openpyxl-decorated.xlsx through test/support/openpyxl.ts."""
import sys
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

source, target = sys.argv[1], sys.argv[2]
book = load_workbook(source)
classes = [ws for ws in book.worksheets if ws.sheet_state == "visible" and ws.title[:1].isdigit()]
first = classes[0]
first["B3"].comment = Comment("Мекенжайын тексеру керек", "Сынып жетекшісі")
# The school's own rule over A..Z from row 3 down: it crosses Qamqor's columns, which keep their own rules.
own = DataValidation(type="textLength", operator="lessThan", formula1="200", allow_blank=True)
own.add("A3:Z500")
first.add_data_validation(own)
first.conditional_formatting.add("A3:A500", CellIsRule(operator="equal", formula=['"x"'], fill=PatternFill("solid", start_color="FFFF00")))
mine = book.create_sheet("Диаграмма", 2)
mine.append(["Сынып", "Оқушылар"])
for ws in classes[:5]:
    mine.append([ws.title, 25])
chart = BarChart()
chart.title = "Сыныптар"
chart.add_data(Reference(mine, min_col=2, min_row=1, max_row=6), titles_from_data=True)
chart.set_categories(Reference(mine, min_col=1, min_row=2, max_row=6))
mine.add_chart(chart, "D2")
book.save(target)
