/** Types of scripts/manifest-for-url.js (plain CommonJS, used by webpack.config.js) for the tests. */
export interface AddinFields {
  provider: string;
  supportUrl: string;
  icons?: Record<string, string>;
}
export interface PackageFields {
  version: string;
  addin: AddinFields;
}
export const DEV_ORIGIN: string;
export class DeployError extends Error {}
export function normaliseBaseUrl(raw: string): string;
export function officeVersion(semver: string): string;
export function applyPackageFields(xml: string, base: string, options: PackageFields): string;
export function manifestForUrl(devXml: string, options: PackageFields & { baseUrl: string; id?: string }): string;
