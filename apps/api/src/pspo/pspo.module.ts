import { Module } from '@nestjs/common';
import { PspoOrders } from './pspo-orders';
import { PsposController } from './pspos.controller';

/**
 * Public Spaces Protection Orders: the routes, and what they act through. Its own module so that PSPOs
 * stay apart from cases; the staff directory (the owner), the Temporal connection (the order's
 * workflow) and the policy versions come from the CaseServicesModule the application imports.
 */
@Module({ controllers: [PsposController], providers: [PspoOrders] })
export class PspoModule {}
