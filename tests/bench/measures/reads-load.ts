// Runs autocannon loads in its own process (forked once by the bench): one summary back over IPC per request.
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  paths: string[];
  token: string;
  seconds: number;
  connections: number;
  /** Requests per second over all connections; omitted: as fast as it answers. */
  rate?: number;
}

export interface LoadSummary {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

process.on('message', async (request: LoadRequest) => {
  const { paths } = request;
  const result = await autocannon({
    url: request.url,
    connections: request.connections,
    duration: request.seconds,
    overallRate: request.rate,
    headers: { authorization: `Bearer ${request.token}`, 'x-access-purpose': 'benchmark' },
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)] ?? '/' }),
      },
    ],
  });
  const summary: LoadSummary = {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / (result.duration || request.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  process.send?.(summary);
});
