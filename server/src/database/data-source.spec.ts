import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dataSourceOptions, GuardedClient } from './data-source.js';

describe('the pool’s connections', () => {
  it('are guarded: an error arriving while no one listens does not throw (a bare pg client would end the process)', () => {
    const options = dataSourceOptions('postgres://127.0.0.1:1/none') as { extra: { Client: typeof pg.Client } };
    expect(options.extra.Client).toBe(GuardedClient);
    const fatal = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(() => new options.extra.Client().emit('error', fatal)).not.toThrow();
    expect(() => new pg.Client().emit('error', fatal)).toThrow(/terminating connection/);
  });

  it('still tell whoever listens', () => {
    const client = new GuardedClient();
    const heard: string[] = [];
    client.on('error', (e: Error) => heard.push(e.message));
    client.emit('error', new Error('connection lost'));
    expect(heard).toEqual(['connection lost']);
  });
});
