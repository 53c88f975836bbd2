import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEventBus } from '../events/domain-event-bus';
import type { DomainEvent } from '../events/domain-events';

export type Emit = (event: DomainEvent) => void;

/**
 * Runs `work` in one transaction and publishes the events it collected only after COMMIT,
 * so no screen ever shows a change that was rolled back. On any error nothing is written.
 */
@Injectable()
export class TransactionRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: DomainEventBus,
  ) {}

  async run<T>(work: (em: EntityManager, emit: Emit) => Promise<T>): Promise<T> {
    const events: DomainEvent[] = [];
    const result = await this.dataSource.transaction((em) => work(em, (e) => events.push(e)));
    for (const e of events) this.bus.publish(e);
    return result;
  }
}
