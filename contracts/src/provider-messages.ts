import { randomUUID } from 'node:crypto';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { type EventEnvelope, envelopeOf } from './envelope.js';
import { HandoffAppointmentChangedV1, HandoffSentV1 } from './events/treatment.js';
import { registerFormats } from './formats.js';
import { Instant, IsoDate, Nullable, strict, Uuid } from './primitives.js';

registerFormats();

/**
 * What a community provider receives, by signed webhook to its own URL only: never on a Kafka topic (no provider
 * reads Kafka, and a shared topic would carry every provider's clinical detail), and never free text typed by staff —
 * a reason is a category. tests/security/provider-fields.unit.spec.ts walks these schemas for free-text fields.
 */
export const RECONFIRMATION_REASONS = ['release-moved', 'release-cancelled'] as const;
export type ReconfirmationReason = (typeof RECONFIRMATION_REASONS)[number];

/** Why prison healthcare withdrew a handoff, as the provider is told it (the nurse's own words stay in the prison). */
export const WITHDRAWAL_REASONS = [
  'wrong-provider',
  'booked-in-error',
  'she-declined-treatment',
  'release-cancelled',
  'other',
] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

/**
 * Why an attempt to deliver a message to a provider's system did not count, as a kind the provider's key worker (and an
 * operator) can act on; the attempt's error text keeps the technical detail.
 */
export const WEBHOOK_FAILURES = [
  /** Her system answered, with a status that is not 2xx or 3xx. */
  'error-status',
  /** Her system answered with a redirect, which is never followed. */
  'redirect',
  /** No connection, or it broke before an answer. */
  'unreachable',
  'timed-out',
  /** The address's host name did not resolve. */
  'unresolved',
  /** Not sent: the host name resolves to an internal address. */
  'internal-address',
  /** Not sent: the registered URL breaks a rule (https, loopback) it may have passed when registered. */
  'address-not-allowed',
  /** Not sent: the signing secret cannot be opened here. */
  'no-secret',
  /** Not sent: the provider has no webhook registered. */
  'no-webhook',
] as const;
export type WebhookFailure = (typeof WEBHOOK_FAILURES)[number];

const facts = {
  handoffId: Uuid,
  releaseId: Uuid,
  providerId: Type.String({ minLength: 1 }),
  providerArea: HandoffSentV1.properties.providerArea,
};

/** The release moved or was cancelled: the provider must confirm again. v1 carried the planner's words; v2 a category. */
export const ProviderReconfirmationV2 = Type.Object(
  {
    ...facts,
    reasonCategory: Type.Union(RECONFIRMATION_REASONS.map((reason) => Type.Literal(reason))),
    releaseDate: Nullable(IsoDate),
    gateAt: Nullable(Instant),
  },
  strict,
);

/** Prison healthcare withdrew the handoff. v1 carried the nurse's words; v2 a category. */
export const ProviderWithdrawalV2 = Type.Object(
  { ...facts, reasonCategory: Type.Union(WITHDRAWAL_REASONS.map((reason) => Type.Literal(reason))) },
  strict,
);

function message<const Name extends string, D extends TSchema, const Version extends number = 1>(
  type: Name,
  summary: string,
  data: D,
  version = 1 as Version,
) {
  return { type, version, summary, dataSchema: data, schema: envelopeOf(data, type, version) };
}

const definitions = [
  message(
    'treatment.handoff.sent',
    'The handoff, with the clinical detail the provider needs to take over her care',
    HandoffSentV1,
  ),
  message(
    'treatment.handoff.appointment-changed',
    'Prison healthcare changed the first community appointment',
    HandoffAppointmentChangedV1,
  ),
  message(
    'treatment.handoff.needs-reconfirmation',
    'The release moved or was cancelled; confirm the handoff again',
    ProviderReconfirmationV2,
    2,
  ),
  message('treatment.handoff.withdrawn', 'Prison healthcare withdrew the handoff', ProviderWithdrawalV2, 2),
];

type Definition = (typeof definitions)[number];
type KeyOf<D> = D extends { type: infer T extends string; version: infer V extends number } ? `${T}@v${V}` : never;
export type ProviderMessageKey = KeyOf<Definition>;
export type ProviderMessageDefinition = Definition;

/** Every message a provider's webhook receives, by `type@vN`. */
export const PROVIDER_MESSAGES = Object.fromEntries(
  definitions.map((definition) => [`${definition.type}@v${definition.version}`, definition]),
) as Record<ProviderMessageKey, ProviderMessageDefinition>;

type DefinitionOfKey<K extends ProviderMessageKey> = Extract<
  Definition,
  {
    type: K extends `${infer T}@v${number}` ? T : never;
    version: K extends `${string}@v${infer V extends number}` ? V : never;
  }
>;
export type ProviderMessageOf<K extends ProviderMessageKey> = Static<DefinitionOfKey<K>['schema']>;

/** A message to be told to the provider: which one, whose, and the facts. */
export type ProviderMessageDraft = {
  [K in ProviderMessageKey]: { key: K; personId: string; data: Static<DefinitionOfKey<K>['dataSchema']> };
}[ProviderMessageKey];

const checkers = new Map(
  definitions.map((definition) => [
    `${definition.type}@v${definition.version}`,
    TypeCompiler.Compile(definition.schema),
  ]),
);

/**
 * The envelope a provider receives (the same envelope as every event), checked against its schema: a message that
 * does not match its contract is a bug and throws rather than leave the service.
 */
export function createProviderMessage(
  draft: ProviderMessageDraft,
  context: { source: string; occurredAt: string; correlationId: string; causationId: string | null },
): EventEnvelope {
  const definition = PROVIDER_MESSAGES[draft.key];
  const envelope: EventEnvelope = {
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: context.occurredAt,
    source: context.source,
    personId: draft.personId,
    correlationId: context.correlationId,
    causationId: context.causationId,
    data: draft.data,
  };
  const checker = checkers.get(draft.key);
  if (!checker?.Check(envelope)) {
    const errors = [...(checker?.Errors(envelope) ?? [])].slice(0, 5).map((error) => `${error.path}: ${error.message}`);
    throw new Error(`provider message ${draft.key} does not match its contract: ${errors.join('; ')}`);
  }
  return envelope;
}
