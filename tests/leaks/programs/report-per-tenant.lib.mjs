// A report job that makes and connects a pg Client from the configuration its caller passes (one
// database per tenant) and never ends it: each report leaves a connection open on the database
// server. A client made from a caller's object cannot be shared, so `singleton-client` closes it
// where it is made (`try`/`finally`) — off hot paths, where closing per call is no churn to report.
// report-per-tenant.mjs runs it (the driver's loop lives there: in this file it would make the
// report a hot path, where closing per call is churn the rule reports).
import pg from 'pg';

export async function tenantReport(config, tenant) {
  const client = new pg.Client(config);
  client.on('error', (error) => console.error('pg', error.message));
  await client.connect();
  const { rows } = await client.query('select $1::int as id', [tenant]);
  return rows[0];
}
