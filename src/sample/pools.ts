/**
 * Pool names of the sample: the four operating departments, which do the work the activities describe,
 * and the three support departments, which pass their cost on to the others (ABC_Support).
 */

/** Operating pools: they have activities and, but for Administration, a practical capacity. */
export const POOLS = {
  sales: 'Inside sales',
  admin: 'Administration',
  warehouse: 'Warehouse',
  transport: 'Transport',
} as const;

/** Support pools: no activities and no capacity; their cost goes to the pools they serve. */
export const SUPPORT_POOLS = {
  it: 'IT',
  hr: 'HR & facilities',
  management: 'Management',
} as const;
