import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';

// biome-ignore lint/suspicious/noExplicitAny: each service brings its own schema
export type Database = PostgresJsDatabase<any>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseOrTransaction = Database | Transaction;
