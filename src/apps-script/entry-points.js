// The functions Apps Script calls by name, appended after the Qamqor bundle (esbuild footer): the simple
// triggers and one wrapper per item of the MENU table in menu.ts. A new menu item needs its line here.
function onOpen(e) { Qamqor.onOpen(e); }
function onEdit(e) { Qamqor.onEdit(e); }
function qamqorSetup() { Qamqor.menu('qamqorSetup'); }
function qamqorValidate() { Qamqor.menu('qamqorValidate'); }
function qamqorPassport() { Qamqor.menu('qamqorPassport'); }
function qamqorArchive() { Qamqor.menu('qamqorArchive'); }
function qamqorNewYear() { Qamqor.menu('qamqorNewYear'); }
function qamqorHelp() { Qamqor.menu('qamqorHelp'); }
