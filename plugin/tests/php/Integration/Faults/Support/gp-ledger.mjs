// What the sandbox GP holds, for the fault-injection suite (PHP has no SQLite driver here). Read-only: it opens
// the bridge's sandbox file beside the running bridge (WAL mode lets a reader in while the bridge writes).
//   node gp-ledger.mjs documents <sandbox.sqlite>              → JSON list of SOP documents (work + history)
//   node gp-ledger.mjs kill-after <sandbox.sqlite> <n> <pid>   → SIGKILLs <pid> once GP holds <n> SOP documents
//                                                                (the bridge killed mid-batch); prints the count
// The repository's ESLint config declares no Node globals for .mjs files: this is a Node script.
/* global process, setTimeout */
import Database from 'better-sqlite3';

const [command, file, ...rest] = process.argv.slice(2);
const open = () => new Database(file, { readonly: true, fileMustExist: true });

if (command === 'documents') {
  const db = open();
  const rows = db
    .prepare(
      `SELECT CSTPONBR AS po, SOPNUMBE AS number, SOPTYPE AS type, DOCAMNT AS amount FROM SOP10100
       UNION ALL SELECT CSTPONBR, SOPNUMBE, SOPTYPE, DOCAMNT FROM SOP30200 ORDER BY 1, 2`,
    )
    .all();
  db.close();
  process.stdout.write(JSON.stringify(rows));
} else if (command === 'kill-after') {
  const [count, pid] = rest.map((value) => Number.parseInt(value, 10));
  const db = open();
  const documents = db.prepare('SELECT COUNT(*) AS n FROM SOP10100');
  const deadline = Date.now() + 60_000;
  process.stdout.write('watching\n');
  const poll = () => {
    const n = documents.get().n;
    if (n >= count) {
      process.kill(pid, 'SIGKILL');
      process.stdout.write(String(n));
      db.close();
      return;
    }
    if (Date.now() > deadline) {
      process.stdout.write('timeout');
      process.exitCode = 1;
      return;
    }
    setTimeout(poll, 5);
  };
  poll();
} else {
  process.stderr.write('usage: gp-ledger.mjs documents FILE | kill-after FILE COUNT PID\n');
  process.exitCode = 2;
}
