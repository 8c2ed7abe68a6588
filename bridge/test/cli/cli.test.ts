import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/http/signing.js';

const BRIDGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(BRIDGE_DIR, 'src/cli.ts');
const TSX = join(BRIDGE_DIR, '../node_modules/.bin/tsx');
const work = mkdtempSync(join(tmpdir(), 'gp-bridge-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a child process with only the given GPSYNC_* variables (plus PATH/HOME). */
function run(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], {
      cwd: work,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GPSYNC_LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('gp-bridge (child process)', () => {
  it('when asked for --help, then it prints the commands and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['serve', 'map FILE', 'sandbox reset']) expect(result.stdout).toContain(command);
  });

  it('when the command is unknown, then it says so and exits 2', async () => {
    const result = await run(['launch']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "launch"');
  });

  it('when serve starts with a short secret and a bad port, then each problem is printed by name and it exits 2', async () => {
    const secret = 'too-short-to-be-safe';
    const result = await run(['serve'], { GPSYNC_SECRET: secret, GPSYNC_PORT: 'http' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GPSYNC_SECRET: must be at least 32 characters');
    expect(result.stderr).toContain('GPSYNC_PORT:');
    expect(result.stderr).not.toContain(secret);
  });

  it('when sandbox reset runs, then the sandbox database file exists with seeded items', async () => {
    const path = join(work, 'reset', 'sandbox.sqlite');
    const result = await run(['sandbox', 'reset'], { GPSYNC_SANDBOX_PATH: path });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(path);
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM IV00101').get() as { n: number };
    db.close();
    expect(n).toBeGreaterThan(10);
  });

  it('when sandbox post names an unposted document, then it moves to history; an unknown one exits 2', async () => {
    const path = join(work, 'post', 'sandbox.sqlite');
    expect((await run(['sandbox', 'reset'], { GPSYNC_SANDBOX_PATH: path })).code).toBe(0);
    const db = new Database(path);
    db.prepare(
      `INSERT INTO SOP10100 (SOPTYPE, SOPNUMBE, DOCID, BACHNUMB, DOCDATE, CUSTNMBR, CSTPONBR, SUBTOTAL, TRDISAMT, FRTAMNT, MISCAMNT, TAXAMNT, FRTTXAMT, MSCTXAMT, DOCAMNT, PYMTRCVD, DEX_ROW_TS)
       VALUES (2, 'WO1001', 'STDORD', 'WOO', '2026-11-29', 'C1', '1001', '10', '0', '0', '0', '0', '0', '0', '10', '0', '2026-11-29T00:00:00.000Z')`,
    ).run();
    db.close();
    const posted = await run(['sandbox', 'post', '2', 'wo1001'], { GPSYNC_SANDBOX_PATH: path });
    expect(posted).toMatchObject({ code: 0 });
    expect(posted.stdout).toContain('2/WO1001');
    const after = new Database(path, { readonly: true });
    expect(after.prepare('SELECT COUNT(*) AS n FROM SOP10100').get()).toEqual({ n: 0 });
    expect(after.prepare("SELECT VOIDSTTS FROM SOP30200 WHERE SOPNUMBE = 'WO1001'").get()).toEqual({
      VOIDSTTS: 0,
    });
    after.close();
    const again = await run(['sandbox', 'post', '2', 'WO1001'], { GPSYNC_SANDBOX_PATH: path });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('no unposted document 2/WO1001');
  }, 90_000);

  it('when sandbox reset runs in sql mode, then it refuses and exits 2', async () => {
    const result = await run(['sandbox', 'reset'], {
      GPSYNC_SQL_SERVER: 'gp-sql',
      GPSYNC_SQL_DATABASE: 'TWO',
      GPSYNC_SQL_USER: 'u',
      GPSYNC_SQL_PASSWORD: 'p',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GP mode is sql');
  });

  it('when map gets a file that is not JSON, then it exits 2 naming the file', async () => {
    const file = join(work, 'broken.json');
    writeFileSync(file, '{ nope');
    const result = await run(['map', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot read ${file} as JSON`);
  });

  it('when map gets a body that breaks the contract, then it lists the paths and exits 2', async () => {
    const result = await run(
      ['map', '-'],
      {},
      JSON.stringify({ schema_version: 1, profile: {}, messages: [] }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('profile.version');
    expect(result.stderr).toContain('messages');
  });

  it('when map previews a valid customer and a product without SKU, then it prints the XML, marks the product invalid and exits 1', async () => {
    const file = join(work, 'preview.json');
    writeFileSync(file, JSON.stringify(PREVIEW_BODY));
    const result = await run(['map', file], { GPSYNC_SANDBOX_PATH: join(work, 'map', 'sandbox.sqlite') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('=== message c-1 (customer): valid ===');
    expect(result.stdout).toContain('<CUSTNMBR>WC42</CUSTNMBR>');
    expect(result.stdout).toContain('=== message p-1 (product): INVALID ===');
    expect(result.stdout).toContain('"code":"missing_sku"');
    expect(result.stdout).toContain('2 message(s), 1 valid, 1 invalid');
  });

  it('when map previews only valid messages, then it exits 0', async () => {
    const body = { ...PREVIEW_BODY, messages: [PREVIEW_BODY.messages[0]] };
    const result = await run(
      ['map', '-'],
      { GPSYNC_SANDBOX_PATH: join(work, 'map2', 'sandbox.sqlite') },
      JSON.stringify(body),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 message(s), 1 valid, 0 invalid');
  });

  it('when serve runs on the sandbox, then it answers health and a signed batch, and stops cleanly on SIGTERM without logging the secret', async () => {
    const secret = 'cli-serve-secret-0123456789-abcdefghijkl';
    const child = spawn(TSX, [CLI, 'serve'], {
      cwd: work,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        GPSYNC_SECRET: secret,
        GPSYNC_PORT: '0',
        GPSYNC_SANDBOX_PATH: join(work, 'serve', 'sandbox.sqlite'),
        GPSYNC_LOG_LEVEL: 'info',
      },
    });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited early with ${code}: ${stdout}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const health = (await (await fetch(`${url}/v1/health`)).json()) as {
      mode: string;
      gp: { reachable: boolean };
    };
    const body = JSON.stringify({ ...PREVIEW_BODY, messages: [PREVIEW_BODY.messages[0]] });
    const headers = {
      ...signRequest({ secret, method: 'POST', pathAndQuery: '/v1/messages', body }),
      'content-type': 'application/json',
    };
    const res = await fetch(`${url}/v1/messages`, { method: 'POST', headers, body });
    const answer = (await res.json()) as {
      results: Array<{ status: string; gp?: { customer_number?: string } }>;
    };
    child.kill('SIGTERM');
    const code = await exited;

    expect(health).toMatchObject({ mode: 'sandbox', gp: { reachable: true } });
    expect(answer.results[0]).toMatchObject({ status: 'done', gp: { customer_number: 'WC42' } });
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
    expect(stdout).toContain('"messageId":"c-1"');
    expect(stdout).not.toContain(secret);
    expect(stdout).not.toContain('ada@example.com');
  });
});

const PREVIEW_BODY = {
  schema_version: 1,
  profile: { version: 'p1' },
  messages: [
    {
      id: 'c-1',
      kind: 'customer',
      source: { site: 's', entity_id: 42, version: 1 },
      payload: {
        schema_version: 1,
        woo_customer_id: 42,
        email: 'ada@example.com',
        first_name: 'Ada',
        last_name: 'Lovelace',
        billing: { address_1: '1 Analytical Row', city: 'London', country: 'GB' },
        shipping: {},
      },
    },
    {
      id: 'p-1',
      kind: 'product',
      source: { site: 's', entity_id: 7, version: 1 },
      payload: { schema_version: 1, woo_product_id: 7, type: 'simple', sku: '', name: 'No SKU mug' },
    },
  ],
};
