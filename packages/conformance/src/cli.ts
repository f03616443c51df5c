#!/usr/bin/env node
// sipas-conformance https://endpoint --unit U [--kiosk-key K] [--staff user:pass] [--json]
import { parseArgs } from 'node:util';
import { formatReport, passed, runConformance, RULES } from './index.js';

const USAGE = `Kiểm tra một máy chủ SIPAS có tuân thủ hợp đồng không · Check a SIPAS endpoint against the contract

  sipas-conformance <endpoint> --unit <unit> [--kiosk-key <key>] [--staff <user:password>] [--json]

  <endpoint>      the backend's base URL, e.g. https://sipas.example.gov.vn/
  --unit          a unit the backend serves (the kit sends it test responses and feedback)
  --kiosk-key     a kiosk key of that unit: checks kiosk keys, and lifts the per-address limit for the kit
  --staff         a staff account of that unit (user:password): checks the feedback lifecycle
  --json          print the results as JSON instead of the report

Exit status: 0 when no rule fails, 1 when one does, 2 on wrong usage.
${RULES.length} rules; each prints pass, FAIL (with the request that failed) or n/a.
The kit writes to the backend: use a test unit, or a unit whose staff expect the test cases.`;

function usage(message?: string): never {
  if (message) console.error(`${message}\n`);
  console.error(USAGE);
  process.exit(2);
}

let parsedArgs;
try {
  parsedArgs = parseArgs({
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      'kiosk-key': { type: 'string' },
      staff: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  usage((error as Error).message);
}
const { values, positionals } = parsedArgs;
if (values.help) usage();
const endpoint = positionals[0];
if (!endpoint || positionals.length > 1) usage('Give exactly one endpoint URL.');
try {
  new URL(endpoint);
} catch {
  usage(`Not a URL: ${endpoint}`);
}
if (!values.unit) usage('--unit is required.');
let staff: { username: string; password: string } | undefined;
if (values.staff) {
  const colon = values.staff.indexOf(':');
  if (colon <= 0) usage('--staff takes user:password');
  staff = { username: values.staff.slice(0, colon), password: values.staff.slice(colon + 1) };
}

const results = await runConformance({
  endpoint,
  unit: values.unit,
  ...(values['kiosk-key'] ? { kioskKey: values['kiosk-key'] } : {}),
  ...(staff ? { staff } : {}),
  log: (line) => console.error(line),
});
console.log(values.json ? JSON.stringify(results, null, 2) : formatReport(results, { endpoint, unit: values.unit }));
process.exit(passed(results) ? 0 : 1);
