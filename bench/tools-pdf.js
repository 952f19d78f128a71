// The Bewerbungsmappe in a real headless Chromium (the one the browser tests use), through Playwright's Node driver:
// what the page loads beyond the feed (bytes on the wire, headers excluded), and the time to build a 12-page PDF
// from a 2-page PDF and 10 phone-sized photos (4000 × 3000 = 12 MP, drawn and JPEG-encoded in the page, as a phone's
// camera would hand them over) at the default target of 5 MB, with the resulting size. Prints one JSON line.
//   node bench/tools-pdf.js <playwright package dir> <tenant base url>
const [, , packageDir, base] = process.argv;
const { chromium } = require(packageDir);

const weigh = async (context, url) => {
  const page = await context.newPage();
  const requests = [];
  page.on("requestfinished", (request) => requests.push(request));
  await page.goto(url, { waitUntil: "networkidle" });
  const totals = { document: 0, stylesheet: 0, script: 0, other: 0 };
  for (const request of requests) {
    if (request.resourceType() === "image") continue;
    const sizes = await request.sizes();
    const kind = ["document", "stylesheet", "script"].includes(request.resourceType()) ? request.resourceType() : "other";
    totals[kind] += sizes.responseBodySize;
  }
  await page.close();
  return totals;
};

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
  const result = {};
  for (const [name, path] of [["feed", ""], ["mappe", "bewerbungsmappe"], ["video", "video-check"]]) {
    const context = await browser.newContext();
    result[name] = await weigh(context, base + path);
    await context.close();
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + "bewerbungsmappe", { waitUntil: "networkidle" });
  const input = await page.evaluate(async () => {
    const files = [];
    const doc = await PDFLib.PDFDocument.create();
    const font = await doc.embedFont(PDFLib.StandardFonts.Helvetica);
    for (let i = 1; i <= 2; i++) {
      doc.addPage([595.28, 841.89]).drawText(`Lebenslauf Seite ${i}`, { x: 72, y: 720, size: 14, font });
    }
    files.push(new File([await doc.save()], "Lebenslauf.pdf", { type: "application/pdf" }));
    let bytes = 0;
    for (let n = 1; n <= 10; n++) {
      // A sheet of paper photographed on a table: a shaded page, lines of "text", sensor noise.
      const canvas = document.createElement("canvas");
      canvas.width = 4000; canvas.height = 3000;
      const c = canvas.getContext("2d");
      const g = c.createLinearGradient(0, 0, 4000, 3000);
      g.addColorStop(0, "#6b5a4a"); g.addColorStop(1, "#3d3128");
      c.fillStyle = g; c.fillRect(0, 0, 4000, 3000);
      c.fillStyle = "#eeeae2"; c.fillRect(600, 150, 2800, 2700);
      c.fillStyle = "#2a2a2a"; c.font = "48px serif";
      for (let y = 400; y < 2700; y += 80) c.fillText(`Zeugnis ${n} – Zeile ${y / 80} mit Text, Noten und Unterschrift ………`, 700, y);
      const image = c.getImageData(0, 0, 4000, 3000);
      let seed = n;
      for (let i = 0; i < image.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const d = (seed & 15) - 8;
        image.data[i] += d; image.data[i + 1] += d; image.data[i + 2] += d;
      }
      c.putImageData(image, 0, 0);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
      bytes += blob.size;
      files.push(new File([blob], `Zeugnis-${n}.jpg`, { type: "image/jpeg" }));
    }
    window.__benchFiles = files;
    return { photoBytes: bytes };
  });
  const started = Date.now();
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    for (const file of window.__benchFiles) transfer.items.add(file);
    const field = document.getElementById("mappe-dateien");
    field.files = transfer.files;
    field.dispatchEvent(new Event("change"));
  });
  await page.waitForSelector("#mappe-ergebnis[data-state]", { timeout: 600000 });
  const seconds = (Date.now() - started) / 1000;
  const pdf = await page.evaluate(() => ({
    bytes: Number(document.getElementById("mappe-download").dataset.bytes),
    state: document.getElementById("mappe-ergebnis").dataset.state,
    text: document.getElementById("mappe-ergebnis").textContent,
  }));
  console.log(JSON.stringify({ ...result, build: { seconds, photoBytes: input.photoBytes, ...pdf } }));
  await browser.close();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
