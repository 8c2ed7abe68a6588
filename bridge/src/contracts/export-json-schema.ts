import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InventoryResponseSchema } from '../http/routes/inventory.route.js';
import { CustomerPayloadSchema } from './customer.js';
import { MappingProfileSchema } from './mapping-profile.js';
import { MessageBatchResponseSchema, MessageBatchSchema } from './message.js';
import { OrderPayloadSchema } from './order.js';
import { ProductPayloadSchema } from './product.js';
import { RefundPayloadSchema } from './refund.js';

/**
 * Exports the wire contract as JSON Schema (draft 2020-12) into contract/, where the PHP plugin's tests
 * validate its payloads against it, so plugin and bridge fail together when they drift (STYLE §3.5).
 * `npm run contract -w bridge` rewrites the files; a Vitest test fails while they are stale.
 *
 * Request bodies are exported as the input side (what a sender must send: defaults make fields optional),
 * responses as the output side (what a receiver can rely on).
 */
const CONTRACTS: ReadonlyArray<{ file: string; schema: z.ZodType; io: 'input' | 'output'; title: string }> = [
  {
    file: 'message-batch.schema.json',
    schema: MessageBatchSchema,
    io: 'input',
    title: 'POST /v1/messages and /v1/preview request body',
  },
  {
    file: 'message-batch-response.schema.json',
    schema: MessageBatchResponseSchema,
    io: 'output',
    title: 'POST /v1/messages response body',
  },
  {
    file: 'customer.schema.json',
    schema: CustomerPayloadSchema,
    io: 'input',
    title: 'customer message payload',
  },
  {
    file: 'product.schema.json',
    schema: ProductPayloadSchema,
    io: 'input',
    title: 'product message payload',
  },
  { file: 'order.schema.json', schema: OrderPayloadSchema, io: 'input', title: 'order message payload' },
  { file: 'refund.schema.json', schema: RefundPayloadSchema, io: 'input', title: 'refund message payload' },
  {
    file: 'mapping-profile.schema.json',
    schema: MappingProfileSchema,
    io: 'input',
    title: 'mapping profile',
  },
  {
    file: 'inventory-response.schema.json',
    schema: InventoryResponseSchema,
    io: 'output',
    title: 'GET /v1/inventory response body',
  },
];

/** File name → file text, exactly as checked in. */
export function renderContractFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { file, schema, io, title } of CONTRACTS) {
    const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'throw' });
    const document = {
      $id: `urn:gp-sync:contract:v1:${file}`,
      title: `GP Sync contract v1: ${title}`,
      ...json,
    };
    files.set(file, `${JSON.stringify(document, null, 2)}\n`);
  }
  return files;
}

export const CONTRACT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../contract');

function main(): void {
  mkdirSync(CONTRACT_DIR, { recursive: true });
  for (const [file, text] of renderContractFiles()) {
    writeFileSync(join(CONTRACT_DIR, file), text);
    console.log(`wrote contract/${file}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
