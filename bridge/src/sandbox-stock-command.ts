import {
  parseStockCsv,
  setSandboxStockLevels,
  StockLevelError,
  type StockLevel,
} from './adapters/sandbox/stock-levels.js';

const EXIT_OK = 0;
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;

const USAGE =
  'usage: gp-bridge sandbox stock ITEM SITE QTY | gp-bridge sandbox stock --csv FILE (- reads stdin)\n';

/**
 * `gp-bridge sandbox stock ITEM SITE QTY` and `… --csv FILE`. Exit 0 when written, 1 when the input names
 * unknown items or bad quantities (nothing written), 2 on usage errors.
 */
export function sandboxStockCommand(
  sandboxPath: string,
  args: readonly string[],
  readInput: (file: string) => string,
): number {
  let levels: StockLevel[];
  const single = args[0] !== '--csv';
  if (!single) {
    const file = args[1];
    if (file === undefined || args.length > 2) {
      process.stderr.write(USAGE);
      return EXIT_USAGE;
    }
    let text: string;
    try {
      text = readInput(file);
    } catch (error) {
      process.stderr.write(`gp-bridge sandbox stock: cannot read ${file}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    const parsed = parseStockCsv(text);
    if (parsed.problems.length > 0) {
      process.stderr.write(
        `gp-bridge sandbox stock: stock not changed, ${file} has ${parsed.problems.length} problem(s):\n${parsed.problems.map((p) => `  ${p}\n`).join('')}`,
      );
      return EXIT_INVALID;
    }
    levels = parsed.levels;
  } else {
    const [item, site, onHand] = args;
    if (item === undefined || site === undefined || onHand === undefined || args.length !== 3) {
      process.stderr.write(USAGE);
      return EXIT_USAGE;
    }
    levels = [{ item, site, onHand, source: 'the arguments' }];
  }

  try {
    const results = setSandboxStockLevels(sandboxPath, levels);
    if (single) {
      for (const r of results)
        process.stdout.write(
          `${r.item} at ${r.site}: on hand ${r.before} → ${r.after}; available over all sites ${r.available}\n`,
        );
    } else {
      process.stdout.write(`${results.length} stock level(s) set in one transaction in ${sandboxPath}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof StockLevelError) {
      process.stderr.write(`gp-bridge sandbox stock: ${error.message}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
}
