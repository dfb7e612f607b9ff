import type { Database } from '@resettle/messaging';
import { Type } from '@sinclair/typebox';
import { and, arrayContains, desc, eq, gte, lte, or, type SQL } from 'drizzle-orm';
import type { Server } from '../http/server.js';
import { audit } from './audit.js';
import { auditLog } from './schema.js';

const AuditQuery = Type.Object(
  {
    personId: Type.Optional(Type.String({ pattern: '^[A-Z][0-9]{4}[A-Z]{2}$' })),
    sub: Type.Optional(Type.String({ maxLength: 200 })),
    outcome: Type.Optional(Type.Union([Type.Literal('allowed'), Type.Literal('denied')])),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);

/** The auditor's view of this service's audit log, newest first. */
export async function auditRoutes(app: Server, db: Database): Promise<void> {
  app.get(
    '/api/audit',
    {
      onRequest: app.requireRole('auditor'),
      schema: {
        summary: 'Audit log: who saw or changed what, and whether it was allowed',
        tags: ['audit'],
        querystring: AuditQuery,
      },
    },
    async (request) => {
      const { personId, sub, outcome, from, to, page, pageSize } = request.query;
      const conditions: SQL[] = [];
      // Her own rows, and the list reads that showed her.
      if (personId) conditions.push(or(eq(auditLog.personId, personId), arrayContains(auditLog.listed, [personId]))!);
      if (sub) conditions.push(eq(auditLog.sub, sub));
      if (outcome) conditions.push(eq(auditLog.outcome, outcome));
      if (from) conditions.push(gte(auditLog.at, new Date(from)));
      if (to) conditions.push(lte(auditLog.at, new Date(to)));
      const items = await db
        .select()
        .from(auditLog)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(auditLog.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      // Who read the log, and about whom: the rows it showed name the people they concern.
      await audit(db, request, {
        action: 'read-audit-log',
        categories: ['audit-log'],
        outcome: 'allowed',
        listed: items.flatMap((item) => (item.personId ? [item.personId] : (item.listed ?? []))),
      });
      return { items, page, pageSize };
    },
  );
}
