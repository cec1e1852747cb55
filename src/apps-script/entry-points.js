// The functions Apps Script calls by name, appended after the Qamqor bundle (esbuild footer): the simple
// triggers, one wrapper per item of the MENU table in menu.ts (a new menu item needs its line here), and the
// targets the reports sidebar calls through google.script.run.
function onOpen(e) { Qamqor.onOpen(e); }
function onEdit(e) { Qamqor.onEdit(e); }
function qamqorSetup() { Qamqor.menu('qamqorSetup'); }
function qamqorValidate() { Qamqor.menu('qamqorValidate'); }
function qamqorValidateMine() { Qamqor.menu('qamqorValidateMine'); }
function qamqorPassport() { Qamqor.menu('qamqorPassport'); }
function qamqorMovementDialog() { Qamqor.menu('qamqorMovementDialog'); }
function qamqorInspections() { Qamqor.menu('qamqorInspections'); }
function qamqorArchive() { Qamqor.menu('qamqorArchive'); }
function qamqorNewYear() { Qamqor.menu('qamqorNewYear'); }
function qamqorReports() { Qamqor.menu('qamqorReports'); }
function qamqorPlaceholders() { Qamqor.menu('qamqorPlaceholders'); }
function qamqorCases() { Qamqor.menu('qamqorCases'); }
function qamqorCaseSidebar() { Qamqor.menu('qamqorCaseSidebar'); }
function qamqorHelp() { Qamqor.menu('qamqorHelp'); }
function qamqorReportsStep(draft) { return Qamqor.reportsStep(draft); }
function qamqorReportsProgress() { return Qamqor.reportsProgress(); }
function qamqorMovement(form) { return Qamqor.movementSave(form); }
