/** Row storage for the emulator: one better-sqlite3 table, keyed by (namespace, key). */
import Database from 'better-sqlite3';

/** Plain KVS keys, secrets and each custom entity live in separate namespaces. */
export const NS_KVS = 'kvs';
export const NS_SECRET = 'secret';
export const entityNamespace = (entityName: string): string => `entity:${entityName}`;

export interface StoredRow {
  key: string;
  /** JSON text of the value. */
  json: string;
  createdAt: number;
  updatedAt: number;
  /** ms since epoch, or null when the entry never expires. */
  expireAt: number | null;
}

interface DbRow {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

const toStored = (r: DbRow): StoredRow => ({
  key: r.key,
  json: r.value,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  expireAt: r.expire_at,
});

export class SqliteStore {
  private readonly db: Database.Database;
  private readonly stmts: {
    get: Database.Statement<[string, string, number]>;
    put: Database.Statement<[string, string, string, number, number, number | null]>;
    del: Database.Statement<[string, string]>;
    list: Database.Statement<[string, string, number, string, number, number]>;
    listAll: Database.Statement<[string, number]>;
    purge: Database.Statement<[number]>;
    wipe: Database.Statement<[]>;
  };

  constructor(filename = ':memory:') {
    this.db = new Database(filename);
    if (filename !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS kv (
      ns TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      expire_at INTEGER,
      PRIMARY KEY (ns, key)
    ) WITHOUT ROWID`);
    const live = '(expire_at IS NULL OR expire_at > ?)';
    this.stmts = {
      get: this.db.prepare(`SELECT key, value, created_at, updated_at, expire_at FROM kv WHERE ns = ? AND key = ? AND ${live}`),
      put: this.db.prepare(
        `INSERT INTO kv (ns, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
           updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
      ),
      del: this.db.prepare('DELETE FROM kv WHERE ns = ? AND key = ?'),
      // Keys are compared with SQLite's BINARY collation, i.e. byte order: "results in key order".
      list: this.db.prepare(
        `SELECT key, value, created_at, updated_at, expire_at FROM kv
         WHERE ns = ? AND key > ? AND substr(key, 1, ?) = ? AND ${live} ORDER BY key LIMIT ?`,
      ),
      listAll: this.db.prepare(`SELECT key, value, created_at, updated_at, expire_at FROM kv WHERE ns = ? AND ${live} ORDER BY key`),
      purge: this.db.prepare('DELETE FROM kv WHERE expire_at IS NOT NULL AND expire_at <= ?'),
      wipe: this.db.prepare('DELETE FROM kv'),
    };
  }

  get(ns: string, key: string, now: number): StoredRow | undefined {
    const row = this.stmts.get.get(ns, key, now) as DbRow | undefined;
    return row && toStored(row);
  }

  put(ns: string, row: StoredRow): void {
    this.stmts.put.run(ns, row.key, row.json, row.createdAt, row.updatedAt, row.expireAt);
  }

  delete(ns: string, key: string): boolean {
    return this.stmts.del.run(ns, key).changes > 0;
  }

  /** Live rows whose key starts with `prefix` and sorts after `after`, in key order. */
  list(ns: string, prefix: string, after: string, limit: number, now: number): StoredRow[] {
    return (this.stmts.list.all(ns, after, prefix.length, prefix, now, limit) as DbRow[]).map(toStored);
  }

  /** Every live row of a namespace, in key order (entity queries filter these in memory). */
  listAll(ns: string, now: number): StoredRow[] {
    return (this.stmts.listAll.all(ns, now) as DbRow[]).map(toStored);
  }

  purgeExpired(now: number): void {
    this.stmts.purge.run(now);
  }

  /** Runs `fn` in one SQLite transaction: all of its writes commit, or none do if it throws. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  wipe(): void {
    this.stmts.wipe.run();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
