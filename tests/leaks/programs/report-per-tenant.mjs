// Runs the reports of report-per-tenant.lib.mjs (or of the module REPORT_MODULE names: the codemod's
// output) against the database in DATABASE_URL.
//
// Run as a script: DATABASE_URL=postgres://… node report-per-tenant.mjs <N>
// It runs N reports, ten at a time, prints one JSON line {"program","n","served"} and then keeps
// running — its clients alive — until stdin closes, so the test can count the server-side connections.
const { tenantReport } = await import(process.env.REPORT_MODULE ?? './report-per-tenant.lib.mjs');

const n = Number(process.argv[2] ?? 50);
const config = { connectionString: process.env.DATABASE_URL };
let served = 0;
for (let index = 0; index < n; index += 10) {
  const batch = Array.from({ length: Math.min(10, n - index) }, (_, offset) => index + offset);
  const rows = await Promise.all(batch.map((id) => tenantReport(config, id)));
  served += rows.filter((row, offset) => row.id === batch[offset]).length;
}
console.log(JSON.stringify({ program: 'report-per-tenant', n, served }));
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
