// Who runs an action: the social pedagogue (the settings' e-mail, or the workbook's owner) may run every one; a class
// teacher, what a teacher may do. Decided before any write, so a refused action changes nothing.
import type { GoogleServices } from './google-services';

export type Role = 'pedagogue' | 'teacher';

/**
 * The e-mail of the person running the script, lower-cased; '' when Google does not tell. In a menu action (the
 * person authorized the script) the active and the effective user are that person; in a simple trigger only the
 * active user may be told, and only within the owner's domain.
 */
export function whoRuns(services: GoogleServices, authorized: boolean): string {
  const session = services.Session;
  if (!session) return '';
  try {
    const email = session.getActiveUser().getEmail();
    if (email) return email.trim().toLowerCase();
  } catch {
    // Without the userinfo.email scope (a simple trigger): not told.
  }
  if (!authorized) return '';
  try {
    return (session.getEffectiveUser().getEmail() ?? '').trim().toLowerCase();
  } catch {
    return '';
  }
}

/** The owner's e-mail; null for a workbook in a shared drive (no owner); undefined when Google does not tell. */
function ownerEmail(services: GoogleServices): string | null | undefined {
  try {
    const owner = services.SpreadsheetApp.getActiveSpreadsheet().getOwner();
    if (!owner) return null;
    return owner.getEmail().trim().toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The role of `email`. What cannot be told counts as the pedagogue: Google's own protections still refuse what a
 * teacher may not write, and the message then says so; refusing would lock out a pedagogue whom Google did not name.
 * The owner is asked only when the e-mail is not the pedagogue's (one call).
 */
export function roleOf(services: GoogleServices, email: string, pedagogue: readonly string[]): Role {
  if (!email || pedagogue.includes(email)) return 'pedagogue';
  const owner = ownerEmail(services);
  if (owner === undefined || owner === email) return 'pedagogue';
  // A shared drive's workbook with no pedagogue named yet: whoever sets it up.
  if (owner === null && pedagogue.length === 0) return 'pedagogue';
  return 'teacher';
}
