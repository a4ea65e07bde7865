/** Standard base64 (RFC 4648), padded. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Whether a value from a message is padded base64 of at most `maxChars` characters (the empty string counts). */
export function isBase64(value: unknown, maxChars: number): value is string {
  return typeof value === 'string' && value.length <= maxChars && value.length % 4 === 0 && BASE64.test(value);
}
