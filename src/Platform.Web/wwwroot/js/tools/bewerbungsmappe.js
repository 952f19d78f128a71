// The Bewerbungsmappe: CV, cover letter and certificates (PDFs and photos) become one application PDF, entirely in
// this browser. Nothing is uploaded, nothing is stored: the files live in this page's memory until it is closed.
// Photos are drawn into a canvas (EXIF orientation applied by createImageBitmap), optionally made into a "scan" (grey,
// more contrast), and embedded as JPEG on A4; the JPEG quality and resolution are lowered step by step until the whole
// file fits the size the person chose. PDF pages are copied in as they are. pdf-lib (vendored, MIT) writes the file.
(() => {
  'use strict';
  const root = document.getElementById('mappe');
  if (!root || !window.PDFLib || !window.createImageBitmap || !window.Blob) {
    return;
  }

  const { PDFDocument, StandardFonts, degrees, rgb } = window.PDFLib;
  const texts = {};
  for (const span of document.querySelectorAll('#tool-texts [data-key]')) {
    texts[span.dataset.key] = span.textContent;
  }
  const t = (key, ...args) => (texts[key] || key).replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  const number = new Intl.NumberFormat(document.documentElement.lang || 'de', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const megabytes = (bytes) => number.format(bytes / (1024 * 1024));

  // A4 in PDF points, and a margin of about 1 cm around photos.
  const A4 = [595.28, 841.89];
  const MARGIN = 28;
  // From sharp and large to small: the first step whose file fits the target wins. Long side in pixels.
  const STEPS = [
    { side: 2000, quality: 0.85 }, { side: 1754, quality: 0.75 }, { side: 1600, quality: 0.65 },
    { side: 1400, quality: 0.55 }, { side: 1200, quality: 0.5 }, { side: 1000, quality: 0.45 },
    { side: 800, quality: 0.4 }, { side: 640, quality: 0.35 },
  ];

  const input = document.getElementById('mappe-dateien');
  const list = document.getElementById('mappe-seiten');
  const empty = document.getElementById('mappe-leer');
  const status = document.getElementById('mappe-status');
  const announce = document.getElementById('mappe-ansage');
  const scan = document.getElementById('mappe-scan');
  const target = document.getElementById('mappe-ziel');
  const cover = document.getElementById('mappe-deckblatt');
  const coverFields = document.getElementById('mappe-deckblatt-felder');
  const firstName = document.getElementById('mappe-vorname');
  const lastName = document.getElementById('mappe-nachname');
  const job = document.getElementById('mappe-stelle');
  const contact = document.getElementById('mappe-kontakt');
  const download = document.getElementById('mappe-download');
  const result = document.getElementById('mappe-ergebnis');

  /** @type {{id:number, kind:'image'|'pdf', name:string, bitmap?:ImageBitmap, pdf?:any, index?:number, count?:number, rotation:number, cache:Map}[]} */
  let pages = [];
  let nextId = 1;
  let generation = 0;
  let url = null;
  let timer = 0;

  root.hidden = false;
  for (const hide of document.querySelectorAll('[data-without-script]')) {
    hide.hidden = true;
  }

  const say = (text) => {
    announce.textContent = '';
    window.setTimeout(() => { announce.textContent = text; }, 50);
  };

  const pageName = (page) => page.kind === 'pdf'
    ? t('Mappe.Js.PdfPage', page.name, page.index + 1, page.count)
    : t('Mappe.Js.Photo', page.name);

  const render = (focus) => {
    list.replaceChildren();
    empty.hidden = pages.length > 0;
    pages.forEach((page, position) => {
      const item = document.createElement('li');
      item.className = 'mappe-seite';
      item.draggable = true;
      item.dataset.id = String(page.id);
      const preview = document.createElement('div');
      preview.className = 'mappe-vorschau';
      preview.setAttribute('aria-hidden', 'true');
      if (page.kind === 'image') {
        const canvas = document.createElement('canvas');
        const turned = page.rotation % 180 !== 0;
        const w = turned ? page.bitmap.height : page.bitmap.width;
        const h = turned ? page.bitmap.width : page.bitmap.height;
        const scale = 96 / Math.max(w, h);
        canvas.width = Math.max(1, Math.round(w * scale));
        canvas.height = Math.max(1, Math.round(h * scale));
        draw(canvas.getContext('2d'), page.bitmap, page.rotation, canvas.width, canvas.height);
        preview.append(canvas);
      } else {
        preview.textContent = 'PDF';
        preview.classList.add('mappe-vorschau-pdf');
        if (page.rotation) {
          preview.style.transform = `rotate(${page.rotation}deg)`;
        }
      }
      const label = document.createElement('p');
      label.className = 'mappe-name';
      label.textContent = t('Mappe.Js.Position', position + 1, pages.length) + ' · ' + pageName(page)
        + (page.rotation ? ' · ' + t('Mappe.Js.Rotated', page.rotation) : '');
      const actions = document.createElement('div');
      actions.className = 'mappe-aktionen';
      const button = (action, text, disabled) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'button secondary';
        b.dataset.action = action;
        b.textContent = text;
        const hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = ' ' + t('Mappe.Js.PageLabel', position + 1);
        b.append(hidden);
        b.disabled = disabled;
        actions.append(b);
        return b;
      };
      button('up', t('Mappe.Js.Up'), position === 0);
      button('down', t('Mappe.Js.Down'), position === pages.length - 1);
      button('rotate', t('Mappe.Js.Rotate'), false);
      button('remove', t('Mappe.Js.Remove'), false);
      item.append(preview, label, actions);
      list.append(item);
    });
    if (focus) {
      const item = list.querySelector(`li[data-id="${focus.id}"]`);
      const wanted = item && item.querySelector(`button[data-action="${focus.action}"]`);
      const target = wanted && !wanted.disabled ? wanted : item && item.querySelector('button:not([disabled])');
      (target || input).focus();
    }
    schedule();
  };

  // Draws the bitmap turned clockwise by rotation degrees into a width × height area.
  const draw = (context, bitmap, rotation, width, height) => {
    context.save();
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.translate(width / 2, height / 2);
    context.rotate((rotation * Math.PI) / 180);
    const turned = rotation % 180 !== 0;
    context.drawImage(bitmap, -(turned ? height : width) / 2, -(turned ? width : height) / 2, turned ? height : width, turned ? width : height);
    context.restore();
  };

  const toScan = (context, width, height) => {
    const image = context.getImageData(0, 0, width, height);
    const d = image.data;
    for (let i = 0; i < d.length; i += 4) {
      const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      const v = Math.max(0, Math.min(255, (y - 128) * 1.6 + 150));
      d[i] = d[i + 1] = d[i + 2] = v;
    }
    context.putImageData(image, 0, 0);
  };

  const blobBytes = (canvas, quality) => new Promise((resolve, reject) => canvas.toBlob(
    (blob) => (blob ? blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject) : reject(new Error('toBlob'))),
    'image/jpeg',
    quality));

  // The JPEG of a photo page at one step, kept while the page is open so that changing the order costs nothing.
  const encode = async (page, step, asScan) => {
    const key = `${step.side}/${step.quality}/${page.rotation}/${asScan}`;
    if (page.cache.has(key)) {
      return page.cache.get(key);
    }
    const turned = page.rotation % 180 !== 0;
    const w = turned ? page.bitmap.height : page.bitmap.width;
    const h = turned ? page.bitmap.width : page.bitmap.height;
    const scale = Math.min(1, step.side / Math.max(w, h));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * scale));
    canvas.height = Math.max(1, Math.round(h * scale));
    const context = canvas.getContext('2d', { willReadFrequently: asScan });
    draw(context, page.bitmap, page.rotation, canvas.width, canvas.height);
    if (asScan) {
      toScan(context, canvas.width, canvas.height);
    }
    const jpeg = { bytes: await blobBytes(canvas, step.quality), width: canvas.width, height: canvas.height };
    canvas.width = canvas.height = 0;
    page.cache.set(key, jpeg);
    return jpeg;
  };

  const fileName = () => {
    const clean = (s) => s.normalize('NFC').trim().replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '');
    const parts = [clean(lastName.value), clean(firstName.value)].filter((p) => p.length > 0);
    return ['Bewerbung', ...parts].join('_') + '.pdf';
  };

  // Text the standard PDF font (WinAnsi) can write; anything else (Arabic, Cyrillic …) goes onto the cover as an image.
  const winAnsi = (s) => /^[\u0020-\u007e\u00a0-\u00ff€–—„“”‚‘’•…]*$/.test(s);

  const coverLines = (pageCount) => {
    const lines = [{ text: 'Bewerbung', size: 30 }];
    if (job.value.trim()) {
      lines.push({ text: 'als ' + job.value.trim(), size: 18 });
    }
    const name = [firstName.value.trim(), lastName.value.trim()].filter(Boolean).join(' ');
    if (name) {
      lines.push({ text: name, size: 16, gap: 40 });
    }
    if (contact.value.trim()) {
      lines.push({ text: contact.value.trim(), size: 12 });
    }
    lines.push({ text: `Umfang: ${pageCount} Seiten`, size: 11, gap: 40 });
    return lines;
  };

  const addCover = async (doc, pageCount) => {
    const page = doc.addPage(A4);
    const lines = coverLines(pageCount);
    if (lines.every((l) => winAnsi(l.text))) {
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const bold = await doc.embedFont(StandardFonts.HelveticaBold);
      let y = A4[1] - 200;
      lines.forEach((line, i) => {
        y -= (line.gap || 12) + line.size;
        page.drawText(line.text, { x: 72, y, size: line.size, font: i === 0 ? bold : font, color: rgb(0.1, 0.1, 0.1), maxWidth: A4[0] - 144 });
      });
      return;
    }
    // Scripts the standard font lacks: the device's own fonts draw the cover, which goes in as a picture.
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(A4[0] * scale);
    canvas.height = Math.round(A4[1] * scale);
    const c = canvas.getContext('2d');
    c.fillStyle = '#ffffff';
    c.fillRect(0, 0, canvas.width, canvas.height);
    c.fillStyle = '#1a1a1a';
    c.textBaseline = 'alphabetic';
    let y = 200;
    lines.forEach((line, i) => {
      y += (line.gap || 12) + line.size;
      c.font = `${i === 0 ? 'bold ' : ''}${line.size * scale}px sans-serif`;
      c.fillText(line.text, 72 * scale, y * scale, (A4[0] - 144) * scale);
    });
    const image = await doc.embedJpg(await blobBytes(canvas, 0.9));
    page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
  };

  const build = async (step, asScan) => {
    const doc = await PDFDocument.create();
    const title = 'Bewerbung' + (job.value.trim() ? ' als ' + job.value.trim() : '');
    doc.setTitle(title, { showInWindowTitleBar: true });
    doc.setCreator('Bewerbungsmappe');
    doc.setProducer('pdf-lib');
    doc.setLanguage('de');
    if (cover.checked) {
      await addCover(doc, pages.length + 1);
    }
    for (const page of pages) {
      if (page.kind === 'pdf') {
        const [copy] = await doc.copyPages(page.pdf, [page.index]);
        if (page.rotation) {
          copy.setRotation(degrees((copy.getRotation().angle + page.rotation) % 360));
        }
        doc.addPage(copy);
        continue;
      }
      const jpeg = await encode(page, step, asScan);
      const image = await doc.embedJpg(jpeg.bytes);
      const size = jpeg.width > jpeg.height ? [A4[1], A4[0]] : A4;
      const pdfPage = doc.addPage(size);
      const fit = Math.min((size[0] - 2 * MARGIN) / jpeg.width, (size[1] - 2 * MARGIN) / jpeg.height);
      const w = jpeg.width * fit;
      const h = jpeg.height * fit;
      pdfPage.drawImage(image, { x: (size[0] - w) / 2, y: (size[1] - h) / 2, width: w, height: h });
    }
    return doc.save();
  };

  const publish = (bytes, limit) => {
    if (url) {
      URL.revokeObjectURL(url);
    }
    url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    const name = fileName();
    const count = pages.length + (cover.checked ? 1 : 0);
    download.href = url;
    download.download = name;
    download.hidden = false;
    download.textContent = t('Mappe.Js.Download', name);
    download.dataset.bytes = String(bytes.length);
    result.textContent = t(count === 1 ? 'Mappe.Js.ReadyOne' : 'Mappe.Js.Ready', count, megabytes(bytes.length), megabytes(limit));
    result.dataset.state = bytes.length <= limit ? 'fits' : 'too-big';
    if (bytes.length > limit) {
      result.textContent += ' ' + t('Mappe.Js.TooBig');
    }
  };

  const rebuild = async () => {
    const mine = ++generation;
    if (pages.length === 0) {
      download.hidden = true;
      download.removeAttribute('href');
      result.textContent = '';
      delete result.dataset.state;
      status.textContent = '';
      return;
    }
    status.textContent = t('Mappe.Js.Working');
    download.hidden = true;
    delete result.dataset.state;
    const limit = Number(target.value) * 1024 * 1024;
    const asScan = scan.checked;
    try {
      let bytes = null;
      for (const step of (pages.some((p) => p.kind === 'image') ? STEPS : STEPS.slice(0, 1))) {
        bytes = await build(step, asScan);
        if (mine !== generation) {
          return;
        }
        if (bytes.length <= limit) {
          break;
        }
      }
      status.textContent = '';
      publish(bytes, limit);
    } catch (error) {
      if (mine === generation) {
        status.textContent = t('Mappe.Js.BuildFailed');
      }
    }
  };

  const schedule = () => {
    window.clearTimeout(timer);
    generation++;
    timer = window.setTimeout(rebuild, 300);
  };

  const add = async (files) => {
    status.textContent = t('Mappe.Js.Reading');
    const problems = [];
    let added = 0;
    for (const file of files) {
      try {
        if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) {
          const pdf = await PDFDocument.load(await file.arrayBuffer(), { ignoreEncryption: true, updateMetadata: false });
          const count = pdf.getPageCount();
          for (let index = 0; index < count; index++) {
            pages.push({ id: nextId++, kind: 'pdf', name: file.name, pdf, index, count, rotation: 0, cache: new Map() });
          }
          added += count;
        } else {
          const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
          pages.push({ id: nextId++, kind: 'image', name: file.name, bitmap, rotation: 0, cache: new Map() });
          added += 1;
        }
      } catch (error) {
        problems.push(file.name);
      }
    }
    input.value = '';
    status.textContent = problems.length ? t('Mappe.Js.Unreadable', problems.join(', ')) : '';
    say(t('Mappe.Js.Added', added, pages.length));
    render();
  };

  const move = (from, to) => {
    const [page] = pages.splice(from, 1);
    pages.splice(to, 0, page);
    return page;
  };

  input.addEventListener('change', () => add([...input.files]));

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) {
      return;
    }
    const id = Number(button.closest('li').dataset.id);
    const position = pages.findIndex((p) => p.id === id);
    const page = pages[position];
    const action = button.dataset.action;
    if (action === 'up' && position > 0) {
      move(position, position - 1);
      say(t('Mappe.Js.Moved', pageName(page), position));
    } else if (action === 'down' && position < pages.length - 1) {
      move(position, position + 1);
      say(t('Mappe.Js.Moved', pageName(page), position + 2));
    } else if (action === 'rotate') {
      page.rotation = (page.rotation + 90) % 360;
      say(t('Mappe.Js.Rotated', page.rotation));
    } else if (action === 'remove') {
      pages.splice(position, 1);
      if (page.bitmap) {
        page.bitmap.close();
      }
      say(t('Mappe.Js.Removed', pageName(page)));
      const next = pages[Math.min(position, pages.length - 1)];
      render(next ? { id: next.id, action: 'remove' } : null);
      if (!next) {
        input.focus();
      }
      return;
    }
    render({ id, action });
  });

  // Drag and drop with a mouse or finger; the buttons do the same for keyboards and screen readers.
  let dragged = null;
  list.addEventListener('dragstart', (event) => {
    const item = event.target.closest('li');
    dragged = item ? Number(item.dataset.id) : null;
    if (item) {
      item.classList.add('mappe-zieht');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', item.dataset.id);
    }
  });
  list.addEventListener('dragover', (event) => {
    if (dragged !== null) {
      event.preventDefault();
    }
  });
  list.addEventListener('drop', (event) => {
    event.preventDefault();
    const item = event.target.closest('li');
    if (dragged === null || !item) {
      return;
    }
    const from = pages.findIndex((p) => p.id === dragged);
    const to = pages.findIndex((p) => p.id === Number(item.dataset.id));
    if (from >= 0 && to >= 0 && from !== to) {
      const page = move(from, to);
      say(t('Mappe.Js.Moved', pageName(page), to + 1));
      render();
    }
    dragged = null;
  });
  list.addEventListener('dragend', () => {
    dragged = null;
    for (const item of list.querySelectorAll('.mappe-zieht')) {
      item.classList.remove('mappe-zieht');
    }
  });

  const toggleCover = () => {
    coverFields.hidden = !cover.checked;
  };
  cover.addEventListener('change', () => {
    toggleCover();
    schedule();
  });
  toggleCover();
  for (const control of [scan, target, firstName, lastName, job, contact]) {
    control.addEventListener(control.tagName === 'INPUT' && control.type === 'text' ? 'input' : 'change', schedule);
  }

  // Nothing stays behind: the link's file is let go when the page closes.
  window.addEventListener('pagehide', () => {
    if (url) {
      URL.revokeObjectURL(url);
    }
    pages = [];
  });

  render();
})();
