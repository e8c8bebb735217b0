/**
 * Kaplan & Anderson, "Time-Driven Activity-Based Costing", HBR November 2004: the customer-service
 * department ($560,000 a quarter, 700,000 practical minutes; 49,000 orders, 1,400 inquiries and 2,500
 * credit checks), here split over three customers. Shared by the golden engine tests and the function tests.
 */
import type { ModelSpec } from './model';

export const KAPLAN_CUSTOMERS: ModelSpec['customers'] = [
  ['A', 1_500_000, 1_100_000, 30_000],
  ['B', 900_000, 650_000],
  ['C', 300_000, 220_000, 5_000],
];
export const KAPLAN_VOLUMES: ModelSpec['volumes'] = [
  ['A', 'Orders', 30_000],
  ['B', 'Orders', 15_000],
  ['C', 'Orders', 4_000],
  ['A', 'Inquiries', 400],
  ['B', 'Inquiries', 600],
  ['C', 'Inquiries', 400],
  ['A', 'Credit checks', 500],
  ['B', 'Credit checks', 1_000],
  ['C', 'Credit checks', 1_000],
];

/** Time-driven: $560,000, 700,000 practical minutes, 8/44/50 minutes. */
export const KAPLAN_TIME: ModelSpec = {
  pools: [['Customer service', 560_000, 700_000]],
  activities: [
    ['Process customer orders', 'Customer service', 'Orders', 'minutes', 8],
    ['Handle customer inquiries', 'Customer service', 'Inquiries', 'minutes', 44],
    ['Perform credit checks', 'Customer service', 'Credit checks', 'minutes', 50],
  ],
  customers: KAPLAN_CUSTOMERS,
  volumes: KAPLAN_VOLUMES,
};

/** Conventional: the same department split 70/10/20 by a survey. */
export const KAPLAN_SHARE: ModelSpec = {
  pools: [['Customer service', 560_000]],
  activities: [
    ['Process customer orders', 'Customer service', 'Orders', 'share', 0.7],
    ['Handle customer inquiries', 'Customer service', 'Inquiries', 'share', 0.1],
    ['Perform credit checks', 'Customer service', 'Credit checks', 'share', 0.2],
  ],
  customers: KAPLAN_CUSTOMERS,
  volumes: KAPLAN_VOLUMES,
};
