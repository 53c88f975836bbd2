import { Module } from '@nestjs/common';
import { DeliveryController } from './delivery.controller';
import { DeliveryLookups } from './delivery-lookups';
import { DeliveryResolver, KpiDeliveryResolver, ProcessDeliveryResolver, ProposalDeliveryResolver } from './delivery.resolver';
import { DeliveryService } from './delivery.service';
import { PracticeService } from './practice.service';

/** From decision to delivery: KPI measurements, progress (public page, JSON, CSV), revised plans, the PDCA review and 横展開 packages. */
@Module({
  controllers: [DeliveryController],
  providers: [DeliveryService, PracticeService, DeliveryLookups, DeliveryResolver, KpiDeliveryResolver, ProposalDeliveryResolver, ProcessDeliveryResolver],
  exports: [DeliveryService],
})
export class DeliveryModule {}
