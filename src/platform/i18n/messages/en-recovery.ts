// English messages for recovery (merged into the catalog by catalog.ts).
export const enRecovery = {} as const;
