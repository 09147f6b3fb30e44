/**
 * Customers: one record per person or organisation with every identity on every channel, custom fields,
 * consent, value score and tier, one timeline of everything about them, duplicates and merging, search,
 * CSV import and privacy. Other modules use only what this file exports.
 */
import { type CustomersDeps, createContext } from './context.ts';
import { customerRoutes } from './customers-routes.ts';
import { createCustomerService } from './customers-service.ts';
import { createDemo } from './demo.ts';
import { createDuplicatesService } from './duplicates-service.ts';
import { createFacts } from './facts.ts';
import { createFieldsService } from './fields-service.ts';
import { importRoutes } from './import-routes.ts';
import { createImportService } from './import-service.ts';
import { createMergeService } from './merge-service.ts';
import { createNightlyRunner } from './nightly-runner.ts';
import { createPrivacyService } from './privacy-service.ts';
import { profileRoutes } from './profile-routes.ts';
import { createProfileService } from './profile-service.ts';
import { createSearchService } from './search-service.ts';
import { settingsRoutes } from './settings-routes.ts';
import { createTimelineService } from './timeline-service.ts';
import { createValueService } from './value-service.ts';

export type { CustomersDeps } from './context.ts';
export type { CustomerChanges, NewCustomer } from './customers-service.ts';
export { type DemoOptions, seedDemoCustomers } from './demo.ts';
export { DEMO_NAMES } from './demo-data.ts';
export type { ImportProgress } from './import-service.ts';
export type { CustomerMerge, MergeHook } from './merge-service.ts';
export type { Customer, Identity } from './store.ts';
export { recordTimelineEntry, type TimelineEntry, type TimelineEntryInput } from './timeline-service.ts';
export {
  CONSENT_CHANNELS,
  type ConsentChannel,
  type CustomerSummary,
  IDENTITY_KINDS,
  type IdentityKind,
} from './types.ts';
export { DEFAULT_VALUE_RULE, type ValueRule } from './value.ts';
export type { PurchaseInput } from './value-service.ts';

/**
 * Wires the customers module: its services and its routes (to mount under /api/v1).
 * @example
 * const customers = createCustomers({ db, uow, clock, newId, workspaces, users: identity.users });
 * for (const routes of customers.routes) await api.register(routes);
 * const { customer } = await customers.findOrCreateByIdentity(workspaceId, { kind: 'email', value: from }, { name });
 */
export function createCustomers(deps: CustomersDeps) {
  const ctx = createContext(deps);
  const customers = createCustomerService(ctx);
  const search = createSearchService(ctx);
  const timeline = createTimelineService(ctx);
  const duplicates = createDuplicatesService(ctx);
  const merge = createMergeService(ctx, { customers, duplicates });
  const profile = createProfileService(ctx, { customers });
  const value = createValueService(ctx);
  const privacy = createPrivacyService(ctx);
  const fields = createFieldsService(ctx);
  const imports = createImportService(ctx);
  const facts = createFacts(ctx);
  const routes = [
    customerRoutes({ customers, search, privacy, value }),
    profileRoutes({ timeline, profile, duplicates, merge }),
    settingsRoutes({ fields, value }),
    importRoutes(imports),
  ];
  return {
    /**
     * The customer behind an identity, created with `defaults` when none has it: what channel adapters call.
     * @example await customers.findOrCreateByIdentity(ws, { kind: 'whatsapp', value: '+573001234567' }, { name: 'Ana' })
     */
    findOrCreateByIdentity: customers.findOrCreateByIdentity,
    /**
     * Name, language, tier, score, owner and do-not-contact channels, following merges; 404 when unknown.
     * @example const { tier, score, doNotContact } = await customers.getCustomerSummary(ws, id);
     */
    getCustomerSummary: customers.getCustomerSummary,
    /**
     * The customer behind an identity, or null: one indexed lookup.
     * @example await customers.findByIdentity(ws, 'phone', '300 123 4567')
     */
    findByIdentity: customers.findByIdentity,
    /**
     * Records a purchase in the caller's transaction: timeline entry, value and tier follow.
     * @example await uow.run((tx, record) => customers.recordPurchase(tx, record, { workspaceId, customerId, at, amount: 250000, currency: 'COP', refId: order.id }))
     */
    recordPurchase: value.recordPurchase,
    /**
     * The nightly value batch over every workspace (scores, tier cut-offs, tiers).
     * @example await customers.recomputeValuesNightly()
     */
    recomputeValuesNightly: value.nightly,
    /**
     * Schedules the nightly value batch in each workspace's own night (03:00–06:00 local time).
     * @example customers.nightly.start(); app.addHook('onClose', () => customers.nightly.stop());
     */
    nightly: createNightlyRunner(ctx, value),
    /**
     * Adds what another module does inside every merge's transaction: re-point its rows to the survivor.
     * A hook that throws rolls the merge back, so nothing is left half-moved.
     * @example customers.onMerge({ name: 'interactions', move: (tx, m) => interactions.reassignCustomer(tx, m) })
     */
    onMerge: merge.onMerge,
    /**
     * A customer's custom-field values; 404 when unknown.
     * @example const { segmento } = await customers.customFields(ws, id);
     */
    customFields: facts.customFields,
    /**
     * The keys of the workspace's custom fields (what scripts may read as `customer.field.<key>`).
     * @example await customers.fieldKeys(ws) // ['segmento', 'millas']
     */
    fieldKeys: facts.fieldKeys,
    /**
     * The values a customer is reached at on one kind of identity, oldest first.
     * @example await customers.identityValues(ws, id, 'email') // ['ana@example.co']
     */
    identityValues: facts.identityValues,
    /**
     * Up to `limit` live customers with their tier, in id order.
     * @example await customers.sample(ws, 1000)
     */
    sample: facts.sample,
    /** Seeds the demo customers (see `seedDemoCustomers`). */
    seedDemo: createDemo(ctx, { fields, value }),
    services: { customers, search, timeline, duplicates, merge, profile, value, privacy, fields, imports },
    routes,
  };
}

export type Customers = ReturnType<typeof createCustomers>;
