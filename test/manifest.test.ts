/** The development manifest (manifest.xml, https://localhost:3000/) passes the offline manifest checks. */
import fs from 'fs';
import path from 'path';
import { describeManifestChecks } from './helpers/manifest-checks';

const ROOT = path.resolve(__dirname, '..');

describeManifestChecks('manifest.xml', () => ({ xml: fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), base: 'https://localhost:3000/', filesRoot: ROOT }));
