// The browser project's Jest environment: Node's, plus one thing. When a browser test fails, it prints what the
// last closed tab showed and which API calls it refused (recorded by openTab in ./browser.ts), so a failure on the
// CI box says *why* the awaited element never came (a refusal banner, a 409, a field error) and not only that it
// did not. Nothing is printed for passing tests.
const { TestEnvironment } = require('jest-environment-node');

class BrowserTestEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__sansheTabReports = [];
    // At test_done, after the afterEach hooks: files that close their tabs there are reported too.
    if (event.name === 'test_done' && event.test.errors.length > 0) {
      const reports = this.global.__sansheTabReports ?? [];
      if (reports.length) {
        process.stderr.write(`\n[browser] "${event.test.name}" failed; what its tabs showed when they closed:\n${reports.join('\n---\n')}\n`);
      }
    }
  }
}

module.exports = BrowserTestEnvironment;
