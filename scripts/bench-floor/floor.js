/* global document, performance, Worker */
// The least a drawing classifier can do per move, measured like the app (`bench:app -- --floor`):
// the stroke on a 448×448 2D canvas, the move sent to a worker that answers at once, one text
// write, and the same `prenda:input-to-bars` measure from the event's timestamp to that write.
const canvas = document.querySelector('canvas');
const ctx = canvas.getContext('2d', { willReadFrequently: true });
const answer = document.getElementById('answer').firstChild;
const worker = new Worker('/echo.js');
const pending = [];
let last = null;

worker.onmessage = (e) => {
  const start = pending.shift();
  answer.data = String(e.data);
  performance.measure('prenda:input-to-bars', { start, end: performance.now() });
};

canvas.addEventListener('pointerdown', (e) => {
  canvas.setPointerCapture(e.pointerId);
  last = null;
});
// The app's own choice: raw updates, which Chromium does not hold back until the next frame.
canvas.addEventListener('pointerrawupdate', (e) => {
  if (!e.buttons) return;
  const box = canvas.getBoundingClientRect();
  const x = ((e.clientX - box.left) * canvas.width) / box.width;
  const y = ((e.clientY - box.top) * canvas.height) / box.height;
  if (last) {
    ctx.lineWidth = 24;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(last[0], last[1]);
    ctx.lineTo(x, y);
    ctx.stroke();
  }
  last = [x, y];
  pending.push(e.timeStamp);
  worker.postMessage(x + y);
});
