/**
 * The contract every bus transport meets (RabbitMQ, in-process). It speaks in Wazo's terms: one
 * headers exchange (`wazo-headers` by default), messages made of AMQP headers plus a JSON body, and
 * queues bound by header matches (`x-match: all|any`). The publisher, consumer and outbox are
 * written against this interface only, so one contract test suite runs on both transports.
 */

/** A value an AMQP header may hold in Wazo's envelope. */
export type HeaderValue = string | number | boolean | null;

/** One message on the wire: what is published and what a consumer receives. */
export interface WireMessage {
  /** Unique id of the event (AMQP `message_id`), used by consumers to drop duplicates. */
  messageId: string;
  /** AMQP headers: Wazo's envelope fields (`name`, `origin_uuid`, `tenant_uuid`, `user_uuid:*`...). */
  headers: Record<string, HeaderValue>;
  /** Ignored by the headers exchange, kept for Wazo consumers bound to the legacy topic exchange. */
  routingKey: string;
  /** The JSON body, already serialized: the envelope headers plus `data`. */
  body: Buffer;
  /** Always `application/json` for events. */
  contentType: string;
}

/** A received message; `redelivered` is true when the broker delivered it before. */
export interface DeliveredMessage extends WireMessage {
  redelivered: boolean;
}

export interface HeaderBinding {
  /** Header values that must match; `x-match` is added from `match`. */
  headers: Record<string, HeaderValue>;
  match: 'all' | 'any';
}

export interface ConsumeOptions {
  /** Queue name; a generated `<prefix>.<6 hex>` exclusive auto-delete queue when absent. */
  queue?: string;
  /** Durable, non-exclusive queue that survives restarts (for consumers that must not lose events). */
  durable?: boolean;
  bindings: HeaderBinding[];
  /** Unacknowledged messages in flight per consumer. */
  prefetch?: number;
}

/**
 * Called for each delivered message. Resolving acknowledges it; rejecting leaves the decision to
 * the consumer layer (retry, then dead-letter): a transport never drops a failed message silently.
 */
export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface Subscription {
  /** Stops consuming and removes the generated queue. */
  close(): Promise<void>;
  /** Adds a binding to the subscription's queue (re-declared after reconnects). */
  bind(binding: HeaderBinding): Promise<void>;
  /** Removes a binding previously added. */
  unbind(binding: HeaderBinding): Promise<void>;
}

export type TransportState = 'connecting' | 'connected' | 'disconnected' | 'closed';

export interface BusTransport {
  /** Publishes to the exchange; resolves once the broker confirmed it (publisher confirms). */
  publish(message: WireMessage): Promise<void>;
  consume(options: ConsumeOptions, handler: MessageHandler): Promise<Subscription>;
  /** Current connection state, for `/status` and for websocketd's 1011 closes. */
  state(): TransportState;
  /** Notified on every state change. Returns a function that unsubscribes. */
  onStateChange(listener: (state: TransportState) => void): () => void;
  close(): Promise<void>;
}
