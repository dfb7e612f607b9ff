import type { Sql } from 'postgres';

type Unsafe = Sql['unsafe'];

/**
 * The client for drizzle: every query it sends is a prepared statement. drizzle's postgres.js driver asks for an
 * unnamed, unprepared statement unless a query is given a name (drizzle-orm#6096), and postgres.js sends such a
 * query with parameters in two round trips (describe, then execute). Prepared, a statement is described once per
 * connection and each later run is one round trip. Our statements are fixed shapes, so the cache stays small; a
 * connection's statements go with it when postgres.js recycles it.
 */
export function preparingEveryQuery<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        const unsafe: Unsafe = (query, parameters, options) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
        return unsafe;
      }
      // A transaction's (and a savepoint's) own client prepares too.
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const work = args.at(-1) as (inner: Sql) => unknown;
          const open = Reflect.get(target, property, receiver) as (...given: unknown[]) => unknown;
          return open.apply(target, [...args.slice(0, -1), (inner: Sql) => work(preparingEveryQuery(inner))]);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
