import { safeError, safeErrorDescription } from '@resettle/messaging';
import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Log lines carry ids and outcomes, never personal data. Requests, responses and errors are serialised from an
 * allow-list, and any field below that slips into a log object is censored.
 */
const REDACTED_PATHS = [
  '*.name',
  '*.dateOfBirth',
  '*.address',
  '*.restrictedAreas',
  '*.treatment',
  '*.dose',
  '*.keyWorker',
  '*.place',
  'req.headers.authorization',
  'headers.authorization',
  'body',
  '*.body',
  // Broker credentials (KAFKA_SASL_PASSWORD, kafkajs's sasl settings) never reach a log line either.
  'password',
  '*.password',
  'KAFKA_SASL_PASSWORD',
  '*.KAFKA_SASL_PASSWORD',
];

export function loggerOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: {
      // `log.error(err)` with no message would make the error's message the line's `msg`: describe it instead.
      logMethod(args, method) {
        const [first, second] = args as unknown[];
        if (first instanceof Error && typeof second !== 'string') {
          return method.call(this, first, safeErrorDescription(first));
        }
        return method.apply(this, args);
      },
    },
    serializers: {
      req: (req: { id?: string; method?: string; routeOptions?: { url?: string } }) => ({
        id: req.id,
        method: req.method,
        route: req.routeOptions?.url,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      // By class, code and constraint: a database error's message, detail and parameters hold the statement's values.
      err: safeError,
    },
  };
}

export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(service, level), destination) : pino(loggerOptions(service, level));
}
