// English: presets, lessons, the "?" explanations and the views inside the network. Part of the catalogue in en.ts.
export const enLearning = {
  'explain.augment.topic': 'Data augmentation',
  'explain.augment.text':
    'MNIST digits are all centred, upright and the same size; yours are not. Augmentation moves, turns, resizes and bends every training image a little, differently at every step, so the network sees many versions of each digit and learns the digit rather than its exact position. Test accuracy barely changes; digits drawn on the pad are read better. It costs a little speed (the examples/s in the header).',
  'lesson.misread.draw': 'Draw a digit on the pad: what the model receives appears here.',
  'lesson.misread.readAs': 'Read as {{digit}} ({{percent}}%)',
  'lesson.misread.title': 'Why the network misreads your digit',
  'lesson.misread.text':
    'The test set is not the world: 97% on MNIST’s test images does not mean 97% on digits your class draws. This lesson trains without augmentation first. Draw digits, small and large, slanted and wobbly, and look at the model input next to the pad when one is misread. Then switch "Data augmentation" to "shifts, rotation, scale", press Reset and Train, and draw the same digits again: the strip under it shows the varied digits the network now learns from.',
  'preset.mlp-seed.name': 'Founding MLP (784-128-10)',
  'preset.mlp-seed.blurb': 'One hidden layer of 128 ReLU units: about 97.5% on the test set.',
  'preset.logistic.name': 'Logistic regression',
  'preset.logistic.blurb': 'No hidden layer: each digit is a weighted sum of pixels. Tops out near 92%.',
  'preset.mlp-deep-dropout.name': 'Deeper MLP with dropout',
  'preset.mlp-deep-dropout.blurb': 'Two hidden layers with dropout against overfitting.',
  'preset.lenet5.name': 'LeNet-5 style CNN',
  'preset.lenet5.blurb': 'LeCun’s classic: two convolution + pooling stages, then dense layers.',
  'preset.cnn-small.name': 'Small CNN (fast on CPU)',
  'preset.cnn-small.blurb': 'Two small convolutions with strides: a CNN that still trains quickly without a GPU.',
  'lesson.label': 'Lesson',
  'lesson.choose': 'Choose a lesson…',
  'lesson.lr-too-high.title': 'A learning rate that is too high',
  'lesson.lr-too-high.text':
    'Gradient descent takes steps downhill on the loss. With plain SGD and a learning rate of 5, every step jumps far past the valley floor: the loss climbs instead of falling until the weights blow up. Press Train, watch the loss, then try 0.1.',
  'lesson.lr-too-low.title': 'A learning rate that is too low',
  'lesson.lr-too-low.text':
    'The same network with a learning rate of 0.00001 barely moves: each step is correct but tiny, so after an epoch the accuracy is still poor. Learning rate is a trade-off between speed and stability; raise it while training and see the curve bend.',
  'lesson.no-hidden-layer.title': 'A network with no hidden layer',
  'lesson.no-hidden-layer.text':
    'Without a hidden layer each digit score is just a weighted sum of pixels: the weights of each output look like a blurry template of its digit (see "What the weights look like"). It reaches about 92%; add a hidden layer of 128 ReLU units and compare.',
  'lesson.dead-relu.title': 'Dead ReLUs',
  'lesson.dead-relu.text':
    'A ReLU unit outputs zero for negative inputs, and then its gradient is zero too. A big SGD step can push a unit so far that it never fires again: it is "dead". Train this deep network with learning rate 0.8 and watch the dead-ReLU share of each layer under "Inside the network".',
  'lesson.cnn-vs-mlp.title': 'Convolutions against a plain MLP',
  'lesson.cnn-vs-mlp.text':
    'A convolution slides small filters over the image, so a stroke is recognised wherever it is. This LeNet-5 style network has fewer parameters than the founding MLP yet reaches higher accuracy. Compare its filters and feature maps with the MLP’s 28×28 weight pictures.',
  'lesson.overfit-500.title': 'Overfitting on 500 images',
  'lesson.overfit-500.text':
    'This network trains on only 500 images, again and again. Training accuracy soon reaches 100% while test accuracy stalls far below: it memorised those 500 examples instead of learning what digits look like. Raise the dropout rate or the L2 weight decay, press Reset, and compare the gap.',
  'explain.label': 'Explain: {{topic}}',
  'explain.neurons.topic': 'Neurons, weights and layers',
  'explain.neurons.text':
    'Each unit (neuron) multiplies every input by a weight — the strength of a synapse — adds a bias and passes the sum through an activation function such as ReLU (keep positives, zero the rest). A layer is many units side by side; a deep network stacks layers, so later layers combine the patterns earlier ones found. Training only changes the weights and biases.',
  'explain.activation.topic': 'Activation functions',
  'explain.activation.text':
    'The activation function bends each unit’s weighted sum: ReLU keeps positives and turns negatives into 0, sigmoid and tanh squash it into (0, 1) and (−1, 1), and softmax turns the last layer’s ten scores into probabilities that add up to 1. Without this bend, any stack of layers would collapse into one weighted sum — depth would add nothing.',
  'explain.lrChange.topic': 'Why the loss reacts to a learning-rate change',
  'explain.lrChange.text':
    'Each dashed line marks a change. Raise the learning rate and every step gets longer: if it overshoots the bottom of the valley, the loss jumps or climbs right after the line. Lower it and the steps get shorter: the curve calms down and can settle lower, but learns more slowly.',
  'explain.gradient.topic': 'Learning rate and gradient descent',
  'explain.gradient.text':
    'Backpropagation works out, for every weight, which way it should move to lower the loss (the gradient). Gradient descent then moves each weight a step against its gradient; the learning rate is the step size. Too small and learning crawls; too large and each step overshoots the valley, so the loss goes up instead of down — raise it while training and watch the loss curve react.',
  'explain.loss.topic': 'Loss and accuracy',
  'explain.loss.text':
    'The loss (cross-entropy) measures how wrong the predicted probabilities are: 2.3 is a blind guess among ten digits, 0 is certain and right. Training lowers it on batches of training images; the orange points show accuracy on 10,000 test images the network never trains on, which tells whether it learned digits or memorised examples.',
  'explain.histogram.topic': 'Weight histograms',
  'explain.histogram.text':
    'The histogram counts how many weights of a layer have each value. At the start they are small random numbers around 0; as the network learns, the shape spreads and changes. Gradients show how hard training pushes on the weights; the update/weight ratio says how big each step is compared with the weights themselves (about 0.001 is healthy). A dead ReLU unit outputs 0 for every image, so it no longer learns.',
  'insight.heading': 'Inside the network',
  'insight.layers': 'Layers: weights and gradients over time',
  'insight.stripNote':
    'Each strip shows a distribution over the last ~80 seconds of training; brighter = more weights with that value. Refreshed every second; measuring takes',
  'insight.stripNoteEnd': '% of training time.',
  'insight.layerTitle': 'Layer {{n}}: {{name}}',
  'insight.weights': 'Weights',
  'insight.gradients': 'Gradients',
  'insight.updateRatio': 'Update / weight',
  'insight.ratioLarge': ' (large: steps may be too big)',
  'insight.ratioTiny': ' (tiny: learning has nearly stopped)',
  'insight.ratioHealthy': ' (healthy ≈ 0.001)',
  'insight.deadRelu': 'Dead ReLU units',
  'insight.deadReluNote': '(silent on all of 256 test images)',
  'insight.confusion': 'Confusion matrix',
  'insight.confusionAfter': '(after epoch {{epoch}}, 10,000 test images)',
  'insight.confusionLater': 'Appears after the first epoch.',
  'insight.correct': 'Correctly recognised {{digit}}s: {{count}} image(s)',
  'insight.mistaken': '{{actual}}s taken for {{predicted}}s: {{count}} image(s)',
  'insight.mostConfident': ' (the {{n}} most confident shown)',
  'insight.noImages': 'No test image falls in this cell.',
  'insight.testImage': 'Test image {{index}}, a {{digit}}',
  'insight.weightPictures': 'What the weights look like',
  'insight.layerSees': 'What each layer sees',
  'insight.noPictures': 'No dense layer reads the image directly and no convolution: nothing to draw.',
  'insight.denseCaption': 'Layer {{n}} (first {{count}} units, 28×28 weights each) · orange +, blue − (±{{range}})',
  'insight.convCaption': 'Layer {{n}} ({{count}} filters, {{side}}×{{side}}) · orange +, blue − (±{{range}})',
  'insight.drawFirst': 'Draw a digit to see what each layer makes of it.',
  'insight.firstMaps': ', first {{n}} maps',
  'insight.featureMap': 'Feature map {{i}} of layer {{n}}',
  'insight.flatValues': '784 values: the 28×28 image as one long list',
  'insight.flatImage': '{{label}}: the input image flattened',
  'insight.values': '{{n}} values',
  'insight.firstValues': ', first {{n}}',
  'insight.probabilities': ' (probabilities)',
  'insight.barsLabel': '{{label}}: {{n}} outputs, largest {{max}}',
  'lesson.lr-sweep.title': 'How the learning rate changes everything',
  'lesson.lr-sweep.text':
    'Five runs of the same network with plain SGD, one epoch each, differing only in the learning rate: 0.001, 0.01, 0.1, 1 and 10. They take turns, so the five loss curves grow together on the chart. Too small and the loss barely moves; about right and it falls fast; too large and it jumps around or blows up (that run stops as diverged). Press the button, then read the summary chart: test accuracy against the learning rate, on a log scale.',
  'lesson.batch-sweep.title': 'Small batches or large?',
  'lesson.batch-sweep.text':
    'Five runs with batch sizes 8, 32, 128, 512 and 2048, each given the same 10 seconds of training. Small batches take many small, noisy steps; large batches see more images per second but take few steps. Which learns most in the same time? Switch the charts\' x axis to "training seconds" to compare fairly, and look at the examples/s column.',
  'lesson.sweepStart': 'Run this comparison',
  'lesson.test-not-world.title': 'The test set is not the world',
  'lesson.test-not-world.text':
    'Press Train: after two epochs the network reads about 97.5% of MNIST\'s 10,000 test digits. Now everyone draws a few digits on the pad and presses "Add to my digits" (check the label first). Train one more epoch and compare the green "your digits" dots with the test accuracy: MNIST was written by American census staff and students in the 1990s, with pens on paper forms, and your digits are not like theirs. Then tick "Train with my digits" and train on: watch your digits go from misread to read while the MNIST test accuracy barely moves. Which of the two numbers would you trust for your class?',
  'lesson.garbage-in.title': 'Garbage in: wrong labels',
  'lesson.garbage-in.text':
    'Four runs of the same network, one epoch each, with 0%, 20%, 40% and 60% of the training labels replaced by a random wrong digit. The test labels stay right. Before you press the button, guess: at 60% wrong labels, will the network score above or below 50% on the test set? The wrong labels point every which way, so they mostly cancel out, while the right ones all agree. Read the summary chart, then try one confusion instead: "Planted confusion" makes a share of one digit carry one wrong label, which does not cancel out.',
  'lesson.missing-digit.title': 'The missing digit',
  'lesson.missing-digit.text':
    'This network trains two epochs without a single 7. Look at the per-digit accuracy under the charts: the 7s of the test set score 0, because the network has no output it ever learned to use for them. Now draw a 7 on the pad. What does the network say, and how sure is it? A network always answers with one of the digits it knows, often confidently. Set "Share of it kept" to 0.01 (60 sevens out of 6,000), press Reset and train again: how few examples are enough?',
  'guide.heading': 'First steps',
  'guide.stepOf': 'Step {{n}} of {{total}}:',
  'guide.train': 'Press Train (or the Space key) to start teaching the network with 60,000 handwritten digits.',
  'guide.watch': 'Training has started. Watch the loss chart: it measures how wrong the network still is.',
  'guide.learning':
    'The loss is falling: the network is learning. In a few seconds it will have seen every training image once (one epoch).',
  'guide.draw':
    'One epoch done, and the network has been tested on 10,000 images it never trained on. Now draw a digit on the pad.',
  'guide.done': 'The network read your digit. Try another, change a setting, or pick a lesson.',
  'guide.keys': 'Keys: Space trains and pauses, S trains one batch, C clears the pad.',
  'guide.dismiss': 'Hide the guide',
  'guide.close': 'Close',
  'guide.open': 'First steps and keyboard shortcuts',
  'insight.emptyHint':
    'These views fill as the network trains: the weight distributions and pictures within a second of pressing Train, the confusion matrix after the first epoch.',
} as const;
