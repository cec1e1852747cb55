// The fake Drive answers with the fields asked and a page at a time; the fake lock makes a second execution wait.
import { MIME } from './google-drive';
import { fakeGoogle } from './google';

function driveWith(folders: number) {
  const google = fakeGoogle();
  for (let i = 0; i < folders; i++) google.Drive.Files.create({ name: `F${i}`, mimeType: MIME.folder, parents: ['root'] }, undefined, { fields: 'id' });
  google.log.reset();
  return google;
}

describe('Drive v3 on the fake', () => {
  it('returns the fields asked for, and only Drive’s default four without them', () => {
    const google = driveWith(1);
    const id = google.Drive.Files.list({ q: `name = 'F0'`, fields: 'files(id)' }).files![0]!.id!;
    expect(google.Drive.Files.get(id, { fields: 'id,trashed' })).toEqual({ id, trashed: false });
    expect(google.Drive.Files.get(id)).toEqual({ kind: 'drive#file', id, name: 'F0', mimeType: MIME.folder });
    expect(google.Drive.Files.update({ trashed: true }, id)).toEqual({ kind: 'drive#file', id, name: 'F0', mimeType: MIME.folder });
    expect(google.Drive.Files.list({ q: `name = 'F0'`, fields: 'files(id,name,trashed)' }).files).toEqual([{ id, name: 'F0', trashed: true }]);
  });

  it('refuses a field selection Drive does not know, in its words', () => {
    const google = driveWith(1);
    expect(() => google.Drive.Files.list({ q: `trashed = false`, fields: 'items(id)' })).toThrow('Invalid field selection items');
    expect(() => google.Drive.Files.create({ name: 'x', mimeType: MIME.folder, title: 'x' } as never)).toThrow('Unknown name "title"');
  });

  it('pages a long list: pageSize at a time (100 unless asked), nextPageToken while more remain', () => {
    const google = driveWith(230);
    const q = `mimeType = '${MIME.folder}' and trashed = false`;
    const first = google.Drive.Files.list({ q, fields: 'nextPageToken,files(id)' });
    expect(first.files).toHaveLength(100);
    expect(first.nextPageToken).toEqual(expect.any(String));
    const names: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = google.Drive.Files.list({ q, fields: 'nextPageToken,files(name)', pageSize: 70, ...(pageToken ? { pageToken } : {}) });
      names.push(...page.files!.map((f) => f.name!));
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken);
    expect(pages).toBe(4);
    expect(new Set(names).size).toBe(230);
    expect(google.Drive.Files.list({ q, fields: 'files(id)', pageSize: 5000 }).files).toHaveLength(230);
    expect(() => google.Drive.Files.list({ q: `trashed = true`, pageToken: first.nextPageToken })).toThrow('Invalid Value');
  });
});

describe('LockService on the fake', () => {
  it('a second execution waits its whole timeout while the first holds the lock, then gets false', () => {
    const google = fakeGoogle({ now: new Date('2025-10-01T06:00:00Z') });
    google.lock.execution = 'first';
    expect(google.LockService.getDocumentLock()!.tryLock(5000)).toBe(true);
    google.lock.execution = 'second';
    const before = google.now().getTime();
    expect(google.LockService.getDocumentLock()!.tryLock(5000)).toBe(false);
    expect(google.now().getTime() - before).toBe(5000);
    expect(google.lock.waited).toBe(5000);
    google.lock.execution = 'first';
    google.LockService.getDocumentLock()!.releaseLock();
    google.lock.execution = 'second';
    expect(google.LockService.getDocumentLock()!.tryLock(5000)).toBe(true);
    expect(google.lock.waited).toBe(5000);
  });
});
