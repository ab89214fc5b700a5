// The workshop's five questions and Prenda's answers as templates; every {placeholder} is a
// measured value from answer-values.ts, so no number is ever written here.
import type { Lang } from '../../core/classes';

/** A question and its answer template. */
export interface QuestionText {
  question: string;
  answer: string;
}

/** Question number 1–5. */
export type QuestionNumber = 1 | 2 | 3 | 4 | 5;

/** The question numbers in order. */
export const QUESTIONS: readonly QuestionNumber[] = [1, 2, 3, 4, 5];

/** Questions and answer templates per language. */
export const ANSWER_TEXTS: Record<Lang, Record<QuestionNumber, QuestionText>> = {
  en: {
    1: {
      question: 'Why do accuracy and loss differ between training and test?',
      answer:
        'After {epochs_mid} epochs the workshop network ({params_128} parameters) gets {train_128_mid} of the {trainImages} training images right, but {test_128_mid} of the {testImages} test images: a gap of {gap_128_mid} points. The loss says the same: {trainLoss_128_mid} on training, {testLoss_128_mid} on test. Training tunes the weights to the training images, quirks included; the test images were never seen, so they measure how well the model generalises. Train figures here are measured on all training images after each epoch; Keras prints a running mean during the epoch instead ({running_128_mid}), taken while the weights were still improving.',
    },
    2: {
      question: 'Why are some images misclassified, and what sets them apart?',
      answer:
        'The workshop network is right on {modelAcc} of the test images, but not evenly: on {worstClass} images it is right only {worstAcc} of the time. The most frequent mistakes are {pair1} ({count1} images), {pair2} ({count2}) and {pair3} ({count3}). {upperShare} of all mistakes swap one upper-body garment for another (T-shirt, pullover, dress, coat, shirt) and {footShare} one shoe for another: at 28×28 grey pixels they share a silhouette, and a dense network sees only pixel intensities, not collars, buttons or fabric. Open any cell of the Evaluation view to see the very images.',
    },
    3: {
      question: 'What happens with 500 hidden neurons instead of 128? And to the train–test gap?',
      answer:
        'With 500 neurons the network has {params_500} parameters instead of {params_128}: {paramRatio} times as many weights to learn, and as much arithmetic per image. After {epochs_mid} epochs its test accuracy, {test_500_mid}, is {cmpTest} the {test_128_mid} of 128 neurons. On the training images it reaches {train_500_mid} (128 neurons: {train_128_mid}), so its train–test gap is {gap_500_mid} points, {cmpGap} the {gap_128_mid} points of 128 neurons. After {epochs_last} epochs its test accuracy, {test_500_last}, is {cmpTestLast} the {test_128_last} of 128 neurons. More neurons mean more capacity to fit the training images, which does not by itself carry over to new ones.',
    },
    4: {
      question: 'What happens with 20 epochs instead of 10? And to the gap?',
      answer:
        'Follow the curves from epoch {epochs_mid} to {epochs_last}. With 128 neurons, training accuracy goes from {train_128_mid} to {train_128_last}, and test accuracy {testTrend_128}: {test_128_mid} → {test_128_last}. The gap {trend_128}: {gap_128_mid} → {gap_128_last} points. Test loss is lowest after epoch {best_128} and ends at {testLoss_128_last}, while training loss falls to {trainLoss_128_last}: {verdict}. With 500 neurons the gap goes from {gap_500_mid} to {gap_500_last} points, test accuracy {testTrend_500} ({test_500_mid} → {test_500_last}) and test loss is lowest after epoch {best_500}.',
    },
    5: {
      question: 'How do you read a model’s architecture?',
      answer:
        'From input to output, the way model.summary() prints it: each layer with its output shape and its parameters (weights and biases). The workshop network has {layerCount} layers and {total} parameters, as the manifest says ({manifestParams}). A Dense layer has one weight per input and neuron plus one bias per neuron; the largest layer, {biggest}, holds {biggestShare} of them ({biggestParams}). Flatten and the activations learn nothing. The explainer below does the arithmetic for every model.',
    },
  },
  es: {
    1: {
      question: '¿Por qué la exactitud y la pérdida son distintas en entrenamiento y en prueba?',
      answer:
        'Tras {epochs_mid} épocas, la red del taller ({params_128} parámetros) acierta el {train_128_mid} de las {trainImages} imágenes de entrenamiento, pero el {test_128_mid} de las {testImages} de prueba: una diferencia de {gap_128_mid} puntos. La pérdida dice lo mismo: {trainLoss_128_mid} en entrenamiento, {testLoss_128_mid} en prueba. Entrenar ajusta los pesos a las imágenes de entrenamiento, con sus particularidades; las de prueba no las ha visto nunca, así que miden cuánto generaliza el modelo. Aquí las cifras de entrenamiento se miden con todas sus imágenes al final de cada época; Keras muestra en cambio una media acumulada durante la época ({running_128_mid}), tomada mientras los pesos aún mejoraban.',
    },
    2: {
      question: '¿Por qué algunas imágenes se clasifican mal y qué las distingue?',
      answer:
        'La red del taller acierta el {modelAcc} de las imágenes de prueba, pero no por igual: con las imágenes de {worstClass} solo acierta el {worstAcc} de las veces. Los errores más frecuentes son {pair1} ({count1} imágenes), {pair2} ({count2}) y {pair3} ({count3}). El {upperShare} de todos los errores confunde una prenda de torso con otra (camiseta, jersey, vestido, abrigo, camisa) y el {footShare} un calzado con otro: a 28×28 píxeles grises comparten silueta, y una red densa solo ve intensidades de píxel, no cuellos, botones ni tejido. Abre cualquier casilla de la vista Evaluación para ver esas mismas imágenes.',
    },
    3: {
      question:
        '¿Qué pasa con 500 neuronas ocultas en lugar de 128? ¿Y con la diferencia entre entrenamiento y prueba?',
      answer:
        'Con 500 neuronas la red tiene {params_500} parámetros en lugar de {params_128}: {paramRatio} veces más pesos que aprender y más cálculo por imagen. Tras {epochs_mid} épocas su exactitud de prueba, {test_500_mid}, es {cmpTest} el {test_128_mid} de 128 neuronas. En entrenamiento llega a {train_500_mid} (128 neuronas: {train_128_mid}), así que su diferencia entre entrenamiento y prueba es de {gap_500_mid} puntos, {cmpGap} los {gap_128_mid} puntos de 128 neuronas. Tras {epochs_last} épocas su exactitud de prueba, {test_500_last}, es {cmpTestLast} el {test_128_last} de 128 neuronas. Más neuronas dan más capacidad para ajustarse a las imágenes de entrenamiento, y eso no se traslada por sí solo a imágenes nuevas.',
    },
    4: {
      question: '¿Qué pasa con 20 épocas en lugar de 10? ¿Y con la diferencia?',
      answer:
        'Sigue las curvas de la época {epochs_mid} a la {epochs_last}. Con 128 neuronas, la exactitud de entrenamiento pasa de {train_128_mid} a {train_128_last}, y la de prueba {testTrend_128}: {test_128_mid} → {test_128_last}. La diferencia {trend_128}: {gap_128_mid} → {gap_128_last} puntos. La pérdida de prueba es mínima tras la época {best_128} y acaba en {testLoss_128_last}, mientras la de entrenamiento baja a {trainLoss_128_last}: {verdict}. Con 500 neuronas la diferencia pasa de {gap_500_mid} a {gap_500_last} puntos, la exactitud de prueba {testTrend_500} ({test_500_mid} → {test_500_last}) y la pérdida de prueba es mínima tras la época {best_500}.',
    },
    5: {
      question: '¿Cómo se lee la arquitectura de un modelo?',
      answer:
        'De la entrada a la salida, como la imprime model.summary(): cada capa con la forma de su salida y sus parámetros (pesos y sesgos). La red del taller tiene {layerCount} capas y {total} parámetros, como dice el manifiesto ({manifestParams}). Una capa Dense tiene un peso por cada entrada y neurona más un sesgo por neurona; la capa más grande, {biggest}, reúne el {biggestShare} de ellos ({biggestParams}). Flatten y las activaciones no aprenden nada. El explicador de abajo hace la cuenta para cada modelo.',
    },
  },
};
