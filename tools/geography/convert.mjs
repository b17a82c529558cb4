// Converts the official geography of @etalab/decoupage-administratif into the compact
// tab-separated files that the territory migration loads (src/main/resources/territory/).
// Run once per yearly release of the package:
//   cd tools/geography && npm install && node convert.mjs
// Only France's 101 départements and 18 regions are kept (zones "metro" and "drom"); the
// overseas collectivities (zone "com") have no Caf. Only current communes are kept
// (type "commune-actuelle"): former and delegated communes and the municipal districts of
// Paris, Lyon and Marseille are left out.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = '@etalab/decoupage-administratif';
const version = require(`${pkg}/package.json`).version;
const load = (name) => require(`${pkg}/data/${name}.json`);
const inFrance = (row) => row.zone === 'metro' || row.zone === 'drom';
const out = '../../src/main/resources/territory';
const clean = (text) => String(text).replace(/[\t\r\n]/g, ' ');

const regions = load('regions').filter(inFrance);
const departements = load('departements').filter(inFrance);
const departementCodes = new Set(departements.map((d) => d.code));
const communes = load('communes').filter(
  (c) => c.type === 'commune-actuelle' && departementCodes.has(c.departement));

const write = (name, header, rows) => {
  const lines = [header.join('\t'), ...rows.map((r) => r.map(clean).join('\t'))];
  writeFileSync(`${out}/${name}.tsv`, lines.join('\n') + '\n', 'utf8');
  console.log(`${name}: ${rows.length} rows`);
};

write('regions', ['code', 'name', 'zone'], regions.map((r) => [r.code, r.nom, r.zone]));
write('departements', ['code', 'name', 'region_code', 'zone'],
  departements.map((d) => [d.code, d.nom, d.region, d.zone]));
write('communes', ['code', 'name', 'departement_code', 'region_code', 'postal_codes', 'population'],
  communes.map((c) => [c.code, c.nom, c.departement, c.region,
    (c.codesPostaux ?? []).join(' '), c.population ?? '']));

writeFileSync(`${out}/SOURCE.md`, readFileSync('SOURCE.template.md', 'utf8')
  .replaceAll('{{version}}', version)
  .replaceAll('{{regions}}', regions.length)
  .replaceAll('{{departements}}', departements.length)
  .replaceAll('{{communes}}', communes.length));
