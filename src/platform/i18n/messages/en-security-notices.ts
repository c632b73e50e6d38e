// English messages for security-notices (merged into the catalog by catalog.ts).
export const enSecurityNotices = {} as const;
