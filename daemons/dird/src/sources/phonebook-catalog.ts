/**
 * What the sources need to know of phonebooks (kept by the phonebook part of dird): a phonebook
 * source takes its name from its phonebook, which must be one of the source's tenant, and
 * answers the phonebook's name and description.
 */
export interface PhonebookSummary {
  uuid: string;
  tenantUuid: string;
  name: string;
  description: string | null;
}

export interface PhonebookCatalog {
  /** The phonebooks with these uuids, of these tenants only. */
  describe(tenantUuids: readonly string[], uuids: readonly string[]): Promise<Map<string, PhonebookSummary>>;
}

/** Until phonebooks are kept, there is none: a phonebook source cannot be created. */
export const noPhonebooks: PhonebookCatalog = { describe: async () => new Map() };
