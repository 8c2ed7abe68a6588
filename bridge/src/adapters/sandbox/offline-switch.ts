import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GpExecutionError, type GpGateway, type GpTransaction } from '../../ports/gp-gateway.js';

/**
 * The sandbox's offline switch, for fault-injection tests and demos: while the file `<sandbox file>.offline`
 * exists, the sandbox GP behaves like a SQL Server that refuses connections. Every look-up, transaction and
 * inventory read fails with a retryable `unavailable` error (so messages are answered `retry gp_unavailable`)
 * and health reports GP unreachable. A file, not process state, so a test or an operator can switch a running
 * bridge (`gp-bridge sandbox offline|online`) without restarting it, and the switch survives a restart.
 */
export function offlineFlagPath(sandboxPath: string): string {
  return `${resolve(sandboxPath)}.offline`;
}

export function switchSandboxOffline(sandboxPath: string): void {
  writeFileSync(offlineFlagPath(sandboxPath), `offline since ${new Date().toISOString()}\n`);
}

export function switchSandboxOnline(sandboxPath: string): void {
  rmSync(offlineFlagPath(sandboxPath), { force: true });
}

const OFFLINE_MESSAGE = 'GP is unreachable: the sandbox GP is switched offline (gp-bridge sandbox online)';

/** Wraps a gateway so that every call checks the switch first (one stat() call: cheap next to any GP work). */
export function withOfflineSwitch(gateway: GpGateway, sandboxPath: string): GpGateway {
  const flag = offlineFlagPath(sandboxPath);
  const offline = () => existsSync(flag);
  const guard = <T>(work: () => Promise<T>): Promise<T> =>
    offline() ? Promise.reject(new GpExecutionError('unavailable', OFFLINE_MESSAGE)) : work();
  return {
    mode: gateway.mode,
    findCustomerByEmail: (email) => guard(() => gateway.findCustomerByEmail(email)),
    customerExists: (number) => guard(() => gateway.customerExists(number)),
    findItems: (numbers) => guard(() => gateway.findItems(numbers)),
    findSopDocuments: (query) => guard(() => gateway.findSopDocuments(query)),
    batchInUse: (batch) => guard(() => gateway.batchInUse(batch)),
    readSopDocument: (sopType, sopNumber) => guard(() => gateway.readSopDocument(sopType, sopNumber)),
    readCustomer: (customerNumber) => guard(() => gateway.readCustomer(customerNumber)),
    readItem: (itemNumber) => guard(() => gateway.readItem(itemNumber)),
    transaction: <T>(lockKey: string, work: (tx: GpTransaction) => Promise<T>) =>
      guard(() => gateway.transaction(lockKey, work)),
    readInventory: (query) => guard(() => gateway.readInventory(query)),
    health: () =>
      offline()
        ? Promise.resolve({ reachable: false, latencyMs: 0, detail: OFFLINE_MESSAGE })
        : gateway.health(),
    close: () => gateway.close(),
  };
}
