/** The GP adapters: what the composition root (server.ts, cli.ts) and the e2e helpers use. */
export {
  createGateway,
  readErrorTextFile,
  type GatewayFactoryConfig,
  type GatewayFactoryOptions,
} from './gateway-factory.js';
export {
  createSandboxGateway,
  type SandboxGateway,
  type SandboxGatewayOptions,
} from './sandbox/sandbox-gateway.js';
export {
  offlineFlagPath,
  switchSandboxOffline,
  switchSandboxOnline,
  withOfflineSwitch,
} from './sandbox/offline-switch.js';
export { DEFAULT_SANDBOX_PATH, openSandboxDatabase, resetSandbox } from './sandbox/database.js';
export {
  adjustSandboxStock,
  postSandboxDocument,
  setSandboxBatchInUse,
  type StockChange,
} from './sandbox/sandbox-admin.js';
export {
  parseStockCsv,
  setSandboxStockLevels,
  StockLevelError,
  type StockLevel,
  type StockLevelResult,
} from './sandbox/stock-levels.js';
export { createSqlGateway, type SqlGatewayOptions } from './sql/sql-gateway.js';
export type { SqlGatewayConfig } from './sql/sql-config.js';
export { InvalidCursorError } from './inventory-cursor.js';
