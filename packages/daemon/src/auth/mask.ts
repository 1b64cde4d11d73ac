/**
 * Tokens in logs keep only their last 8 characters, in the shape Wazo's own logs use, so a line can
 * be matched to a token by its owner without the log being usable as a credential.
 */
export function maskToken(token: string): string {
  return `XXXXXXXX-XXXX-XXXX-XXXX-XXXX${token.slice(-8)}`;
}
