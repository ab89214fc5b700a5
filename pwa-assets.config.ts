import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

// Run once with `npm run assets`; the generated PNGs and favicon.ico are committed in public/.
export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    maskable: { ...minimal2023Preset.maskable, resizeOptions: { background: '#2f6b5a' } },
    apple: { ...minimal2023Preset.apple, resizeOptions: { background: '#2f6b5a' } },
  },
  images: ['public/logo.svg'],
});
