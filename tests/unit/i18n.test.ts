// The one translator: namespaced keys, both languages, placeholders; a missing Spanish string or an
// unknown key does not compile (checked by `npm run typecheck`, which includes this file).
import { describe, expect, it } from 'vitest';
import { classLabel, classLabelIn } from '../../src/app/classes';
import { setLang, t, textIn, type StringKey, type Translation } from '../../src/app/i18n';
import '../../src/features/lab/strings';
import '../../src/features/retrain/strings';

describe('the translator', () => {
  it('reads a feature’s strings in either language, placeholders filled', () => {
    expect(textIn('en', 'lab.chartLoss')).toBe('Loss after each epoch');
    expect(textIn('es', 'lab.chartLoss')).toBe('Pérdida tras cada época');
    expect(textIn('en', 'retrain.training', { epoch: 2, epochs: 5 })).toBe('Training: epoch 2 of 5');
    expect(textIn('es', 'retrain.training', { epoch: 2, epochs: 5 })).toBe('Entrenando: época 2 de 5');
  });

  it('follows the interface language', () => {
    setLang('es');
    expect(t('lab.epoch')).toBe('Época');
    expect(classLabel(9)).toBe('Botín');
    setLang('en');
    expect(t('lab.epoch')).toBe('Epoch');
    expect(classLabel(9)).toBe('Ankle boot');
  });

  it('names a class in one place, and nothing for an index it does not know', () => {
    expect(classLabelIn('es', 0)).toBe('Camiseta/top');
    expect(classLabelIn('en', 10)).toBe('');
  });

  it('rejects at compile time a dictionary missing a key, and keys no dictionary has', () => {
    const en = { hello: 'Hello {name}', bye: 'Bye' };
    // @ts-expect-error -- the Spanish dictionary lacks `bye`: it must not compile.
    const es: Translation<typeof en> = { hello: 'Hola {name}' };
    // @ts-expect-error -- no namespace has this key.
    const unknown: StringKey = 'lab.noSuchString';
    // @ts-expect-error -- keys are namespaced: a bare key is not one.
    const bare: StringKey = 'chartLoss';
    expect([Object.keys(en), Object.keys(es), unknown, bare]).toEqual([
      ['hello', 'bye'],
      ['hello'],
      'lab.noSuchString',
      'chartLoss',
    ]);
  });
});
