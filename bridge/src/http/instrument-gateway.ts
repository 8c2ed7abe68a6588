import type { GpGateway } from '../ports/gp-gateway.js';
import type { BridgeMetrics } from './metrics.js';

/**
 * Wraps a gateway so every call that reaches GP is timed into the GP latency histogram, by operation and
 * outcome. The use cases get the wrapped gateway and never know.
 */
export function instrumentGateway(gateway: GpGateway, metrics: BridgeMetrics): GpGateway {
  const timed = async <T>(
    operation: string,
    run: () => Promise<T>,
    failed: (result: T) => boolean = () => false,
  ): Promise<T> => {
    const started = performance.now();
    let outcome = 'ok';
    try {
      const result = await run();
      if (failed(result)) outcome = 'error';
      return result;
    } catch (error) {
      outcome = 'error';
      throw error;
    } finally {
      metrics.gpLatency.observe((performance.now() - started) / 1000, { operation, outcome });
    }
  };
  return {
    mode: gateway.mode,
    transaction: (lockKey, work) => timed('transaction', () => gateway.transaction(lockKey, work)),
    readInventory: (query) => timed('inventory', () => gateway.readInventory(query)),
    // A probe that answers "unreachable" instead of throwing (the SQL gateway does) is still a failed probe.
    health: () =>
      timed(
        'health',
        () => gateway.health(),
        (health) => !health.reachable,
      ),
    close: () => gateway.close(),
    findCustomerByEmail: (email) => gateway.findCustomerByEmail(email),
    customerExists: (customerNumber) => gateway.customerExists(customerNumber),
    findItems: (itemNumbers) => gateway.findItems(itemNumbers),
    findSopDocuments: (query) => gateway.findSopDocuments(query),
    batchInUse: (batchId) => gateway.batchInUse(batchId),
    readSopDocument: (sopType, sopNumber) => gateway.readSopDocument(sopType, sopNumber),
    readCustomer: (customerNumber) => gateway.readCustomer(customerNumber),
    readItem: (itemNumber) => gateway.readItem(itemNumber),
  };
}
