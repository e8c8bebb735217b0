/** Types of scripts/hosting-headers.js (plain CommonJS) for the tests. */
export const CONTENT_SECURITY_POLICY: string;
export const REVALIDATE: string;
export const FOREVER: string;
export function headersFor(file: string): Record<string, string>;
