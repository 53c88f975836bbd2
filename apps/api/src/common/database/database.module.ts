import { Global, Module } from '@nestjs/common';
import { DomainEventBus } from '../events/domain-event-bus';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({ providers: [DomainEventBus, TransactionRunner], exports: [DomainEventBus, TransactionRunner] })
export class DatabaseModule {}
