// The Video-Check: camera and microphone (getUserMedia) with a live preview and a level meter, light and framing hints
// computed from small frames on the device, a network check against the platform's own netzcheck endpoint, and a
// practice answer recorded with MediaRecorder and played back from memory. Nothing of the picture or sound is sent
// or stored; the recording is gone when it is deleted or the page is closed.
(() => {
  'use strict';
  const root = document.getElementById('video');
  if (!root) {
    return;
  }

  const texts = {};
  for (const span of document.querySelectorAll('#tool-texts [data-key]')) {
    texts[span.dataset.key] = span.textContent;
  }
  const t = (key, ...args) => (texts[key] || key).replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  const $ = (id) => document.getElementById(id);

  root.hidden = false;
  for (const hide of document.querySelectorAll('[data-without-script]')) {
    hide.hidden = true;
  }

  const start = $('video-start');
  const stop = $('video-stop');
  const error = $('video-fehler');
  const status = $('video-status');
  const preview = $('video-vorschau');
  const meter = $('video-pegel');
  const light = $('video-licht');
  const middle = $('video-mitte');
  const net = $('video-netz');
  const netResult = $('video-netz-ergebnis');
  const question = $('video-frage');
  const next = $('video-naechste');
  const record = $('video-aufnahme');
  const recordStop = $('video-aufnahme-stopp');
  const recordStatus = $('video-aufnahme-status');
  const playbackArea = $('video-wiedergabe-bereich');
  const playback = $('video-wiedergabe');
  const remove = $('video-loeschen');

  let stream = null;
  let audio = null;
  let frameTimer = 0;
  let levelFrame = 0;
  let recorder = null;
  let recordingUrl = null;
  let countdown = 0;

  // A rotating list of typical questions: a different one on each visit and each tap on "Andere Frage".
  const questions = Object.keys(texts).filter((k) => k.startsWith('Video.Js.Question')).sort().map((k) => texts[k]);
  let current = questions.length ? Math.floor(Math.random() * questions.length) : 0;
  const showQuestion = () => {
    question.textContent = questions[current] || '';
  };
  next.addEventListener('click', () => {
    current = (current + 1) % Math.max(1, questions.length);
    showQuestion();
  });
  showQuestion();

  const fail = (key, extra) => {
    error.replaceChildren();
    const first = document.createElement('p');
    first.textContent = t(key);
    error.append(first);
    for (const more of extra || []) {
      const p = document.createElement('p');
      p.textContent = t(more);
      error.append(p);
    }
    error.dataset.reason = key;
  };

  const reasonOf = (e) => {
    switch (e && e.name) {
      case 'NotAllowedError':
      case 'SecurityError':
        return ['Video.Js.Denied', ['Video.Js.DeniedAndroid', 'Video.Js.DeniedIphone']];
      case 'NotFoundError':
      case 'OverconstrainedError':
        return ['Video.Js.NoDevice'];
      case 'NotReadableError':
      case 'AbortError':
        return ['Video.Js.InUse'];
      default:
        return ['Video.Js.Failed'];
    }
  };

  const level = () => {
    const data = new Uint8Array(audio.analyser.fftSize);
    const tick = () => {
      audio.analyser.getByteTimeDomainData(data);
      let sum = 0;
      for (const v of data) {
        const x = (v - 128) / 128;
        sum += x * x;
      }
      const rms = Math.sqrt(sum / data.length);
      meter.value = Math.min(100, Math.round(rms * 300));
      if (meter.value > 0) {
        meter.dataset.moved = 'true';
      }
      levelFrame = window.requestAnimationFrame(tick);
    };
    tick();
  };

  // Light: the average brightness of a 64 × 48 frame. Framing: is there detail (contrast) in the middle, where a face
  // belongs, and not only at the edges? Simple hints, nothing leaves the device.
  const frames = () => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    frameTimer = window.setInterval(() => {
      if (preview.readyState < 2) {
        return;
      }
      context.drawImage(preview, 0, 0, 64, 48);
      const d = context.getImageData(0, 0, 64, 48).data;
      let sum = 0;
      const centre = [];
      for (let y = 0; y < 48; y++) {
        for (let x = 0; x < 64; x++) {
          const i = (y * 64 + x) * 4;
          const l = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
          sum += l;
          if (x >= 20 && x < 44 && y >= 8 && y < 40) {
            centre.push(l);
          }
        }
      }
      const mean = sum / (64 * 48);
      light.textContent = mean < 60 ? t('Video.Js.LightDark') : mean > 210 ? t('Video.Js.LightBright') : t('Video.Js.LightGood');
      light.dataset.brightness = String(Math.round(mean));
      const m = centre.reduce((a, b) => a + b, 0) / centre.length;
      const spread = Math.sqrt(centre.reduce((a, b) => a + (b - m) * (b - m), 0) / centre.length);
      middle.textContent = spread < 8 ? t('Video.Js.FrameEmpty') : t('Video.Js.FrameGood');
    }, 1000);
  };

  const stopAll = () => {
    window.clearInterval(frameTimer);
    window.cancelAnimationFrame(levelFrame);
    if (recorder && recorder.state === 'recording') {
      recorder.stop();
    }
    if (stream) {
      for (const track of stream.getTracks()) {
        track.stop();
      }
    }
    if (audio) {
      audio.context.close();
    }
    stream = null;
    audio = null;
    preview.srcObject = null;
    meter.value = 0;
  };

  start.addEventListener('click', async () => {
    error.replaceChildren();
    delete error.dataset.reason;
    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      fail('Video.Js.Insecure');
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: true });
    } catch (e) {
      const [key, extra] = reasonOf(e);
      fail(key, extra);
      return;
    }
    preview.srcObject = stream;
    try {
      await preview.play();
    } catch (e) {
      // The muted preview may still start on its own (autoplay).
    }
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    if (AudioContext && stream.getAudioTracks().length) {
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 1024;
      context.createMediaStreamSource(stream).connect(analyser);
      audio = { context, analyser };
      if (context.state === 'suspended') {
        await context.resume();
      }
      level();
    }
    frames();
    status.textContent = t('Video.Js.Running');
    start.hidden = true;
    stop.hidden = false;
    stop.focus();
  });

  stop.addEventListener('click', () => {
    stopAll();
    status.textContent = t('Video.Js.Stopped');
    stop.hidden = true;
    start.hidden = false;
    start.focus();
  });

  // Round trip: the median of five empty answers. Rate: one answer of 1 MB (random, no-store).
  net.addEventListener('click', async () => {
    netResult.textContent = t('Video.Js.NetWorking');
    delete netResult.dataset.verdict;
    try {
      const trips = [];
      for (let i = 0; i < 5; i++) {
        const began = performance.now();
        const answer = await fetch('netzcheck', { cache: 'no-store', credentials: 'omit' });
        await answer.arrayBuffer();
        trips.push(performance.now() - began);
      }
      trips.sort((a, b) => a - b);
      const rtt = trips[2];
      const bytes = 1024 * 1024;
      const began = performance.now();
      const answer = await fetch(`netzcheck?bytes=${bytes}`, { cache: 'no-store', credentials: 'omit' });
      if (!answer.ok) throw new Error(`netzcheck ${answer.status}`);
      const received = (await answer.arrayBuffer()).byteLength;
      const seconds = Math.max(0.001, (performance.now() - began - rtt) / 1000);
      const mbit = (received * 8) / seconds / 1e6;
      const verdict = rtt < 300 && mbit >= 1.5 ? 'good' : rtt < 600 && mbit >= 0.5 ? 'ok' : 'bad';
      netResult.textContent = t('Video.Js.NetResult', Math.round(rtt), mbit >= 100 ? Math.round(mbit) : mbit.toFixed(1)) + ' '
        + t(verdict === 'good' ? 'Video.Js.NetGood' : verdict === 'ok' ? 'Video.Js.NetOk' : 'Video.Js.NetBad');
      netResult.dataset.verdict = verdict;
    } catch (e) {
      netResult.textContent = t('Video.Js.NetFailed');
      netResult.dataset.verdict = 'failed';
    }
  });

  const forget = () => {
    if (recordingUrl) {
      URL.revokeObjectURL(recordingUrl);
    }
    recordingUrl = null;
    playback.removeAttribute('src');
    playback.load();
    playbackArea.hidden = true;
  };

  record.addEventListener('click', () => {
    if (!stream) {
      recordStatus.textContent = t('Video.Js.NeedCamera');
      return;
    }
    if (!window.MediaRecorder) {
      recordStatus.textContent = t('Video.Js.NoRecorder');
      return;
    }
    forget();
    const chunks = [];
    delete recordStatus.dataset.chunks;
    const type = ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'].find((m) => MediaRecorder.isTypeSupported(m));
    recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data && event.data.size) {
        chunks.push(event.data);
        recordStatus.dataset.chunks = String(chunks.length);
      }
    });
    recorder.addEventListener('stop', () => {
      window.clearInterval(countdown);
      const blob = new Blob(chunks, { type: recorder.mimeType || 'video/webm' });
      playbackArea.dataset.bytes = String(blob.size);
      recordingUrl = URL.createObjectURL(blob);
      playback.src = recordingUrl;
      playbackArea.hidden = false;
      recordStatus.textContent = t('Video.Js.Recorded');
      recordStop.hidden = true;
      record.hidden = false;
      playback.focus();
    });
    let left = 60;
    recordStatus.textContent = t('Video.Js.Recording', left);
    countdown = window.setInterval(() => {
      left -= 1;
      if (left <= 0 && recorder.state === 'recording') {
        recorder.stop();
      } else if (left % 10 === 0) {
        recordStatus.textContent = t('Video.Js.Recording', left);
      }
    }, 1000);
    recorder.start(1000);
    record.hidden = true;
    recordStop.hidden = false;
    recordStop.focus();
  });

  recordStop.addEventListener('click', () => {
    if (recorder && recorder.state === 'recording') {
      recorder.stop();
    }
  });

  remove.addEventListener('click', () => {
    forget();
    recordStatus.textContent = t('Video.Js.Deleted');
    record.focus();
  });

  window.addEventListener('pagehide', () => {
    stopAll();
    forget();
  });
})();
