import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { LabelledImages } from '../../src/core/dataset';
import type { ModelEntry } from '../../src/core/manifest';
import { accuracyOf, confusionMatrix, perClassAccuracy } from '../../src/core/metrics';
import { evaluate } from '../../src/ml/evaluate';

/** The manifest fields that score a model on the Fashion-MNIST test set (shared by the trainers). */
export async function testSetScore(
  model: LayersModel,
  test: LabelledImages,
): Promise<Pick<ModelEntry, 'parameters' | 'testAccuracy' | 'testLoss' | 'perClassAccuracy' | 'confusionMatrix'>> {
  const result = await evaluate(model, test);
  const matrix = confusionMatrix(test.labels, result.predicted);
  return {
    parameters: model.countParams(),
    testAccuracy: accuracyOf(matrix),
    testLoss: result.loss,
    perClassAccuracy: perClassAccuracy(matrix),
    confusionMatrix: matrix,
  };
}
