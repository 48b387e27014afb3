// Says loudly, once per run, when the PostgreSQL half of the database tests is skipped.
export default function setup(): void {
  if (!process.env.TEST_DATABASE_URL) {
    const line = '!'.repeat(78);
    console.warn(
      `\n${line}\n!! TEST_DATABASE_URL is not set: every PostgreSQL database test is SKIPPED.\n!! Set it, e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test\n${line}\n`,
    );
  }
}
