/**
 * A tiny Prometheus registry: counters with labels and one histogram, rendered in the text exposition format
 * (version 0.0.4). Enough for what the bridge exposes; a client library would add a dependency for nothing.
 */
type Labels = Readonly<Record<string, string>>;

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}="${escapeLabel(labels[name] ?? '')}"`)
    .join(',');
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function sample(name: string, key: string, value: number): string {
  return `${name}${key ? `{${key}}` : ''} ${value}`;
}

export class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [key, value] of this.values) lines.push(sample(this.name, key, value));
    return lines;
  }
}

/** Cumulative buckets in seconds, like every Prometheus client. */
export class Histogram {
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}

  observe(seconds: number, labels: Labels = {}): void {
    const key = labelKey(labels);
    let entry = this.series.get(key);
    if (!entry) {
      entry = { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, entry);
    }
    this.buckets.forEach((bound, index) => {
      if (seconds <= bound && entry) entry.counts[index] = (entry.counts[index] ?? 0) + 1;
    });
    entry.sum += seconds;
    entry.count += 1;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [key, entry] of this.series) {
      const prefix = key ? `${key},` : '';
      this.buckets.forEach((bound, index) => {
        lines.push(`${this.name}_bucket{${prefix}le="${bound}"} ${entry.counts[index] ?? 0}`);
      });
      lines.push(`${this.name}_bucket{${prefix}le="+Inf"} ${entry.count}`);
      lines.push(sample(`${this.name}_sum`, key, entry.sum));
      lines.push(sample(`${this.name}_count`, key, entry.count));
    }
    return lines;
  }
}

function gauge(name: string, help: string, value: number): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`];
}

/** The bridge's metrics. One instance per process, created at boot and passed to createApp. */
export class BridgeMetrics {
  readonly httpRequests = new Counter(
    'gpsync_http_requests_total',
    'HTTP requests by route, method and status.',
  );
  readonly messages = new Counter('gpsync_messages_total', 'Message results by kind, status and code.');
  readonly gpLatency = new Histogram(
    'gpsync_gp_operation_seconds',
    'Time spent in GP: one transaction per document, health probes and inventory reads.',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  );

  render(): string {
    const memory = process.memoryUsage();
    return (
      [
        ...this.httpRequests.render(),
        ...this.messages.render(),
        ...this.gpLatency.render(),
        ...gauge('gpsync_process_resident_memory_bytes', 'Resident set size.', memory.rss),
        ...gauge('gpsync_process_heap_used_bytes', 'V8 heap in use.', memory.heapUsed),
        ...gauge(
          'gpsync_process_uptime_seconds',
          'Seconds since the process started.',
          Math.round(process.uptime()),
        ),
      ].join('\n') + '\n'
    );
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
