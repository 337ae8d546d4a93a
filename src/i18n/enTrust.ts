// English: what the trust boundary says: values from links, files and storage that were refused, and changes
// an exercise link's locks did not allow. Part of en.ts.
export const enTrust = {
  'decode.layerNotObject': 'layer {{n}} is damaged',
  'decode.layerKind': 'layer {{n}} has an unknown kind "{{kind}}"',
  'decode.layerField': '{{kind}} layer {{n}}: {{field}} must be a whole number from {{min}} to {{max}}',
  'url.nothingKnown': 'it names nothing this playground knows',
  'decode.layerActivation': 'layer {{n}} has an unknown activation',
  'decode.layerPadding': 'layer {{n}} has an unknown padding',
  'decode.layerRate': 'layer {{n}}: the dropout rate must be from 0 to {{max}}',
  'decode.noLayers': 'the network has no list of layers',
  'decode.configNotObject': 'the hyperparameters are damaged',
  'lock.refused': '{{source}} was not applied: this exercise link locks {{parts}}.',
  'lock.parts.network': 'the network',
  'lock.parts.hyper': 'the hyperparameters',
  'lock.parts.both': 'the network and the hyperparameters',
  'lock.source.lesson': 'The lesson',
  'lock.source.run': "The run's settings",
  'lock.source.sweep': "The sweep's setting",
  'lock.source.session': 'The session',
  'lock.source.import': 'The imported model',
  'lock.source.link': 'The link',
  'lock.source.preset': 'The preset',
  'lock.source.edit': 'The change',
  'lock.sweepLocked': 'Comparing settings is off: this exercise link locks the hyperparameters.',
  'link.notApplied': 'The new link was not applied: {{problem}}',
  'link.confirmDiscard':
    'The link changes the network, which throws away the {{batch}} batches trained so far. Apply it?',
  'link.declined': 'The link was not applied: the trained network was kept.',
  'io.storageUnavailable':
    'This browser does not let the page use site storage, so sessions cannot be kept in it. Download the session as a file instead.',
  'import.duplicatePath': 'the manifest lists the file "{{file}}" more than once',
  'import.manifestTooLarge': 'the manifest asks for {{mb}} MB of weights, more than {{limit}} MB',
  'import.badVariance': 'the BatchNorm moving variance "{{name}}" has values below 0',
  'file.weightBadVariance': 'weight array {{n}} is a BatchNorm moving variance with values below 0',
  'problem.batchPatches':
    'Layer {{n}} (a convolution) needs {{mb}} MB for its patch matrices at a batch of {{batch}} (limit {{limit}} MB): use a smaller kernel, fewer input channels, a larger stride or a batch of at most {{max}}.',
  'builder.fieldRange': '{{field}}: a whole number from {{min}} to {{max}} (the last valid value is kept)',
  'builder.rateRange': '{{field}}: from {{min}} to {{max}} (the last valid value is kept)',
  'data.tooLarge':
    '{{name}} is larger than that MNIST file can be ({{mb}} MB at most), so it is not the right file. Press Retry to download it again.',
};
