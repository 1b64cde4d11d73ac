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
  /** Always `application/json` for events (the AMQP transport adds content encoding `utf-8`, as kombu does). */
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
  /**
   * Queue name; a generated `<queuePrefix>.<6 hex>` queue when absent. A queue that is not
   * `durable` is exclusive and auto-deleted, like wazo-bus's.
   */
  queue?: string;
  /** Prefix of a generated queue name (the consumer's name, e.g. `wazo-webhookd`). */
  queuePrefix?: string;
  /** Durable, non-exclusive queue that survives restarts (for consumers that must not lose events). */
  durable?: boolean;
  bindings: HeaderBinding[];
  /** Unacknowledged messages in flight per consumer. */
  prefetch?: number;
}

/**
 * Called for each delivered message. Resolving acknowledges it; rejecting puts it back on its queue
 * to be delivered again (`redelivered: true`): a transport never drops a failed message. Retrying
 * and dead-lettering are the consumer layer's decisions, so it resolves once it has parked a message.
 */
export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface Subscription {
  /** The queue this subscription reads (generated name included). */
  readonly queue: string;
  /** Stops consuming and removes the generated queue. */
  close(): Promise<void>;
  /** Adds a binding to the subscription's queue (re-declared after reconnects). */
  bind(binding: HeaderBinding): Promise<void>;
  /** Removes a binding previously added. */
  unbind(binding: HeaderBinding): Promise<void>;
}

/** Why a message is parked on the dead-letter queue. */
export interface DeadLetterReason {
  /** Name of the consumer that gave up (e.g. `wazo-webhookd`). */
  consumer: string;
  /** Queue the message was read from. */
  queue: string;
  /** The last error's message. */
  error: string;
  /** How many times the handlers were tried. */
  attempts: number;
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
  /**
   * Parks a message that could not be handled on the transport's durable dead-letter queue
   * (`deadLetterQueue`), with the reason in `x-wazo-dead-letter-*` headers; resolves once stored
   * (confirmed by the broker). Nothing else reads that queue: an operator inspects or replays it.
   */
  deadLetter(message: WireMessage, reason: DeadLetterReason): Promise<void>;
  /** Name of the dead-letter queue, `<exchange>.dead-letter`. */
  readonly deadLetterQueue: string;
  close(): Promise<void>;
}
