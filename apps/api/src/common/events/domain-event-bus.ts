import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { DomainEvent } from './domain-events';

type Handler = (event: DomainEvent) => void | Promise<void>;

/**
 * In-process bus for domain events. Services publish only after their transaction commits
 * (see TransactionRunner); the realtime listener turns events into socket.io room events.
 */
@Injectable()
export class DomainEventBus {
  private readonly emitter = new EventEmitter();
  private readonly logger = new Logger(DomainEventBus.name);

  constructor() {
    this.emitter.setMaxListeners(50);
  }

  publish(event: DomainEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(handler: Handler): () => void {
    const wrapped = (event: DomainEvent) => {
      Promise.resolve()
        .then(() => handler(event))
        .catch((e: unknown) => this.logger.error(`event handler failed for ${event.type}: ${e instanceof Error ? e.message : String(e)}`));
    };
    this.emitter.on('event', wrapped);
    return () => this.emitter.off('event', wrapped);
  }
}
