import { ConfigError, loadConfig } from './app-config.js';
import { LogLevel } from './env.dto.js';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, logLevel: LogLevel.LOG, development: false, databaseUrl: undefined });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('reads every variable', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/mutasi', PORT: '8080', DATA_DIR: '/srv/mutasi', LOG_LEVEL: 'debug', NODE_ENV: 'development', IMPORT_MAX_ROWS: '1000', IMPORT_MAX_MEGABYTES: '5', FEED_TAG_AUTHORITY: 'mutasi.bekasikota.go.id', DATABASE_REPLICA_URLS: 'postgres://u:p@r1:5432/mutasi, postgres://u:p@r2:5432/mutasi', DATABASE_REPLICA_MAX_LAG_SECONDS: '10', DATABASE_REPLICA_WAIT_MS: '500', TRUST_PROXY: '10.0.0.5, 10.0.1.0/24', DATABASE_POOL_SIZE: '20' });
    expect(config).toEqual({
      databaseUrl: 'postgres://u:p@db:5432/mutasi',
      replicas: { urls: ['postgres://u:p@r1:5432/mutasi', 'postgres://u:p@r2:5432/mutasi'], maxLagSeconds: 10, waitMs: 500 },
      poolSize: 20,
      port: 8080,
      dataDir: '/srv/mutasi',
      logLevel: LogLevel.DEBUG,
      development: true,
      rateLimit: { anonymous: 120, perKey: 1200, windowSeconds: 60 },
      trustProxy: ['10.0.0.5', '10.0.1.0/24'],
      seedDemo: true,
      imports: { maxRows: 1000, maxBytes: 5 * 1024 * 1024 },
      feedTagAuthority: 'mutasi.bekasikota.go.id',
    });
  });

  it('names each wrong variable and what it expects', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', IMPORT_MAX_ROWS: 'many' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT must be an integer between 0 and 65535 (got "eighty")');
    expect(message).toContain('DATABASE_URL must be a PostgreSQL URL');
    expect(message).toContain('LOG_LEVEL must be one of: error, warn, log, debug, verbose (got "loud")');
    expect(message).toContain('IMPORT_MAX_ROWS must be a whole number of rows, 1 to 1000000 (got "many")');
  });

  it('refuses replicas without a primary, and replica URLs that are not PostgreSQL URLs', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://u:p@r1:5432/mutasi' })).toThrow('DATABASE_REPLICA_URLS needs DATABASE_URL');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db/mutasi', DATABASE_REPLICA_URLS: 'postgres://u:p@r1/mutasi, mysql://u:p@r2/mutasi' })).toThrow('DATABASE_REPLICA_URLS must be PostgreSQL URLs separated by commas');
    expect(loadConfig({}).replicas).toEqual({ urls: [], maxLagSeconds: 30, waitMs: 1000 });
    // The same server twice, however spelled: never the password in the message.
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db/mutasi', DATABASE_REPLICA_URLS: 'postgres://u:p@r1:5432/mutasi,postgres://u:p@r1/mutasi' })).toThrow('DATABASE_REPLICA_URLS names the replica r1:5432/mutasi twice');
  });

  it('reads TRUST_PROXY as a number of hops or a list of addresses, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow('TRUST_PROXY must be the number of proxies in front of Mutasi');
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.5,beef' })).toThrow('TRUST_PROXY: "beef" is not an IP address');
  });

  it('reads SEED_DEMO as a boolean and refuses anything else', () => {
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(() => loadConfig({ SEED_DEMO: 'no' })).toThrow('SEED_DEMO must be true or false');
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT must be an integer between 0 and 65535');
  });
});
