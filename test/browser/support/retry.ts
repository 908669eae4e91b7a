// One retry for a browser test, right after the failed attempt (so a file's tests keep their order).
//
// Why: a browser test waits on dozens of things a person would see; on CI's shared, loaded 2-core box a page that is
// correct can still lose a race with the test (each one found so far was a real race and was fixed in the page or the
// test — see the closing notes of issue 9), and one such loss among ~50 browser tests turned a whole run red. The
// retry keeps that from hiding the rest of a green run, and it hides nothing: the failed attempt's error and its tabs'
// report are printed, and `npm test` lists every test that needed its retry at the end of the run
// (test-artifacts/browser-retries.log). A test that fails twice fails the run. Only the browser project retries;
// unit, integration and e2e tests never do. BROWSER_TEST_RETRIES=0 turns it off (a developer chasing a race).
const retries = Number(process.env.BROWSER_TEST_RETRIES ?? 1);
if (retries > 0) jest.retryTimes(retries, { logErrorsBeforeRetry: true, retryImmediately: true });
