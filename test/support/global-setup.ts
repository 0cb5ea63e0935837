/** Says once, up front, which databases the database-backed suites run on. */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('\n[fengqiao] PostgreSQL was not configured (TEST_DATABASE_URL is unset): database tests run on SQLite only.\n');
    return;
  }
  console.log(`\n[fengqiao] Database tests run on SQLite and on PostgreSQL (${url.replace(/:[^:@/]*@/, ':***@')}).\n`);
}
