// node:crypto, loaded on first use: loading it takes about 10 ms, which the
// extension would otherwise pay while it activates (README, "Activation").
const crypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto');

export const randomUUID = (): string => crypto().randomUUID();
export const randomBytes = (size: number): Buffer => crypto().randomBytes(size);
export const createHash = (algorithm: string): import('node:crypto').Hash => crypto().createHash(algorithm);
