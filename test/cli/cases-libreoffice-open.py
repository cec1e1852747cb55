# Opens a password-encrypted .xlsx in LibreOffice (through UNO) and prints its first sheet: used by test/cli/cases.test.ts
# to check that the case file Qamqor encrypts is one LibreOffice opens with the password, and only with it.
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue
path, password, profile = sys.argv[1], sys.argv[2], sys.argv[3]
pipe = "qamqor%d" % os.getpid()
proc = subprocess.Popen(["soffice", "--headless", "--norestore", "--invisible", "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe])
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(100):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe); break
        except Exception: time.sleep(0.2)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    def prop(n, v):
        p = PropertyValue(); p.Name = n; p.Value = v; return p
    args = (prop("Hidden", True), prop("Password", password))
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, args)
    if doc is None:
        print("NOT_OPENED"); sys.exit(3)
    sheet = doc.Sheets.getByIndex(0)
    print("OPENED", sheet.Name, sheet.getCellByPosition(1, 1).String)
    doc.close(True)
finally:
    try: desktop.terminate()
    except Exception: pass
    proc.wait(timeout=30)
