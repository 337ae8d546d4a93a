// 简体中文 (see zhCN.ts): the same keys as enLearning.ts.
import type { enLearning } from './enLearning';

export const zhCNLearning: Record<keyof typeof enLearning, string> = {
  'explain.augment.topic': '数据增强',
  'explain.augment.text':
    'MNIST 的数字都居中、端正、大小一致；你写的并不是。数据增强在每一步把每张训练图像稍微平移、旋转、缩放和弯曲，每次都不一样，于是网络看到同一个数字的许多样子，学到的是数字本身而不是它的确切位置。测试准确率几乎不变；手写板上写的数字认得更准。代价是速度略慢（见顶部的每秒样本数）。',
  'lesson.misread.draw': '在手写板上写一个数字：模型收到的输入会显示在这里。',
  'lesson.misread.readAs': '认作 {{digit}}（{{percent}}%）',
  'lesson.misread.title': '为什么网络认错了你写的数字',
  'lesson.misread.text':
    '测试集不是真实世界：在 MNIST 测试图像上达到 97%，并不等于在全班写的数字上达到 97%。本课先不用数据增强训练。写一些数字，大的小的、歪的抖的，认错时看看手写板旁边的模型输入。然后把“数据增强”改为“平移、旋转、缩放”，按“重置”再按“训练”，再写同样的数字：下方的图像条显示网络现在学习的各种变形数字。',
  'preset.mlp-seed.name': '创始 MLP（784-128-10）',
  'preset.mlp-seed.blurb': '一个有 128 个 ReLU 单元的隐藏层：测试集准确率约 97.5%。',
  'preset.logistic.name': '逻辑回归',
  'preset.logistic.blurb': '没有隐藏层：每个数字的得分只是像素的加权和。最高约 92%。',
  'preset.mlp-deep-dropout.name': '带 Dropout 的更深 MLP',
  'preset.mlp-deep-dropout.blurb': '两个隐藏层，用 Dropout 防止过拟合。',
  'preset.lenet5.name': 'LeNet-5 风格的 CNN',
  'preset.lenet5.blurb': 'LeCun 的经典网络：两组卷积 + 池化，再接全连接层。',
  'preset.cnn-small.name': '小型 CNN（CPU 上也快）',
  'preset.cnn-small.blurb': '两个带步长的小卷积层：没有 GPU 也能很快训练的 CNN。',
  'lesson.label': '课程',
  'lesson.choose': '选择一节课…',
  'lesson.lr-too-high.title': '学习率太大',
  'lesson.lr-too-high.text':
    '梯度下降沿着损失的下坡方向一步步走。用普通 SGD、学习率 5 时，每一步都远远越过谷底：损失不降反升，直到权重爆炸。点“训练”，观察损失曲线，然后试试 0.1。',
  'lesson.lr-too-low.title': '学习率太小',
  'lesson.lr-too-low.text':
    '同一个网络用 0.00001 的学习率几乎不动：每一步方向都对，但太小了，训练一轮后准确率仍然很低。学习率是在速度和稳定之间取舍；训练时把它调大，看曲线如何转弯。',
  'lesson.no-hidden-layer.title': '没有隐藏层的网络',
  'lesson.no-hidden-layer.text':
    '没有隐藏层时，每个数字的得分只是像素的加权和：每个输出的权重看起来像这个数字的模糊模板（见“权重长什么样”）。它能达到约 92%；加一个 128 个 ReLU 单元的隐藏层再比较。',
  'lesson.dead-relu.title': '死亡的 ReLU',
  'lesson.dead-relu.text':
    'ReLU 单元对负输入输出 0，此时它的梯度也是 0。一次很大的 SGD 步长可能把某个单元推得太远，让它再也不会被激活：它“死”了。用 0.8 的学习率训练这个深层网络，在“网络内部”观察每层死亡 ReLU 的比例。',
  'lesson.cnn-vs-mlp.title': '卷积网络对比普通 MLP',
  'lesson.cnn-vs-mlp.text':
    '卷积让小卷积核在图像上滑动，所以同一笔画出现在任何位置都能被认出。这个 LeNet-5 风格的网络参数比创始 MLP 少，准确率却更高。把它的卷积核和特征图与 MLP 的 28×28 权重图对比一下。',
  'lesson.overfit-500.title': '只用 500 张图像时的过拟合',
  'lesson.overfit-500.text':
    '这个网络只在 500 张图像上反复训练。训练准确率很快达到 100%，测试准确率却停在低得多的地方：它记住了这 500 个样本，而没有学会数字的样子。调高 Dropout 比率或 L2 权重衰减，点“重置”，再比较两者的差距。',
  'explain.label': '解释：{{topic}}',
  'explain.neurons.topic': '神经元、权重和层',
  'explain.neurons.text':
    '每个单元（神经元）把每个输入乘以一个权重——也就是突触的强度——再加上偏置，然后把和送进激活函数，例如 ReLU（正数保留，负数变 0）。一层由许多并排的单元组成；深度网络把很多层叠起来，后面的层组合前面的层找到的模式。训练只改变权重和偏置。',
  'explain.activation.topic': '激活函数',
  'explain.activation.text':
    '激活函数把每个单元的加权和“弯折”一下：ReLU 保留正数、把负数变成 0，sigmoid 和 tanh 把它压缩到 (0, 1) 和 (−1, 1)，softmax 把最后一层的十个得分变成加起来等于 1 的概率。没有这种弯折，多少层叠在一起都等于一个加权和——再深也没有用。',
  'explain.lrChange.topic': '为什么改变学习率后损失会变化',
  'explain.lrChange.text':
    '每条虚线标出一次改动。调大学习率，每一步都变长：如果越过了谷底，损失会在虚线后立刻跳高或上升。调小学习率，步子变短：曲线变得平稳，可能降得更低，但学得更慢。',
  'explain.gradient.topic': '学习率与梯度下降',
  'explain.gradient.text':
    '反向传播为每个权重算出它该往哪个方向移动才能降低损失（梯度）。梯度下降再让每个权重逆着梯度走一步；学习率就是步长。太小，学习像爬行；太大，每一步都越过谷底，损失反而上升——训练时调大学习率，看损失曲线的反应。',
  'explain.loss.topic': '损失与准确率',
  'explain.loss.text':
    '损失（交叉熵）衡量预测的概率错得有多离谱：2.3 相当于在十个数字中盲猜，0 表示完全确定且正确。训练在一批批训练图像上降低它；橙色的点是 10,000 张网络从未训练过的测试图像上的准确率，它说明网络是学会了数字，还是只记住了样本。',
  'explain.histogram.topic': '权重直方图',
  'explain.histogram.text':
    '直方图统计一层中每个取值的权重有多少个。开始时它们是 0 附近的小随机数；随着网络学习，分布会展开、变形。梯度显示训练对权重推得有多用力；更新/权重比说明每一步相对权重本身有多大（约 0.001 比较健康）。死亡的 ReLU 单元对每张图像都输出 0，因此不再学习。',
  'insight.heading': '网络内部',
  'insight.layers': '各层：权重和梯度随时间的变化',
  'insight.stripNote': '每条色带显示最近约 80 秒训练中的分布；越亮表示取该值的权重越多。每秒刷新一次；测量占用',
  'insight.stripNoteEnd': '% 的训练时间。',
  'insight.layerTitle': '第 {{n}} 层：{{name}}',
  'insight.weights': '权重',
  'insight.gradients': '梯度',
  'insight.updateRatio': '更新 / 权重',
  'insight.ratioLarge': '（偏大：步长可能太大）',
  'insight.ratioTiny': '（极小：学习几乎停止）',
  'insight.ratioHealthy': '（健康 ≈ 0.001）',
  'insight.deadRelu': '死亡的 ReLU 单元',
  'insight.deadReluNote': '（在全部 256 张测试图像上都输出 0）',
  'insight.confusion': '混淆矩阵',
  'insight.confusionAfter': '（第 {{epoch}} 轮后，10,000 张测试图像）',
  'insight.confusionLater': '第一轮结束后出现。',
  'insight.correct': '正确识别的 {{digit}}：{{count}} 张',
  'insight.mistaken': '被认成 {{predicted}} 的 {{actual}}：{{count}} 张',
  'insight.mostConfident': '（显示把握最大的 {{n}} 张）',
  'insight.noImages': '没有测试图像落在这个格子里。',
  'insight.testImage': '测试图像 {{index}}，一个 {{digit}}',
  'insight.weightPictures': '权重长什么样',
  'insight.layerSees': '每一层看到了什么',
  'insight.noPictures': '没有直接读取图像的 Dense 层，也没有卷积层：没有可画的。',
  'insight.denseCaption': '第 {{n}} 层（前 {{count}} 个单元，每个 28×28 个权重）· 橙色为正，蓝色为负（±{{range}}）',
  'insight.convCaption': '第 {{n}} 层（{{count}} 个卷积核，{{side}}×{{side}}）· 橙色为正，蓝色为负（±{{range}}）',
  'insight.drawFirst': '写一个数字，看看每一层怎样理解它。',
  'insight.firstMaps': '，前 {{n}} 个特征图',
  'insight.featureMap': '第 {{n}} 层的第 {{i}} 个特征图',
  'insight.flatValues': '784 个值：把 28×28 图像排成一长列',
  'insight.flatImage': '{{label}}：展平后的输入图像',
  'insight.values': '{{n}} 个值',
  'insight.firstValues': '，前 {{n}} 个',
  'insight.probabilities': '（概率）',
  'insight.barsLabel': '{{label}}：{{n}} 个输出，最大 {{max}}',
  'lesson.lr-sweep.title': '学习率如何改变一切',
  'lesson.lr-sweep.text':
    '同一个网络用普通 SGD 训练五次，每次一个 epoch，只有学习率不同：0.001、0.01、0.1、1 和 10。它们轮流训练，五条损失曲线在图上一起增长。太小时损失几乎不动；合适时下降很快；太大时来回跳动甚至爆炸（那次训练会以发散结束）。点按钮，然后看汇总图：测试准确率随学习率的变化（对数刻度）。',
  'lesson.batch-sweep.title': '批大小：小一点还是大一点？',
  'lesson.batch-sweep.text':
    '批大小分别为 8、32、128、512 和 2048 的五次训练，每次都只训练 10 秒。小批量走很多步，每步小而有噪声；大批量每秒看的图像更多，但步数很少。同样的时间里谁学得最多？把图表的横轴换成“训练秒数”来公平比较，再看“样本/秒”那一列。',
  'lesson.sweepStart': '开始这个对比',
  'lesson.test-not-world.title': '测试集不是整个世界',
  'lesson.test-not-world.text':
    '点“训练”：两轮之后，网络能认对 MNIST 一万张测试数字中的约 97.5%。现在每个人在画板上写几个数字，点“加入我的数字”（先检查标签）。再训练一轮，比较绿色的“你的数字”点和测试准确率：MNIST 是 1990 年代美国人口普查局职员和学生用笔在纸质表格上写的，你们的数字和他们的不一样。然后勾选“用我的数字训练”，继续训练：看你们的数字从认错变成认对，而 MNIST 测试准确率几乎不变。对你们班来说，你更相信哪一个数字？',
  'lesson.garbage-in.title': '垃圾进：错误的标签',
  'lesson.garbage-in.text':
    '同一个网络跑四次，每次一轮，训练标签中分别有 0%、20%、40% 和 60% 被换成随机的错误数字；测试标签保持正确。按下按钮之前先猜一猜：60% 的标签都是错的时候，网络在测试集上的准确率会高于还是低于 50%？错误的标签指向四面八方，大多相互抵消，而正确的标签方向一致。看完汇总图后，再试试“植入混淆”：让某个数字的一部分统一带上同一个错误标签，这样就不会抵消了。',
  'lesson.missing-digit.title': '缺失的数字',
  'lesson.missing-digit.text':
    '这个网络训练两轮，训练数据里一个 7 都没有。看图表下方各数字的准确率：测试集里的 7 得分为 0，因为网络从没学过把哪个输出用在它们身上。现在在画板上写一个 7。网络说它是什么？有多确定？网络总会用它认识的某个数字来回答，而且常常很自信。把“保留比例”设为 0.01（6,000 个 7 中留 60 个），点“重置”再训练：多少个例子就够了？',
  'guide.heading': '第一步',
  'guide.stepOf': '第 {{n}} 步（共 {{total}} 步）：',
  'guide.train': '点“训练”（或按空格键），开始用 60,000 个手写数字教这个网络。',
  'guide.watch': '训练开始了。看损失图：它衡量网络现在错得有多厉害。',
  'guide.learning': '损失在下降：网络正在学习。再过几秒，它就把每张训练图像都看过一遍了（一个 epoch）。',
  'guide.draw': '一个 epoch 完成了，网络已在它从未训练过的 10,000 张图像上接受测试。现在在画板上写一个数字吧。',
  'guide.done': '网络认出了你写的数字。再写一个、改一个设置，或者选一节课。',
  'guide.keys': '快捷键：空格键开始/暂停训练，S 训练一个批次，C 清空画板。',
  'guide.dismiss': '隐藏引导',
  'guide.close': '关闭',
  'guide.open': '第一步与快捷键',
  'insight.emptyHint':
    '这些视图会随训练逐渐出现：点“训练”后一秒内出现权重分布和图像，第一个 epoch 结束后出现混淆矩阵。',
};
