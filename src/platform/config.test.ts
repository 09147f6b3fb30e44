import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to development on the embedded database in ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ mode: 'development', port: 3000, databaseUrl: null, demoSeed: true });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('names the setting that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ATIENDE_MODE: 'staging' })).toThrow(/ATIENDE_MODE/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
  });

  it('production refuses a missing, short or default secret', () => {
    expect(() => loadConfig({ ATIENDE_MODE: 'production' })).toThrow(
      /ATIENDE_SECRET is required|ATIENDE_SECRET: is required/,
    );
    expect(() => loadConfig({ ATIENDE_MODE: 'production', ATIENDE_SECRET: 'changeme' })).toThrow(
      /ATIENDE_SECRET/,
    );
    const ok = loadConfig({ ATIENDE_MODE: 'production', ATIENDE_SECRET: 'x'.repeat(40) });
    expect(ok.demoSeed).toBe(false);
  });

  it('command-line flags override the environment', () => {
    expect(loadConfig({ PORT: '4000' }, { port: '5000' }).port).toBe(5000);
  });

  it('reads an optional JSON file and reports one that is not JSON', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/atiende-config-');
    writeFileSync(`${dir}/ok.json`, JSON.stringify({ port: 4100, logLevel: 'warn' }));
    writeFileSync(`${dir}/bad.json`, 'port = 1');
    expect(loadConfig({ ATIENDE_CONFIG: `${dir}/ok.json` })).toMatchObject({ port: 4100, logLevel: 'warn' });
    expect(() => loadConfig({ ATIENDE_CONFIG: `${dir}/bad.json` })).toThrow(/ATIENDE_CONFIG/);
  });
});
