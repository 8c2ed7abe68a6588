#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { postSandboxDocument } from './adapters/sandbox/sandbox-admin.js';
import { createApp } from './app.js';
import { loadConfig, type BridgeConfig } from './config/env.js';
import { MessageBatchSchema } from './contracts/index.js';
import type { PreviewMessageResult } from './http/app-env.js';
import { BridgeMetrics } from './http/metrics.js';
import { formatPath } from './http/parse-json-body.js';
import { createLogger } from './logging/logger.js';
import { switchSandboxOffline, switchSandboxOnline } from './adapters/index.js';
import { openRuntime, resetSandboxAt } from './runtime.js';
import { sandboxStockCommand } from './sandbox-stock-command.js';
import { BRIDGE_VERSION, listen } from './server.js';

/**
 * `gp-bridge`: serve the HTTP API, preview the eConnect XML of a batch, or reset the sandbox GP or set its stock.
 * Exit codes: 0 success, 1 `map` found invalid documents, 2 usage or configuration problems.
 */
const HELP = `gp-bridge ${BRIDGE_VERSION} — the GP Sync bridge (WooCommerce ↔ Microsoft Dynamics GP)

Usage:
  gp-bridge serve            serve the HTTP API (settings from GPSYNC_* environment variables)
  gp-bridge map FILE         print the eConnect XML and GP-rule validation of each message in FILE
                             (a /v1/preview request body; - reads stdin). Never writes GP.
                             Exit 1 when any message is invalid.
  gp-bridge sandbox reset    delete the sandbox GP database (GPSYNC_SANDBOX_PATH) and seed it again
  gp-bridge sandbox post SOPTYPE SOPNUMBER
                             post an unposted sandbox document (move it to history, as GP's posting does)
  gp-bridge sandbox offline  make the sandbox GP unreachable for a running bridge (fault tests, demos)
  gp-bridge sandbox online   end that: GP answers again
  gp-bridge sandbox stock ITEM SITE QTY
                             set the on-hand quantity of ITEM at SITE to QTY in the sandbox GP (the site and
                             all-sites rows stay consistent; the item shows on the next inventory poll)
  gp-bridge sandbox stock --csv FILE
                             the same for each item,site,quantity line of FILE (- reads stdin), in one
                             transaction: one bad line changes nothing
  gp-bridge --help | --version

Settings: docs/bridge.md. Contract: docs/contract.md.
`;

const EXIT_OK = 0;
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;

function configOrExit(requireSecret: boolean): BridgeConfig {
  const result = loadConfig(process.env, { requireSecret });
  if (result.ok) return result.config;
  process.stderr.write(
    `gp-bridge: configuration problems:\n${result.problems.map((p) => `  ${p}\n`).join('')}`,
  );
  process.exit(EXIT_USAGE);
}

async function serveCommand(): Promise<number> {
  const config = configOrExit(true);
  const logger = createLogger(config.logLevel);
  const metrics = new BridgeMetrics();
  const runtime = openRuntime(config.gateway, logger, metrics);
  const app = createApp({
    version: BRIDGE_VERSION,
    secret: config.secret ?? '',
    gateway: runtime.gateway,
    processBatch: runtime.processBatch,
    previewBatch: runtime.previewBatch,
    logger,
    metrics,
    bodyLimitBytes: config.bodyLimitBytes,
    signatureWindowSeconds: config.signatureWindowSeconds,
  });
  const server = await listen(
    app,
    { host: config.host, port: config.port, ...(config.tls ? { tls: config.tls } : {}) },
    logger,
  );
  logger.info({ mode: runtime.gateway.mode, version: BRIDGE_VERSION }, 'bridge started');

  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'stopping: no new connections, finishing requests in flight');
      void server
        .close()
        .then(() => runtime.close())
        .then(() => {
          logger.info('stopped');
          resolve(EXIT_OK);
        });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

function readInput(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

interface PrintableDocument {
  readonly xml?: unknown;
  readonly valid?: unknown;
  readonly issues?: ReadonlyArray<{ field?: string; reason?: string; message?: string }>;
}

/** Prints one message's preview: each document's XML and GP-rule issues, then warnings and the outcome. */
function printPreview(result: PreviewMessageResult): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `=== message ${result.id}${typeof result.kind === 'string' ? ` (${result.kind})` : ''}: ${result.valid ? 'valid' : 'INVALID'} ===`,
  );
  const documents = (Array.isArray(result.documents) ? result.documents : []) as PrintableDocument[];
  documents.forEach((document, index) => {
    out(
      `--- eConnect document ${index + 1} of ${documents.length}: ${document.valid === false ? 'INVALID' : 'valid'} ---`,
    );
    if (typeof document.xml === 'string') out(document.xml);
    for (const issue of document.issues ?? [])
      out(`  ✗ ${issue.field ?? ''}: ${issue.message ?? ''} (${issue.reason ?? ''})`);
  });
  const warnings = Array.isArray(result.warnings)
    ? (result.warnings as Array<{ code?: string; message?: string; field?: string }>)
    : [];
  for (const warning of warnings)
    out(`  ! ${warning.code ?? ''} ${warning.field ?? ''}: ${warning.message ?? ''}`);
  if (result.result && typeof result.result === 'object') out(`  result: ${JSON.stringify(result.result)}`);
  if (documents.length === 0 && !result.result) out('  (no GP documents: nothing to send)');
}

async function mapCommand(file: string | undefined): Promise<number> {
  if (!file) {
    process.stderr.write(
      'gp-bridge map: give the file holding a /v1/preview request body (or - for stdin)\n',
    );
    return EXIT_USAGE;
  }
  let json: unknown;
  try {
    json = JSON.parse(readInput(file));
  } catch (error) {
    process.stderr.write(`gp-bridge map: cannot read ${file} as JSON: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const parsed = MessageBatchSchema.safeParse(json);
  if (!parsed.success) {
    process.stderr.write(`gp-bridge map: ${file} is not a valid /v1/preview body:\n`);
    for (const issue of parsed.error.issues)
      process.stderr.write(`  ${formatPath(issue.path)}: ${issue.message}\n`);
    return EXIT_USAGE;
  }
  const config = configOrExit(false);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, undefined);
  const runtime = openRuntime(config.gateway, logger, new BridgeMetrics());
  try {
    const results = await runtime.previewBatch(parsed.data);
    results.forEach(printPreview);
    const invalid = results.filter((r) => !r.valid).length;
    process.stdout.write(
      `${results.length} message(s), ${results.length - invalid} valid, ${invalid} invalid\n`,
    );
    return invalid > 0 ? EXIT_INVALID : EXIT_OK;
  } finally {
    await runtime.close();
  }
}

function sandboxCommand(action: string | undefined, args: readonly string[] = []): number {
  const actions = ['reset', 'post', 'offline', 'online', 'stock'];
  if (action === undefined || !actions.includes(action)) {
    process.stderr.write(
      'gp-bridge sandbox: the actions are reset, offline, online, "post SOPTYPE SOPNUMBER" and "stock ITEM SITE QTY | --csv FILE"\n',
    );
    return EXIT_USAGE;
  }
  const config = configOrExit(false);
  if (config.gateway.mode !== 'sandbox') {
    process.stderr.write(
      `gp-bridge sandbox ${action}: GP mode is sql; refusing to touch anything (unset GPSYNC_SQL_SERVER / GPSYNC_GP_MODE)\n`,
    );
    return EXIT_USAGE;
  }
  const path = config.gateway.sandboxPath;
  if (action === 'post') return postCommand(path, args);
  if (action === 'stock') return sandboxStockCommand(path, args, readInput);
  if (action === 'offline') {
    switchSandboxOffline(path);
    process.stdout.write(`sandbox GP at ${path} is offline: the bridge answers retry gp_unavailable\n`);
  } else if (action === 'online') {
    switchSandboxOnline(path);
    process.stdout.write(`sandbox GP at ${path} is online\n`);
  } else {
    resetSandboxAt(path);
    switchSandboxOnline(path); // a freshly seeded GP starts reachable
    process.stdout.write(`sandbox GP reset and seeded at ${path}\n`);
  }
  return EXIT_OK;
}

/** `sandbox post 2 WO1001`: lets plugin tests and demos post a document, as a GP user would. */
function postCommand(path: string, args: readonly string[]): number {
  const [type, number] = args;
  const sopType = Number(type);
  if (![2, 3, 4].includes(sopType) || !number) {
    process.stderr.write('gp-bridge sandbox post: usage is "post SOPTYPE SOPNUMBER" (SOPTYPE 2, 3 or 4)\n');
    return EXIT_USAGE;
  }
  try {
    postSandboxDocument(path, sopType, number.trim().toUpperCase());
  } catch (error) {
    process.stderr.write(
      `gp-bridge sandbox post: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_USAGE;
  }
  process.stdout.write(`sandbox GP posted ${sopType}/${number.trim().toUpperCase()}\n`);
  return EXIT_OK;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
      return serveCommand();
    case 'map':
      return mapCommand(args[0]);
    case 'sandbox':
      return sandboxCommand(args[0], args.slice(1));
    case '--version':
    case '-v':
      process.stdout.write(`${BRIDGE_VERSION}\n`);
      return EXIT_OK;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(HELP);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    default:
      process.stderr.write(`gp-bridge: unknown command "${command}"\n\n${HELP}`);
      return EXIT_USAGE;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`gp-bridge: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
