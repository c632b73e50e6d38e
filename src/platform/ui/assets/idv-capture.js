/*
 * Camera capture for the identity-verification document and selfie pages: progressive enhancement
 * over a plain multipart form (CSP script-src 'self'; nothing inline).
 *
 * For each .idv-capture block inside form[data-idv-capture], when the browser has getUserMedia and
 * DataTransfer, adds a "Use your camera" button. It opens the camera (facingMode from data-facing),
 * shows the live video with a framing guide (an SVG overlay in video-pixel coordinates: a rectangle
 * with the card (1.586) or passport (1.42) aspect from data-guide, or an oval for data-guide="face"),
 * measures sharpness a few times a second and takes the photo by itself once the picture is sharp and
 * still (see SHARPNESS below), or when the person presses "Take photo". The photo (documents: the guide
 * area plus a margin; selfies: the whole frame) becomes a JPEG File in the block's own file input
 * (DataTransfer), so the ordinary form POST carries it; data-frames="3" takes three frames ~350 ms
 * apart into a `multiple` input. A preview (data: URL; the CSP allows no blob: images) and "Retake"
 * replace the camera, which is stopped. The file input is never removed or hidden: choosing a file
 * still works, and replaces the camera photo.
 *
 * Every visible or announced word comes from the page (data-label-* on the form, in the person's
 * language); if a needed label is missing, the block is left as a plain file input.
 * Styles: idv-capture.css, linked next to this script when the page has not linked it already.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var GUIDE_ASPECT = { card: 85.6 / 54, passport: 1.42 };
  var FACE_ASPECT = 0.75; // oval width / height
  var DOC_MARGIN = 0.06; // share of the guide's size kept round a document on each side
  var FRAME_GAP_MS = 350;
  var MAX_FRAMES = 5;
  var JPEG_QUALITY = 0.92;
  var PREVIEW_SIDE = 640;

  /*
   * SHARPNESS. Every SAMPLE_MS the guide area is drawn to a small gray canvas (≤ SAMPLE_WIDTH px wide)
   * and scored by the variance of its 4-neighbour Laplacian (0–255 gray levels). A fixed "sharp
   * enough" value does not work across cameras, lighting and documents (a static fake-camera image
   * never reaches a value tuned for a phone, a noisy one exceeds it while blurred), so a sample passes
   * when it is:
   *   - above a low absolute floor (MIN_SCORE: rules out black, blank or badly defocused frames),
   *   - close to the best score of the last few seconds (≥ RELATIVE × max of RECENT samples: focus has
   *     settled; a hand-held camera that drifts lowers the bar as old peaks leave the window), and
   *   - still (mean absolute gray difference from the previous sample ≤ MAX_MOTION).
   * After WARMUP samples (auto-exposure and focus), STEADY consecutive passing samples (~0.75 s) take
   * the photo. A still, sharp picture (including Chromium's fake camera) therefore triggers in ~2 s.
   * The server checks quality again; this only picks a good moment.
   */
  var SAMPLE_MS = 250;
  var SAMPLE_WIDTH = 240;
  var MIN_SCORE = 12;
  var RELATIVE = 0.85;
  var RECENT = 12;
  var MAX_MOTION = 4;
  var WARMUP = 4;
  var STEADY = 3;
  var BLURRY_AFTER = 8; // failing samples in a row before "too blurry" is announced

  var script = document.currentScript;
  var active = null; // the one block whose camera is on

  function linkStylesheet() {
    if (document.querySelector('link[href$="idv-capture.css"]')) return;
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = script && script.src ? script.src.replace(/\.js(\?.*)?$/, '.css') : '/assets/idv-capture.css';
    document.head.appendChild(link);
  }

  function supported() {
    if (!navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== 'function') return false;
    try {
      new DataTransfer().items.add(new File([''], 'x.jpg', { type: 'image/jpeg' }));
    } catch {
      return false;
    }
    return typeof HTMLCanvasElement.prototype.toBlob === 'function';
  }

  function el(tag, className, attrs) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (attrs) Object.keys(attrs).forEach((k) => node.setAttribute(k, attrs[k]));
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach((k) => node.setAttribute(k, String(attrs[k])));
    return node;
  }

  function button(text, className) {
    var b = el('button', 'usa-button ' + (className || ''), { type: 'button' });
    b.textContent = text;
    return b;
  }

  function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
  }

  /** The guide's box in video pixels. */
  function guideRect(guide, vw, vh) {
    var w;
    var h;
    if (guide === 'face') {
      h = vh * 0.72;
      w = h * FACE_ASPECT;
      if (w > vw * 0.8) {
        w = vw * 0.8;
        h = w / FACE_ASPECT;
      }
    } else {
      var aspect = GUIDE_ASPECT[guide] || GUIDE_ASPECT.card;
      w = vw * 0.86;
      h = w / aspect;
      if (h > vh * 0.8) {
        h = vh * 0.8;
        w = h * aspect;
      }
    }
    return { x: (vw - w) / 2, y: (vh - h) / 2, w: w, h: h };
  }

  /** What goes into the photo: the guide plus a margin for documents, the whole frame for faces. */
  function cropRect(guide, vw, vh) {
    if (guide === 'face') return { x: 0, y: 0, w: vw, h: vh };
    var g = guideRect(guide, vw, vh);
    var x0 = Math.max(0, Math.floor(g.x - g.w * DOC_MARGIN));
    var y0 = Math.max(0, Math.floor(g.y - g.h * DOC_MARGIN));
    var x1 = Math.min(vw, Math.ceil(g.x + g.w * (1 + DOC_MARGIN)));
    var y1 = Math.min(vh, Math.ceil(g.y + g.h * (1 + DOC_MARGIN)));
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }

  /** Gray copy of the guide area (downscaled) and its Laplacian variance. */
  function measure(video, guide, canvas) {
    var vw = video.videoWidth;
    var vh = video.videoHeight;
    var g = guideRect(guide, vw, vh);
    var scale = Math.min(1, SAMPLE_WIDTH / g.w);
    var w = Math.max(8, Math.round(g.w * scale));
    var h = Math.max(8, Math.round(g.h * scale));
    canvas.width = w;
    canvas.height = h;
    var ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(video, g.x, g.y, g.w, g.h, 0, 0, w, h);
    var data = ctx.getImageData(0, 0, w, h).data;
    var gray = new Float32Array(w * h);
    for (var i = 0, p = 0; i < gray.length; i++, p += 4) {
      gray[i] = 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
    }
    var sum = 0;
    var sumSq = 0;
    var n = 0;
    for (var y = 1; y < h - 1; y++) {
      for (var x = 1; x < w - 1; x++) {
        var c = y * w + x;
        var lap = gray[c - 1] + gray[c + 1] + gray[c - w] + gray[c + w] - 4 * gray[c];
        sum += lap;
        sumSq += lap * lap;
        n++;
      }
    }
    var mean = sum / n;
    return { gray: gray, score: sumSq / n - mean * mean };
  }

  function motion(a, b) {
    if (!a || !b || a.length !== b.length) return Infinity;
    var d = 0;
    for (var i = 0; i < a.length; i++) d += Math.abs(a[i] - b[i]);
    return d / a.length;
  }

  function toBlob(canvas) {
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  }

  function enhance(form, block) {
    var input = block.querySelector('input[type="file"]');
    var labels = form.dataset;
    if (
      !input ||
      !labels.labelUseCamera ||
      !labels.labelTake ||
      !labels.labelRetake ||
      !labels.labelCameraDenied
    )
      return;
    var side = block.dataset.side || input.name;
    var guide = block.dataset.guide || (block.dataset.facing === 'user' ? 'face' : 'card');
    var facing = block.dataset.facing === 'user' ? 'user' : 'environment';
    var frames = input.multiple ? Math.min(MAX_FRAMES, Math.max(1, Number(block.dataset.frames) || 1)) : 1;
    var labelEl = input.id ? form.querySelector('label[for="' + CSS.escape(input.id) + '"]') : null;
    var altText = block.dataset.labelPreviewAlt || (labelEl ? labelEl.textContent.trim() : '');

    var ui = el('div', 'idv-capture__camera');
    var open = button(labels.labelUseCamera, 'usa-button--outline idv-capture__open');
    var viewer = el('div', 'idv-capture__viewer');
    viewer.hidden = true;
    var frame = el('div', 'idv-capture__frame' + (facing === 'user' ? ' idv-capture__frame--mirror' : ''));
    var video = el('video', 'idv-capture__video', { playsinline: '', muted: '', autoplay: '' });
    video.muted = true;
    if (altText) video.setAttribute('aria-label', altText);
    var overlay = svg('svg', {
      class: 'idv-capture__guide idv-capture__guide--' + guide,
      preserveAspectRatio: 'none',
      'aria-hidden': 'true',
      focusable: 'false',
    });
    frame.append(video, overlay);
    var controls = el('div', 'idv-capture__controls');
    var take = button(labels.labelTake, 'idv-capture__take');
    controls.append(take);
    var cancel = null;
    if (labels.labelCancel) {
      cancel = button(labels.labelCancel, 'usa-button--unstyled idv-capture__cancel');
      controls.append(cancel);
    }
    viewer.append(frame, controls);
    var status = el('p', 'idv-capture__status', { role: 'status', 'aria-live': 'polite' });
    var result = el('div', 'idv-capture__result');
    result.hidden = true;
    var preview = el('img', 'idv-capture__preview', { alt: altText });
    var retake = button(labels.labelRetake, 'usa-button--outline idv-capture__retake');
    result.append(preview, retake);
    ui.append(open, viewer, status, result);
    input.insertAdjacentElement('afterend', ui);

    var stream = null;
    var timer = null;
    var busy = false;
    var ownChange = false;
    var state;
    var probe = document.createElement('canvas');

    function say(text, isError) {
      if ((text || '') !== status.textContent) status.textContent = text || '';
      status.classList.toggle('idv-capture__status--error', Boolean(isError));
    }

    function drawGuide() {
      var vw = video.videoWidth;
      var vh = video.videoHeight;
      if (!vw || !vh) return;
      frame.classList.toggle('idv-capture__frame--portrait', vh > vw);
      overlay.setAttribute('viewBox', '0 0 ' + vw + ' ' + vh);
      overlay.replaceChildren();
      var g = guideRect(guide, vw, vh);
      var outer = 'M0 0H' + vw + 'V' + vh + 'H0Z';
      var shape;
      var hole;
      if (guide === 'face') {
        var rx = g.w / 2;
        var ry = g.h / 2;
        var cx = g.x + rx;
        var cy = g.y + ry;
        hole =
          'M' +
          (cx - rx) +
          ' ' +
          cy +
          'a' +
          rx +
          ' ' +
          ry +
          ' 0 1 0 ' +
          2 * rx +
          ' 0' +
          'a' +
          rx +
          ' ' +
          ry +
          ' 0 1 0 ' +
          -2 * rx +
          ' 0Z';
        shape = svg('ellipse', { cx: cx, cy: cy, rx: rx, ry: ry });
      } else {
        var r = Math.min(g.w, g.h) * 0.05;
        hole = 'M' + g.x + ' ' + g.y + 'h' + g.w + 'v' + g.h + 'h' + -g.w + 'Z';
        shape = svg('rect', { x: g.x, y: g.y, width: g.w, height: g.h, rx: r, ry: r });
      }
      overlay.append(
        svg('path', { class: 'idv-capture__shade', d: outer + hole, 'fill-rule': 'evenodd' }),
        shape,
      );
      shape.setAttribute('class', 'idv-capture__outline');
      shape.setAttribute('vector-effect', 'non-scaling-stroke');
    }

    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (stream) stream.getTracks().forEach((t) => t.stop());
      stream = null;
      video.srcObject = null;
      viewer.hidden = true;
      if (active === controller) active = null;
    }

    function show(which) {
      open.hidden = which !== 'idle';
      result.hidden = which !== 'done';
    }

    async function start() {
      if (active && active !== controller) active.stop();
      active = controller;
      say('');
      show('live');
      try {
        var ideal = facing === 'user' ? { width: 1280, height: 720 } : { width: 1920, height: 1080 };
        stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: {
            facingMode: { ideal: facing },
            width: { ideal: ideal.width },
            height: { ideal: ideal.height },
          },
        });
        if (active !== controller) return stop(); // another block (or pagehide) took over meanwhile
        video.srcObject = stream;
        viewer.hidden = false;
        await video.play();
        if (!video.videoWidth)
          await new Promise((r) => video.addEventListener('loadedmetadata', r, { once: true }));
      } catch {
        stop();
        show('idle');
        say(labels.labelCameraDenied, true);
        open.focus();
        return;
      }
      drawGuide();
      take.focus();
      say(labels.labelHoldSteady);
      state = { n: 0, scores: [], prev: null, passes: 0, fails: 0 };
      timer = setInterval(tick, SAMPLE_MS);
    }

    function tick() {
      if (busy || !video.videoWidth || video.readyState < 2) return;
      var m = measure(video, guide, probe);
      var moved = motion(m.gray, state.prev);
      state.prev = m.gray;
      state.n++;
      state.scores.push(m.score);
      if (state.scores.length > RECENT) state.scores.shift();
      var best = Math.max.apply(null, state.scores);
      var pass =
        state.n > WARMUP && m.score >= MIN_SCORE && m.score >= RELATIVE * best && moved <= MAX_MOTION;
      block.dataset.idvSharpness = String(Math.round(m.score));
      if (pass) {
        state.passes++;
        if (state.fails >= BLURRY_AFTER) say(labels.labelHoldSteady); // leave "too blurry"
        state.fails = 0;
        if (state.passes >= STEADY) void capture();
      } else {
        state.passes = 0;
        state.fails++;
        if (state.fails >= BLURRY_AFTER && labels.labelTooBlurry) say(labels.labelTooBlurry);
      }
    }

    function grab() {
      var vw = video.videoWidth;
      var vh = video.videoHeight;
      var c = cropRect(guide, vw, vh);
      var canvas = document.createElement('canvas');
      canvas.width = c.w;
      canvas.height = c.h;
      canvas.getContext('2d').drawImage(video, c.x, c.y, c.w, c.h, 0, 0, c.w, c.h);
      return canvas;
    }

    function previewUrl(canvas) {
      var scale = Math.min(1, PREVIEW_SIDE / Math.max(canvas.width, canvas.height));
      var small = document.createElement('canvas');
      small.width = Math.round(canvas.width * scale);
      small.height = Math.round(canvas.height * scale);
      small.getContext('2d').drawImage(canvas, 0, 0, small.width, small.height);
      return small.toDataURL('image/jpeg', 0.85);
    }

    async function capture() {
      if (busy || !stream) return;
      busy = true;
      var hadFocus = ui.contains(document.activeElement) || document.activeElement === document.body;
      try {
        var files = [];
        var first = null;
        for (var i = 0; i < frames; i++) {
          if (i > 0) await sleep(FRAME_GAP_MS);
          if (!stream) return; // stopped meanwhile (pagehide, another camera)
          var canvas = grab();
          var blob = await toBlob(canvas);
          if (!blob) throw new Error('toBlob failed');
          if (!first) first = canvas;
          var name = frames > 1 ? side + '-' + (i + 1) + '.jpg' : side + '.jpg';
          files.push(new File([blob], name, { type: 'image/jpeg', lastModified: Date.now() }));
        }
        var dt = new DataTransfer();
        files.forEach((f) => dt.items.add(f));
        input.files = dt.files;
        ownChange = true;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        ownChange = false;
        preview.src = previewUrl(first);
        stop();
        show('done');
        say(labels.labelCaptured);
        if (hadFocus) retake.focus();
      } catch {
        stop();
        show('idle');
        say(labels.labelCameraDenied, true);
      } finally {
        busy = false;
      }
    }

    function clearPhoto() {
      input.value = '';
      preview.removeAttribute('src');
    }

    var controller = { stop: () => (stop(), show(result.hidden ? 'idle' : 'done')) };

    open.addEventListener('click', () => void start());
    take.addEventListener('click', () => void capture());
    retake.addEventListener('click', () => {
      clearPhoto();
      void start();
    });
    if (cancel)
      cancel.addEventListener('click', () => {
        stop();
        show('idle');
        say('');
        open.focus();
      });
    video.addEventListener('resize', drawGuide);
    input.addEventListener('change', () => {
      if (ownChange) return;
      // The person chose a file themselves: it replaces any camera photo.
      if (active === controller) stop();
      preview.removeAttribute('src');
      show('idle');
      say('');
    });
  }

  function init() {
    var forms = document.querySelectorAll('form[data-idv-capture]');
    if (!forms.length || !supported()) return;
    linkStylesheet();
    forms.forEach((form) => {
      form.querySelectorAll('.idv-capture').forEach((block) => enhance(form, block));
      form.addEventListener('submit', () => active && active.stop());
    });
    window.addEventListener('pagehide', () => active && active.stop());
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
