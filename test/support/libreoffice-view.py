"""What a teacher sees of a workbook in LibreOffice Calc: opens each book in a LibreOffice view (a hidden window of a
headless soffice, driven through UNO), reports per sheet the frozen panes, the protection, whether a header and a data
cell are locked, column widths and each column's validation (type, list, hint, warning), and saves the book as .xlsx
as LibreOffice writes it; then types into the first sheet as a person would (the Enter-text command of the view, which
honours the sheet's protection) and reports what each cell holds afterwards. A headless `soffice --convert-to` has no
view and writes no frozen panes at all, hence a view.

Usage: libreoffice-view.py PROFILE_DIR IN.xlsx OUT.xlsx SHEET[,SHEET…] [IN.xlsx OUT.xlsx SHEETS …]
Prints one JSON object: {IN: {SHEET: {...}, "typed": {CELL: TEXT}}}. Needs soffice and python3-uno (Debian: libreoffice-calc, python3-uno).
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(profile):
    pipe = 'qamqor_lo_%d' % os.getpid()
    # A new profile makes soffice restart itself once, dropping the connection: it is made first, on its own.
    subprocess.run(['soffice', '--headless', '--norestore', '--terminate_after_init', '-env:UserInstallation=' + uno.systemPathToFileUrl(profile)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    proc = subprocess.Popen(
        ['soffice', '--headless', '--norestore', '--nologo', '-env:UserInstallation=' + uno.systemPathToFileUrl(profile), '--accept=pipe,name=%s;urp;' % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(240):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
            return proc, ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx), ctx
        except Exception:
            time.sleep(0.25)
    proc.kill()
    raise SystemExit('soffice did not answer')


def letters(col):
    out = ''
    col += 1
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def sheet_report(doc, controller, name):
    sheet = doc.Sheets.getByName(name)
    controller.setActiveSheet(sheet)
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last_col = cursor.RangeAddress.EndColumn
    columns = {}
    for col in range(last_col + 1):
        header = sheet.getCellByPosition(col, 0)
        data = sheet.getCellByPosition(col, 1)
        v = data.Validation
        columns[letters(col)] = {
            'header': header.String,
            'width': sheet.Columns.getByIndex(col).Width,
            'headerLocked': header.CellProtection.IsLocked,
            'dataLocked': data.CellProtection.IsLocked,
            'validation': {
                'type': v.Type.value,
                'formula1': v.getFormula1(),
                'showInput': v.ShowInputMessage,
                'inputTitle': v.InputTitle,
                'input': v.InputMessage,
                'showError': v.ShowErrorMessage,
                'errorTitle': v.ErrorTitle,
                'error': v.ErrorMessage,
                'alert': v.ErrorAlertStyle.value,
            },
        }
    right = sheet.getCellByPosition(last_col + 3, 5)
    return {
        'frozen': controller.hasFrozenPanes(),
        'splitColumn': controller.getSplitColumn(),
        'splitRow': controller.getSplitRow(),
        'protected': sheet.isProtected(),
        'rightOfTableLocked': right.CellProtection.IsLocked,
        'headerHeight': sheet.Rows.getByIndex(0).Height,
        'columns': columns,
    }


def type_into(ctx, doc, controller, name):
    """Types into the header, into row 2 and into an empty row below the pupils; what each cell then holds."""
    sheet = doc.Sheets.getByName(name)
    controller.setActiveSheet(sheet)
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    below = cursor.RangeAddress.EndRow + 3
    dispatcher = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
    typed = {}
    for cell in ['B1', 'B2', 'B%d' % below]:
        controller.select(sheet.getCellRangeByName(cell))
        dispatcher.executeDispatch(controller.Frame, '.uno:EnterString', '', 0, (prop('StringName', 'typed by a teacher'),))
        typed[cell] = sheet.getCellRangeByName(cell).String
    return typed


def main():
    profile = sys.argv[1]
    jobs = sys.argv[2:]
    proc, desktop, ctx = connect(profile)
    report = {}
    try:
        for i in range(0, len(jobs), 3):
            source, target, sheets = jobs[i], jobs[i + 1], jobs[i + 2].split(',')
            doc = None
            # A new profile is still being set up when soffice first answers: the first load may come back empty.
            for _ in range(20):
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), '_blank', 0, (prop('Hidden', True),))
                if doc is not None:
                    break
                time.sleep(0.5)
            if doc is None:
                raise SystemExit('LibreOffice did not open ' + source)
            controller = doc.CurrentController
            report[source] = {name: sheet_report(doc, controller, name) for name in sheets}
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
            report[source]['typed'] = type_into(ctx, doc, controller, sheets[0])
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except Exception:
            proc.kill()
    print(json.dumps(report, ensure_ascii=False))


main()
