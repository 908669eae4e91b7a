import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (a test tool's own browser download fails on this network), shared by
 * the browser tests and the page-load bench. It lives here because the build compiles bench/ and not test/. The
 * background-networking flags stop Chromium calling Google at start, which this machine's closed network refuses.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
