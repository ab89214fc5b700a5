// The lab's strings: the view, its charts, the five questions and answers (templates whose
// {placeholders} are measured values, see core/lab/answer-values.ts), the words the answers choose
// from measurements, and what each kind of layer does.
import type { Lang } from '../../core/classes';
import { registerStrings, type Translation } from '../../app/i18n';

const en = {
  labTitle: 'The workshop lab',
  labIntro:
    'TensorFlow’s clothing workshop ends with five questions. Prenda answers them with its own measurements: the workshop network trained with 128 and with 500 hidden neurons for {epochs} epochs, {seeds} times each (different random starts), on {train} training images, tested on {test} images.',
  quickWarning: 'These figures come from a quick smoke run on small subsets, not from the full experiment.',
  loadingResults: 'Loading the measurements…',
  resultsError: 'Could not load the measurements: {detail}',
  chartAccuracy: 'Accuracy after each epoch',
  chartLoss: 'Loss after each epoch',
  chartGap: 'Train − test accuracy gap, in points',
  chartNote:
    'Means over {seeds} seeds. Solid: training images, dashed: test images; the shaded area between them is the gap.',
  gapNote: 'Train figures measured on all training images after each epoch. Band: lowest to highest seed.',
  series: '{h} {set}',
  train: 'train',
  test: 'test',
  neurons: '{h} neurons',
  epoch: 'Epoch',
  dataTable: 'Show the numbers',
  questionsTitle: 'Five questions, answered by measurement',
  explainPairs: 'See why, image by image, in the Evaluation:',
  answersNote:
    'Numbers are means over {seeds} seeds with the lowest–highest seed in brackets; “higher” or “lower” means those ranges do not overlap.',
  archTitle: 'Reading an architecture',
  archIntro: 'Every model Prenda ships, layer by layer, as read from its model.json.',
  archLayer: 'Layer',
  archShape: 'Output',
  archParams: 'Parameters',
  archTotal: 'Total',
  archManifest: 'manifest: {n}',
  archWords: 'What the layers do',
  archError: 'Could not read {file}: {detail}',
  'q1.question': 'Why do accuracy and loss differ between training and test?',
  'q1.answer':
    'After {epochs_mid} epochs the workshop network ({params_128} parameters) gets {train_128_mid} of the {trainImages} training images right, but {test_128_mid} of the {testImages} test images: a gap of {gap_128_mid} points. The loss says the same: {trainLoss_128_mid} on training, {testLoss_128_mid} on test. Training tunes the weights to the training images, quirks included; the test images were never seen, so they measure how well the model generalises. Train figures here are measured on all training images after each epoch; Keras prints a running mean during the epoch instead ({running_128_mid}), taken while the weights were still improving.',
  'q2.question': 'Why are some images misclassified, and what sets them apart?',
  'q2.answer':
    'The workshop network is right on {modelAcc} of the test images, but not evenly: on {worstClass} images it is right only {worstAcc} of the time. The most frequent mistakes are {pair1} ({count1} images), {pair2} ({count2}) and {pair3} ({count3}). {upperShare} of all mistakes swap one upper-body garment for another (T-shirt, pullover, dress, coat, shirt) and {footShare} one shoe for another: at 28×28 grey pixels they share a silhouette, and a dense network sees only pixel intensities, not collars, buttons or fabric. Open any cell of the Evaluation view to see the very images.',
  'q3.question': 'What happens with 500 hidden neurons instead of 128? And to the train–test gap?',
  'q3.answer':
    'With 500 neurons the network has {params_500} parameters instead of {params_128}: {paramRatio} times as many weights to learn, and as much arithmetic per image. After {epochs_mid} epochs its test accuracy, {test_500_mid}, is {cmpTest} the {test_128_mid} of 128 neurons. On the training images it reaches {train_500_mid} (128 neurons: {train_128_mid}), so its train–test gap is {gap_500_mid} points, {cmpGap} the {gap_128_mid} points of 128 neurons. After {epochs_last} epochs its test accuracy, {test_500_last}, is {cmpTestLast} the {test_128_last} of 128 neurons. More neurons mean more capacity to fit the training images, which does not by itself carry over to new ones.',
  'q4.question': 'What happens with 20 epochs instead of 10? And to the gap?',
  'q4.answer':
    'Follow the curves from epoch {epochs_mid} to {epochs_last}. With 128 neurons, training accuracy goes from {train_128_mid} to {train_128_last}, and test accuracy {testTrend_128}: {test_128_mid} → {test_128_last}. The gap {trend_128}: {gap_128_mid} → {gap_128_last} points. Test loss is lowest after epoch {best_128} and ends at {testLoss_128_last}, while training loss falls to {trainLoss_128_last}: {verdict}. With 500 neurons the gap goes from {gap_500_mid} to {gap_500_last} points, test accuracy {testTrend_500} ({test_500_mid} → {test_500_last}) and test loss is lowest after epoch {best_500}.',
  'q5.question': 'How do you read a model’s architecture?',
  'q5.answer':
    'From input to output, the way model.summary() prints it: each layer with its output shape and its parameters (weights and biases). The workshop network has {layerCount} layers and {total} parameters, as the manifest says ({manifestParams}). A Dense layer has one weight per input and neuron plus one bias per neuron; the largest layer, {biggest}, holds {biggestShare} of them ({biggestParams}). Flatten and the activations learn nothing. The explainer below does the arithmetic for every model.',
  'word.higher': 'higher than',
  'word.lower': 'lower than',
  'word.same': 'about the same as',
  'word.grows': 'grows',
  'word.shrinks': 'shrinks',
  'word.rises': 'rises',
  'word.falls': 'falls',
  'word.steady': 'barely changes',
  'word.overfitting':
    'the network grows more sure of itself than its test results justify, the first sign of overfitting',
  'word.noOverfitting': 'no clear sign of overfitting yet',
  'word.layer': 'layer {n} ({kind})',
  'word.pair': '{truth} taken for {pred}',
  'layer.Flatten': 'Flatten lays the image out as one long row of numbers (28×28 → 784). It learns nothing.',
  'layer.Reshape': 'Reshape changes how the numbers are arranged (here it adds a channel axis) without changing them.',
  'layer.Dense':
    'Dense connects every input to every neuron: each neuron adds up its inputs times learned weights, plus a bias.',
  'layer.Conv2D':
    'A convolution slides small k×k filters over the image; each filter learns to light up on one local pattern (an edge, a corner, a strap), wherever it appears.',
  'layer.MaxPooling2D':
    'Pooling keeps the strongest value of each 2×2 patch: half the width and height, same channels, no parameters.',
  'layer.Dropout':
    'Dropout switches off a random share of its inputs while training only, so the network cannot lean on a few of them; it does nothing when predicting.',
  'layer.BatchNormalization':
    'Batch normalisation rescales each channel to a steady range, which makes training faster and steadier.',
  'layer.relu':
    'ReLU keeps positive values and turns negative ones into 0: the bend that lets stacked layers learn more than straight lines.',
  'layer.softmax': 'Softmax turns the last ten numbers into ten probabilities that add up to 1, one per class.',
};

/** Keys of the `lab` namespace. */
export type LabStrings = typeof en;

const es: Translation<LabStrings> = {
  labTitle: 'El laboratorio del taller',
  labIntro:
    'El taller de TensorFlow sobre ropa termina con cinco preguntas. Prenda las responde con sus propias mediciones: la red del taller entrenada con 128 y con 500 neuronas ocultas durante {epochs} épocas, {seeds} veces cada una (distintos inicios al azar), con {train} imágenes de entrenamiento y probada con {test} imágenes.',
  quickWarning: 'Estas cifras vienen de una prueba rápida con subconjuntos pequeños, no del experimento completo.',
  loadingResults: 'Cargando las mediciones…',
  resultsError: 'No se pudieron cargar las mediciones: {detail}',
  chartAccuracy: 'Exactitud tras cada época',
  chartLoss: 'Pérdida tras cada época',
  chartGap: 'Diferencia de exactitud entrenamiento − prueba, en puntos',
  chartNote:
    'Medias de {seeds} semillas. Continua: imágenes de entrenamiento; discontinua: de prueba; la zona sombreada entre ambas es la diferencia.',
  gapNote:
    'Cifras de entrenamiento medidas con todas sus imágenes tras cada época. Banda: de la semilla más baja a la más alta.',
  series: '{h} {set}',
  train: 'entren.',
  test: 'prueba',
  neurons: '{h} neuronas',
  epoch: 'Época',
  dataTable: 'Ver los números',
  questionsTitle: 'Cinco preguntas, respondidas midiendo',
  explainPairs: 'Mira por qué, imagen a imagen, en la Evaluación:',
  answersNote:
    'Las cifras son medias de {seeds} semillas con la semilla más baja y la más alta entre corchetes; «mayor» o «menor» significa que esos rangos no se solapan.',
  archTitle: 'Cómo leer una arquitectura',
  archIntro: 'Cada modelo que trae Prenda, capa a capa, leído de su model.json.',
  archLayer: 'Capa',
  archShape: 'Salida',
  archParams: 'Parámetros',
  archTotal: 'Total',
  archManifest: 'manifiesto: {n}',
  archWords: 'Qué hace cada capa',
  archError: 'No se pudo leer {file}: {detail}',
  'q1.question': '¿Por qué la exactitud y la pérdida son distintas en entrenamiento y en prueba?',
  'q1.answer':
    'Tras {epochs_mid} épocas, la red del taller ({params_128} parámetros) acierta el {train_128_mid} de las {trainImages} imágenes de entrenamiento, pero el {test_128_mid} de las {testImages} de prueba: una diferencia de {gap_128_mid} puntos. La pérdida dice lo mismo: {trainLoss_128_mid} en entrenamiento, {testLoss_128_mid} en prueba. Entrenar ajusta los pesos a las imágenes de entrenamiento, con sus particularidades; las de prueba no las ha visto nunca, así que miden cuánto generaliza el modelo. Aquí las cifras de entrenamiento se miden con todas sus imágenes al final de cada época; Keras muestra en cambio una media acumulada durante la época ({running_128_mid}), tomada mientras los pesos aún mejoraban.',
  'q2.question': '¿Por qué algunas imágenes se clasifican mal y qué las distingue?',
  'q2.answer':
    'La red del taller acierta el {modelAcc} de las imágenes de prueba, pero no por igual: con las imágenes de {worstClass} solo acierta el {worstAcc} de las veces. Los errores más frecuentes son {pair1} ({count1} imágenes), {pair2} ({count2}) y {pair3} ({count3}). El {upperShare} de todos los errores confunde una prenda de torso con otra (camiseta, jersey, vestido, abrigo, camisa) y el {footShare} un calzado con otro: a 28×28 píxeles grises comparten silueta, y una red densa solo ve intensidades de píxel, no cuellos, botones ni tejido. Abre cualquier casilla de la vista Evaluación para ver esas mismas imágenes.',
  'q3.question':
    '¿Qué pasa con 500 neuronas ocultas en lugar de 128? ¿Y con la diferencia entre entrenamiento y prueba?',
  'q3.answer':
    'Con 500 neuronas la red tiene {params_500} parámetros en lugar de {params_128}: {paramRatio} veces más pesos que aprender y más cálculo por imagen. Tras {epochs_mid} épocas su exactitud de prueba, {test_500_mid}, es {cmpTest} el {test_128_mid} de 128 neuronas. En entrenamiento llega a {train_500_mid} (128 neuronas: {train_128_mid}), así que su diferencia entre entrenamiento y prueba es de {gap_500_mid} puntos, {cmpGap} los {gap_128_mid} puntos de 128 neuronas. Tras {epochs_last} épocas su exactitud de prueba, {test_500_last}, es {cmpTestLast} el {test_128_last} de 128 neuronas. Más neuronas dan más capacidad para ajustarse a las imágenes de entrenamiento, y eso no se traslada por sí solo a imágenes nuevas.',
  'q4.question': '¿Qué pasa con 20 épocas en lugar de 10? ¿Y con la diferencia?',
  'q4.answer':
    'Sigue las curvas de la época {epochs_mid} a la {epochs_last}. Con 128 neuronas, la exactitud de entrenamiento pasa de {train_128_mid} a {train_128_last}, y la de prueba {testTrend_128}: {test_128_mid} → {test_128_last}. La diferencia {trend_128}: {gap_128_mid} → {gap_128_last} puntos. La pérdida de prueba es mínima tras la época {best_128} y acaba en {testLoss_128_last}, mientras la de entrenamiento baja a {trainLoss_128_last}: {verdict}. Con 500 neuronas la diferencia pasa de {gap_500_mid} a {gap_500_last} puntos, la exactitud de prueba {testTrend_500} ({test_500_mid} → {test_500_last}) y la pérdida de prueba es mínima tras la época {best_500}.',
  'q5.question': '¿Cómo se lee la arquitectura de un modelo?',
  'q5.answer':
    'De la entrada a la salida, como la imprime model.summary(): cada capa con la forma de su salida y sus parámetros (pesos y sesgos). La red del taller tiene {layerCount} capas y {total} parámetros, como dice el manifiesto ({manifestParams}). Una capa Dense tiene un peso por cada entrada y neurona más un sesgo por neurona; la capa más grande, {biggest}, reúne el {biggestShare} de ellos ({biggestParams}). Flatten y las activaciones no aprenden nada. El explicador de abajo hace la cuenta para cada modelo.',
  'word.higher': 'mayor que',
  'word.lower': 'menor que',
  'word.same': 'casi igual que',
  'word.grows': 'crece',
  'word.shrinks': 'se reduce',
  'word.rises': 'sube',
  'word.falls': 'baja',
  'word.steady': 'apenas cambia',
  'word.overfitting':
    'la red se vuelve más segura de lo que justifican sus resultados de prueba, la primera señal de sobreajuste',
  'word.noOverfitting': 'todavía no hay señales claras de sobreajuste',
  'word.layer': 'la {n} ({kind})',
  'word.pair': 'tomar {truth} por {pred}',
  'layer.Flatten': 'Flatten pone la imagen en una sola fila de números (28×28 → 784). No aprende nada.',
  'layer.Reshape': 'Reshape cambia cómo se ordenan los números (aquí añade un eje de canal) sin alterarlos.',
  'layer.Dense':
    'Dense conecta cada entrada con cada neurona: cada neurona suma sus entradas por pesos aprendidos, más un sesgo.',
  'layer.Conv2D':
    'Una convolución desliza pequeños filtros k×k por la imagen; cada filtro aprende a encenderse ante un patrón local (un borde, una esquina, una tira), esté donde esté.',
  'layer.MaxPooling2D':
    'El pooling se queda con el valor más fuerte de cada bloque de 2×2: la mitad de ancho y alto, los mismos canales, sin parámetros.',
  'layer.Dropout':
    'Dropout apaga al azar una parte de sus entradas solo durante el entrenamiento, para que la red no dependa de unas pocas; al predecir no hace nada.',
  'layer.BatchNormalization':
    'La normalización por lotes reescala cada canal a un rango estable, lo que hace el entrenamiento más rápido y estable.',
  'layer.relu':
    'ReLU deja los valores positivos y convierte los negativos en 0: el codo que permite a las capas apiladas aprender más que líneas rectas.',
  'layer.softmax': 'Softmax convierte los diez últimos números en diez probabilidades que suman 1, una por clase.',
};

/** The lab's dictionaries, for the answer templates (filled by answer-format.ts, not by t). */
export const LAB_TEXT: Record<Lang, Translation<LabStrings>> = { en, es };

registerStrings('lab', LAB_TEXT);
