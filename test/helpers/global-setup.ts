/** Builds the migrated template database once per test run. */
export default async function setup() {
  process.env.NODEPREP_TEST_RUN ??= `${process.pid}_${Date.now().toString(36)}`;
  const { prepareTemplate } = await import('./databases.js');
  return prepareTemplate();
}
