import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { ExportsService } from '../src/exports/exports.service.js';
import { startTestApp, type TestApp } from './support/app.js';

/** A client that takes nothing: every write stays pending until it hangs up. */
const stalled = () => new Writable({ highWaterMark: 1, write: () => undefined });

describe('an export whose client hangs up while the export waits for it to take more', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('popolo.json stops and gives its connection back', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const exportsService = t.app.get(ExportsService);
    const pool = (t.app.get(DataSource).driver as unknown as { master: pg.Pool }).master;
    const out = stalled();
    const filters = await exportsService.prepare({} as never, null, false);
    const writing = exportsService.write('popolo.json', filters, false, out).then(
      () => 'finished',
      () => 'stopped',
    );
    // Waiting for 'drain' on the first section's opening: the client hangs up then.
    while (out.writableLength === 0) await sleep(10);
    out.destroy();
    const give = new AbortController();
    const gaveUp = sleep(10_000, 'still waiting for a drain that cannot come', { signal: give.signal }).catch(() => 'given up');
    expect(await Promise.race([writing, gaveUp])).toBe('stopped');
    give.abort();
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});
