// Looks at the app as a phone user does: 390×844 at 2×, touch, CPU throttled 4× (Lighthouse's
// mobile factor), WebGPU on SwiftShader, and writes three screenshots to --out: the first screen,
// a real shoe photo classified in Photo mode, and a drawn trouser in Draw mode. Prints what each
// screen says, so a run without looking at the pictures still tells something. Needs a build.
// Usage: npm run shot [-- --lang es --throttle 4 --photo path.jpg --out /tmp]
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { drawTrouser, launchPhone, startServer, waitReady } from '../support/browser/harness';

const SHOES = resolve(import.meta.dirname, '../../shared/data/clothing-photos/validation/shoes');
const { values: args } = parseArgs({
  options: {
    lang: { type: 'string', default: 'es' },
    throttle: { type: 'string', default: '4' },
    photo: { type: 'string' },
    out: { type: 'string', default: '/tmp' },
  },
});
const photo = args.photo ?? join(SHOES, readdirSync(SHOES).sort()[0]!);
const locale = args.lang === 'es' ? 'es-ES' : 'en-US';

const server = await startServer();
const browser = await launchPhone({ webgpu: true, locale });
try {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(args.throttle) });
  const started = Date.now();
  await page.goto(`${server.origin}/?lang=${args.lang}`);
  await waitReady(page);
  console.log(`ready after ${Date.now() - started} ms (throttle ${args.throttle}×)`);
  const shot = async (name: string) => {
    const path = join(args.out, `shot-${name}.png`);
    await page.screenshot({ path });
    console.log(`${name}: ${path}`);
  };
  await shot('start');

  await page.setInputFiles('[data-testid=photo-input]', photo);
  await page.locator('[data-testid=photo-verdict]').waitFor({ timeout: 120_000 }); // 4× throttled, maybe busy
  await page.waitForTimeout(500); // the answer's bars settle
  await shot('photo');
  console.log(`  verdict: ${(await page.textContent('[data-testid=photo-verdict]'))?.trim()}`);

  await page.tap('[data-testid=mode-draw]');
  await drawTrouser(page);
  await page.waitForTimeout(800);
  await shot('draw');
  const badge = page.locator('[data-testid=backend]');
  console.log(
    `  top: ${(await page.textContent('[data-testid=top-class]'))?.trim()}; ` +
      `backend ${(await badge.textContent())?.trim()} (${await badge.getAttribute('data-where')})`,
  );
} finally {
  await browser.close();
  await server.close();
}
