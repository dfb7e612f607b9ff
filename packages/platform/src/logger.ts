import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Log lines carry ids and outcomes, never personal data. Requests and responses are serialised from an allow-list,
 * and any field below that slips into a log object is censored.
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
];

export function loggerOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { id?: string; method?: string; routeOptions?: { url?: string } }) => ({
        id: req.id,
        method: req.method,
        route: req.routeOptions?.url,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
}

export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(service, level), destination) : pino(loggerOptions(service, level));
}
