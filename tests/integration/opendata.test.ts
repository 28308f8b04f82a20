import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { actOnRequest } from '../../src/main/services/actions';
import { openDataStatus, publishOpenData } from '../../src/main/services/openData';
import { registerRequest } from '../../src/main/services/registration';
import { updateSettings } from '../../src/main/services/settings';
import { atMoment } from '../helpers/cli';
import { openTempDb, sampleRequest, type TempDb } from '../helpers/tempDb';

let t: TempDb;
const person = { requesterName: 'Шевчук Оксана Іванівна', postalAddress: 'вул. Лесі Українки, 7, м. Луцьк', email: 'oksana.private@example.ua', phone: '+380 50 765 43 21' };
let idx: string;
beforeAll(() => {
  t = openTempDb('2026-11-20T10:00:00+02:00');
  idx = registerRequest(t.db, sampleRequest({ ...person, receivedAt: '2026-10-15T10:00:00+03:00' })).index;
  registerRequest(t.db, sampleRequest({ ...person, receivedAt: '2026-11-16T10:00:00+02:00', channel: 'email' }));
  updateSettings(t.db, { openData: { maintainer: 'Король О.', email: 'opendata@lutsk.ua' } });
});
afterAll(() => t.close());

describe('open data', () => {
  it('writes CSV, JSON and the passport of aggregates only, then notices a change and dates the refresh', async () => {
    const dir = join(t.dir, 'od');
    expect(openDataStatus(t.db).published).toBeNull();
    const r = await publishOpenData(t.db, { out: dir });
    expect(readdirSync(dir).sort()).toEqual(['passport.json', 'zapyty-na-informatsiiu.csv', 'zapyty-na-informatsiiu.json']);
    const all = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    for (const v of [...Object.values(person), 'Шевчук', 'Луцьк', 'private', '765']) expect(all).not.toContain(v);
    const json = JSON.parse(readFileSync(join(dir, 'zapyty-na-informatsiiu.json'), 'utf8'));
    expect(json.map((m: { month: string }) => m.month)).toEqual(['2026-10', '2026-11']);
    expect(json[1]).toMatchObject({ total: 1, channel_email: 1, in_work: 1 });
    const pass = JSON.parse(readFileSync(join(dir, 'passport.json'), 'utf8'));
    expect(pass).toMatchObject({ title: 'Звіт щодо задоволення запитів на інформацію', maintainer: 'Король О.', email: 'opendata@lutsk.ua', language: 'uk', lastModified: r.publishedAt });
    expect(pass.title.length).toBeLessThanOrEqual(254);
    expect(pass.structure.map((s: { field: string }) => s.field)).toEqual(readFileSync(join(dir, 'zapyty-na-informatsiiu.csv'), 'utf8').split('\r\n')[0]!.split(','));
    expect(openDataStatus(t.db)).toMatchObject({ stale: false, message: null });

    // Friday 20 Nov: the October request is answered; 3 working days → Wednesday 25 Nov.
    t.setNow('2026-11-20T15:00:00+02:00');
    actOnRequest(t.db, { index: idx, action: 'answer', input: { date: '2026-11-20' } });
    t.setNow('2026-11-26T09:00:00+02:00');
    const s = openDataStatus(t.db);
    expect(s).toMatchObject({ stale: true, changedMonths: ['2026-10'], refreshBy: '2026-11-25', overdue: true });
    expect(s.firstChangeAt).toBe('2026-11-20T15:00:00+02:00');
    expect(s.message).toMatch(/25\.11\.2026/);

    const out: string[] = [];
    const io = { out: (x: string) => void out.push(x), err: () => undefined, stdin: () => '' };
    // The set covers months up to today: the CLI publishes on the register's 26 Nov, not on the machine's date.
    expect(await atMoment('2026-11-26T09:00:00+02:00', () => runCli(['opendata', '--db', t.file, '--out', dir, '--json'], io))).toBe(0);
    expect(JSON.parse(out.join('')).months).toBe(2);
    expect(openDataStatus(t.db).stale).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'passport.json'), 'utf8')).firstPublished).toBe(pass.firstPublished);
  });
});
