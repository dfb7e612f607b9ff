import {
  type Context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  type Link,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';

// Spans are passed explicitly (request → unit of work → outbox → Kafka header → consumer), so no context manager
// is needed; W3C `traceparent` is the one format on the wire.
const propagator = new W3CTraceContextPropagator();
let installed: TracerProvider | undefined;

/**
 * Switches tracing on for this process: spans go to the OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT, the collector's
 * base URL) or, in a test, to the exporter given. Without either, every span is a no-op and nothing is sent.
 */
export function installTracing(options: { otlpEndpoint?: string; exporter?: SpanExporter }): void {
  if (installed) return;
  const processor = options.exporter
    ? new SimpleSpanProcessor({ exporter: options.exporter })
    : options.otlpEndpoint
      ? new BatchSpanProcessor({
          exporter: new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }),
        })
      : undefined;
  if (!processor) return;
  installed = new TracerProvider({ spanProcessors: [processor] });
  trace.setGlobalTracerProvider(installed);
}

export async function flushTracing(): Promise<void> {
  await installed?.forceFlush();
}

/** The W3C traceparent of a span (null when tracing is off). */
export function traceParentOf(span: Span | undefined): string | null {
  if (!span?.isRecording()) return null;
  const carrier: Record<string, string> = {};
  propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, defaultTextMapSetter);
  return carrier.traceparent ?? null;
}

function parentFrom(traceParent: string | null | undefined): Context {
  if (!traceParent) return ROOT_CONTEXT;
  return propagator.extract(ROOT_CONTEXT, { traceparent: traceParent }, defaultTextMapGetter);
}

function linkTo(traceParent: string): Link | undefined {
  const spanContext = trace.getSpanContext(parentFrom(traceParent));
  return spanContext ? { context: spanContext } : undefined;
}

/** A span named for what the service does, a child of the traceparent it was handed (if any). */
export function startSpan(
  service: string,
  name: string,
  kind: 'server' | 'consumer' | 'internal',
  parent?: string | null,
  linked: string[] = [],
): Span {
  const links = linked.map(linkTo).filter((link): link is Link => link !== undefined);
  const spanKind = { server: SpanKind.SERVER, consumer: SpanKind.CONSUMER, internal: SpanKind.INTERNAL }[kind];
  return trace
    .getTracer(service)
    .startSpan(name, { kind: spanKind, links, attributes: { 'service.name': service } }, parentFrom(parent));
}

/** Runs `work` inside a span, recording a failure on it, and ends it. */
export async function inSpan<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
    throw error;
  } finally {
    span.end();
  }
}
