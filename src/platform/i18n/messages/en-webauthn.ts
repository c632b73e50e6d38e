// English messages for webauthn (merged into the catalog by catalog.ts).
export const enWebauthn = {} as const;
