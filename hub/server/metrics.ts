import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the hub holds, read from the store once and then kept up to date by the hub's own writes. */
export interface HeldCounts {
  devices: number;
  records: number;
  mutations: number;
  blobs: number;
}

export interface HubMetricsOptions {
  /** One query that counts what the store holds (HubStore.counts); run on the first scrape, then rarely. */
  readonly countHeld: () => Promise<HeldCounts>;
  /** How long incremental counts are trusted before they are read again in the background (other hub instances, admin commands). */
  readonly recountEveryMs?: number;
  /** Why a background recount failed (the previous figures stay on show). */
  readonly onRecountFailed?: (error: unknown) => void;
}

/**
 * The hub's Prometheus metrics, on prom-client, in a registry of this server's own (several hubs
 * may run in one test process). Scrapes never count tables: the held-row gauges start from one
 * count and move with every push, enrollment and blob this process handles; every
 * `recountEveryMs` a scrape starts a recount in the background (and still answers with the figures it has).
 */
export class HubMetrics {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'route' | 'method' | 'status'>;
  readonly requests: Counter<'route' | 'method' | 'status'>;
  readonly pushMutations: Histogram;
  readonly pushBytes: Histogram;
  readonly pullRows: Histogram;
  readonly applied: Counter;
  readonly duplicates: Counter;
  readonly refused: Counter;
  readonly blobsStored: Counter;
  readonly rowsPulled: Counter;
  readonly authFailures: Counter;
  readonly storeErrors: Counter;
  private readonly storeUp: Gauge;
  private held: HeldCounts | null = null;
  private countedAt = 0;
  private recounting: Promise<void> | null = null;

  constructor(private readonly options: HubMetricsOptions) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'groundwork_hub_' });
    this.requestDuration = new Histogram({
      name: 'groundwork_hub_http_request_duration_seconds',
      help: 'HTTP request duration by route, method and status',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.requests = new Counter({ name: 'groundwork_hub_http_requests_total', help: 'HTTP requests by route, method and status', labelNames: ['route', 'method', 'status'], registers });
    this.pushMutations = new Histogram({
      name: 'groundwork_hub_push_mutations',
      help: 'Mutations per push batch',
      buckets: [1, 10, 50, 100, 250, 500, 1000, 2500],
      registers,
    });
    this.pushBytes = new Histogram({
      name: 'groundwork_hub_push_bytes',
      help: 'Body size of a push batch, bytes',
      buckets: [1024, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216],
      registers,
    });
    this.pullRows = new Histogram({ name: 'groundwork_hub_pull_rows', help: 'Rows per pull page', buckets: [0, 1, 10, 50, 100, 250, 500, 1000, 5000], registers });
    this.applied = new Counter({ name: 'groundwork_hub_mutations_applied_total', help: 'Mutations applied', registers });
    this.duplicates = new Counter({ name: 'groundwork_hub_mutations_duplicate_total', help: 'Mutations received again and skipped', registers });
    this.refused = new Counter({ name: 'groundwork_hub_mutations_refused_total', help: 'Mutations refused by ownership rules', registers });
    this.blobsStored = new Counter({ name: 'groundwork_hub_blobs_stored_total', help: 'Blobs stored', registers });
    this.rowsPulled = new Counter({ name: 'groundwork_hub_rows_pulled_total', help: 'Rows sent to devices', registers });
    this.authFailures = new Counter({ name: 'groundwork_hub_auth_failures_total', help: 'Requests refused for a missing or invalid token', registers });
    this.storeErrors = new Counter({ name: 'groundwork_hub_store_errors_total', help: 'Requests that failed because the store was unavailable', registers });
    this.storeUp = new Gauge({ name: 'groundwork_hub_store_up', help: '1 while the store answers, 0 while it is unavailable', registers });
    this.storeUp.set(1);
    const held = (): HeldCounts | null => this.held;
    const heldGauge = (name: string, help: string, key: keyof HeldCounts): void => {
      new Gauge({
        name,
        help,
        registers,
        // prom-client calls this on each scrape with the gauge as `this`: it reads the kept figure, no query.
        collect(this: Gauge) {
          const counts = held();
          if (counts) this.set(counts[key]);
        },
      });
    };
    heldGauge('groundwork_hub_devices', 'Enrolled devices', 'devices');
    heldGauge('groundwork_hub_records', 'Rows held', 'records');
    heldGauge('groundwork_hub_mutations', 'Mutations received', 'mutations');
    heldGauge('groundwork_hub_blobs', 'Blobs held', 'blobs');
  }

  setStoreUp(up: boolean): void {
    this.storeUp.set(up ? 1 : 0);
  }

  /** This process wrote rows: the gauges move without asking the store. */
  addHeld(kind: keyof HeldCounts, by: number): void {
    if (this.held && by > 0) this.held[kind] += by;
  }

  /** The text a scrape gets. Only the very first scrape waits for the store (one count). */
  async render(): Promise<string> {
    if (!this.held) await this.recount();
    else if (Date.now() - this.countedAt > (this.options.recountEveryMs ?? 10 * 60_000) && !this.recounting) {
      this.recounting = this.recount()
        .catch((error: unknown) => this.options.onRecountFailed?.(error))
        .finally(() => {
          this.recounting = null;
        });
    }
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private async recount(): Promise<void> {
    const startedAt = Date.now();
    const counted = await this.options.countHeld();
    // Writes that land while the count runs may be in it or not: the drift is a few rows until the next recount.
    this.held = { ...counted };
    this.countedAt = startedAt;
  }
}
