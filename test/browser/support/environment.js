// The browser project's Jest environment: Node's, plus two things.
// - When a browser test fails, it prints what the tabs showed and which API calls they refused (recorded by openTab
//   in ./browser.ts), so a failure on the CI box says *why* the awaited element never came (a refusal banner, a 409,
//   a field error) and not only that it did not. Nothing is printed for passing tests.
// - A browser test that failed and then passed on its one retry (./retry.ts) is written to
//   test-artifacts/browser-retries.log, which `npm test` prints at the end of the run: a retry that was needed is a
//   defect (a race in the page or the test) to be found from the report printed for the failed attempt, not noise.
const fs = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

const RETRIES_LOG = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'browser-retries.log');

const fullName = (test) => {
  const names = [];
  for (let t = test; t && t.name !== 'ROOT_DESCRIBE_BLOCK'; t = t.parent) names.unshift(t.name);
  return names.join(' › ');
};

class BrowserTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__sansheTabReports = [];
    if (event.name === 'test_retry') this.global.__sansheTabReports = [];
    // At test_done, after the afterEach hooks: files that close their tabs there are reported too. test_done comes
    // once per attempt, so a failed attempt that is retried is reported as well.
    if (event.name === 'test_done') {
      const failed = event.test.errors.length > 0;
      const attempt = event.test.invocations ?? 1;
      if (failed) {
        const reports = this.global.__sansheTabReports ?? [];
        if (reports.length) {
          process.stderr.write(`\n[browser] "${event.test.name}" failed (attempt ${attempt}); what its tabs showed when they closed:\n${reports.join('\n---\n')}\n`);
        }
      } else if (attempt > 1) {
        const line = `${new Date().toISOString()} ${path.relative(process.cwd(), this.testPath)} › ${fullName(event.test)}: passed on attempt ${attempt}; the failed attempt's report is in the log above\n`;
        fs.mkdirSync(path.dirname(RETRIES_LOG), { recursive: true });
        fs.appendFileSync(RETRIES_LOG, line);
        process.stderr.write(`\n[browser] RETRIED: ${line}`);
      }
    }
  }
}

module.exports = BrowserTestEnvironment;
