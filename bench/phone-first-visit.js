// First visit of a page on a phone, in a real Chromium (the one the browser tests use), through Playwright's own
// Node driver that the browser-test build ships: 390 × 844 CSS pixels at device pixel ratio 3 (an iPhone 12 to 15),
// no cache, nothing scrolled. Sums what went over the wire for every request the page made (bodies as transferred,
// headers excluded), by kind, and prints one JSON line.
//   node bench/phone-first-visit.js <playwright package dir> <url>
const [, , packageDir, url] = process.argv;
const { chromium } = require(packageDir);

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const requests = [];
  page.on("requestfinished", (request) => requests.push(request));
  await page.goto(url, { waitUntil: "networkidle" });
  const totals = { document: 0, stylesheet: 0, script: 0, image: 0, other: 0, requests: 0, thirdParty: 0 };
  const origin = new URL(url).origin;
  for (const request of requests) {
    const sizes = await request.sizes();
    const kind = ["document", "stylesheet", "script", "image"].includes(request.resourceType()) ? request.resourceType() : "other";
    totals[kind] += sizes.responseBodySize;
    totals.requests += 1;
    if (new URL(request.url()).origin !== origin) totals.thirdParty += 1;
  }
  console.log(JSON.stringify(totals));
  await browser.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
