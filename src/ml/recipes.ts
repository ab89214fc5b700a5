import type { AugmentOptions } from '../core/augment';
import type { ModelKind } from './models';
import { constantRate, oneCycle, type LearningRateSchedule } from './schedule';

/** How a shipped model is trained: architecture and defaults of `npm run train`. */
export interface Recipe {
  kind: ModelKind;
  names: { es: string; en: string };
  epochs: number;
  batchSize: number;
  hidden?: number;
  /** Dropout rate (cnn). */
  dropout?: number;
  /** Peak (one-cycle) or constant learning rate. */
  learningRate: number;
  schedule: 'constant' | 'one-cycle';
  augment?: AugmentOptions;
}

/** The recipes by model id. `mlp` is the workshop's model exactly. */
export const RECIPES: Record<string, Recipe> = {
  mlp: {
    kind: 'mlp',
    names: { es: 'Red densa del taller (128 neuronas)', en: 'Workshop dense network (128 units)' },
    epochs: 10,
    batchSize: 32,
    hidden: 128,
    learningRate: 0.001,
    schedule: 'constant',
  },
  cnn: {
    kind: 'cnn',
    names: { es: 'Red convolucional de Prenda', en: 'Prenda convolutional network' },
    epochs: 30,
    batchSize: 64,
    dropout: 0.2,
    learningRate: 0.003,
    schedule: 'one-cycle',
    augment: { maxShift: 2, flipProbability: 0.5, keepOrientation: [5, 7, 9] },
  },
};

/** The learning-rate schedule a recipe asks for. */
export function scheduleOf(recipe: Pick<Recipe, 'learningRate' | 'schedule'>): LearningRateSchedule {
  return recipe.schedule === 'one-cycle' ? oneCycle(recipe.learningRate) : constantRate(recipe.learningRate);
}
